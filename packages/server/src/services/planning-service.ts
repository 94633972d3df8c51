import {
  commitPlan,
  committedPlanInForceAt,
  getPlan,
  getPlanSummary,
  insertPlan,
  listPlans,
  networkZone,
  planningOrdersByIds,
  type Actor,
  type Database,
  type PlanSummaryRow,
} from '@halflife/db';
import {
  carryCommitted,
  type CommittedPlan,
  type Plan,
  type PlanningInstance,
} from '@halflife/planner';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import type {
  PlanCommitSchema,
  PlanCreateSchema,
  PlanRecordSchema,
  PlanSummarySchema,
} from '../plan-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { dayStart, isLocalDate, KEPT_BY_REPLAN, localDateOf } from '@halflife/domain';
import { buildNetworkInstance, orderSpec, type NetworkInstance } from './network-instance.js';
import type { PlanJobs } from './plan-execution.js';

export interface PlanningDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
  /** Computes recorded plans (this process or another: plan-execution.ts). */
  readonly planJobs: Pick<PlanJobs, 'nudge'>;
}

export type PlanSummaryView = z.infer<typeof PlanSummarySchema>;
/** A plan record as the API gives it: the schema's shape, with the planner's (read-only) types. */
export type PlanRecordView = Omit<z.infer<typeof PlanRecordSchema>, 'plan' | 'instance'> & {
  readonly plan: Plan | null;
  readonly instance?: PlanningInstance;
};
type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const actorOf = (deps: PlanningDeps, caller: Caller) => (): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

/** Builds the date's instance from the database and records a running plan (the job: plan-execution.ts). */
export async function createPlan(
  deps: PlanningDeps,
  caller: Caller,
  input: PlanCreate,
): Promise<ServiceResult<PlanSummaryView>> {
  if (!isLocalDate(input.date)) return failure('invalid', `date: no such date "${input.date}"`);
  const zone = await networkZone(deps.db);
  if (zone === undefined) return failure('invalid', 'the network has no production site to plan');
  const carried = await horizonInstance(deps, input, zone);
  const row = await insertPlan(
    deps.db,
    {
      planDate: input.date,
      days: input.days,
      method: input.method,
      timeLimitSeconds: input.timeLimitSeconds ?? null,
      basedOn: null,
      instance: carried.instance,
      orderVersions: carried.orderVersions,
      orders: carried.instance.orders.length,
    },
    actorOf(deps, caller)(),
  );
  deps.planJobs.nudge();
  return success(planSummaryView(row));
}

/**
 * The horizon after the committed plan in force when it starts (a rolling horizon): that plan's
 * batches started before it that serve its orders stay fixed, with the doses that have left
 * (carryCommitted). Orders on those batches that are being made or have left are not open to
 * planning any more but stay in the instance, so their activity is not offered twice. The supply
 * then counts from the day the first of those batches started, so that what they drew was there.
 */
async function horizonInstance(
  deps: PlanningDeps,
  input: { date: string; days: number },
  zone: string,
): Promise<NetworkInstance> {
  const built = await buildNetworkInstance(deps.db, input.date, zone, { days: input.days });
  const start = new Date(built.instance.horizon.start);
  const row = await committedPlanInForceAt(deps.db, start);
  if (!row?.plan) return built;
  const earlier: CommittedPlan = { instance: row.instance, plan: row.plan };
  const carried = await carryInto(deps, built, earlier, start);
  const first = (carried.instance.fixedBatches ?? [])
    .map((b) => Date.parse(b.startAt))
    .reduce((a, b) => Math.min(a, b), Infinity);
  if (first === Infinity) return carried;
  const supplyFrom = new Date(dayStart(localDateOf(first, zone), zone));
  const rebuilt = await buildNetworkInstance(deps.db, input.date, zone, {
    days: input.days,
    supplyFrom,
  });
  return carryInto(deps, rebuilt, earlier, start);
}

async function carryInto(
  deps: PlanningDeps,
  built: NetworkInstance,
  earlier: CommittedPlan,
  start: Date,
): Promise<NetworkInstance> {
  const known = new Set(built.instance.orders.map((o) => o.id));
  const startedBefore = new Set(
    earlier.plan.batches.filter((b) => new Date(b.startAt) < start).map((b) => b.id),
  );
  const onThem = earlier.plan.doses
    .filter((d) => startedBefore.has(d.batch) && !known.has(d.order))
    .map((d) => d.order);
  const rows = await planningOrdersByIds(deps.db, onThem);
  const kept = rows.filter(
    (r) => KEPT_BY_REPLAN.includes(r.status) && r.calibration_at.getTime() >= start.getTime(),
  );
  const instance = carryCommitted(
    { ...built.instance, orders: [...built.instance.orders, ...kept.map(orderSpec)] },
    earlier,
  );
  const versions = new Map(rows.map((r) => [r.id, r.version]));
  return {
    instance,
    orderVersions: Object.fromEntries(
      instance.orders.map((o) => [o.id, built.orderVersions[o.id] ?? versions.get(o.id) ?? 0]),
    ),
  };
}

