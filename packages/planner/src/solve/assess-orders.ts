import type { PlanningInstance } from '../instance.js';
import { candidates } from './candidates.js';
import { compileNetwork } from './network.js';
import { localClock, unservedReasons } from './unserved-reasons.js';

/** Whether the network could serve an order on its own, before any plan shares capacity out. */
export type OrderAssessment =
  | {
      readonly orderId: string;
      readonly servable: true;
      /** Sites with at least one feasible batch and route for it, by name. */
      readonly sites: readonly string[];
      /** The latest batch start (local wall clock of the instance's zone, HH:MM) that still serves it. */
      readonly latestBatchStart: string;
    }
  | { readonly orderId: string; readonly servable: false; readonly reason: string };

/**
 * Each order of the instance judged by the planner's own rules for a single dose (shelf life, lane
 * timing, receiving and opening hours, licences, batch size, transport index): servable with the
 * sites that could make it, or not with the planner's reason. Capacity shared with other orders is
 * the plan's business, not this one's, so a servable order may still be left out of a full day.
 */
export function assessOrders(instance: PlanningInstance): OrderAssessment[] {
  const net = compileNetwork(instance);
  const cands = candidates(net, {
    stepMinutes: instance.settings?.batchStepMinutes ?? 30,
    startsPerLine: 1,
  });
  const none = net.orders.flatMap((o) =>
    cands.optionsByOrder[o.index]!.length === 0 ? [o.index] : [],
  );
  const reasons = unservedReasons(net, cands, none, []);
  const clock = localClock(net);
  return net.orders.map((o) => {
    const options = cands.optionsByOrder[o.index]!.map((i) => cands.options[i]!);
    if (options.length === 0)
      return { orderId: o.spec.id, servable: false, reason: reasons.get(o.index)! };
    const slots = options.map((opt) => cands.slots[opt.slot]!);
    const latest = Math.max(...slots.map((s) => s.start));
    return {
      orderId: o.spec.id,
      servable: true,
      sites: [...new Set(slots.map((s) => net.sites[s.site]!.spec.name))].sort(),
      latestBatchStart: clock(latest),
    };
  });
}
