import type { Candidates, DoseOption } from './candidates.js';
import type { Network } from './network.js';
import { PlanState } from './plan-state.js';

/**
 * A good plan fast, to start the exact model from: orders with the fewest options first (most
 * important first among equals); each takes the option that adds least to the cost given what is
 * already planned — its isotope, plus a batch or a vehicle only when it opens a new one (less the
 * re-planning bonus for serving it as before).
 */
export function insertionPlan(
  net: Network,
  cands: Candidates,
  keepBonus?: ReadonlyMap<number, number>,
): number[] {
  const state = new PlanState(net, cands);
  const orders = [...net.orders].sort(
    (a, b) =>
      b.spec.priority - a.spec.priority ||
      (cands.optionsByOrder[a.index]?.length ?? 0) - (cands.optionsByOrder[b.index]?.length ?? 0) ||
      a.calibration - b.calibration,
  );
  for (const order of orders) {
    const ranked = (cands.optionsByOrder[order.index] ?? [])
      .map((i) => {
        const o = cands.options[i]!;
        return { o, cost: marginalCost(net, cands, state, o, keepBonus) };
      })
      .sort((a, b) => a.cost - b.cost);
    for (const { o } of ranked) if (state.tryAdd(o)) break;
  }
  return state.chosen;
}

/** What an option adds to a partial plan's cost: its isotope, and a batch or vehicle it opens. */
export function marginalCost(
  net: Network,
  cands: Candidates,
  state: PlanState,
  o: DoseOption,
  keepBonus?: ReadonlyMap<number, number>,
): number {
  const slot = cands.slots[o.slot]!;
  const product = net.products[slot.product]!;
  return (
    (slot.fixed ? 0 : o.needBq * product.costPerEosBq) +
    (state.isOpen(slot.index) ? 0 : product.spec.costPerBatch) +
    (state.hasShipment(o.shipmentKey) ? 0 : net.lanes[o.lane]!.spec.cost) -
    (keepBonus?.get(o.index) ?? 0)
  );
}
