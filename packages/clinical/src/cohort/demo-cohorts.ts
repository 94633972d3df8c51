import type { CohortModel } from './synthetic-cohort.js';

/**
 * The demo studies' models. Their figures are chosen to look like the published trials in
 * operations-facts §6.2 (PSMAfore-like medians, AcTION-like PSA50 after prior Lu-177), not taken
 * from any patient: the cohorts are synthetic and marked so everywhere.
 *
 * Seeds: a 95% interval misses its truth one time in twenty, so a cohort's 14–19 intervals all
 * cover their truths for about half of all seeds. The demo seeds are the first from 2026-12-01 on
 * whose cohorts do (so that the dashboard a user sees agrees with the documented truth); the test
 * "over 40 seeds" shows the intervals are calibrated, not chosen.
 */
export const LU_PSMA_STUDY: CohortModel = {
  code: 'SYN-LUPSMA',
  name: 'Synthetic randomised study: Lu-177 PSMA-617 + SoC vs SoC',
  patients: 300,
  seed: 2026_1203,
  firstEnrolmentOn: '2024-06-03',
  accrualMonths: 18,
  dataCutMonths: 30,
  arms: [
    {
      name: 'SoC',
      regimenCode: null,
      level: { kind: 'standard' },
      share: 1,
      rpfsMedianMonths: 7,
      psa50: 0.2,
      psa90GivenPsa50: 0.3,
      shrinkage: 0.12,
      completeGivenShrinkage: 0.1,
    },
    {
      name: 'Lu-177 PSMA-617 + SoC',
      regimenCode: 'PLUVICTO',
      level: { kind: 'standard' },
      share: 1,
      rpfsMedianMonths: 14,
      psa50: 0.55,
      psa90GivenPsa50: 0.45,
      shrinkage: 0.4,
      completeGivenShrinkage: 0.15,
    },
  ],
  highVolumeShare: 0.68,
  deNovoShare: 0.5,
  priorLu177Share: 0,
  hrHighVolume: 1.6,
  hrPriorLu177: 1,
  psa50FactorPriorLu177: 1,
  measurableShare: 0.6,
  postProgressionMedianMonths: 12,
};

export const AC_PSMA_STUDY: CohortModel = {
  code: 'SYN-ACPSMA',
  name: 'Synthetic single-arm study: Ac-225 PSMA-617 10 MBq',
  patients: 120,
  seed: 2026_1202,
  firstEnrolmentOn: '2024-09-02',
  accrualMonths: 15,
  dataCutMonths: 27,
  arms: [
    {
      name: 'Ac-225 PSMA-617 10 MBq',
      regimenCode: 'AC225-PSMA-FIXED',
      level: { kind: 'choice', bq: 1.0e7 },
      share: 1,
      rpfsMedianMonths: 11,
      psa50: 0.8,
      psa90GivenPsa50: 0.55,
      shrinkage: 0.45,
      completeGivenShrinkage: 0.1,
    },
  ],
  highVolumeShare: 0.6,
  deNovoShare: 0.2,
  priorLu177Share: 0.4,
  hrHighVolume: 1.5,
  hrPriorLu177: 1.7,
  psa50FactorPriorLu177: 0.65,
  measurableShare: 0.55,
  postProgressionMedianMonths: 10,
};

export const DEMO_COHORT_MODELS: readonly CohortModel[] = [LU_PSMA_STUDY, AC_PSMA_STUDY];
