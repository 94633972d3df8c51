import type { DesignResult, DesignScenario } from '@halflife/strategy';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { Database, DesignProgressColumn, DesignRunStatus } from './schema.js';

/**
 * Network-design scenarios and their durable solves (migration 0017). Saving a scenario queues
 * its solve; a server process claims it with a lease on the database's clock, renews the lease
 * while the solver runs and stores the result only while it holds it. Claims skip rows another
 * transaction has locked, so two processes never solve the same scenario at once.
 */

export interface DesignRunSummary {
  readonly id: string;
  readonly name: string;
  readonly status: DesignRunStatus;
  readonly hospitals: number;
  readonly sites: number;
  readonly progress: DesignProgressColumn;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface DesignRun extends DesignRunSummary {
  readonly scenario: DesignScenario;
  readonly result: DesignResult | null;
}

const SUMMARY = [
  'id',
  'name',
  'status',
  'hospitals',
  'sites',
  'progress',
  'error',
  'created_by',
  'created_at',
  'finished_at',
] as const;

type SummaryRow = {
  id: string;
  name: string;
  status: DesignRunStatus;
  hospitals: number;
  sites: number;
  progress: DesignProgressColumn;
  error: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
};

const summary = (row: SummaryRow): DesignRunSummary => ({
  id: row.id,
  name: row.name,
  status: row.status,
  hospitals: row.hospitals,
  sites: row.sites,
  progress: row.progress,
  error: row.error,
  createdBy: row.created_by,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

/** Saves a scenario and queues its solve; audited. */
export async function insertDesignScenario(
  db: Kysely<Database>,
  scenario: DesignScenario,
  actor: Actor,
): Promise<DesignRunSummary> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('design_scenarios')
      .values({
        name: scenario.name,
        status: 'queued',
        scenario: JSON.stringify(scenario),
        hospitals: scenario.hospitals.length,
        sites: scenario.sites.length,
        progress: JSON.stringify({ phase: 'queued', message: 'waiting for a solver' }),
        created_by: actor.userId,
        created_at: actor.at,
      })
      .returning(SUMMARY)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: actor.at,
      actorId: actor.userId,
      actorOrg: actor.organisationId,
      entity: 'design_scenario',
      entityId: row.id,
      action: 'create',
      before: null,
      after: { name: row.name, hospitals: row.hospitals, sites: row.sites },
      reason: null,
    });
    return summary(row);
  });
}

/** The newest scenarios first. */
export async function listDesignScenarios(
  db: Kysely<Database>,
  limit: number,
): Promise<DesignRunSummary[]> {
  const rows = await db
    .selectFrom('design_scenarios')
    .select(SUMMARY)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(summary);
}

export async function getDesignScenario(
  db: Kysely<Database>,
  id: string,
): Promise<DesignRun | undefined> {
  const row = await db
    .selectFrom('design_scenarios')
    .select([...SUMMARY, 'scenario', 'result'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...summary(row), scenario: row.scenario, result: row.result };
}

export interface DesignClaim {
  readonly id: string;
  readonly scenario: DesignScenario;
  readonly createdBy: string;
  readonly attempt: number;
}

export interface DesignClaimSettings {
  readonly owner: string;
  readonly leaseSeconds: number;
  /** A scenario claimed this many times without a result is given up (failed). */
  readonly maxAttempts: number;
  /** Business time, for the record of one given up. */
  readonly at: Date;
}

/**
 * Claims the oldest queued scenario, or a running one whose lease has run out (its process
 * died); gives up one that has used its attempts. Undefined when there is nothing to claim.
 */
export async function claimDesignJob(
  db: Kysely<Database>,
  settings: DesignClaimSettings,
): Promise<DesignClaim | undefined> {
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('design_scenarios')
        .select(['id', 'scenario', 'created_by', 'attempts'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.attempts >= settings.maxAttempts) {
        const error = `the solver stopped ${row.attempts} times without a result (a server process died while solving)`;
        await trx
          .updateTable('design_scenarios')
          .set({
            status: 'failed',
            error,
            finished_at: settings.at,
            lease_owner: null,
            lease_until: null,
            progress: JSON.stringify({ phase: 'failed', message: error }),
          })
          .where('id', '=', row.id)
          .execute();
        return 'given-up' as const;
      }
      await trx
        .updateTable('design_scenarios')
        .set({
          status: 'running',
          lease_owner: settings.owner,
          lease_until: sql<Date>`now() + make_interval(secs => ${settings.leaseSeconds})`,
          attempts: row.attempts + 1,
          progress: JSON.stringify({ phase: 'solving', message: 'building the model' }),
        })
        .where('id', '=', row.id)
        .execute();
      return {
        id: row.id,
        scenario: row.scenario,
        createdBy: row.created_by,
        attempt: row.attempts + 1,
      };
    });
    if (claimed !== 'given-up') return claimed;
  }
}

