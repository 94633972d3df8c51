import { CALIBRATION_TIME_URL, PRODUCT_SYSTEM, UCUM } from '../src/fhir/fhir-terms.js';

/** Example resources as hospitals' systems send them, for the FHIR endpoint's tests. */

/** A hospital's dose order as its HIS sends it: 7.4 GBq of Lu-177 PSMA-617 at 10:00 Beijing time. */
export function exampleMedicationRequest(): Record<string, unknown> {
  return {
    resourceType: 'MedicationRequest',
    identifier: [{ system: 'urn:oid:2.16.156.1.2.3.4', value: 'RX-2026-0001' }],
    status: 'active',
    intent: 'order',
    extension: [{ url: CALIBRATION_TIME_URL, valueDateTime: '2026-11-24T10:00:00+08:00' }],
    contained: [
      {
        resourceType: 'Medication',
        id: 'lu',
        code: { coding: [{ system: PRODUCT_SYSTEM, code: 'LU177-PSMA617' }] },
        ingredient: [
          {
            itemCodeableConcept: { text: 'Lutetium (177Lu) vipivotide tetraxetan' },
            strength: {
              numerator: { value: 7.4, unit: 'GBq', system: UCUM, code: 'GBq' },
              denominator: { value: 1 },
            },
          },
        ],
      },
    ],
    medicationReference: { reference: '#lu' },
    subject: { reference: 'Patient/P-2026-0417' },
    requester: { reference: 'Practitioner/dr-wang', display: 'Dr Wang' },
    note: [{ text: 'cycle 2 of 6' }],
  };
}
