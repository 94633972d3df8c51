import type { Candidates, DoseOption } from './candidates.js';
import { groupBy } from './group-by.js';
import type { Network } from './network.js';

/**
 * A lower bound on the objective (leaving out orders no option serves) that needs no solver.
 * Every order either pays W × priority or at least its cheapest option's share of the costs: its
 * isotope; the batch cost in proportion to the part of the batch it fills — where a batch can
 * only ever be filled by the orders that have an option in it, so at most min(batch limit, their
 * summed need); and its share of the vehicle cost (`vehicleShares`). The shares of what one
 * batch or one vehicle carries in any plan sum to at most its cost, so the sum never exceeds a
 * plan's cost.
 */
export function optionBound(net: Network, cands: Candidates): number {
  const share = optionShares(net, cands);
  let bound = fixedBatchCost(net, cands);
  for (const order of net.orders) {
    const options = cands.optionsByOrder[order.index] ?? [];
    if (options.length === 0) continue;
    let best = net.unservedWeight * order.spec.priority;
    for (const i of options) best = Math.min(best, share[i]!);
    bound += best;
  }
  return bound;
}

/** What the fixed batches cost, whatever the plan: part of every lower bound. */
export function fixedBatchCost(net: Network, cands: Candidates): number {
  let cost = 0;
  for (const slot of cands.slots) {
    if (!slot.fixed) continue;
    const product = net.products[slot.product]!;
    cost += product.spec.costPerBatch + slot.capacityBq * product.costPerEosBq;
  }
  return cost;
}

/** The least each option can cost its order (see optionBound). */
export function optionShares(net: Network, cands: Candidates): Float64Array {
  // What the orders that could use a batch could fill of it, each order once.
  const slotFill = new Float64Array(cands.slots.length);
  for (const [slot, list] of groupBy(cands.options, (o) => o.slot)) {
    const need = new Map<number, number>();
    for (const o of list) need.set(o.order, Math.max(need.get(o.order) ?? 0, o.needBq));
    let sum = 0;
    for (const n of need.values()) sum += n;
    slotFill[slot] = Math.min(cands.slots[slot]!.roomBq, sum);
  }
  const vehicle = vehicleShares(net, cands);
  return Float64Array.from(cands.options, (o) => {
    const slot = cands.slots[o.slot]!;
    const product = net.products[slot.product]!;
    const batch = slot.fixed
      ? 0
      : o.needBq * product.costPerEosBq +
        (product.spec.costPerBatch * o.needBq) / slotFill[o.slot]!;
    return batch + vehicle[o.index]!;
  });
}

/**
 * Each option's share of its vehicle's cost: half in proportion to a seat of the seats the
 * orders with an option on that vehicle could fill, half in proportion to its transport index of
 * the index they could fill (all of it by seat when none has an index). Any load the vehicle may
 * carry takes at most all its seats and all its index, so the shares of a load never sum to more
 * than the vehicle's cost. (The larger of the two proportions, used before, could: an order with
 * an index above the average took more than a seat's share while the others kept theirs.)
 */
export function vehicleShares(net: Network, cands: Candidates): Float64Array {
  const shares = new Map<string, (ti: number) => number>();
  for (const [key, list] of groupBy(cands.options, (o) => o.shipmentKey))
    shares.set(key, loadShare(net, list));
  return Float64Array.from(
    cands.options,
    (o) => net.lanes[o.lane]!.spec.cost * shares.get(o.shipmentKey)!(o.transportIndex),
  );
}

/**
 * A ride's share of a full load of the vehicle `options` (all of one shipment) would ride: half a
 * seat of the seats their orders could fill, half its transport index of the index they could
 * fill (all by seat when none has an index).
 */
export function loadShare(net: Network, options: readonly DoseOption[]): (ti: number) => number {
  const ti = new Map<number, number>();
  for (const o of options) ti.set(o.order, Math.max(ti.get(o.order) ?? 0, o.transportIndex));
  const lane = net.lanes[options[0]!.lane]!.spec;
  const seats = Math.min(lane.vehicleCapacity, ti.size);
  let sum = 0;
  for (const t of ti.values()) sum += t;
  const tiFill = Math.min(lane.maxTransportIndex, sum);
  return (t) => (tiFill > 0 ? (1 / seats + t / tiFill) / 2 : 1 / seats);
}
