import type { Plan, PlanningInstance } from '@halflife/planner';
import { sql, type Kysely } from 'kysely';
import { finishPlan } from './plans-repository.js';
import type { Database, PlanRequestMethod } from './schema.js';

/**
 * Running plans as durable jobs (migration 0011). A server process claims one with a lease on the
 * database's clock — the one clock every process shares — renews it while it computes, and stores
 * the outcome only while it holds it (`finishPlan` with its owner). A process that dies stops
 * renewing; once the lease has run out another process claims the plan and computes it again.
 * Claims skip rows another transaction has locked, so two processes never claim the same plan.
 */

/** What a process needs to compute a claimed plan. */
export interface ClaimedPlan {
  readonly id: string;
  readonly instance: PlanningInstance;
  readonly method: PlanRequestMethod;
  readonly timeLimitSeconds: number | null;
  /** The plan a re-plan stays close to (the base plan's), if any. */
  readonly previous: Plan | null;
  /** Who asked for the plan, for the audit trail of its outcome. */
  readonly createdBy: string;
  readonly organisationId: string;
  /** This claim's number: 1 the first time. */
  readonly attempt: number;
}

export interface ClaimSettings {
  /** Who claims: one id per server process. */
  readonly owner: string;
  readonly leaseSeconds: number;
  /** A plan claimed this many times without an outcome is given up (failed). */
  readonly maxAttempts: number;
  /** Business time for the audit entry of a plan given up. */
  readonly at: Date;
}

/**
 * Claims the oldest running plan that no process holds (never claimed, or its lease run out), or
 * gives up one that has used its attempts. Undefined when there is nothing to claim.
 */
export async function claimPlanJob(
  db: Kysely<Database>,
  settings: ClaimSettings,
): Promise<ClaimedPlan | undefined> {
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('plans')
        .innerJoin('users', 'users.id', 'plans.created_by')
        .select([
          'plans.id',
          'plans.instance',
          'plans.method',
          'plans.time_limit_seconds',
          'plans.based_on',
          'plans.created_by',
          'plans.attempts',
          'users.organisation_id',
        ])
        .where('plans.status', '=', 'running')
        .where((eb) =>
          eb.or([
            eb('plans.lease_until', 'is', null),
            eb('plans.lease_until', '<', sql<Date>`now()`),
          ]),
        )
        .orderBy('plans.created_at')
        .limit(1)
        .forUpdate('plans')
        .skipLocked()
        .executeTakeFirst();
      if (!row) return { kind: 'none' as const };
      if (row.attempts >= settings.maxAttempts) return { kind: 'exhausted' as const, row };
      await trx
        .updateTable('plans')
        .set({
          lease_owner: settings.owner,
          lease_until: sql<Date>`now() + make_interval(secs => ${settings.leaseSeconds})`,
          attempts: row.attempts + 1,
        })
        .where('id', '=', row.id)
        .execute();
      const previous = row.based_on
        ? ((
            await trx
              .selectFrom('plans')
              .select('plan')
              .where('id', '=', row.based_on)
              .executeTakeFirst()
          )?.plan ?? null)
        : null;
      return { kind: 'claimed' as const, row, previous };
    });
    if (claimed.kind === 'none') return undefined;
    const { row } = claimed;
    if (claimed.kind === 'exhausted') {
      await finishPlan(
        db,
        row.id,
        null,
        {
          status: 'failed',
          error: `the planner stopped ${row.attempts} times without a plan (a server process died while computing it)`,
        },
        { userId: row.created_by, organisationId: row.organisation_id, at: settings.at },
      );
      continue;
    }
    return {
      id: row.id,
      instance: row.instance,
      method: row.method,
      timeLimitSeconds: row.time_limit_seconds,
      previous: claimed.previous,
      createdBy: row.created_by,
      organisationId: row.organisation_id,
      attempt: row.attempts + 1,
    };
  }
}

/** Extends a plan's lease; false when the process no longer holds it (it must stop and store nothing). */
export async function renewPlanLease(
  db: Kysely<Database>,
  id: string,
  owner: string,
  leaseSeconds: number,
): Promise<boolean> {
  const result = await db
    .updateTable('plans')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Who holds a running plan and how often it was claimed (for operators and tests). */
export async function planLease(
  db: Kysely<Database>,
  id: string,
): Promise<{ owner: string | null; attempts: number } | undefined> {
  const row = await db
    .selectFrom('plans')
    .select(['lease_owner', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { owner: row.lease_owner, attempts: row.attempts };
}
