import type { Plan } from '../plan.js';
import type { Candidates } from './candidates.js';
import type { Network } from './network.js';

/**
 * Re-planning: a bonus for every option that serves an order exactly as the previous plan did
 * (same site, line, batch start and lane), so the new plan changes only what it must. The bonus,
 * W ÷ 20, outweighs the cost savings of moving a dose but never the serving of an order.
 */
export function keepBonus(net: Network, cands: Candidates, previous: Plan): Map<number, number> {
  const batches = new Map(previous.batches.map((b) => [b.id, b]));
  const shipments = new Map(previous.shipments.map((s) => [s.id, s]));
  const before = new Map<string, string>();
  for (const dose of previous.doses) {
    const batch = batches.get(dose.batch);
    const shipment = shipments.get(dose.shipment);
    if (batch && shipment)
      before.set(
        dose.order,
        `${batch.site}|${batch.line}|${Date.parse(batch.startAt)}|${shipment.lane}`,
      );
  }
  const bonus = new Map<number, number>();
  const weight = net.unservedWeight / 20;
  for (const o of cands.options) {
    const order = net.orders[o.order]!;
    const want = before.get(order.spec.id);
    if (want === undefined) continue;
    const slot = cands.slots[o.slot]!;
    const startMs = net.originMs + Math.round(slot.start * 60) * 1000;
    const key = `${net.sites[slot.site]!.spec.id}|${net.lines[slot.line]!.spec.id}|${startMs}|${net.lanes[o.lane]!.spec.id}`;
    if (key === want) bonus.set(o.index, weight);
  }
  return bonus;
}
