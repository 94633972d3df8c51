/**
 * The HL7 v2 interface's tables (migration 0022): the sending facilities an administrator maps to
 * hospitals, the orders that came by HL7, and the outbox of dispense and administration messages
 * that every server process delivers (claimed with FOR UPDATE SKIP LOCKED and a lease).
 */
import type { Kysely, Selectable } from 'kysely';
import { auditChange } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type {
  Database,
  Hl7FacilityTable,
  Hl7OutboxEvent,
  Hl7OutboxStatus,
  Hl7OutboxTable,
} from './schema.js';

export type Hl7FacilityRow = Selectable<Hl7FacilityTable>;
export type Hl7OutboxRow = Selectable<Hl7OutboxTable>;

/** A facility with its hospital and the account its orders are placed as. */
export interface Hl7FacilityView extends Hl7FacilityRow {
  readonly hospital_name: string;
  readonly organisation_id: string;
  readonly time_zone: string;
  readonly account_email: string;
}

function facilityQuery(db: Kysely<Database>) {
  return db
    .selectFrom('hl7_facilities as f')
    .innerJoin('hospitals as h', 'h.id', 'f.hospital_id')
    .innerJoin('users as u', 'u.id', 'f.account_id')
    .selectAll('f')
    .select([
      'h.name as hospital_name',
      'h.organisation_id',
      'h.time_zone',
      'u.email as account_email',
    ]);
}

export function listHl7Facilities(db: Kysely<Database>): Promise<Hl7FacilityView[]> {
  return facilityQuery(db).orderBy('f.facility').execute();
}

export function findHl7Facility(
  db: Kysely<Database>,
  facility: string,
): Promise<Hl7FacilityView | undefined> {
  return facilityQuery(db).where('f.facility', '=', facility).executeTakeFirst();
}

/** Adds or changes a facility's mapping, audited. */
export async function saveHl7Facility(
  db: Kysely<Database>,
  actor: Actor,
  row: Omit<Hl7FacilityRow, 'updated_at'>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('hl7_facilities')
      .selectAll()
      .where('facility', '=', row.facility)
      .forUpdate()
      .executeTakeFirst();
    const after = { ...row, updated_at: actor.at };
    await trx
      .insertInto('hl7_facilities')
      .values(after)
      .onConflict((oc) => oc.column('facility').doUpdateSet(after))
      .execute();
    await auditChange(trx, actor, {
      entity: 'hl7_facility',
      entityId: row.facility,
      action: before ? 'update' : 'create',
      before: before ?? {},
      after,
      reason: 'HL7 facility mapping',
    });
  });
}

/** Records that `orderId` came by HL7 (a resent message finds the link already there). */
export async function linkHl7Order(
  db: Kysely<Database>,
  link: {
    readonly orderId: string;
    readonly facility: string;
    readonly placerOrder: string;
    readonly messageType: string;
    readonly controlId: string;
    readonly at: Date;
  },
): Promise<void> {
  await db
    .insertInto('hl7_orders')
    .values({
      order_id: link.orderId,
      facility: link.facility,
      placer_order: link.placerOrder,
      message_type: link.messageType,
      control_id: link.controlId,
      received_at: link.at,
    })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .execute();
}

/**
 * Queues the message of a dose's dispense or administration when its order came by HL7, in the
 * caller's transaction (the one that records the event): nothing happens for other orders.
 */
