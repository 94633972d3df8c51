import { createHash } from 'node:crypto';
import type { Plan } from '@halflife/planner';
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { canonicalJson } from './audit-trail.js';
import { auditValues } from './audit-values.js';
import type { Database } from './schema.js';

/**
 * A committed plan's batches, shipments and doses as rows (migration 0012). They are written once,
 * by the commit; a superseded plan keeps its rows as history, and the rows in force are those of
 * committed plans, each until the next committed horizon starts (`in_force_until`, migration
 * 0019), less those a later committed plan carried (a fixed batch's shipment that had left).
 */

/**
 * Whether shipment `s` of plan `p` (their aliases in the query) is in force: its plan committed
 * (the caller's condition), departing before the plan's `in_force_until`, and not carried into a
 * later committed plan.
 */
export function shipmentInForce(s: string, p: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${s}.depart_at`)} < coalesce(${sql.ref(`${p}.in_force_until`)}, 'infinity'::timestamptz)
    AND NOT EXISTS (SELECT 1 FROM plan_shipments AS carried JOIN plans AS later ON later.id = carried.plan_id
      WHERE carried.carried_from = ${sql.ref(`${s}.id`)} AND later.status = 'committed'))`;
}

/** The audit entity that records a plan's rows (one entry per committed plan). */
export const PLAN_ROWS_ENTITY = 'plan_rows';

/**
 * A plan's rows as the audit trail keeps them: how many of each, and a sha256 over all of them in
 * canonical JSON (every column, ids and versions included). `audit verify` recomputes it, so a row
 * added, removed or changed without a new audit entry is found.
 */
export interface PlanRowsAuditView {
  readonly id: string;
  readonly batches: number;
  readonly shipments: number;
  readonly doses: number;
  readonly digest: string;
}

const CHUNK = 500;

/**
 * Writes the rows of `plan` (plan `planId`, being committed) in the caller's transaction. Batches
 * and shipments identical to one of the superseded plan `previousId` (same key, line or lane, and
 * times) carry a link to its row.
 */
export async function insertPlanRows(
  trx: Transaction<Database>,
  planId: string,
  plan: Plan,
  previousId: string | null,
): Promise<void> {
  const before = previousId === null ? null : await rowsOf(trx, [previousId]);
  const sameBatch = new Map(
    (before?.batches ?? []).map((b) => [
      batchIdentity(b.batch_key, b.equipment_id, b.product_code, b.start_at),
      b.id,
    ]),
  );
  const sameShipment = new Map(
    (before?.shipments ?? []).map((s) => [
      shipmentIdentity(s.shipment_key, s.lane_id, s.depart_at, s.arrive_at),
      s.id,
    ]),
  );

  const batchIds = new Map<string, string>();
  for (const part of chunks(plan.batches)) {
    const rows = await trx
      .insertInto('plan_batches')
      .values(
        part.map((b) => ({
          plan_id: planId,
          batch_key: b.id,
          site_id: b.site,
          equipment_id: b.line,
          product_code: b.product,
          start_at: b.startAt,
          eos_at: b.eosAt,
          release_at: b.releaseAt,
          start_activity_bq: b.startActivityBq,
          eos_activity_bq: b.eosActivityBq,
          fixed: b.fixed,
          carried_from:
            sameBatch.get(batchIdentity(b.id, b.line, b.product, new Date(b.startAt))) ?? null,
        })),
      )
      .returning(['id', 'batch_key'])
      .execute();
    for (const r of rows) batchIds.set(r.batch_key, r.id);
  }

  const shipmentIds = new Map<string, string>();
  for (const part of chunks(plan.shipments)) {
    const rows = await trx
      .insertInto('plan_shipments')
      .values(
        part.map((s) => ({
          plan_id: planId,
          shipment_key: s.id,
          lane_id: s.lane,
          depart_at: s.departAt,
          arrive_at: s.arriveAt,
          carried_from:
            sameShipment.get(
              shipmentIdentity(s.id, s.lane, new Date(s.departAt), new Date(s.arriveAt)),
            ) ?? null,
        })),
      )
      .returning(['id', 'shipment_key'])
      .execute();
    for (const r of rows) shipmentIds.set(r.shipment_key, r.id);
  }

  for (const part of chunks(plan.doses)) {
    await trx
      .insertInto('plan_doses')
      .values(
        part.map((d) => {
          const batch = batchIds.get(d.batch);
          const shipment = shipmentIds.get(d.shipment);
          // The plan format's references were checked when the plan was stored.
          if (batch === undefined || shipment === undefined) {
            throw new Error(
              `plan ${planId}: the dose of order ${d.order} names no batch or shipment of the plan`,
            );
          }
          return {
            plan_id: planId,
            order_id: d.order,
            batch_id: batch,
            shipment_id: shipment,
            eos_activity_bq: d.eosActivityBq,
            calibration_activity_bq: d.calibrationActivityBq,
          };
        }),
      )
      .execute();
  }
}