export async function listPlansFor(
  deps: PlanningDeps,
  caller: Caller,
  query: { date?: string | undefined; limit: number },
): Promise<ServiceResult<{ plans: PlanSummaryView[] }>> {
  if (query.date !== undefined && !isLocalDate(query.date)) {
    return failure('invalid', `date: no such date "${query.date}"`);
  }
  const rows = await listPlans(deps.db, {
    limit: query.limit,
    ...(query.date ? { date: query.date } : {}),
  });
  return success({ plans: rows.map(planSummaryView) });
}

/** A plan's summary (status, progress, figures), without its JSON. */
export async function planSummaryFor(
  deps: PlanningDeps,
  id: string,
): Promise<ServiceResult<PlanSummaryView>> {
  const row = await getPlanSummary(deps.db, id);
  return row ? success(planSummaryView(row)) : failure('not-found', `plan ${id} not found`);
}

export async function getPlanFor(
  deps: PlanningDeps,
  caller: Caller,
  id: string,
  withInstance: boolean,
): Promise<ServiceResult<PlanRecordView>> {
  const row = await getPlan(deps.db, id);
  if (!row) return failure('not-found', `plan ${id} not found`);
  return success({
    ...planSummaryView(row),
    plan: row.plan,
    ...(withInstance ? { instance: row.instance } : {}),
  });
}

/**
 * Commits a ready plan: its served orders become 'planned' (versions checked, audited, in one
 * transaction); the date's committed plan is superseded, and orders it had planned that this plan
 * cannot serve become 'not_planned' with the planner's reason.
 */
export async function commitPlanFor(
  deps: PlanningDeps,
  caller: Caller,
  id: string,
): Promise<ServiceResult<z.infer<typeof PlanCommitSchema>>> {
  const row = await getPlan(deps.db, id);
  if (!row) return failure('not-found', `plan ${id} not found`);
  if (row.status !== 'ready' || row.plan === null) {
    return failure('conflict', `plan ${id} is ${row.status}; only a ready plan can be committed`);
  }
  const { plan, instance } = row;
  const versions = row.order_versions;
  const ref = (orderId: string) => ({ orderId, expectedVersion: versions[orderId] ?? 0 });
  const reasons = new Map(plan.unserved.map((u) => [u.order, u.reason]));
  const outcome = await commitPlan(
    deps.db,
    {
      planId: id,
      served: plan.doses.map((d) => ref(d.order)),
      unserved: instance.orders
        .filter((o) => reasons.has(o.id))
        .map((o) => ({ ...ref(o.id), reason: reasons.get(o.id) ?? 'not served' })),
    },
    actorOf(deps, caller)(),
  );
  switch (outcome.kind) {
    case 'not-found':
      return failure('not-found', `plan ${id} not found`);
    case 'not-ready':
      return failure(
        'conflict',
        `plan ${id} is ${outcome.status}; only a ready plan can be committed`,
      );
    case 'stale':
      return failure(
        'conflict',
        `${outcome.orderIds.length} order(s) changed since the plan was made; re-plan the date: ${outcome.orderIds.join(', ')}`,
        outcome.orderIds.map((o) => ({ path: `orders.${o}`, message: 'changed since planning' })),
      );
    case 'committed':
      return success({
        plan: planSummaryView(outcome.plan),
        planned: outcome.planned,
        kept: outcome.kept,
        released: outcome.released,
        superseded: outcome.superseded,
      });
  }
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function planSummaryView(row: PlanSummaryRow): PlanSummaryView {
  return {
    id: row.id,
    date: row.plan_date,
    days: row.days,
    inForceUntil: iso(row.in_force_until),
    status: row.status,
    method: row.method,
    timeLimitSeconds: row.time_limit_seconds,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: iso(row.finished_at),
    basedOn: row.based_on,
    progress: row.progress,
    orders: row.orders,
    served: row.served,
    batches: row.batches,
    shipments: row.shipments,
    costTotal: row.cost_total,
    gap: row.gap,
    seconds: row.seconds,
    error: row.error,
    committedBy: row.committed_by,
    committedAt: iso(row.committed_at),
  };
}
