import type { Candidates } from './candidates.js';
import type { Network } from './network.js';
import { PlanState } from './plan-state.js';

/**
 * The baseline: planning by hand. Orders first come, first served; each goes to the nearest site
 * that can serve it (shortest lane), into the earliest batch already running there that has room,
 * else into a new batch at the earliest start its line allows.
 */
export function greedyPlan(net: Network, cands: Candidates): number[] {
  const state = new PlanState(net, cands);
  for (const order of net.orders) {
    const options = (cands.optionsByOrder[order.index] ?? []).map((i) => cands.options[i]!);
    const rank = (o: (typeof options)[number]) => {
      const slot = cands.slots[o.slot]!;
      return [
        net.lanes[o.lane]!.spec.durationMinutes,
        state.isOpen(slot.index) ? 0 : 1,
        slot.start,
      ];
    };
    const sorted = options
      .map((o) => ({ o, r: rank(o) }))
      .sort((a, b) => a.r[0]! - b.r[0]! || a.r[1]! - b.r[1]! || a.r[2]! - b.r[2]!);
    for (const { o } of sorted) if (state.tryAdd(o)) break;
  }
  return state.chosen;
}
