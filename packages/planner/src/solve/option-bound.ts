import type { Candidates } from './candidates.js';
import type { Network } from './network.js';

/**
 * A lower bound on the objective (leaving out orders no option serves) that needs no solver: every order either pays W × priority or
 * at least its cheapest option's share of the costs — its isotope, the batch cost in proportion to
 * the part of the batch it fills, and the vehicle cost in proportion to the seats or transport
 * index it takes. Summed over orders this never exceeds a plan's cost (it is the LP relaxation of
 * the model without the x ≤ y, x ≤ z, line, supply and licence rows).
 */
export function optionBound(net: Network, cands: Candidates): number {
  let bound = 0;
  for (const slot of cands.slots) {
    if (!slot.fixed) continue;
    const product = net.products[slot.product]!;
    bound += product.spec.costPerBatch + slot.capacityBq * product.costPerEosBq;
  }
  for (const order of net.orders) {
    if ((cands.optionsByOrder[order.index]?.length ?? 0) === 0) continue;
    let best = net.unservedWeight * order.spec.priority;
    for (const i of cands.optionsByOrder[order.index] ?? []) {
      best = Math.min(best, optionShare(net, cands, i));
    }
    bound += best;
  }
  return bound;
}

/** The least an option can cost its order (see optionBound). */
export function optionShare(net: Network, cands: Candidates, option: number): number {
  const o = cands.options[option]!;
  const slot = cands.slots[o.slot]!;
  const product = net.products[slot.product]!;
  const lane = net.lanes[o.lane]!.spec;
  const batch = slot.fixed
    ? 0
    : o.needBq * product.costPerEosBq + (product.spec.costPerBatch * o.needBq) / slot.capacityBq;
  const seat = Math.max(1 / lane.vehicleCapacity, o.transportIndex / lane.maxTransportIndex);
  return batch + lane.cost * seat;
}
