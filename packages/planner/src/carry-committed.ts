import type { DepartedShipment, FixedBatch, OrderSpec, PlanningInstance } from './instance.js';
import type { Plan } from './plan.js';

/** A committed plan of an earlier horizon, with the instance it was made from. */
export interface CommittedPlan {
  readonly instance: PlanningInstance;
  readonly plan: Plan;
}

/**
 * A horizon planned after an earlier committed plan (a rolling horizon): the earlier plan's
 * batches that start before this horizon and serve any of its orders stay as they are (fixed), and
 * so does every dose of theirs on a vehicle that leaves before the horizon (departed, exactly as
 * planned, with its order) — so that the activity those doses took is not offered twice. A batch
 * that shares such a vehicle is kept as well. Doses of a kept batch that leave within the horizon
 * are planned again, from the kept batch or another. Nothing new starts or leaves before the
 * horizon's start (`replanFrom`).
 */
export function carryCommitted(
  instance: PlanningInstance,
  earlier: CommittedPlan,
): PlanningInstance {
  const from = Date.parse(instance.horizon.start);
  const before = (iso: string): boolean => Date.parse(iso) < from;
  const { plan } = earlier;
  const ours = new Set(instance.orders.map((o) => o.id));
  const lines = new Set(instance.sites.flatMap((s) => s.lines.map((l) => `${s.id}\u0000${l.id}`)));
  const started = new Map(
    plan.batches
      .filter((b) => before(b.startAt) && lines.has(`${b.site}\u0000${b.line}`))
      .map((b) => [b.id, b]),
  );
  const left = new Set(plan.shipments.filter((s) => before(s.departAt)).map((s) => s.id));

  const kept = new Set(
    plan.doses.filter((d) => ours.has(d.order) && started.has(d.batch)).map((d) => d.batch),
  );
  let departed = new Set<string>();
  for (;;) {
    departed = new Set(
      plan.doses.filter((d) => kept.has(d.batch) && left.has(d.shipment)).map((d) => d.shipment),
    );
    const more = plan.doses.filter(
      (d) => departed.has(d.shipment) && !kept.has(d.batch) && started.has(d.batch),
    );
    if (more.length === 0) break;
    for (const d of more) kept.add(d.batch);
  }
  if (kept.size === 0) return instance;

  const fixedBatches: FixedBatch[] = [...kept].map((id) => {
    const b = started.get(id)!;
    return {
      id: b.id,
      site: b.site,
      line: b.line,
      product: b.product,
      startAt: b.startAt,
      eosActivityBq: b.eosActivityBq,
    };
  });
  const departedShipments: DepartedShipment[] = plan.shipments
    .filter((s) => departed.has(s.id))
    .map((s) => ({
      id: s.id,
      lane: s.lane,
      departAt: s.departAt,
      arriveAt: s.arriveAt,
      doses: plan.doses
        .filter((d) => d.shipment === s.id)
        .map((d) => ({ order: d.order, batch: d.batch, eosActivityBq: d.eosActivityBq })),
    }));
  const onTheRoad = new Set(departedShipments.flatMap((s) => s.doses.map((d) => d.order)));
  const extra: OrderSpec[] = earlier.instance.orders.filter(
    (o) => onTheRoad.has(o.id) && !ours.has(o.id),
  );
  return {
    ...instance,
    orders: [...instance.orders, ...extra],
    fixedBatches: [...(instance.fixedBatches ?? []), ...fixedBatches],
    departedShipments: [...(instance.departedShipments ?? []), ...departedShipments],
    replanFrom: instance.replanFrom ?? instance.horizon.start,
  };
}
