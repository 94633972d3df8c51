import type { Candidates } from './candidates.js';
import type { Network } from './network.js';

/** The objective of a selection of options (rule 11): costs + W × priority of each unserved order. */
export function selectionObjective(
  net: Network,
  cands: Candidates,
  chosen: readonly number[],
): number {
  const slots = new Set<number>();
  const shipments = new Map<string, number>();
  const served = new Set<number>();
  let total = 0;
  for (const i of chosen) {
    const o = cands.options[i]!;
    const slot = cands.slots[o.slot]!;
    if (!slot.fixed) total += o.needBq * net.products[slot.product]!.costPerEosBq;
    slots.add(o.slot);
    shipments.set(o.shipmentKey, net.lanes[o.lane]!.spec.cost);
    served.add(o.order);
  }
  for (const s of slots)
    if (!cands.slots[s]!.fixed) total += net.products[cands.slots[s]!.product]!.spec.costPerBatch;
  for (const cost of shipments.values()) total += cost;
  for (const order of net.orders)
    if (!served.has(order.index)) total += net.unservedWeight * order.spec.priority;
  return total;
}

/**
 * The penalty of the orders no option can serve: they are unserved in every plan, so the bounds
 * and the gap leave it out.
 */
export function unservablePenalty(net: Network, cands: Candidates): number {
  return net.orders
    .filter((o) => (cands.optionsByOrder[o.index]?.length ?? 0) === 0)
    .reduce((sum, o) => sum + net.unservedWeight * o.spec.priority, 0);
}

/** The better of several selections by objective. */
export function bestSelection(
  net: Network,
  cands: Candidates,
  selections: readonly (readonly number[])[],
): number[] {
  let best: readonly number[] = [];
  let value = Infinity;
  for (const s of selections) {
    const v = selectionObjective(net, cands, s);
    if (v < value) {
      value = v;
      best = s;
    }
  }
  return [...best];
}
