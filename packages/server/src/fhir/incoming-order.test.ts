import { describe, expect, it } from 'vitest';
import { dateBounds } from './date-search.js';
import { exampleMedicationRequest } from '../../test/fhir-examples.js';
import { CALIBRATION_TIME_URL, PRODUCT_SYSTEM, UCUM } from './fhir-terms.js';
import {
  issueOfField,
  medicationRequestOrder,
  serviceRequestOrder,
  type IncomingOrder,
} from './incoming-order.js';
import type { FhirIssue } from './operation-outcome.js';
import { parseSearch } from './search-request.js';

const placed = (r: IncomingOrder | FhirIssue[]): IncomingOrder => {
  if (Array.isArray(r)) throw new Error(JSON.stringify(r));
  return r;
};
const refused = (r: IncomingOrder | FhirIssue[]) => {
  if (!Array.isArray(r)) throw new Error('accepted');
  return r.map((i) => `${i.expression}: ${i.diagnostics}`);
};

describe('a MedicationRequest as an order', () => {
  it('reads the product, the activity in Bq, the calibration time, the patient and the notes', () => {
    const r = placed(medicationRequestOrder(exampleMedicationRequest()));
    expect(r.identifier).toEqual({ system: 'urn:oid:2.16.156.1.2.3.4', value: 'RX-2026-0001' });
    expect(r.order).toEqual({
      productCode: 'LU177-PSMA617',
      calibrationTime: '2026-11-24T10:00:00+08:00',
      amount: { kind: 'fixed', activityBq: 7.4e9 },
      patientRef: 'P-2026-0417',
      notes: 'cycle 2 of 6',
    });
    expect(r.sources['amount']).toBe(
      'MedicationRequest.contained[0].ingredient[0].strength.numerator',
    );
    expect(r.sources['calibrationTime']).toBe('MedicationRequest.extension[0].valueDateTime');
  });

  it('takes the dose in mCi from the dosage, the time from timing.event, the hospital from performer', () => {
    const mr = exampleMedicationRequest();
    mr['contained'] = [
      {
        resourceType: 'Medication',
        id: 'lu',
        code: { coding: [{ system: PRODUCT_SYSTEM, code: 'LU177-PSMA617' }] },
      },
    ];
    delete mr['extension'];
    mr['performer'] = { reference: 'Organization/0B6E2B4A-1111-4222-8333-444455556666' };
    mr['dosageInstruction'] = [
      {
        timing: { event: ['2026-11-24T02:00:00Z'] },
        doseAndRate: [{ doseQuantity: { value: 200, system: UCUM, code: 'mCi' } }],
      },
    ];
    const r = placed(medicationRequestOrder(mr));
    expect(r.order.amount).toEqual({ kind: 'fixed', activityBq: 200 * 3.7e7 });
    expect(r.order.calibrationTime).toBe('2026-11-24T02:00:00Z');
    expect(r.order.hospitalId).toBe('0b6e2b4a-1111-4222-8333-444455556666');
    expect(r.sources['calibrationTime']).toBe(
      'MedicationRequest.dosageInstruction[0].timing.event[0]',
    );
  });

  it('names the element of every problem at once', () => {
    const mr = exampleMedicationRequest();
    mr['status'] = 'draft';
    mr['identifier'] = [{ value: 'no-system' }];
    mr['subject'] = { reference: 'Patient/王芳' };
    delete mr['requester'];
    mr['extension'] = [{ url: CALIBRATION_TIME_URL, valueDateTime: '2026-11-24' }];
    const contained = (mr['contained'] as Record<string, unknown>[])[0]!;
    contained['ingredient'] = [
      {
        itemCodeableConcept: { text: 'x' },
        strength: {
          numerator: { value: 7400, system: UCUM, code: 'MBq' },
          denominator: { value: 1, system: UCUM, code: 'mL' },
        },
      },
    ];
    expect(refused(medicationRequestOrder(mr))).toEqual([
      'MedicationRequest.status: only an active request places an order (got "draft")',
      "MedicationRequest.identifier[0]: the sender's identifier (system and value) is required: a resend with it finds the same order",
      'MedicationRequest.subject.reference: must be Patient/{id}, the id a pseudonymous reference (letters, digits, . _ -; at most 40)',
      'MedicationRequest.requester: who orders (a reference or a display) is required',
      'MedicationRequest.contained[0].ingredient[0].strength.denominator: the ordered activity is per dose (denominator 1, no volume): an activity per mL is a concentration',
      'MedicationRequest.extension[0].valueDateTime: needs the time of day with its offset, not a date alone',
    ]);
  });

  it('refuses units that are not activity, two activities that disagree, and a time given twice differently', () => {
    const mr = exampleMedicationRequest();
    mr['dosageInstruction'] = [
      {
        timing: { event: ['2026-11-24T11:00:00+08:00'] },
        doseAndRate: [{ doseQuantity: { value: 7.5, system: UCUM, code: 'GBq' } }],
      },
    ];
    expect(refused(medicationRequestOrder(mr))).toEqual([
      "MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity: differs from the Medication's strength (7400 MBq)",
      'MedicationRequest.dosageInstruction[0].timing.event[0]: differs from the calibration time of the extension (2026-11-24T10:00:00+08:00)',
    ]);
    const mbq = exampleMedicationRequest();
    const c = (mbq['contained'] as Record<string, unknown>[])[0]!;
    (
      c['ingredient'] as { strength: { numerator: Record<string, unknown> } }[]
    )[0]!.strength.numerator = { value: 7400, system: UCUM, code: 'mBq' };
    expect(refused(medicationRequestOrder(mbq))).toEqual([
      'MedicationRequest.contained[0].ingredient[0].strength.numerator.code: "mBq" is not an activity unit; use one of Bq, kBq, MBq, GBq, TBq, uCi, mCi, Ci',
    ]);
  });

  it('names the product by a referenced Medication or a code, and refuses one without the product system', () => {
    const byReference = exampleMedicationRequest();
    delete byReference['contained'];
    byReference['medicationReference'] = { reference: 'Medication/F18-FDG' };
    byReference['dosageInstruction'] = [
      { doseAndRate: [{ doseQuantity: { value: 370, system: UCUM, code: 'MBq' } }] },
    ];
    expect(placed(medicationRequestOrder(byReference)).order.productCode).toBe('F18-FDG');
    const byCode = exampleMedicationRequest();
    delete byCode['medicationReference'];
    byCode['medicationCodeableConcept'] = {
      coding: [{ system: 'http://snomed.info/sct', code: '1' }],
    };
    expect(refused(medicationRequestOrder(byCode))).toContain(
      `MedicationRequest.medicationCodeableConcept: needs a coding of ${PRODUCT_SYSTEM} naming the product`,
    );
  });

  it('turns a refusal of the order service into an issue at the element it came from', () => {
    const r = placed(medicationRequestOrder(exampleMedicationRequest()));
    expect(
      issueOfField('MedicationRequest', r.sources, 'calibrationTime: must be in the future'),
    ).toMatchObject({
      expression: 'MedicationRequest.extension[0].valueDateTime',
      diagnostics: 'must be in the future',
    });
    expect(
      issueOfField('MedicationRequest', r.sources, 'amount.activityBq: 74 GBq is above the most'),
    ).toMatchObject({
      expression: 'MedicationRequest.contained[0].ingredient[0].strength.numerator',
    });
    expect(issueOfField('MedicationRequest', r.sources, 'something else')).toMatchObject({
      expression: 'MedicationRequest',
      diagnostics: 'something else',
    });
  });
});

