import type { FhirAdministrationRow, FhirDispenseRow, FhirRequestRow } from '@halflife/db';
import type {
  Extension,
  Medication,
  MedicationAdministration,
  MedicationDispense,
  MedicationRequest,
  Observation,
  Patient,
  Reference,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { OrderView } from '../services/orders-service.js';
import { mbq } from './activity-quantity.js';
import {
  CALIBRATION_TIME_URL,
  DICOM,
  LOINC,
  ORDER_STATUS_URL,
  ORDER_SYSTEM,
  PRODUCT_SYSTEM,
  SNOMED,
} from './fhir-terms.js';

/**
 * The resources the endpoint publishes, made from the records: an order as MedicationRequest (and
 * the ServiceRequest it came as), a dispensed dose as MedicationDispense, an administration as
 * MedicationAdministration and as the Radiation Dose Summary Observation (LOINC 73569-6, DICOM
 * 113507 "Administered activity" in MBq). Pure.
 */

/** The order's status as MedicationRequest.status (R4 medicationrequest-status). */
export function medicationRequestStatus(status: OrderView['status']): MedicationRequest['status'] {
  switch (status) {
    case 'submitted':
      // Not yet accepted by the producer: not actionable.
      return 'draft';
    case 'not_planned':
      // No plan serves it now; a later plan may.
      return 'on-hold';
    case 'administered':
      return 'completed';
    case 'cancelled':
    case 'rejected':
      return 'cancelled';
    case 'accepted':
    case 'planned':
    case 'in_production':
    case 'released':
    case 'dispatched':
    case 'delivered':
      return 'active';
  }
}

/** The order's status as ServiceRequest.status (R4 request-status). */
function serviceRequestStatus(status: OrderView['status']): ServiceRequest['status'] {
  const s = medicationRequestStatus(status);
  return s === 'cancelled' ? 'revoked' : (s as ServiceRequest['status']);
}

const iso = (d: Date) => d.toISOString();
const patient = (ref: string | null): Reference<Patient> | undefined =>
  ref === null
    ? undefined
    : /^[A-Za-z0-9.-]{1,64}$/.test(ref)
      ? { reference: `Patient/${ref}` }
      : { display: ref };
const productCoding = (code: string, name?: string) => ({
  coding: [{ system: PRODUCT_SYSTEM, code, ...(name ? { display: name } : {}) }],
  ...(name ? { text: name } : {}),
});
const calibrationExtension = (at: string): Extension => ({
  url: CALIBRATION_TIME_URL,
  valueDateTime: at,
});

/** The parts every published view of an order shares: id, version, statuses. */
function orderState(order: OrderView, extensions: unknown) {
  const own = (Array.isArray(extensions) ? (extensions as Extension[]) : []).filter(
    (e) => e.url !== ORDER_STATUS_URL,
  );
  return {
    id: order.id,
    meta: { versionId: String(order.version), lastUpdated: order.updatedAt },
    extension: [...own, { url: ORDER_STATUS_URL, valueCode: order.status }],
    ...(order.statusReason ? { statusReason: { text: order.statusReason } } : {}),
  };
}

/**
 * An order as MedicationRequest: the resource as it was received when the order came through
 * /fhir as one (its status, id and version the order's), else made from the order.
 */
export function medicationRequestOf(order: OrderView, stored?: FhirRequestRow): MedicationRequest {
  const status = medicationRequestStatus(order.status);
  if (stored?.resourceType === 'MedicationRequest') {
    const received = stored.resource as unknown as MedicationRequest;
    return {
      ...received,
      ...orderState(order, received.extension),
      identifier: [...(received.identifier ?? []), { system: ORDER_SYSTEM, value: order.id }],
      status,
    };
  }
  const perDose =
    order.amountKind === 'doses' ? order.activityBq / (order.doses ?? 1) : order.activityBq;
  const medication: Medication = {
    resourceType: 'Medication',
    id: 'product',
    code: productCoding(order.productCode),
  };
  return {
    resourceType: 'MedicationRequest',
    ...orderState(order, [calibrationExtension(order.calibrationTime)]),
    identifier: [...(stored ? [stored.identifier] : []), { system: ORDER_SYSTEM, value: order.id }],
    status,
    intent: 'order',
    contained: [medication],
    medicationReference: { reference: '#product' },
    subject: patient(order.patientRef) ?? {
      display: `the patients of ${order.hospitalName} (no patient named in the order)`,
    },
    authoredOn: order.createdAt,
    performer: { reference: `Organization/${order.hospitalId}`, display: order.hospitalName },
    dosageInstruction: [
      {
        timing: { event: [order.calibrationTime] },
        doseAndRate: [{ doseQuantity: mbq(perDose) }],
      },
    ],
    ...(order.amountKind === 'doses' && (order.doses ?? 1) > 1
      ? { dispenseRequest: { quantity: { value: order.doses ?? 1, unit: 'doses' } } }
      : {}),
    ...(stored?.resourceType === 'ServiceRequest'
      ? { basedOn: [{ reference: `ServiceRequest/${order.id}` }] }
      : {}),
    ...(order.notes ? { note: [{ text: order.notes }] } : {}),
  };
}

/** An order that came as a ServiceRequest, as received, its status the order's. */
export function serviceRequestOf(order: OrderView, stored: FhirRequestRow): ServiceRequest {
  const received = stored.resource as unknown as ServiceRequest;
  return {
    ...received,
    ...orderState(order, received.extension),
    identifier: [...(received.identifier ?? []), { system: ORDER_SYSTEM, value: order.id }],
    status: serviceRequestStatus(order.status),
  };
}

/** The dispensed dose's product and batch. */
const doseMedication = (
  row: { product_code: string; product_name: string; batch_number: string },
  expires?: Date,
): Medication => ({
  resourceType: 'Medication',
  id: 'dose',
  code: productCoding(row.product_code, row.product_name),
  batch: { lotNumber: row.batch_number, ...(expires ? { expirationDate: iso(expires) } : {}) },
});

/** Where a dispensed dose is: made, on its way, handed over, refused at receipt, or stopped. */
function dispenseStatus(row: FhirDispenseRow): MedicationDispense['status'] {
  if (row.batch_status === 'rejected') return 'stopped';
  if (row.receipt_status === 'refused') return 'declined';
  if (row.delivered_at) return 'completed';
  if (row.picked_up_at) return 'in-progress';
  return 'preparation';
}

/** A dispensed dose: its batch, its activity at calibration, when it was made and handed over. */
export function medicationDispenseOf(row: FhirDispenseRow): MedicationDispense {
  const subject = patient(row.patient_ref);
  return {
    resourceType: 'MedicationDispense',
    id: row.id,
    extension: [calibrationExtension(iso(row.calibration_at))],
    status: dispenseStatus(row),
    contained: [doseMedication(row, row.expires_at)],
    medicationReference: { reference: '#dose' },
    ...(subject ? { subject } : {}),
    authorizingPrescription: [{ reference: `MedicationRequest/${row.order_id}` }],
    quantity: mbq(row.calibration_bq),
    whenPrepared: iso(row.dispensed_at),
    ...(row.delivered_at ? { whenHandedOver: iso(row.delivered_at) } : {}),
    note: [
      {
        text: `measured ${mbq(row.measured_bq).value} MBq at ${iso(row.measured_at)} in a ${row.container} of ${row.volume_ml} mL; ${mbq(row.calibration_bq).value} MBq at calibration`,
      },
    ],
  };
}

/** A dose given: the activity administered, when, to whom, on which request. */
export function medicationAdministrationOf(row: FhirAdministrationRow): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id: row.id,
    status: 'completed',
    contained: [doseMedication(row)],
    medicationReference: { reference: '#dose' },
    subject: patient(row.patient_ref) ?? {},
    effectiveDateTime: iso(row.administered_at),
    request: { reference: `MedicationRequest/${row.order_id}` },
    dosage: { dose: mbq(row.administered_bq) },
  };
}

