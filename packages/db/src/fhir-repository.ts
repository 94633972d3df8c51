/**
 * What the FHIR endpoint (issue 17) reads and writes: the request resource behind an order placed
 * through /fhir (table fhir_requests, migration 0021), and the dispensed doses and administrations
 * it publishes as MedicationDispense, MedicationAdministration and Observation.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from './audit-trail.js';
import { orderQuery, type Actor, type OrderRow } from './orders-repository.js';
import type { Database, FhirRequestTable } from './schema.js';

export interface FhirRequestRow {
  readonly orderId: string;
  readonly resourceType: FhirRequestTable['resource_type'];
  readonly identifier: { readonly system: string; readonly value: string };
  readonly resource: Record<string, unknown>;
}

/**
 * Keeps the request resource behind an order, once: a resend (or a race of two) finds the row of
 * the first and leaves it as it was. Audited.
 */
export async function saveFhirRequest(
  db: Kysely<Database>,
  request: FhirRequestRow,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('fhir_requests')
      .values({
        order_id: request.orderId,
        resource_type: request.resourceType,
        identifier_system: request.identifier.system,
        identifier_value: request.identifier.value,
        resource: JSON.stringify(request.resource),
        received_by: actor.userId,
        received_at: actor.at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('order_id')
      .executeTakeFirst();
    if (!inserted) return;
    await appendAudit(trx, {
      at: actor.at,
      actorId: actor.userId,
      actorOrg: actor.organisationId,
      entity: 'fhir_request',
      entityId: request.orderId,
      action: 'receive',
      before: null,
      after: { resourceType: request.resourceType, identifier: request.identifier },
      reason: null,
    });
  });
}

/** The request resources behind these orders, by order id. */
export async function fhirRequestsOf(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, FhirRequestRow>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('fhir_requests')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.order_id,
      {
        orderId: r.order_id,
        resourceType: r.resource_type,
        identifier: { system: r.identifier_system, value: r.identifier_value },
        resource: r.resource,
      },
    ]),
  );
}

/** A time condition of a search: `column >= at` or `column < at`. */
export interface TimeBound<C extends string> {
  readonly column: C;
  readonly op: '>=' | '<';
  readonly at: Date;
}

