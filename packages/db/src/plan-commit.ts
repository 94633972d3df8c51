import { KEPT_BY_REPLAN, transition } from '@halflife/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit, auditCreation } from './audit-trail.js';
import { openBatchRecords } from './batch-records-repository.js';
import { carryShipments } from './distribution-repository.js';
import { updateOrderStatusIn, type Actor } from './orders-repository.js';
import { insertPlanRows, PLAN_ROWS_ENTITY, planRowsAuditViews } from './plan-rows-repository.js';
import { getPlanSummary, planAuditView, type PlanSummaryRow } from './plans-repository.js';
import type { Database, OrderStatus } from './schema.js';

export interface PlannedOrderRef {
  readonly orderId: string;
  /** The order's version when the plan's instance was built. */
  readonly expectedVersion: number;
}

export interface CommitPlanInput {
  readonly planId: string;
  /** Orders the plan serves: they become 'planned'. */
  readonly served: readonly PlannedOrderRef[];
  /**
   * Orders of the instance the plan leaves unserved, with the planner's reason: each becomes
   * 'not_planned' with that reason, so that its hospital is told and a planner sees it.
   */
  readonly unserved: readonly (PlannedOrderRef & { readonly reason: string })[];
}

export type CommitOutcome =
  | {
      readonly kind: 'committed';
      readonly plan: PlanSummaryRow;
      /** Orders moved to 'planned' now; `kept` were planned already (a re-plan). */
      readonly planned: number;
      readonly kept: number;
      /** Orders moved to 'not_planned' because this plan does not serve them. */
      readonly released: number;
      readonly superseded: string | null;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-ready'; readonly status: string }
  | { readonly kind: 'stale'; readonly orderIds: readonly string[] };

/**
 * Commits a ready plan in one transaction: every served order moves to 'planned' and every order
 * it leaves out to 'not_planned' (as the order lifecycle allows, through `updateOrderStatusIn`,
 * with its version and audit record), the plan's batches, shipments and doses are written as rows
 * (plan-rows-repository.ts) and its batches' records opened (batch-records-repository.ts), the date's previously committed plan becomes 'superseded' (its rows
 * stay, as history), and this one 'committed'. A committed plan of an earlier date whose horizon
 * reaches into this one's stays in force until this horizon starts (`in_force_until`): its
 * batches from then on are replaced (their open records voided), and those before it that serve
 * this horizon were carried here as fixed batches (their records and shipments move here). When any served order changed since the plan was
 * made (another version, or a status that cannot be planned) nothing changes and the stale orders
 * come back.
 */
export async function commitPlan(
  db: Kysely<Database>,
  input: CommitPlanInput,
  actor: Actor,
): Promise<CommitOutcome> {
  return db.transaction().execute(async (trx) => {
    const plan = await lockedPlan(trx, input.planId);
    if (!plan) return { kind: 'not-found' };
    if (plan.status !== 'ready') return { kind: 'not-ready', status: plan.status };

    const ids = [...input.served, ...input.unserved].map((o) => o.orderId);
    const current = new Map(
      ids.length === 0
        ? []
        : (
            await trx
              .selectFrom('orders')
              .select(['id', 'status', 'version'])
              .where('id', 'in', ids)
              .forUpdate()
              .execute()
          ).map((o) => [o.id, o]),
    );
    const stale = input.served
      .filter((o) => {
        const now = current.get(o.orderId);
        return (
          !now ||
          now.version !== o.expectedVersion ||
          !(transition(now.status, 'plan').ok || KEPT_BY_REPLAN.includes(now.status))
        );
      })
      .map((o) => o.orderId);
    if (stale.length > 0) return { kind: 'stale', orderIds: stale };

    let planned = 0;
    let kept = 0;
    for (const o of input.served) {
      const from = current.get(o.orderId)?.status;
      // A re-plan keeps the orders whose batch is being made or whose dose has left: as they are.
      if (from !== undefined && KEPT_BY_REPLAN.includes(from)) {
        kept++;
        continue;
      }
      const next = from === undefined ? undefined : transition(from, 'plan');
      // Checked above: every served order can be planned.
      if (!next?.ok) throw new Error(`order ${o.orderId} cannot be planned under a lock`);
      if (next.status === from) {
        kept++;
        continue;
      }
      await mustUpdate(trx, o, next.status, `planned by plan ${plan.id}`, actor);
      planned++;
    }
    let released = 0;
    for (const o of input.unserved) {
      const now = current.get(o.orderId);
      if (!now || now.version !== o.expectedVersion) continue;
      const next = transition(now.status, 'not_plan');
      if (!next.ok || next.status === now.status) continue;
      await mustUpdate(trx, o, next.status, o.reason, actor);
      released++;
    }

    const previous = await trx
      .selectFrom('plans')
      .select('id')
      .where('plan_date', '=', plan.plan_date)
      .where('status', '=', 'committed')
      .forUpdate()
      .executeTakeFirst();
    // Rolling horizons: the committed plan of an earlier date stays in force until this one's
    // horizon starts (its batches that serve this horizon were carried here as fixed), and this
    // one until the next committed horizon starts.
    const earlier = await trx
      .selectFrom('plans')
      .select(['id', 'in_force_until'])
      .where('plan_date', '<', plan.plan_date)
      .where('status', '=', 'committed')
      .where((eb) =>
        eb.or([eb('in_force_until', 'is', null), eb('in_force_until', '>', plan.in_force_from)]),
      )
      .orderBy('plan_date')
      .forUpdate()
      .execute();
    const next = await trx
      .selectFrom('plans')
      .select('in_force_from')
      .where('plan_date', '>', plan.plan_date)
      .where('status', '=', 'committed')
      .where('in_force_from', '<', plan.horizon_end)
      .orderBy('in_force_from')
      .executeTakeFirst();
    const carriedFrom = previous ?? earlier.at(-1);
    await writeRows(
      trx,
      plan,
      carriedFrom?.id ?? null,
      previous ? null : plan.in_force_from,
      actor,
    );
    if (previous)
      await setStatus(trx, previous.id, 'superseded', `superseded by ${plan.id}`, actor);
    for (const e of earlier) {
      await setInForceUntil(
        trx,
        e.id,
        plan.in_force_from,
        `the horizon of ${plan.id} starts`,
        actor,
      );
    }
    if (next) {
      await setInForceUntil(
        trx,
        plan.id,
        next.in_force_from,
        'a later committed horizon starts',
        actor,
      );
    }
    const after = await setStatus(trx, plan.id, 'committed', null, actor);
    return {
      kind: 'committed',
      plan: after,
      planned,
      kept,
      released,
      superseded: previous?.id ?? null,
    };
  });
}

async function lockedPlan(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('plans')
    .select([
      'id',
      'status',
      'plan',
      'in_force_from',
      sql<string>`to_char(plan_date, 'YYYY-MM-DD')`.as('plan_date'),
      sql<Date>`(instance -> 'horizon' ->> 'end')::timestamptz`.as('horizon_end'),
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Writes the plan's rows and audits them. One audit entry per committed plan, not one per row:
 * the rows are one act (this commit, by this person, of this plan), and an inspector needs to know
 * who committed which plan when, that the rows are exactly what was committed, and later that they
 * were not changed unrecorded. The entry holds the counts and a sha256 over every row (ids and
 * versions included), which `audit verify` recomputes (audit-rederive.ts); the rows themselves and
 * the plan's JSON hold the detail. Thousands of per-row entries for a national day would bury the
 * orders' own status changes and slow the commit, and add nothing that the digest does not prove.
 */
async function writeRows(
  trx: Transaction<Database>,
  plan: NonNullable<Awaited<ReturnType<typeof lockedPlan>>>,
  previousId: string | null,
  voidFrom: Date | null,
  actor: Actor,
): Promise<void> {
  // A ready plan always holds its plan (finishPlan stores them together).
  if (plan.plan === null) throw new Error(`plan ${plan.id} is ready without a plan`);
  await insertPlanRows(trx, plan.id, plan.plan, previousId);
  const view = (await planRowsAuditViews(trx, [plan.id])).get(plan.id);
  if (!view) throw new Error(`plan ${plan.id}: its rows vanished under a lock`);
  await auditCreation(trx, actor, PLAN_ROWS_ENTITY, view);
  await openBatchRecords(trx, plan.id, plan.plan_date, previousId, actor, voidFrom);
  await carryShipments(trx, plan.id);
}

async function mustUpdate(
  trx: Transaction<Database>,
  o: PlannedOrderRef,
  status: OrderStatus,
  reason: string,
  actor: Actor,
): Promise<void> {
  const row = await updateOrderStatusIn(
    trx,
    { id: o.orderId, expectedVersion: o.expectedVersion, status, reason },
    actor,
  );
  // The rows are locked and their versions checked above: a miss is a programming error.
  if (!row) throw new Error(`order ${o.orderId} changed under a lock`);
}

/** Ends a committed plan's rows in force at `until` (a later horizon starts), audited. */
async function setInForceUntil(
  trx: Transaction<Database>,
  id: string,
  until: Date,
  reason: string,
  actor: Actor,
): Promise<void> {
  const before = await getPlanSummary(trx, id);
  await trx.updateTable('plans').set({ in_force_until: until }).where('id', '=', id).execute();
  const after = await getPlanSummary(trx, id);
  if (!before || !after) throw new Error(`plan ${id} vanished under a lock`);
  await appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity: 'plan',
    entityId: id,
    action: 'in-force-until',
    before: planAuditView(before),
    after: planAuditView(after),
    reason,
  });
}

async function setStatus(
  trx: Transaction<Database>,
  id: string,
  status: 'committed' | 'superseded',
  reason: string | null,
  actor: Actor,
): Promise<PlanSummaryRow> {
  const before = await getPlanSummary(trx, id);
  await trx
    .updateTable('plans')
    .set(
      status === 'committed'
        ? { status, committed_by: actor.userId, committed_at: actor.at }
        : { status },
    )
    .where('id', '=', id)
    .execute();
  const after = await getPlanSummary(trx, id);
  if (!before || !after) throw new Error(`plan ${id} vanished under a lock`);
  await appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity: 'plan',
    entityId: id,
    action: `status:${status}`,
    before: planAuditView(before),
    after: planAuditView(after),
    reason,
  });
  return after;
}
