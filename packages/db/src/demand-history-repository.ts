import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import { shipmentInForce } from './plan-rows-repository.js';
import type { Database } from './schema.js';

/**
 * Weekly demand history for the supply outlook (issue 16): doses per week of a nuclide's products,
 * from the recorded orders and from imported (or, in the demo, synthetic) weekly counts. Weeks are
 * ISO weeks (Monday first) of each order's calibration date in its own zone.
 */

export interface WeeklyDoses {
  readonly productCode: string;
  /** Monday of the week, YYYY-MM-DD. */
  readonly weekStart: string;
  readonly doses: number;
}

export interface ImportedWeek extends WeeklyDoses {
  readonly siteId: string;
  readonly synthetic: boolean;
  readonly source: string;
}

/** An order counts its doses (an order of several doses), else one. */
const dosesOf = sql<number>`sum(CASE WHEN o.amount_kind = 'doses' THEN coalesce(o.doses, 1) ELSE 1 END)::int`;
const weekOf = sql<string>`to_char(date_trunc('week', o.calibration_at AT TIME ZONE o.calibration_zone), 'YYYY-MM-DD')`;

/**
 * Doses ordered per product and week for the products of `nuclide`, calibrated before `before`,
 * cancelled and rejected orders left out. With `siteId`, only the orders the site serves in a
 * committed plan (orders are placed with hospitals, not sites: the plan says which site makes them).
 */
export async function weeklyOrderedDoses(
  db: Kysely<Database>,
  filter: { readonly nuclide: string; readonly before: Date; readonly siteId?: string | undefined },
): Promise<WeeklyDoses[]> {
  let query = db
    .selectFrom('orders as o')
    .innerJoin('products as p', 'p.id', 'o.product_id')
    .select([sql<string>`p.code`.as('productCode'), weekOf.as('weekStart'), dosesOf.as('doses')])
    .where('p.nuclide', '=', filter.nuclide)
    .where('o.status', 'not in', ['cancelled', 'rejected'])
    .where('o.calibration_at', '<', filter.before);
  const siteId = filter.siteId;
  if (siteId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_doses as d')
          .innerJoin('plan_batches as b', 'b.id', 'd.batch_id')
          .innerJoin('plans as pl', 'pl.id', 'd.plan_id')
          .innerJoin('plan_shipments as sh', 'sh.id', 'd.shipment_id')
          .select('d.id')
          .whereRef('d.order_id', '=', 'o.id')
          .where('pl.status', '=', 'committed')
          .where(shipmentInForce('sh', 'pl'))
          .where('b.site_id', '=', siteId),
      ),
    );
  }
  const rows = await query
    .groupBy([sql`1`, sql`2`])
    .orderBy(sql`2`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({ ...r, doses: Number(r.doses) }));
}

/** The imported weekly counts of `nuclide`'s products (one site, or all), oldest first. */
export async function importedDemandHistory(
  db: Kysely<Database>,
  filter: {
    readonly nuclide: string;
    readonly before: string;
    readonly siteId?: string | undefined;
  },
): Promise<ImportedWeek[]> {
  let query = db
    .selectFrom('demand_history as h')
    .innerJoin('products as p', 'p.code', 'h.product_code')
    .select([
      'h.product_code as productCode',
      sql<string>`to_char(h.week_start, 'YYYY-MM-DD')`.as('weekStart'),
      'h.site_id as siteId',
      'h.doses',
      'h.synthetic',
      'h.source',
    ])
    .where('p.nuclide', '=', filter.nuclide)
    .where('h.week_start', '<', filter.before);
  if (filter.siteId !== undefined) query = query.where('h.site_id', '=', filter.siteId);
  return query.orderBy('h.week_start').orderBy('h.product_code').orderBy('h.site_id').execute();
}

export interface NewDemandWeek {
  readonly weekStart: string;
  readonly productCode: string;
  readonly siteId: string;
  readonly doses: number;
}

/** Rows per INSERT statement. */
const CHUNK = 500;

/**
 * Stores weekly counts (a week already held for the product and site is replaced), with one audit
 * entry for the whole import: its row count, weeks and a digest of the rows.
 */
export async function importDemandHistory(
  db: Kysely<Database>,
  rows: readonly NewDemandWeek[],
  meta: { readonly synthetic: boolean; readonly source: string },
  actor: Actor,
): Promise<{ rows: number; replaced: number }> {
  return db.transaction().execute(async (trx) => {
    let replaced = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const result = await trx
        .insertInto('demand_history')
        .values(
          chunk.map((r) => ({
            week_start: r.weekStart,
            product_code: r.productCode,
            site_id: r.siteId,
            doses: r.doses,
            synthetic: meta.synthetic,
            source: meta.source,
            imported_by: actor.userId,
            imported_at: actor.at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['product_code', 'site_id', 'week_start']).doUpdateSet((eb) => ({
            doses: eb.ref('excluded.doses'),
            synthetic: eb.ref('excluded.synthetic'),
            source: eb.ref('excluded.source'),
            imported_by: eb.ref('excluded.imported_by'),
            imported_at: eb.ref('excluded.imported_at'),
          })),
        )
        .returning(sql<boolean>`(xmax <> 0)`.as('replaced'))
        .execute();
      replaced += result.filter((r) => r.replaced).length;
    }
    const weeks = rows.map((r) => r.weekStart).sort();
    await appendAudit(trx, {
      at: actor.at,
      actorId: actor.userId,
      actorOrg: actor.organisationId,
      entity: 'demand_history',
      entityId: createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32),
      action: 'import',
      before: null,
      after: {
        rows: rows.length,
        replaced,
        first: weeks[0] ?? null,
        last: weeks.at(-1) ?? null,
        synthetic: meta.synthetic,
        source: meta.source,
        digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
      },
      reason: meta.source,
    });
    return { rows: rows.length, replaced };
  });
}
