import type { Cycle, PatientDetail, Regimen } from './patient-types.js';

/** Pluvicto as the catalogue gives it. */
export const PLUVICTO: Regimen = {
  code: 'PLUVICTO',
  name: 'Pluvicto (Lu-177 vipivotide tetraxetan, PSMA-617)',
  nuclide: 'Lu-177',
  target: 'PSMA',
  productCode: 'LU177-PSMA617',
  dose: { kind: 'fixed', bq: 7.4e9 },
  doseChoicesBq: [],
  reducedDoseBq: 5.9e9,
  tolerancePct: 10,
  intervalDays: 42,
  windowDays: 7,
  maxCycles: 6,
  longestDelayDays: 28,
  source: '7.4 GBq (±10%) every 6 weeks (±1 week), up to 6 cycles: US label.',
};

/** An Ac-225 regimen that offers a choice of fixed activities (AcTION-like). */
export const ACTION: Regimen = {
  ...PLUVICTO,
  code: 'AC225-PSMA-FIXED',
  name: 'Ac-225 PSMA-617, fixed activity (AcTION)',
  nuclide: 'Ac-225',
  productCode: 'AC225-PSMA617',
  dose: { kind: 'fixed', bq: 1e7 },
  doseChoicesBq: [4e6, 6e6, 8e6, 1e7],
  reducedDoseBq: null,
  tolerancePct: 20,
  intervalDays: 56,
  longestDelayDays: null,
  source: 'AcTION phase I.',
};

function cycle(n: number, dueOn: string, patch: Partial<Cycle> = {}): Cycle {
  const shift = (days: number) =>
    new Date(Date.parse(`${dueOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return {
    cycle: n,
    dueOn,
    earliestOn: shift(-7),
    latestOn: shift(7),
    gapDays: n === 1 ? null : 42,
    level: { kind: 'standard' },
    activityBq: 7.4e9,
    reasons: [],
    orderOn: shift(-14),
    order: null,
    administeredOn: null,
    administeredBq: null,
    ...patch,
  };
}

/**
 * A patient of hospital 1 early on Pluvicto (Beijing, December 2026): enrolled 23 Nov with a PSA of
 * 42 ng/mL and two target lesions (50 mm), PSMA-positive on 22 Nov; cycle 1 due 15 Dec and
 * ordered, cycle 2 delayed 7 days; one visit on 1 Dec (PSA 8.4, lesions 32 mm: PR; dry mouth G1).
 */
export function patientDetail(patch: Partial<PatientDetail> = {}): PatientDetail {
  const cycles: Cycle[] = [
    cycle(1, '2026-12-15', {
      order: {
        id: 'c1b2c3d4-0000-4000-8000-000000000003',
        status: 'submitted',
        version: 1,
        calibrationAt: '2026-12-15T02:00:00.000Z',
      },
    }),
    cycle(2, '2027-02-02', { gapDays: 49, reasons: ['Grade 2 platelet count decreased'] }),
    cycle(3, '2027-03-16'),
    cycle(4, '2027-04-27'),
    cycle(5, '2027-06-08'),
    cycle(6, '2027-07-20'),
  ];
  return {
    id: '0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a',
    reference: 'P-E2E-001',
    hospitalId: '1cb0cd88-b510-4756-a15d-d84f3ec656ee',
    hospitalName: 'Demo First Affiliated Hospital (demo)',
    hospitalZone: 'Asia/Shanghai',
    studyCode: null,
    arm: null,
    diseaseVolume: 'high',
    presentation: 'de_novo',
    priorLu177: false,
    synthetic: false,
    enrolledOn: '2026-11-23',
    weightKg: 78,
    baselinePsaNgMl: 42,
    baselineLesions: [
      { id: 'L1', organ: 'liver', node: false, diameterMm: 30 },
      { id: 'N1', organ: 'pelvic node', node: true, diameterMm: 20 },
    ],
    deathOn: null,
    lastContactOn: null,
    stage: 'on therapy',
    pets: [
      {
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        tracer: 'GA68-PSMA11',
        target: 'PSMA',
        criterion: 'PSMA-positive',
        scannedOn: '2026-11-22',
        positive: true,
        suvMax: 18.4,
        orderId: null,
        notes: '',
      },
    ],
    therapy: {
      planId: 'b1b2c3d4-0000-4000-8000-000000000002',
      regimen: PLUVICTO,
      firstOn: '2026-12-15',
      level: { kind: 'standard' },
      status: 'active',
      cycles,
      stopped: null,
      warnings: [],
      changes: [
        {
          kind: 'delay',
          cycle: 2,
          days: 7,
          reason: 'Grade 2 platelet count decreased',
          recordedAt: '2026-12-05T04:00:00.000Z',
        },
      ],
      nextCycle: cycles[0] ?? null,
    },
    visits: [
      {
        id: 'd1b2c3d4-0000-4000-8000-000000000004',
        visitOn: '2026-12-01',
        psaNgMl: 8.4,
        weightKg: 78,
        lesions: [
          { id: 'L1', organ: 'liver', node: false, diameterMm: 20 },
          { id: 'N1', organ: 'pelvic node', node: true, diameterMm: 12 },
        ],
        newLesions: false,
        radiographicProgression: false,
        adverseEvents: [{ term: 'Dry mouth', grade: 1 }],
      },
    ],
    endpoints: {
      bestPsaChangePct: -80,
      psa50: true,
      psa90: false,
      psaProgressionOn: null,
      measurable: true,
      bestResponse: 'PR',
      assessments: [{ on: '2026-12-01', sumMm: 32, changeFromBaseline: -0.36, response: 'PR' }],
      radiographicProgressionOn: null,
      rpfs: { months: 0.3, event: false },
      os: { months: 0.3, event: false },
      worstAdverseGrade: 1,
    },
    ...patch,
  };
}
