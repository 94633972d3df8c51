import type { FixedBatch, OrderSpec, Outage, PlanningInstance } from './instance.js';
import type { Plan } from './plan.js';

export interface Disruption {
  /** The moment of re-planning: batches started before it stay as they are. */
  readonly now: string;
  /** Equipment that fails (from `now` or later). */
  readonly outages?: readonly Outage[];
  /** Orders that arrive late (e.g. urgent ones). */
  readonly newOrders?: readonly OrderSpec[];
}

/**
 * The instance to re-plan after a disruption: the previous plan's batches that have started by
 * `now` become fixed (a batch whose synthesis was still running on a line that fails is lost), the
 * outages and new orders are added, and nothing may start before `now`.
 */
export function replanInstance(
  instance: PlanningInstance,
  previous: Plan,
  disruption: Disruption,
): PlanningInstance {
  const now = Date.parse(disruption.now);
  const outages = [...(instance.outages ?? []), ...(disruption.outages ?? [])];
  const lost = (site: string, line: string, start: number, eos: number) =>
    outages.some(
      (o) =>
        o.site === site &&
        o.line === line &&
        Date.parse(o.from) < eos &&
        (o.to === undefined || start < Date.parse(o.to)),
    );
  const fixedBatches: FixedBatch[] = previous.batches
    .filter((b) => Date.parse(b.startAt) <= now)
    .filter((b) => b.fixed || !lost(b.site, b.line, Date.parse(b.startAt), Date.parse(b.eosAt)))
    .map((b) => ({
      id: b.id,
      site: b.site,
      line: b.line,
      product: b.product,
      startAt: b.startAt,
      eosActivityBq: b.eosActivityBq,
    }));
  // Nothing new starts before now: close the sites until then.
  const sites = instance.sites.map((site) => ({
    ...site,
    open: site.open
      .filter((i) => Date.parse(i.end) > now)
      .map((i) => (Date.parse(i.start) < now ? { ...i, start: disruption.now } : i)),
  }));
  return {
    ...instance,
    sites,
    orders: [...instance.orders, ...(disruption.newOrders ?? [])],
    fixedBatches,
    outages,
  };
}