/** The audit views of the rows of `planIds` (each plan named, even one without rows). */
export async function planRowsAuditViews(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Map<string, PlanRowsAuditView>> {
  const rows = planIds.length === 0 ? undefined : await rowsOf(db, planIds);
  const of = <T extends { plan_id: string; id: string }>(list: readonly T[] | undefined) => {
    const by = new Map<string, Record<string, unknown>[]>();
    // Sorted by uuid in code, not by the database's collation: the digest must not depend on it.
    for (const row of [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      by.set(row.plan_id, [...(by.get(row.plan_id) ?? []), auditValues(row)]);
    }
    return by;
  };
  const [batches, shipments, doses] = [of(rows?.batches), of(rows?.shipments), of(rows?.doses)];
  const views = new Map<string, PlanRowsAuditView>();
  for (const id of planIds) {
    const mine = {
      batches: batches.get(id) ?? [],
      shipments: shipments.get(id) ?? [],
      doses: doses.get(id) ?? [],
    };
    views.set(id, {
      id,
      batches: mine.batches.length,
      shipments: mine.shipments.length,
      doses: mine.doses.length,
      digest: createHash('sha256').update(canonicalJson(mine)).digest('hex'),
    });
  }
  return views;
}

/** The ids of the plans that have rows. */
export async function plansWithRows(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_batches')
    .select('plan_id')
    .union(db.selectFrom('plan_shipments').select('plan_id'))
    .union(db.selectFrom('plan_doses').select('plan_id'))
    .execute();
  return rows.map((r) => r.plan_id);
}

/** How a committed plan serves an order: its dose, the batch's site and start, the shipment. */
export interface PlannedDoseRow {
  readonly order_id: string;
  readonly plan_id: string;
  readonly calibration_activity_bq: number;
  readonly site_name: string;
  readonly batch_start_at: Date;
  readonly depart_at: Date;
  readonly arrive_at: Date;
}

/**
 * The doses of `orderIds` in committed plans (one query, by the index on plan_doses.order_id).
 * An order is in at most one committed plan unless two dates' plans both served it; then the
 * latest committed comes last.
 */
export async function committedDoses(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<PlannedDoseRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('plan_doses as d')
    .innerJoin('plans as p', 'p.id', 'd.plan_id')
    .innerJoin('plan_batches as b', 'b.id', 'd.batch_id')
    .innerJoin('sites as s', 's.id', 'b.site_id')
    .innerJoin('plan_shipments as sh', 'sh.id', 'd.shipment_id')
    .select([
      'd.order_id',
      'd.plan_id',
      'd.calibration_activity_bq',
      's.name as site_name',
      'b.start_at as batch_start_at',
      'sh.depart_at',
      'sh.arrive_at',
    ])
    .where('d.order_id', 'in', orderIds)
    .where('p.status', '=', 'committed')
    .where(shipmentInForce('sh', 'p'))
    .orderBy('p.committed_at')
    .execute();
}

async function rowsOf(db: Kysely<Database>, planIds: readonly string[]) {
  // One after another: a transaction has one connection.
  const batches = await db
    .selectFrom('plan_batches')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .execute();
  const shipments = await db
    .selectFrom('plan_shipments')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .execute();
  const doses = await db
    .selectFrom('plan_doses')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .execute();
  return { batches, shipments, doses };
}

function batchIdentity(key: string, line: string, product: string, start: Date): string {
  return `${key}\n${line}\n${product}\n${start.getTime()}`;
}

function shipmentIdentity(key: string, lane: string, depart: Date, arrive: Date): string {
  return `${key}\n${lane}\n${depart.getTime()}\n${arrive.getTime()}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