export async function enqueueHl7Event(
  trx: Kysely<Database>,
  event: { readonly kind: Hl7OutboxEvent; readonly doseId: string; readonly at: Date },
): Promise<void> {
  await trx
    .insertInto('hl7_outbox')
    .columns(['order_id', 'event', 'status', 'next_attempt_at', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('dispensed_doses as d')
        .innerJoin('hl7_orders as o', 'o.order_id', 'd.order_id')
        .where('d.id', '=', event.doseId)
        .select((s) => [
          'o.order_id',
          s.val(event.kind).as('event'),
          s.val('pending').as('status'),
          s.val(event.at).as('next_attempt_at'),
          s.val(event.at).as('created_at'),
        ]),
    )
    .onConflict((oc) => oc.columns(['order_id', 'event']).doNothing())
    .execute();
}

export interface Hl7ClaimSettings {
  readonly owner: string;
  readonly now: Date;
  /** How long a claim is held; a sender that has not finished by then is presumed dead. */
  readonly leaseMs: number;
  /** Attempts before a row becomes a dead letter. */
  readonly maxAttempts: number;
}

/**
 * Claims the outbox row due longest (pending, or sending with its sender's lease run out) for
 * `owner`, counting an attempt. A row whose lease ran out on its last attempt becomes a dead
 * letter instead. Undefined when nothing is due.
 */
export async function claimHl7Outbound(
  db: Kysely<Database>,
  settings: Hl7ClaimSettings,
): Promise<Hl7OutboxRow | undefined> {
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('hl7_outbox')
        .selectAll()
        .where('status', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', settings.now)
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.status === 'sending' && row.attempts >= settings.maxAttempts) {
        await trx
          .updateTable('hl7_outbox')
          .set({
            status: 'dead',
            lease_owner: null,
            last_error: `no answer recorded after ${row.attempts} attempts (a sender stopped while sending)`,
          })
          .where('id', '=', row.id)
          .execute();
        return 'dead' as const;
      }
      return trx
        .updateTable('hl7_outbox')
        .set({
          status: 'sending',
          lease_owner: settings.owner,
          attempts: row.attempts + 1,
          next_attempt_at: new Date(settings.now.getTime() + settings.leaseMs),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    if (claimed !== 'dead') return claimed;
  }
}

/** Keeps the message a claimed row sends on every attempt (built on its first). */
export async function storeHl7Message(
  db: Kysely<Database>,
  id: string,
  owner: string,
  message: string,
): Promise<void> {
  await db
    .updateTable('hl7_outbox')
    .set({ message })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('message', 'is', null)
    .execute();
}

export type Hl7Outcome =
  | { readonly kind: 'delivered'; readonly ack: string }
  | { readonly kind: 'retry'; readonly error: string; readonly nextAttemptAt: Date }
  | { readonly kind: 'dead'; readonly error: string; readonly ack?: string };

/** Stores a claimed row's outcome if `owner` still holds it; false when it does not. */
export async function finishHl7Outbound(
  db: Kysely<Database>,
  id: string,
  owner: string,
  outcome: Hl7Outcome,
  at: Date,
): Promise<boolean> {
  const set =
    outcome.kind === 'delivered'
      ? { status: 'delivered' as const, ack: outcome.ack, delivered_at: at, last_error: null }
      : outcome.kind === 'retry'
        ? {
            status: 'pending' as const,
            last_error: outcome.error,
            next_attempt_at: outcome.nextAttemptAt,
          }
        : { status: 'dead' as const, last_error: outcome.error, ack: outcome.ack ?? null };
  const done = await db
    .updateTable('hl7_outbox')
    .set({ ...set, lease_owner: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/** What an outbound message says: the order, its HL7 origin, the dose and its use. */
export interface Hl7OutboundFacts {
  readonly outbox: Hl7OutboxRow;
  readonly facility: string;
  readonly endpoint: { readonly host: string; readonly port: number } | null;
  readonly placerOrder: string;
  readonly orderId: string;
  readonly patientRef: string | null;
  readonly productCode: string;
  readonly productName: string;
  readonly route: string;
  readonly batchNumber: string;
  readonly calibrationAt: Date;
  readonly calibrationBq: number;
  readonly measuredBq: number;
  readonly measuredAt: Date;
  readonly dispensedAt: Date;
  readonly expiresAt: Date;
  readonly administration: {
    readonly administeredAt: Date;
    readonly administeredBq: number;
    readonly patientRef: string;
  } | null;
}

export async function hl7OutboundFacts(
  db: Kysely<Database>,
  outboxId: string,
): Promise<Hl7OutboundFacts | undefined> {
  const row = await db
    .selectFrom('hl7_outbox as x')
    .innerJoin('hl7_orders as o', 'o.order_id', 'x.order_id')
    .innerJoin('hl7_facilities as f', 'f.facility', 'o.facility')
    .innerJoin('orders as r', 'r.id', 'x.order_id')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .innerJoin('dispensed_doses as d', 'd.order_id', 'x.order_id')
    .innerJoin('batch_records as b', 'b.id', 'd.record_id')
    .leftJoin('administrations as a', 'a.dose_id', 'd.id')
    .selectAll('x')
    .select([
      'o.facility',
      'o.placer_order',
      'f.endpoint_host',
      'f.endpoint_port',
      'r.patient_ref',
      'r.calibration_at',
      'p.code as product_code',
      'p.name as product_name',
      'p.route',
      'b.batch_number',
      'd.calibration_bq',
      'd.measured_bq',
      'd.measured_at',
      'd.dispensed_at',
      'd.expires_at',
      'a.administered_at',
      'a.administered_bq',
      'a.patient_ref as administered_to',
    ])
    .where('x.id', '=', outboxId)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    facility,
    placer_order,
    endpoint_host,
    endpoint_port,
    patient_ref,
    calibration_at,
    product_code,
    product_name,
    route,
    batch_number,
    calibration_bq,
    measured_bq,
    measured_at,
    dispensed_at,
    expires_at,
    administered_at,
    administered_bq,
    administered_to,
    ...outbox
  } = row;
  return {
    outbox,
    facility,
    endpoint:
      endpoint_host !== null && endpoint_port !== null
        ? { host: endpoint_host, port: endpoint_port }
        : null,
    placerOrder: placer_order,
    orderId: row.order_id,
    patientRef: patient_ref,
    productCode: product_code,
    productName: product_name,
    route,
    batchNumber: batch_number,
    calibrationAt: calibration_at,
    calibrationBq: calibration_bq,
    measuredBq: measured_bq,
    measuredAt: measured_at,
    dispensedAt: dispensed_at,
    expiresAt: expires_at,
    administration:
      administered_at !== null && administered_bq !== null && administered_to !== null
        ? {
            administeredAt: administered_at,
            administeredBq: administered_bq,
            patientRef: administered_to,
          }
        : null,
  };
}

/** An outbox row as the administrators' list shows it. */
export interface Hl7OutboxView extends Hl7OutboxRow {
  readonly facility: string;
  readonly placer_order: string;
}

export function listHl7Outbox(
  db: Kysely<Database>,
  filter: {
    readonly status?: Hl7OutboxStatus | undefined;
    readonly id?: string;
    readonly limit: number;
  },
): Promise<Hl7OutboxView[]> {
  let q = db
    .selectFrom('hl7_outbox as x')
    .innerJoin('hl7_orders as o', 'o.order_id', 'x.order_id')
    .selectAll('x')
    .select(['o.facility', 'o.placer_order'])
    .orderBy('x.created_at', 'desc')
    .orderBy('x.id')
    .limit(filter.limit);
  if (filter.status !== undefined) q = q.where('x.status', '=', filter.status);
  if (filter.id !== undefined) q = q.where('x.id', '=', filter.id);
  return q.execute();
}

/**
 * Puts a dead letter back in the queue, due now with its attempts counted afresh (audited).
 * Undefined when there is no such row; the row as it is when it is not a dead letter.
 */
export async function retryHl7Outbound(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ readonly retried: boolean; readonly row: Hl7OutboxRow } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('hl7_outbox')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.status !== 'dead') return { retried: false, row };
    const after = await trx
      .updateTable('hl7_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: actor.at, lease_owner: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(trx, actor, {
      entity: 'hl7_outbox',
      entityId: id,
      action: 'retry',
      before: { status: row.status, attempts: row.attempts, last_error: row.last_error },
      after: { status: after.status, attempts: after.attempts },
      reason: 'an administrator retried a dead letter',
    });
    return { retried: true, row: after };
  });
}