/**
 * The Radiation Dose Summary of an administration (HL7 Radiation Dose Summary IG, the
 * radiopharmaceutical profile's components): procedure reported (DICOM 121058 = 113502
 * Radiopharmaceutical Administration), administered activity (DICOM 113507) in MBq, and the
 * radiopharmaceutical (SNOMED CT 349358000) as the product.
 */
export function doseSummaryOf(row: FhirAdministrationRow): Observation {
  return {
    resourceType: 'Observation',
    id: row.id,
    status: 'final',
    code: {
      coding: [
        {
          system: LOINC,
          code: '73569-6',
          display: 'Radiation exposure and protection information',
        },
      ],
    },
    subject: patient(row.patient_ref) ?? {},
    effectiveDateTime: iso(row.administered_at),
    issued: iso(row.recorded_at),
    basedOn: [{ reference: `MedicationRequest/${row.order_id}` }],
    partOf: [{ reference: `MedicationAdministration/${row.id}` }],
    component: [
      {
        code: { coding: [{ system: DICOM, code: '121058', display: 'Procedure reported' }] },
        valueCodeableConcept: {
          coding: [
            { system: DICOM, code: '113502', display: 'Radiopharmaceutical Administration' },
          ],
        },
      },
      {
        code: { coding: [{ system: DICOM, code: '113507', display: 'Administered activity' }] },
        valueQuantity: mbq(row.administered_bq),
      },
      {
        code: { coding: [{ system: SNOMED, code: '349358000' }], text: 'Radiopharmaceuticals' },
        valueCodeableConcept: productCoding(row.product_code, row.product_name),
      },
    ],
  };
}