interface Page {
  /** Only this organisation's records (a hospital's scope); undefined for the whole network. */
  readonly organisationId: string | undefined;
  readonly ids?: readonly string[] | undefined;
  readonly patientRef?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface FhirOrderFilter extends Page {
  readonly identifier?: { readonly system?: string; readonly value: string } | undefined;
  readonly times?: readonly TimeBound<'calibration' | 'created'>[];
}

const ORDER_TIME = { calibration: 'orders.calibration_at', created: 'orders.created_at' } as const;

/** Orders as MedicationRequest searches them: by id, patient, identifier and time. */
export async function fhirOrders(
  db: Kysely<Database>,
  filter: FhirOrderFilter,
): Promise<OrderRow[]> {
  if (filter.ids?.length === 0) return [];
  let q = orderQuery(db);
  if (filter.organisationId) q = q.where('orders.organisation_id', '=', filter.organisationId);
  if (filter.ids) q = q.where('orders.id', 'in', [...filter.ids]);
  if (filter.patientRef !== undefined) q = q.where('orders.patient_ref', '=', filter.patientRef);
  for (const t of filter.times ?? []) q = q.where(ORDER_TIME[t.column], t.op, t.at);
  const identifier = filter.identifier;
  if (identifier) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('fhir_requests as f')
          .select('f.order_id')
          .whereRef('f.order_id', '=', 'orders.id')
          .where('f.identifier_value', '=', identifier.value)
          .$if(identifier.system !== undefined, (s) =>
            s.where('f.identifier_system', '=', identifier.system ?? ''),
          ),
      ),
    );
  }
  return q
    .orderBy('orders.calibration_at')
    .orderBy('orders.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** A dispensed dose with what MedicationDispense says of it. */
export interface FhirDispenseRow {
  readonly id: string;
  readonly order_id: string;
  readonly hospital_id: string;
  /** The order's patient, or else the patient it was given to. */
  readonly patient_ref: string | null;
  readonly product_code: string;
  readonly product_name: string;
  readonly nuclide: string;
  readonly batch_number: string;
  readonly batch_status: string;
  readonly calibration_at: Date;
  readonly calibration_bq: number;
  readonly measured_bq: number;
  readonly measured_at: Date;
  readonly volume_ml: number;
  readonly container: 'vial' | 'syringe';
  readonly expires_at: Date;
  readonly dispensed_at: Date;
  readonly picked_up_at: Date | null;
  readonly delivered_at: Date | null;
  readonly receipt_status: 'accepted' | 'flagged' | 'refused' | null;
}

export interface FhirDispenseFilter extends Page {
  readonly orderIds?: readonly string[];
  readonly times?: readonly TimeBound<'calibration' | 'prepared' | 'handed_over'>[];
}

const DISPENSE_TIME = {
  calibration: 'o.calibration_at',
  prepared: 'd.dispensed_at',
  handed_over: 'sr.delivered_at',
} as const;

/** Dispensed doses as MedicationDispense searches them. */
export async function fhirDispenses(
  db: Kysely<Database>,
  filter: FhirDispenseFilter,
): Promise<FhirDispenseRow[]> {
  if (filter.ids?.length === 0 || filter.orderIds?.length === 0) return [];
  let q = db
    .selectFrom('dispensed_doses as d')
    .innerJoin('orders as o', 'o.id', 'd.order_id')
    .innerJoin('products as p', 'p.id', 'o.product_id')
    .innerJoin('batch_records as b', 'b.id', 'd.record_id')
    .leftJoin('dose_receipts as r', 'r.dose_id', 'd.id')
    .leftJoin('administrations as a', 'a.dose_id', 'd.id')
    .leftJoin('package_doses as pd', 'pd.dose_id', 'd.id')
    .leftJoin('transport_packages as tp', 'tp.id', 'pd.package_id')
    .leftJoin('shipment_runs as sr', 'sr.shipment_id', 'tp.shipment_id')
    .select((eb) => [
      'd.id',
      'd.order_id',
      'o.hospital_id',
      eb.fn.coalesce('o.patient_ref', 'a.patient_ref').as('patient_ref'),
      'p.code as product_code',
      'p.name as product_name',
      'p.nuclide',
      'b.batch_number',
      'b.status as batch_status',
      'o.calibration_at',
      'd.calibration_bq',
      'd.measured_bq',
      'd.measured_at',
      'd.volume_ml',
      'd.container',
      'd.expires_at',
      'd.dispensed_at',
      'sr.picked_up_at',
      'sr.delivered_at',
      'r.status as receipt_status',
    ]);
  if (filter.organisationId) q = q.where('o.organisation_id', '=', filter.organisationId);
  if (filter.ids) q = q.where('d.id', 'in', [...filter.ids]);
  if (filter.orderIds) q = q.where('d.order_id', 'in', [...filter.orderIds]);
  if (filter.patientRef !== undefined) {
    q = q.where((eb) =>
      eb(eb.fn.coalesce('o.patient_ref', 'a.patient_ref'), '=', filter.patientRef ?? ''),
    );
  }
  for (const t of filter.times ?? []) q = q.where(DISPENSE_TIME[t.column], t.op, t.at);
  return q
    .orderBy('o.calibration_at')
    .orderBy('d.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** An administration with what MedicationAdministration and the dose Observation say of it. */
export interface FhirAdministrationRow {
  readonly id: string;
  readonly dose_id: string;
  readonly order_id: string;
  readonly hospital_id: string;
  readonly patient_ref: string;
  readonly product_code: string;
  readonly product_name: string;
  readonly nuclide: string;
  readonly batch_number: string;
  readonly prescribed_bq: number;
  readonly administered_bq: number;
  readonly administered_at: Date;
  readonly recorded_at: Date;
}

export interface FhirAdministrationFilter extends Page {
  readonly times?: readonly TimeBound<'administered'>[];
}

/** Administrations as MedicationAdministration and Observation search them. */
export async function fhirAdministrations(
  db: Kysely<Database>,
  filter: FhirAdministrationFilter,
): Promise<FhirAdministrationRow[]> {
  if (filter.ids?.length === 0) return [];
  let q = db
    .selectFrom('administrations as a')
    .innerJoin('dispensed_doses as d', 'd.id', 'a.dose_id')
    .innerJoin('orders as o', 'o.id', 'd.order_id')
    .innerJoin('products as p', 'p.id', 'o.product_id')
    .innerJoin('batch_records as b', 'b.id', 'd.record_id')
    .select([
      'a.id',
      'a.dose_id',
      'd.order_id',
      'o.hospital_id',
      'a.patient_ref',
      'p.code as product_code',
      'p.name as product_name',
      'p.nuclide',
      'b.batch_number',
      'a.prescribed_bq',
      'a.administered_bq',
      'a.administered_at',
      'a.recorded_at',
    ]);
  if (filter.organisationId) q = q.where('o.organisation_id', '=', filter.organisationId);
  if (filter.ids) q = q.where('a.id', 'in', [...filter.ids]);
  if (filter.patientRef !== undefined) q = q.where('a.patient_ref', '=', filter.patientRef);
  for (const t of filter.times ?? []) q = q.where('a.administered_at', t.op, t.at);
  return q
    .orderBy('a.administered_at')
    .orderBy('a.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}
