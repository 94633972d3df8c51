import { describe, expect, it } from 'vitest';
import { filterPatients, NO_FILTERS, studiesAmong } from './patient-filter.js';
import type { PatientSummary } from './patient-types.js';

const row = (reference: string, patch: Partial<PatientSummary> = {}): PatientSummary => ({
  id: `00000000-0000-4000-8000-${reference.replace(/\D/g, '').padStart(12, '0')}`,
  reference,
  hospitalName: 'Demo First Affiliated Hospital (demo)',
  studyCode: null,
  arm: null,
  synthetic: false,
  enrolledOn: '2026-12-05',
  regimenCode: null,
  stage: 'screening',
  ...patch,
});

const patients = [
  row('SYN-LUPSMA-013', {
    studyCode: 'SYN-LUPSMA',
    synthetic: true,
    enrolledOn: '2024-07-10',
    stage: 'died',
  }),
  row('P-E2E-001', { stage: 'on therapy', regimenCode: 'PLUVICTO' }),
  row('SYN-XTR022-001', {
    studyCode: 'SYN-XTR022',
    synthetic: true,
    enrolledOn: '2025-11-01',
    stage: 'follow-up',
  }),
  row('SYN-LUPSMA-025', { studyCode: 'SYN-LUPSMA', synthetic: true, enrolledOn: '2024-07-10' }),
];

describe('the patient list', () => {
  it('lists the latest enrolments first, then by reference', () => {
    expect(filterPatients(patients, NO_FILTERS).map((p) => p.reference)).toEqual([
      'P-E2E-001',
      'SYN-XTR022-001',
      'SYN-LUPSMA-013',
      'SYN-LUPSMA-025',
    ]);
  });

  it('filters by text, study (or none) and stage', () => {
    const refs = (f: Partial<typeof NO_FILTERS>) =>
      filterPatients(patients, { ...NO_FILTERS, ...f }).map((p) => p.reference);
    expect(refs({ text: 'lupsma' })).toEqual(['SYN-LUPSMA-013', 'SYN-LUPSMA-025']);
    expect(refs({ study: 'none' })).toEqual(['P-E2E-001']);
    expect(refs({ study: 'SYN-LUPSMA', stage: 'died' })).toEqual(['SYN-LUPSMA-013']);
    expect(refs({ text: 'first affiliated', stage: 'follow-up' })).toEqual(['SYN-XTR022-001']);
  });

  it('names the studies among the patients', () => {
    expect(studiesAmong(patients)).toEqual([
      { code: 'SYN-LUPSMA', synthetic: true, count: 2 },
      { code: 'SYN-XTR022', synthetic: true, count: 1 },
    ]);
  });
});
