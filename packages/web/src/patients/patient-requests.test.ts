import { describe, expect, it } from 'vitest';
import {
  changeRequest,
  enrolRequest,
  petRequest,
  therapyRequest,
  visitRequest,
  vitalRequest,
  type EnrolValues,
  type VisitValues,
} from './patient-requests.js';

const enrol: EnrolValues = {
  reference: ' P-E2E-001 ',
  weightKg: '78,5',
  enrolledOn: '2026-12-05',
  studyCode: '',
  arm: '',
  diseaseVolume: 'high',
  presentation: '',
  priorLu177: 'no',
  baselinePsa: '42',
  lesions: [
    { id: 'L1', organ: 'liver', node: false, diameterMm: '30' },
    { id: '', organ: '', node: false, diameterMm: '' },
  ],
};

describe('enrolment', () => {
  it('reads the form into the API’s body, leaving out what is blank', () => {
    expect(enrolRequest(enrol)).toEqual({
      ok: true,
      body: {
        reference: 'P-E2E-001',
        weightKg: 78.5,
        enrolledOn: '2026-12-05',
        diseaseVolume: 'high',
        priorLu177: false,
        baselinePsaNgMl: 42,
        baselineLesions: [{ id: 'L1', organ: 'liver', node: false, diameterMm: 30 }],
      },
    });
  });

  it('names the fields it cannot read', () => {
    const r = enrolRequest({
      ...enrol,
      reference: '',
      weightKg: 'heavy',
      lesions: [{ id: 'N1', organ: '', node: true, diameterMm: '' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.issues.map((i) => i.path)).toEqual([
      'reference',
      'weightKg',
      'baselineLesions.0.organ',
      'baselineLesions.0.diameterMm',
    ]);
  });
});

describe('the pathway’s forms', () => {
  it('records a PET scan', () => {
    expect(
      petRequest({
        tracer: 'GA68-PSMA11',
        scannedOn: '2026-12-04',
        positive: 'yes',
        suvMax: '18.4',
        notes: '',
      }),
    ).toEqual({
      ok: true,
      body: { tracer: 'GA68-PSMA11', scannedOn: '2026-12-04', positive: true, suvMax: 18.4 },
    });
    const r = petRequest({
      tracer: 'GA68-PSMA11',
      scannedOn: '',
      positive: '',
      suvMax: '',
      notes: '',
    });
    expect(r.ok ? [] : r.errors.issues.map((i) => i.path)).toEqual(['scannedOn', 'positive']);
  });

  it('starts a therapy, with a dose choice when the regimen offers one', () => {
    expect(
      therapyRequest({ regimenCode: 'PLUVICTO', firstOn: '2026-12-15', doseChoiceBq: '' }),
    ).toEqual({
      ok: true,
      body: { regimenCode: 'PLUVICTO', firstOn: '2026-12-15' },
    });
    expect(
      therapyRequest({
        regimenCode: 'AC225-PSMA-FIXED',
        firstOn: '2026-12-15',
        doseChoiceBq: '8000000',
      }),
    ).toMatchObject({ body: { doseChoiceBq: 8e6 } });
  });

  it('changes a cycle only with a reason; a delay needs whole days', () => {
    expect(
      changeRequest({ kind: 'delay', cycle: '2', days: '7', reason: ' Grade 2 platelets ' }),
    ).toEqual({
      ok: true,
      body: { kind: 'delay', cycle: 2, days: 7, reason: 'Grade 2 platelets' },
    });
    expect(changeRequest({ kind: 'stop', cycle: '3', days: '7', reason: 'progression' })).toEqual({
      ok: true,
      body: { kind: 'stop', cycle: 3, reason: 'progression' },
    });
    const r = changeRequest({ kind: 'delay', cycle: '2', days: '2.5', reason: ' ' });
    expect(r.ok ? [] : r.errors.issues).toEqual([
      { path: 'days', message: 'whole days' },
      { path: 'reason', message: 'every change to a therapy plan needs a reason' },
    ]);
  });

  const visit: VisitValues = {
    visitOn: '2026-12-05',
    psa: '8.4',
    weightKg: '',
    lesions: [
      { id: 'L1', organ: 'liver', node: false, diameterMm: '20' },
      { id: 'N1', organ: 'pelvic node', node: true, diameterMm: '12' },
    ],
    newLesions: false,
    radiographicProgression: false,
    adverseEvents: [
      { term: 'Dry mouth', grade: '1' },
      { term: ' ', grade: '3' },
    ],
  };

  it('records a visit: every target lesion measured, AEs with a term', () => {
    expect(visitRequest(visit)).toEqual({
      ok: true,
      body: {
        visitOn: '2026-12-05',
        psaNgMl: 8.4,
        lesions: [
          { id: 'L1', organ: 'liver', node: false, diameterMm: 20 },
          { id: 'N1', organ: 'pelvic node', node: true, diameterMm: 12 },
        ],
        newLesions: false,
        radiographicProgression: false,
        adverseEvents: [{ term: 'Dry mouth', grade: 1 }],
      },
    });
    const partly = visitRequest({
      ...visit,
      lesions: [visit.lesions[0]!, { ...visit.lesions[1]!, diameterMm: '' }],
    });
    expect(partly.ok ? [] : partly.errors.issues).toEqual([
      { path: 'lesions', message: 'measure every target lesion, or none (missing N1)' },
    ]);
    expect(visitRequest({ ...visit, psa: '', lesions: [], adverseEvents: [] })).toEqual({
      ok: true,
      body: { visitOn: '2026-12-05', radiographicProgression: false, adverseEvents: [] },
    });
  });

  it('records the last contact, or the death', () => {
    expect(
      vitalRequest({ died: false, deathOn: '', lastContactOn: '2026-12-04', reason: 'clinic' }),
    ).toEqual({
      ok: true,
      body: { deathOn: null, lastContactOn: '2026-12-04', reason: 'clinic' },
    });
    expect(
      vitalRequest({
        died: true,
        deathOn: '2026-12-03',
        lastContactOn: '2026-11-30',
        reason: 'family',
      }),
    ).toMatchObject({
      body: { deathOn: '2026-12-03', lastContactOn: '2026-12-03' },
    });
    const r = vitalRequest({ died: true, deathOn: '', lastContactOn: '', reason: '' });
    expect(r.ok ? [] : r.errors.issues.map((i) => i.path)).toEqual(['deathOn', 'reason']);
  });
});
