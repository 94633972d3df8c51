import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
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

/**
 * The hospital (by organisation and/or id), the product (by code) and the hospital's delivery
 * point of an order, in one round trip: what `findHospital`, `productByCode` and
 * `findDeliveryPoint` give one by one.
 */
export async function orderPlacementLookups(
  db: Kysely<Database>,
  query: {
    readonly hospital: { readonly organisationId?: string; readonly id?: string };
    readonly productCode: string;
    readonly deliveryPointId?: string | undefined;
  },
): Promise<OrderPlacementLookups> {
  let hospital = db
    .selectFrom('hospitals')
    .select(['hospitals.id as hospital_id', 'hospitals.organisation_id as hospital_org']);
  const { organisationId, id } = query.hospital;
  if (organisationId !== undefined)
    hospital = hospital.where('organisation_id', '=', organisationId);
  if (id !== undefined) hospital = hospital.where('id', '=', id);
  const row = await db
    .selectFrom(sql<{ one: number }>`(SELECT 1 AS one)`.as('one'))
    .leftJoinLateral(hospital.limit(1).as('h'), (join) => join.onTrue())
    .leftJoin('products', (join) => join.on('products.code', '=', query.productCode))
    .selectAll('products')
    .select(['h.hospital_id', 'h.hospital_org'])
    .select((eb) => {
      let point = eb
        .selectFrom('delivery_points')
        .select('delivery_points.id')
        .whereRef('delivery_points.hospital_id', '=', 'h.hospital_id');
      if (query.deliveryPointId !== undefined) {
        point = point.where('delivery_points.id', '=', query.deliveryPointId);
      }
      return point.orderBy('delivery_points.name').limit(1).as('delivery_point_id');
    })
    .executeTakeFirstOrThrow();
  const { hospital_id, hospital_org, delivery_point_id, ...product } = row;
  return {
    hospital:
      hospital_id === null || hospital_org === null
        ? undefined
        : { id: hospital_id, organisationId: hospital_org },
    product: product.id === null ? undefined : (product as ProductRow),
    deliveryPointId: delivery_point_id ?? undefined,
  };
}

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
