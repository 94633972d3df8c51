import {
  batchRecordStates,
  getPlan,
  insertOutages,
  insertPlan,
  planningOrdersByIds,
} from '@halflife/db';
import { KEPT_BY_REPLAN } from '@halflife/domain';
import { parseInstant } from '@halflife/nuclear';
import {
  replanInstance,
  type OrderSpec,
  type Outage,
  type PlanningInstance,
} from '@halflife/planner';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import type { ReplanSchema } from '../plan-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { orderSpec, PLANNABLE_STATUSES } from './network-instance.js';
import {
  actorOf,
  planSummaryView,
  type PlanningDeps,
  type PlanSummaryView,
} from './planning-service.js';

type Replan = z.infer<typeof ReplanSchema>;

const instantOf = (text: string, path: string): ServiceResult<string> => {
  const parsed = parseInstant(text);
  return parsed.ok
    ? success(new Date(parsed.value.epochMs).toISOString())
    : failure('invalid', `${path}: ${parsed.error.message}`);
};

/**
 * Re-plans after a disruption: the base plan's instance with its orders as they are now (those
 * cancelled or rejected since are dropped), the new outages (recorded, audited) and late orders,
 * through replanInstance (batches started by `now` and shipments that left before it stay as they
 * are, nothing new starts or leaves before it), planned
 * near the base plan. A new running record based on it; the same worker path as a fresh plan.
 */
export async function replanFor(
  deps: PlanningDeps,
  caller: Caller,
  id: string,
  input: Replan,
): Promise<ServiceResult<PlanSummaryView>> {
  const base = await getPlan(deps.db, id);
  if (!base) return failure('not-found', `plan ${id} not found`);
  if (base.plan === null) {
    return failure('conflict', `plan ${id} is ${base.status} and has no plan to re-plan from`);
  }
  const instance = base.instance;
  const now = instantOf(input.now, 'now');
  if (!now.ok) return now;
  const outages = checkOutages(instance, input.outages);
  if (!outages.ok) return outages;

  // The base plan's orders as they stand now, and the late ones.
  const known = new Set(instance.orders.map((o) => o.id));
  const rows = await planningOrdersByIds(deps.db, [...known, ...input.newOrderIds]);
  const live = new Map(
    rows.filter((r) => PLANNABLE_STATUSES.includes(r.status)).map((r) => [r.id, r]),
  );
  const start = Date.parse(instance.horizon.start);
  const end = Date.parse(instance.horizon.end);
  const newOrders: OrderSpec[] = [];
  for (const [k, orderId] of input.newOrderIds.entries()) {
    const row = live.get(orderId);
    const at = row?.calibration_at.getTime() ?? NaN;
    if (known.has(orderId)) return failure('invalid', `newOrderIds[${k}]: already in the plan`);
    if (!row) return failure('invalid', `newOrderIds[${k}]: no open order ${orderId}`);
    if (!(at >= start && at < end)) {
      return failure('invalid', `newOrderIds[${k}]: the order is not for ${base.plan_date}`);
    }
    newOrders.push(orderSpec(row));
  }
  // A dose on a vehicle that has left stays in the plan even if its order was cancelled since.
  const basePlan = base.plan;
  const leftBefore = new Set(
    basePlan.shipments
      .filter((s) => Date.parse(s.departAt) < Date.parse(now.value))
      .map((s) => s.id),
  );
  const onTheRoad = new Set(
    basePlan.doses.filter((d) => leftBefore.has(d.shipment)).map((d) => d.order),
  );
  // Orders whose batch is being made or released, or whose dose has left, arrived or been given,
  // stay in the plan (their batch stays fixed), with their versions as they are now.
  const making = new Map(
    rows.filter((r) => KEPT_BY_REPLAN.includes(r.status)).map((r) => [r.id, r]),
  );
  const current: PlanningInstance = {
    ...instance,
    orders: instance.orders.filter(
      (o) => live.has(o.id) || onTheRoad.has(o.id) || making.has(o.id),
    ),
  };
  const records = await batchRecordStates(deps.db, base.plan_date);
  const next = replanInstance(current, basePlan, {
    now: now.value,
    outages: outages.value,
    newOrders,
    startedBatches: records.started,
    rejectedBatches: records.rejected,
  });
  const actor = actorOf(deps, caller);
  const row = await insertPlan(
    deps.db,
    {
      planDate: base.plan_date,
      days: base.days,
      method: base.method,
      timeLimitSeconds: base.time_limit_seconds,
      basedOn: base.id,
      instance: next,
      orderVersions: Object.fromEntries(
        next.orders.map((o) => [o.id, (live.get(o.id) ?? making.get(o.id))?.version ?? 0]),
      ),
      orders: next.orders.length,
    },
    actor(),
  );
  await insertOutages(
    deps.db,
    outages.value.map((o) => ({
      equipmentId: o.line,
      from: new Date(o.from),
      to: o.to === undefined ? null : new Date(o.to),
      reason: o.reason,
      planId: row.id,
    })),
    actor(),
  );
  deps.planJobs.nudge();
  return success(planSummaryView(row));
}

/** Outages on lines of the instance's sites, with instants read. */
function checkOutages(
  instance: PlanningInstance,
  outages: Replan['outages'],
): ServiceResult<Outage[]> {
  const result: Outage[] = [];
  for (const [k, o] of outages.entries()) {
    const site = instance.sites.find((s) => s.id === o.site);
    if (!site) return failure('invalid', `outages[${k}].site: not a site of this plan`);
    if (!site.lines.some((l) => l.id === o.line)) {
      return failure('invalid', `outages[${k}].line: not a line of site ${site.name}`);
    }
    const from = instantOf(o.from, `outages[${k}].from`);
    if (!from.ok) return from;
    const to = o.to === undefined ? undefined : instantOf(o.to, `outages[${k}].to`);
    if (to && !to.ok) return to;
    if (to && Date.parse(to.value) <= Date.parse(from.value)) {
      return failure('invalid', `outages[${k}].to: must be after from`);
    }
    result.push({
      site: o.site,
      line: o.line,
      from: from.value,
      ...(to ? { to: to.value } : {}),
      reason: o.reason,
    });
  }
  return success(result);
}