describe('a ServiceRequest as an order', () => {
  it('orders one dose of the product its code names at the occurrence time', () => {
    const r = placed(
      serviceRequestOrder({
        resourceType: 'ServiceRequest',
        identifier: [{ system: 'urn:ris', value: 'ACC-77' }],
        status: 'active',
        intent: 'order',
        code: { coding: [{ system: PRODUCT_SYSTEM, code: 'F18-FDG', display: 'FDG PET/CT' }] },
        subject: { reference: 'Patient/P-9' },
        occurrenceDateTime: '2026-11-24T09:30:00+08:00',
        requester: { display: 'RIS' },
        performer: [{ reference: 'Organization/0b6e2b4a-1111-4222-8333-444455556666' }],
      }),
    );
    expect(r.order).toEqual({
      hospitalId: '0b6e2b4a-1111-4222-8333-444455556666',
      productCode: 'F18-FDG',
      calibrationTime: '2026-11-24T09:30:00+08:00',
      amount: { kind: 'doses', doses: 1 },
      patientRef: 'P-9',
    });
    expect(r.sources['amount']).toBe('ServiceRequest.code');
  });
});

describe('search parameters', () => {
  const zone = 'Asia/Shanghai';
  it('reads a date as a day in the caller’s zone, with prefixes and precisions', () => {
    expect(dateBounds('2026-11-24', zone)).toEqual([
      { op: '>=', at: new Date('2026-11-23T16:00:00Z') },
      { op: '<', at: new Date('2026-11-24T16:00:00Z') },
    ]);
    expect(dateBounds('ge2026-11', zone)).toEqual([
      { op: '>=', at: new Date('2026-10-31T16:00:00Z') },
    ]);
    expect(dateBounds('gt2026-12', zone)).toEqual([
      { op: '>=', at: new Date('2026-12-31T16:00:00Z') },
    ]);
    expect(dateBounds('lt2026-11-24T10:00:00+08:00', zone)).toEqual([
      { op: '<', at: new Date('2026-11-24T02:00:00Z') },
    ]);
    expect(dateBounds('le2026-11-24T10:00Z', zone)).toEqual([
      { op: '<', at: new Date('2026-11-24T10:01:00Z') },
    ]);
    expect(dateBounds('2026-02-30', zone)).toBe('"2026-02-30" is not a date');
    expect(dateBounds('2026-11-24T10:00', zone)).toMatch(/needs its offset/);
    expect(dateBounds('ne2026', zone)).toMatch(/is not a date/);
  });

  it('refuses an unknown parameter or _include, naming it, and bounds _count', () => {
    const issues = parseSearch(
      'MedicationDispense',
      {
        patient: ['Patient/P-1'],
        _include: ['MedicationDispense:performer'],
        status: ['completed'],
        _count: ['0'],
      },
      zone,
    );
    expect(Array.isArray(issues) && issues.map((i) => i.expression)).toEqual([
      '_include',
      'status',
      '_count',
    ]);
    const search = parseSearch(
      'MedicationDispense',
      {
        patient: ['P-1'],
        date: ['2026-11-24'],
        _include: ['MedicationDispense:authorizingPrescription'],
        _id: ['not-a-uuid,0B6E2B4A-1111-4222-8333-444455556666'],
      },
      zone,
    );
    expect(search).toMatchObject({
      patientRef: 'P-1',
      ids: ['0b6e2b4a-1111-4222-8333-444455556666'],
      includes: ['MedicationRequest'],
      count: 100,
      times: [
        { column: 'calibration', op: '>=' },
        { column: 'calibration', op: '<' },
      ],
    });
  });
});
