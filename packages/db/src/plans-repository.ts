import type { Plan, PlanningInstance } from '@halflife/planner';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { Database, PlanProgressColumn, PlanRequestMethod, PlanTable } from './schema.js';

/** A plan record without its large JSON (instance, plan, order versions). */
export type PlanSummaryRow = Omit<
  Selectable<PlanTable>,
  'instance' | 'plan' | 'order_versions' | 'lease_owner' | 'lease_until' | 'attempts'
>;
export type PlanRow = Selectable<PlanTable>;

const SUMMARY_COLUMNS = [
  'id',
  'status',
  'method',
  'time_limit_seconds',
  'created_by',
  'created_at',
  'finished_at',
  'based_on',
  'progress',
  'orders',
  'served',
  'batches',
  'shipments',
  'cost_total',
  'gap',
  'seconds',
  'error',
  'committed_by',
  'committed_at',
  'days',
  'in_force_from',
  'in_force_until',
] as const;

// A `date` column comes back as a JS Date from both drivers; the plan's date is a local date.
const planDate = sql<string>`to_char(plan_date, 'YYYY-MM-DD')`.as('plan_date');

export interface NewPlan {
  readonly planDate: string;
  /** Local days in the horizon from `planDate`; its instance's horizon covers them. */
  readonly days: number;
  readonly method: PlanRequestMethod;
  readonly timeLimitSeconds: number | null;
  readonly basedOn: string | null;
  readonly instance: PlanningInstance;
  readonly orderVersions: Readonly<Record<string, number>>;
  readonly orders: number;
}

/** The plan as the audit trail keeps it: its figures, never the large JSON. */
export function planAuditView(row: PlanSummaryRow): Record<string, unknown> {
  return {
    id: row.id,
    plan_date: row.plan_date,
    status: row.status,
    method: row.method,
    based_on: row.based_on,
    orders: row.orders,
    served: row.served,
    batches: row.batches,
    cost_total: row.cost_total,
    gap: row.gap,
    error: row.error,
    committed_by: row.committed_by,
    days: row.days,
    in_force_until: row.in_force_until?.toISOString() ?? null,
  };
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plans')
    .select([...SUMMARY_COLUMNS])
    .select(planDate);
}

/** Records a new running plan and audits its creation, in one transaction. */
export async function insertPlan(
  db: Kysely<Database>,
  plan: NewPlan,
  actor: Actor,
): Promise<PlanSummaryRow> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('plans')
      .values({
        plan_date: plan.planDate,
        days: plan.days,
        in_force_from: plan.instance.horizon.start,
        status: 'running',
        method: plan.method,
        time_limit_seconds: plan.timeLimitSeconds,
        created_by: actor.userId,
        created_at: actor.at,
        based_on: plan.basedOn,
        progress: JSON.stringify({ phase: 'queued', fraction: 0, message: 'waiting to start' }),
        instance: JSON.stringify(plan.instance),
        order_versions: JSON.stringify(plan.orderVersions),
        orders: plan.orders,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await summaryQuery(trx).where('id', '=', id).executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: actor.at,
      actorId: actor.userId,
      actorOrg: actor.organisationId,
      entity: 'plan',
      entityId: id,
      action: 'create',
      before: null,
      after: planAuditView(row),
      reason: plan.basedOn ? `re-plan of ${plan.basedOn}` : null,
    });
    return row;
  });
}

export async function getPlanSummary(
  db: Kysely<Database>,
  id: string,
): Promise<PlanSummaryRow | undefined> {
  return summaryQuery(db).where('id', '=', id).executeTakeFirst();
}

/** The whole record, with the instance, the plan and the order versions. */
export async function getPlan(db: Kysely<Database>, id: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .select(planDate)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Plans newest first, optionally of one date. */
export async function listPlans(
  db: Kysely<Database>,
  filter: { readonly date?: string; readonly limit: number },
): Promise<PlanSummaryRow[]> {
  let q = summaryQuery(db);
  if (filter.date) q = q.where('plan_date', '=', filter.date);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

/**
 * Progress of a running plan, from the process that holds its lease (not audited: it is a report,
 * not a change).
 */
export async function updatePlanProgress(
  db: Kysely<Database>,
  id: string,
  owner: string,
  progress: PlanProgressColumn,
): Promise<void> {
  await db
    .updateTable('plans')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .execute();
}

export type PlanOutcome =
  | {
      readonly status: 'ready';
      readonly plan: Plan;
      readonly served: number;
      readonly batches: number;
      readonly shipments: number;
      readonly costTotal: number;
      readonly gap: number | null;
      readonly seconds: number;
    }
  | { readonly status: 'failed'; readonly error: string };

/**
 * Stores a running plan's result (or its failure) and audits it: only from the process that holds
 * its lease (`owner`), or with `owner` null when the plan is given up. Undefined when the plan is
 * not running or another process holds it, so an outcome is stored at most once.
 */
export async function finishPlan(
  db: Kysely<Database>,
  id: string,
  owner: string | null,
  outcome: PlanOutcome,
  actor: Actor,
): Promise<PlanSummaryRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('plans')
      .select(['status', 'lease_owner'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (locked?.status !== 'running') return undefined;
    if (owner !== null && locked.lease_owner !== owner) return undefined;
    const before = await summaryQuery(trx).where('id', '=', id).executeTakeFirstOrThrow();
    const done = { finished_at: actor.at, lease_owner: null, lease_until: null };
    await trx
      .updateTable('plans')
      .set(
        outcome.status === 'ready'
          ? {
              ...done,
              status: 'ready',
              plan: JSON.stringify(outcome.plan),
              served: outcome.served,
              batches: outcome.batches,
              shipments: outcome.shipments,
              cost_total: outcome.costTotal,
              gap: outcome.gap,
              seconds: outcome.seconds,
              progress: JSON.stringify({ phase: 'done', fraction: 1, message: 'plan ready' }),
            }
          : {
              ...done,
              status: 'failed',
              error: outcome.error,
              progress: JSON.stringify({ phase: 'failed', message: outcome.error }),
            },
      )
      .where('id', '=', id)
      .execute();
    const after = await summaryQuery(trx).where('id', '=', id).executeTakeFirstOrThrow();
    await auditPlan(trx, before, after, actor, outcome.status === 'failed' ? outcome.error : null);
    return after;
  });
}

async function auditPlan(
  trx: Transaction<Database>,
  before: PlanSummaryRow,
  after: PlanSummaryRow,
  actor: Actor,
  reason: string | null,
): Promise<void> {
  await appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity: 'plan',
    entityId: after.id,
    action: `status:${after.status}`,
    before: planAuditView(before),
    after: planAuditView(after),
    reason,
  });
}

/**
 * The committed plan of an earlier date in force at `at` (the start of a later horizon): its
 * horizon started before and it has not been ended before `at`. Undefined when none.
 */
export async function committedPlanInForceAt(
  db: Kysely<Database>,
  at: Date,
): Promise<Pick<PlanRow, 'id' | 'instance' | 'plan'> | undefined> {
  return db
    .selectFrom('plans')
    .select(['id', 'instance', 'plan'])
    .where('status', '=', 'committed')
    .where('in_force_from', '<', at)
    .where((eb) => eb.or([eb('in_force_until', 'is', null), eb('in_force_until', '>', at)]))
    .orderBy('in_force_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}