/** Extends a lease; false when the process no longer holds it (it must stop and store nothing). */
export async function renewDesignLease(
  db: Kysely<Database>,
  id: string,
  owner: string,
  leaseSeconds: number,
): Promise<boolean> {
  const result = await db
    .updateTable('design_scenarios')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The solver's latest report, written only by the lease's owner. */
export async function updateDesignProgress(
  db: Kysely<Database>,
  id: string,
  owner: string,
  progress: DesignProgressColumn,
): Promise<void> {
  await db
    .updateTable('design_scenarios')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .execute();
}

export type DesignOutcome =
  | { readonly status: 'done'; readonly result: DesignResult }
  | { readonly status: 'failed'; readonly error: string };

/** Stores the outcome if `owner` still holds the lease; false otherwise (nothing stored). */
export async function finishDesignJob(
  db: Kysely<Database>,
  id: string,
  owner: string,
  outcome: DesignOutcome,
  at: Date,
): Promise<boolean> {
  const done = { finished_at: at, lease_owner: null, lease_until: null };
  const result = await db
    .updateTable('design_scenarios')
    .set(
      outcome.status === 'done'
        ? {
            ...done,
            status: 'done',
            result: JSON.stringify(outcome.result),
            progress: JSON.stringify({
              phase: 'done',
              message: 'solved',
              gap: Number.isFinite(outcome.result.gap) ? outcome.result.gap : undefined,
            }),
          }
        : {
            ...done,
            status: 'failed',
            error: outcome.error,
            progress: JSON.stringify({ phase: 'failed', message: outcome.error }),
          },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Orders of one product by one hospital in a window (cancelled and rejected ones left out). */
export interface HospitalProductOrders {
  readonly hospitalId: string;
  readonly productCode: string;
  readonly orders: number;
}

/** Order counts by hospital and product, calibrated in [from, to); and the window's first one. */
export async function ordersByHospitalProduct(
  db: Kysely<Database>,
  from: Date,
  to: Date,
): Promise<{ readonly counts: HospitalProductOrders[]; readonly first: Date | null }> {
  const window = db
    .selectFrom('orders')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .where('orders.calibration_at', '>=', from)
    .where('orders.calibration_at', '<', to)
    .where('orders.status', 'not in', ['cancelled', 'rejected']);
  const [rows, first] = await Promise.all([
    window
      .select([
        'orders.hospital_id',
        'products.code',
        (eb) => eb.fn.countAll<string | number>().as('n'),
      ])
      .groupBy(['orders.hospital_id', 'products.code'])
      .orderBy('orders.hospital_id')
      .orderBy('products.code')
      .execute(),
    window.select((eb) => eb.fn.min('orders.calibration_at').as('first')).executeTakeFirst(),
  ]);
  return {
    counts: rows.map((r) => ({
      hospitalId: r.hospital_id,
      productCode: r.code,
      orders: Number(r.n),
    })),
    first: first?.first ? new Date(first.first) : null,
  };
}
