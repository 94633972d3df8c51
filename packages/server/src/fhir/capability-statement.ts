import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
} from '@medplum/fhirtypes';
import { CALIBRATION_TIME_URL, FHIR_JSON, PRODUCT_SYSTEM } from './fhir-terms.js';
import { SEARCH_SPECS, type SearchType } from './search-request.js';

/** When this statement last changed (R4 CapabilityStatement.date). */
const CHANGED = '2026-12-05';

const TIME_DOCS: Readonly<Record<string, string>> = {
  calibration: 'the calibration (injection) time of the dose',
  created: 'when the order was placed',
  prepared: 'when the dose was dispensed',
  handed_over: 'when the dose was delivered to the hospital',
  administered: 'when the dose was given',
};

function searchParams(type: SearchType): CapabilityStatementRestResourceSearchParam[] {
  const spec = SEARCH_SPECS[type];
  return [
    { name: 'patient', type: 'reference', documentation: 'Patient/{id} or {id}' },
    { name: '_id', type: 'token' },
    ...Object.entries(spec.dates).map(([name, column]) => ({
      name,
      type: 'date' as const,
      documentation: `${TIME_DOCS[column]}; a date without a time is a day in the caller's time zone`,
    })),
    ...(spec.identifier ? [{ name: 'identifier', type: 'token' as const }] : []),
    ...(spec.code ? [{ name: 'code', type: 'token' as const }] : []),
  ];
}

function searchable(type: SearchType, documentation: string): CapabilityStatementRestResource {
  return {
    type,
    documentation,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchParam: searchParams(type),
    searchInclude: Object.keys(SEARCH_SPECS[type].includes),
  };
}

/** What the endpoint at `base` (…/fhir) does: GET /fhir/metadata. */
export function capabilityStatement(base: string): CapabilityStatement {
  const ordering =
    `Places an order through the order service, idempotent on identifier[0] (a resend answers 200 with the same order). ` +
    `The product is a coding of ${PRODUCT_SYSTEM}; the calibration (injection) time the extension ${CALIBRATION_TIME_URL} (valueDateTime with its offset); ` +
    `the hospital Organization/{hospital id} as performer (required when a producer's planner orders on its behalf); the patient Patient/{pseudonymous id}.`;
  const medicationRequest = searchable(
    'MedicationRequest',
    `A dose order: activity per dose as dosageInstruction[0].doseAndRate[0].doseQuantity or the contained Medication's ingredient strength (UCUM Bq, kBq, MBq, GBq, TBq, uCi, mCi, Ci). ${ordering} Every order is published as a MedicationRequest, its status the order's.`,
  );
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CHANGED,
    publisher: 'Halflife',
    kind: 'instance',
    software: { name: 'Halflife', version: '0.1.0' },
    implementation: { description: 'Halflife radiopharmacy network: FHIR R4 endpoint', url: base },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON, 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Every resource received is validated against the R4 definitions; a refusal is an OperationOutcome naming the element.',
        security: {
          description:
            "An API token as Authorization: Bearer, or the web app's session. A hospital sees and orders only its own; the producer's staff see the network.",
        },
        resource: [
          {
            ...medicationRequest,
            interaction: [...(medicationRequest.interaction ?? []), { code: 'create' }],
          },
          {
            type: 'ServiceRequest',
            documentation: `A PET study: one dose of the product its code names, at the product's usual activity, for injection at occurrenceDateTime. ${ordering}`,
            interaction: [{ code: 'read' }, { code: 'create' }],
          },
          searchable(
            'MedicationDispense',
            'A dispensed dose: batch (Medication.batch.lotNumber), activity at calibration in MBq (quantity), whenPrepared, whenHandedOver.',
          ),
          searchable(
            'MedicationAdministration',
            'A dose given: activity administered in MBq (dosage.dose), effectiveDateTime, request.',
          ),
          searchable(
            'Observation',
            'Radiation Dose Summary (LOINC 73569-6): administered activity (DICOM 113507) in MBq, one per administration.',
          ),
        ],
      },
    ],
  };
}
