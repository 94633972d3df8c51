import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
import { Coalescer, coalescerOf } from './coalesce.js';
import type { ProductRow } from './products-repository.js';
import type { Database, OrderStatus, OrderTable } from './schema.js';

export type OrderRow = Selectable<OrderTable> & { product_code: string; hospital_name: string };
export type NewOrder = Insertable<OrderTable>;

export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly at: Date;
}

export interface OrderFilter {
  /** Only this organisation's orders (a hospital's scope); undefined for the whole network. */
  readonly organisationId?: string;
  readonly status?: OrderStatus;
  readonly productCode?: string;
  readonly hospitalId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  readonly offset: number;
}

/** Orders with their product's code and hospital's name, as every read of an order gives them. */
export function orderQuery(db: Kysely<Database>) {
  return db
    .selectFrom('orders')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('hospitals', 'hospitals.id', 'orders.hospital_id')
    .selectAll('orders')
    .select(['products.code as product_code', 'hospitals.name as hospital_name']);
}

export async function getOrder(db: Kysely<Database>, id: string): Promise<OrderRow | undefined> {
  return orderQuery(db).where('orders.id', '=', id).executeTakeFirst();
}

export async function findOrderByIdempotencyKey(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
): Promise<OrderRow | undefined> {
  return orderQuery(db)
    .where('orders.organisation_id', '=', organisationId)
    .where('orders.idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function listOrders(db: Kysely<Database>, filter: OrderFilter): Promise<OrderRow[]> {
  let q = orderQuery(db);
  if (filter.organisationId) q = q.where('orders.organisation_id', '=', filter.organisationId);
  if (filter.status) q = q.where('orders.status', '=', filter.status);
  if (filter.productCode) q = q.where('products.code', '=', filter.productCode);
  if (filter.hospitalId) q = q.where('orders.hospital_id', '=', filter.hospitalId);
  if (filter.from) q = q.where('orders.calibration_at', '>=', filter.from);
  if (filter.to) q = q.where('orders.calibration_at', '<', filter.to);
  return q
    .orderBy('orders.calibration_at')
    .orderBy('orders.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** What placing an order looks up before it writes (`orderPlacementLookups`). */
export interface OrderPlacementLookups {
  readonly hospital: { readonly id: string; readonly organisationId: string } | undefined;
  readonly product: ProductRow | undefined;
  /** The hospital's delivery point: the one named if it is the hospital's, else its first. */
  readonly deliveryPointId: string | undefined;
}

/** What `orderPlacementLookups` is asked. */
export interface OrderPlacementQuery {
  readonly hospital: { readonly organisationId?: string; readonly id?: string };
  readonly productCode: string;
  readonly deliveryPointId?: string | undefined;
}

/** At most this many orders' look-ups in one query. */
const LOOKUP_BATCH = 100;

/**
 * The hospital (by organisation and/or id), the product (by code) and the hospital's delivery
 * point of an order: what `findHospital`, `productByCode` and `findDeliveryPoint` give one by one.
 * Concurrent look-ups on one handle share one query (`Coalescer`).
 */
export function orderPlacementLookups(
  db: Kysely<Database>,
  query: OrderPlacementQuery,
): Promise<OrderPlacementLookups> {
  const lookups = coalescerOf(
    db,
    'order-placement-lookups',
    () =>
      new Coalescer<OrderPlacementQuery, OrderPlacementLookups>({
        maxBatch: LOOKUP_BATCH,
        inFlight: 1,
        run: (queries) => placementLookups(db, queries),
        retryAlone: () => true,
      }),
  );
  return lookups.submit(query);
}

/** The look-ups of several orders in one round trip, in the queries' order. */
async function placementLookups(
  db: Kysely<Database>,
  queries: readonly OrderPlacementQuery[],
): Promise<OrderPlacementLookups[]> {
  const asked = sql.join(
    queries.map(
      (q, k) =>
        sql`(${k}::int, ${q.hospital.organisationId ?? null}::uuid, ${q.hospital.id ?? null}::uuid, ${q.productCode}::text, ${q.deliveryPointId ?? null}::uuid)`,
    ),
  );
  const { rows } = await sql<
    ProductNullable & {
      k: number;
      hospital_id: string | null;
      hospital_org: string | null;
      delivery_point_id: string | null;
    }
  >`SELECT q.k, h.hospital_id, h.hospital_org, p.*,
      (SELECT d.id FROM delivery_points d
        WHERE d.hospital_id = h.hospital_id AND (q.point IS NULL OR d.id = q.point)
        ORDER BY d.name LIMIT 1) AS delivery_point_id
    FROM (VALUES ${asked}) AS q(k, org, hospital, code, point)
    LEFT JOIN LATERAL (
      SELECT hospitals.id AS hospital_id, hospitals.organisation_id AS hospital_org
      FROM hospitals
      WHERE (q.org IS NULL OR hospitals.organisation_id = q.org)
        AND (q.hospital IS NULL OR hospitals.id = q.hospital)
      LIMIT 1) h ON true
    LEFT JOIN products p ON p.code = q.code`.execute(db);
  const answers: OrderPlacementLookups[] = [];
  for (const { k, hospital_id, hospital_org, delivery_point_id, ...product } of rows) {
    answers[k] = {
      hospital:
        hospital_id === null || hospital_org === null
          ? undefined
          : { id: hospital_id, organisationId: hospital_org },
      product: product.id === null ? undefined : (product as ProductRow),
      deliveryPointId: delivery_point_id ?? undefined,
    };
  }
  return answers;
}

/** A product row from a left join: every column may be null. */
type ProductNullable = { [C in keyof ProductRow]: ProductRow[C] | null };

/** A status change guarded by the version the caller saw. */
export interface OrderStatusChange {
  readonly id: string;
  readonly expectedVersion: number;
  readonly status: OrderStatus;
  readonly reason: string | null;
}

/**
 * Moves an order to a new status if its version is still `expectedVersion` (optimistic
 * concurrency); records before and after in the audit trail. Returns undefined when the version
 * moved on (someone else changed the order first).
 */
export async function updateOrderStatus(
  db: Kysely<Database>,
  change: OrderStatusChange,
  actor: Actor,
): Promise<OrderRow | undefined> {
  return db.transaction().execute((trx) => updateOrderStatusIn(trx, change, actor));
}

/**
 * `updateOrderStatus` inside a transaction the caller holds, for changes of several orders that
 * must commit together (committing a plan). The caller rolls back when it returns undefined.
 */
export async function updateOrderStatusIn(
  trx: Transaction<Database>,
  change: OrderStatusChange,
  actor: Actor,
): Promise<OrderRow | undefined> {
  const before = await getOrder(trx, change.id);
  if (!before || before.version !== change.expectedVersion) return undefined;
  const updated = await trx
    .updateTable('orders')
    .set({
      status: change.status,
      status_reason: change.reason,
      version: before.version + 1,
      updated_at: actor.at,
    })
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return undefined;
  const after = (await getOrder(trx, change.id)) as OrderRow;
  await appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity: 'order',
    entityId: change.id,
    action: `status:${change.status}`,
    before: orderAuditView(before),
    after: orderAuditView(after),
    reason: change.reason,
  });
  return after;
}

/** Every order as its audit snapshots record it, by id (for re-deriving orders from the trail). */
export async function auditedOrderViews(
  db: Kysely<Database>,
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await orderQuery(db).execute();
  return new Map(
    rows.map((r) => [
      r.id,
      JSON.parse(JSON.stringify(orderAuditView(r))) as Record<string, unknown>,
    ]),
  );
}

/** The order as the audit trail keeps it: plain JSON values. */
export function orderAuditView(row: OrderRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}
