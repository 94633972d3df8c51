import type {
  DepartedShipment,
  FixedBatch,
  OrderSpec,
  Outage,
  PlanningInstance,
} from './instance.js';
import type { Plan } from './plan.js';

export interface Disruption {
  /** The moment of re-planning: batches started by it and shipments that left before it stay as they are. */
  readonly now: string;
  /** Equipment that fails (from `now` or later). */
  readonly outages?: readonly Outage[];
  /** Orders that arrive late (e.g. urgent ones). */
  readonly newOrders?: readonly OrderSpec[];
  /** Batches whose production has begun (their batch record has a signed step), even early. */
  readonly startedBatches?: readonly string[];
  /** Batches a qualified person rejected: lost, like a batch on a failed line. */
  readonly rejectedBatches?: readonly string[];
}

/**
 * The instance to re-plan after a disruption: the previous plan's batches that have started by
 * `now` (or whose production has begun early) become fixed — a batch whose synthesis was still
 * running on a line that fails is lost, and so is a batch a qualified person rejected; its
 * shipments that left before `now` become departed, with their doses exactly as they left; the
 * outages and new orders are added; nothing new may start or leave before `now`.
 *
 * The orders of departed doses must still be in `instance.orders` (a dose on the road exists even
 * when its order has been cancelled since).
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
  const started = new Set(disruption.startedBatches ?? []);
  const rejected = new Set(disruption.rejectedBatches ?? []);
  // A rejected batch's doses never left, whatever the plan's departure time said.
  const leftByPlan = new Set(
    previous.shipments.filter((s) => Date.parse(s.departAt) < now).map((s) => s.id),
  );
  const departedDoses = previous.doses.filter(
    (d) => leftByPlan.has(d.shipment) && !rejected.has(d.batch),
  );
  const departedIds = new Set(departedDoses.map((d) => d.shipment));
  // A batch whose doses have left was released: it stays, whatever fails now.
  const shipped = new Set(departedDoses.map((d) => d.batch));
  const fixedBatches: FixedBatch[] = previous.batches
    .filter((b) => Date.parse(b.startAt) <= now || started.has(b.id))
    .filter(
      (b) =>
        shipped.has(b.id) ||
        (!rejected.has(b.id) &&
          (b.fixed || !lost(b.site, b.line, Date.parse(b.startAt), Date.parse(b.eosAt)))),
    )
    .map((b) => ({
      id: b.id,
      site: b.site,
      line: b.line,
      product: b.product,
      startAt: b.startAt,
      eosActivityBq: b.eosActivityBq,
    }));
  const departedShipments: DepartedShipment[] = previous.shipments
    .filter((s) => departedIds.has(s.id))
    .map((s) => ({
      id: s.id,
      lane: s.lane,
      departAt: s.departAt,
      arriveAt: s.arriveAt,
      doses: departedDoses
        .filter((d) => d.shipment === s.id)
        .map((d) => ({ order: d.order, batch: d.batch, eosActivityBq: d.eosActivityBq })),
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
    replanFrom: new Date(now).toISOString(),
    departedShipments,
    outages,
  };
}
