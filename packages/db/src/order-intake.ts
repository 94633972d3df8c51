/**
 * Placing orders (issue 18): a group commit in front of the one audit chain. Orders placed at the
 * same time on one database handle are written together: one transaction inserts them all, takes
 * the audit trail's lock once, appends their audit rows as consecutive rows of the chain and
 * commits. Every caller is answered after that commit, so an acknowledged order is durable and
 * chained; nothing is held in memory that a kill -9 could lose. See docs/platform.md,
 * "Order intake: a group commit in front of one chain".
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEntries } from './audit-trail.js';
import { Coalescer, coalescerOf } from './coalesce.js';
import {
  orderAuditView,
  orderQuery,
  type Actor,
  type NewOrder,
  type OrderRow,
} from './orders-repository.js';
import type { Database } from './schema.js';

export interface PlacedOrder {
  readonly order: OrderRow;
  /** false: the organisation used the idempotency key before, and this is the earlier order. */
  readonly created: boolean;
}

export interface OrderToPlace {
  readonly order: NewOrder;
  readonly actor: Actor;
}

/** At most this many orders in one transaction (about 2,300 bind parameters). */
export const INTAKE_MAX_BATCH = 100;
/**
 * Transactions of the intake in flight per database handle: one holds the audit lock (or waits
 * for it) while the next inserts its orders, so the lock is never idle while orders wait.
 */
export const INTAKE_IN_FLIGHT = 2;

/**
 * Inserts an order and its audit record. With an idempotency key that the organisation used
 * before, nothing is inserted and the earlier order comes back (created: false). Resolves once
 * the order and its audit row are committed; concurrent calls on the same handle share that
 * transaction (group commit), one order's failure is reported to its caller alone.
 */
export function insertOrder(
  db: Kysely<Database>,
  order: NewOrder,
  actor: Actor,
): Promise<PlacedOrder> {
  const intake = coalescerOf(
    db,
    'order-intake',
    () =>
      new Coalescer<OrderToPlace, PlacedOrder>({
        maxBatch: INTAKE_MAX_BATCH,
        inFlight: INTAKE_IN_FLIGHT,
        // A second request with an organisation's key waits for the next transaction, which
        // finds the first's order.
        keyOf: (item) => keyOf(item.order),
        run: (items) => insertOrders(db, items),
        // The database refused the transaction, so nothing of it was committed: each order again
        // on its own, so that one order's error (a product gone meanwhile…) is its caller's only.
        // Without an answer from the database (connection lost) the outcome is unknown: every
        // caller gets the error, and a retry with the same idempotency key finds the order.
        retryAlone: refusedByDatabase,
      }),
  );
  return intake.submit({ order, actor });
}

/**
 * Inserts orders and their audit rows in one transaction, in this order; at most one order per
 * organisation and idempotency key. The rows come back in the same order.
 */
export async function insertOrders(
  db: Kysely<Database>,
  items: readonly OrderToPlace[],
): Promise<PlacedOrder[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    // Ids are made here, so that each returned row is matched to its request.
    const rows = items.map((i) => ({ ...i.order, id: i.order.id ?? randomUUID() }));
    const inserted = await trx
      .with('inserted', (q) =>
        q
          .insertInto('orders')
          .values(rows)
          .onConflict((oc) => oc.columns(['organisation_id', 'idempotency_key']).doNothing())
          .returningAll(),
      )
      .selectFrom('inserted')
      .innerJoin('products', 'products.id', 'inserted.product_id')
      .innerJoin('hospitals', 'hospitals.id', 'inserted.hospital_id')
      .selectAll('inserted')
      .select(['products.code as product_code', 'hospitals.name as hospital_name'])
      .execute();
    const created = new Map<string, OrderRow>(inserted.map((r) => [r.id, r]));
    // The others' keys were used before (or by a transaction that committed meanwhile).
    const repeated = rows.filter((r) => !created.has(r.id));
    const earlier = new Map<string, OrderRow>();
    if (repeated.length > 0) {
      const found = await orderQuery(trx)
        .where((eb) =>
          eb.or(
            repeated.map((r) =>
              eb.and([
                eb('orders.organisation_id', '=', r.organisation_id),
                eb('orders.idempotency_key', '=', r.idempotency_key ?? ''),
              ]),
            ),
          ),
        )
        .execute();
      for (const f of found) earlier.set(keyOf(f) ?? '', f);
    }
    const placed = rows.map((r): PlacedOrder => {
      const row = created.get(r.id);
      if (row) return { order: row, created: true };
      const before = earlier.get(keyOf(r) ?? '');
      if (!before) throw new Error('order insert returned nothing');
      return { order: before, created: false };
    });
    await appendAuditEntries(
      trx,
      placed.flatMap((p, k) => {
        const actor = (items[k] as OrderToPlace).actor;
        return p.created
          ? [
              {
                at: actor.at,
                actorId: actor.userId,
                actorOrg: actor.organisationId,
                entity: 'order',
                entityId: p.order.id,
                action: 'create',
                before: null,
                after: orderAuditView(p.order),
                reason: null,
              },
            ]
          : [];
      }),
    );
    return placed;
  });
}

/** The organisation and idempotency key, or undefined for an order without a key. */
function keyOf(order: {
  readonly organisation_id: string;
  readonly idempotency_key?: string | null;
}): string | undefined {
  const key = order.idempotency_key;
  return key === null || key === undefined ? undefined : `${order.organisation_id}\n${key}`;
}

/** An error the database answered with (a SQLSTATE): the transaction was rolled back. */
function refusedByDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
