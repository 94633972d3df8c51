import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
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

function orderQuery(db: Kysely<Database>) {
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

/**
 * Inserts an order and its audit record in one transaction. With an idempotency key that the
 * organisation used before, nothing is inserted and the earlier order comes back (created: false).
 */
export async function insertOrder(
  db: Kysely<Database>,
  order: NewOrder,
  actor: Actor,
): Promise<{ order: OrderRow; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    if (order.idempotency_key) {
      const earlier = await findOrderByIdempotencyKey(
        trx,
        order.organisation_id,
        order.idempotency_key,
      );
      if (earlier) return { order: earlier, created: false };
    }
    const inserted = await trx
      .insertInto('orders')
      .values(order)
      .onConflict((oc) => oc.columns(['organisation_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent request with the same key won the race: return its order.
      const earlier = await findOrderByIdempotencyKey(
        trx,
        order.organisation_id,
        order.idempotency_key ?? '',
      );
      if (earlier) return { order: earlier, created: false };
      throw new Error('order insert returned nothing');
    }
    const row = (await getOrder(trx, inserted.id)) as OrderRow;
    await appendAudit(trx, {
      at: actor.at,
      actorId: actor.userId,
      actorOrg: actor.organisationId,
      entity: 'order',
      entityId: row.id,
      action: 'create',
      before: null,
      after: auditView(row),
      reason: null,
    });
    return { order: row, created: true };
  });
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
    before: auditView(before),
    after: auditView(after),
    reason: change.reason,
  });
  return after;
}

/** The order as the audit trail keeps it: plain JSON values. */
/** Every order as its audit snapshots record it, by id (for re-deriving orders from the trail). */
export async function auditedOrderViews(
  db: Kysely<Database>,
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await orderQuery(db).execute();
  return new Map(
    rows.map((r) => [r.id, JSON.parse(JSON.stringify(auditView(r))) as Record<string, unknown>]),
  );
}

function auditView(row: OrderRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}
