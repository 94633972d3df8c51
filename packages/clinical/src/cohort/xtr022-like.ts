import { seededRng, uniform } from '@halflife/domain/demo';
import { shiftDate } from '../pathway/local-date.js';
import { prescribedActivity, regimenByCode } from '../regimens/regimen.js';
import type { Lesion, Visit } from '../outcomes/patient-course.js';
import type { CohortCycle, CohortPatient } from './synthetic-cohort.js';

/**
 * A synthetic cohort built to reproduce the first XTR022 readout exactly (ASCO 2026 poster, seed
 * document; facts.md): of 13 patients with a post-treatment PSA, 10 with a ≥ 50% decline and 5 with
 * ≥ 90%; of 9 with RECIST-measurable disease, 3 confirmed partial responses, 5 stable, 1
 * progression (ORR 3/9, DCR 8/9). The counts are fixed by construction; the magnitudes are seeded.
 * Patient 1 echoes the case the poster describes: six cycles at 50 kBq/kg and a 97.7% PSA decline.
 * Synthetic patients, not the trial's.
 */
export const XTR022_LIKE = {
  code: 'SYN-XTR022',
  name: 'Synthetic XTR022-like cohort (Ac-225-XT381, 50 kBq/kg)',
  firstEnrolmentOn: '2025-09-01',
  dataCutOn: '2026-09-30',
  seed: 2026_0530,
  psaEvaluable: 13,
  psa50: 10,
  psa90: 5,
  measurable: 9,
  partialResponses: 3,
  stable: 5,
  progression: 1,
} as const;

type Plan = { psa: 'psa90' | 'psa50' | 'none'; recist: 'PR' | 'SD' | 'PD' | null };

// 13 patients: PSA class and RECIST class, in order (patient 1 first).
const PLANS: readonly Plan[] = [
  { psa: 'psa90', recist: 'PR' },
  { psa: 'psa90', recist: 'PR' },
  { psa: 'psa90', recist: 'SD' },
  { psa: 'psa90', recist: null },
  { psa: 'psa90', recist: 'SD' },
  { psa: 'psa50', recist: 'PR' },
  { psa: 'psa50', recist: 'SD' },
  { psa: 'psa50', recist: null },
  { psa: 'psa50', recist: 'SD' },
  { psa: 'psa50', recist: null },
  { psa: 'none', recist: 'SD' },
  { psa: 'none', recist: 'PD' },
  { psa: 'none', recist: null },
];

export function xtr022LikeCohort(): readonly CohortPatient[] {
  const rng = seededRng(XTR022_LIKE.seed);
  const regimen = regimenByCode('XTR022')!;
  return PLANS.map((plan, i): CohortPatient => {
    const startOn = shiftDate(XTR022_LIKE.firstEnrolmentOn, i * 14);
    const weightKg = Math.round(uniform(rng, 58, 92));
    const baselinePsa = Math.round(uniform(rng, 12, 160) * 10) / 10;
    const change =
      i === 0
        ? -97.7
        : plan.psa === 'psa90'
          ? uniform(rng, -99, -91)
          : plan.psa === 'psa50'
            ? uniform(rng, -88, -53)
            : uniform(rng, -40, 60);
    const nadir = Math.round(baselinePsa * (1 + change / 100) * 100) / 100;
    const lesions: Lesion[] | null =
      plan.recist === null
        ? null
        : [
            { id: 'T1', organ: 'liver', node: false, diameterMm: Math.round(uniform(rng, 18, 45)) },
            {
              id: 'T2',
              organ: 'pelvic lymph node',
              node: true,
              diameterMm: Math.round(uniform(rng, 16, 30)),
            },
          ];
    const depth = plan.recist === 'PR' ? uniform(rng, 0.4, 0.6) : uniform(rng, 0.8, 1.1);
    const scaled = (f: number) =>
      lesions?.map((l) => ({ ...l, diameterMm: Math.round(l.diameterMm * f) })) ?? null;
    // The progressing patient progresses before the first scan; the others are followed to the cut.
    const progressionDay = plan.recist === 'PD' ? 42 : null;
    const visits: Visit[] = [];
    if (progressionDay !== null) {
      visits.push({
        on: shiftDate(startOn, progressionDay),
        psaNgMl: nadir,
        lesions: scaled(1.3),
        newLesions: true,
        radiographicProgression: false,
        adverseEvents: [{ term: 'Dry mouth', grade: 1 }],
      });
    } else {
      for (let day = 56; shiftDate(startOn, day) <= XTR022_LIKE.dataCutOn; day += 56)
        visits.push({
          on: shiftDate(startOn, day),
          psaNgMl:
            visits.length === 0
              ? nadir
              : Math.round(nadir * (1 + 0.05 * visits.length) * 100) / 100,
          lesions: scaled(depth),
          newLesions: lesions === null ? null : false,
          radiographicProgression: false,
          adverseEvents: rng() < 0.6 ? [{ term: 'Dry mouth', grade: rng() < 0.8 ? 1 : 2 }] : [],
        });
    }
    const lastDay = progressionDay ?? (i === 0 ? 5 * 56 + 1 : 3 * 56 + 1);
    const cycles: CohortCycle[] = [];
    for (
      let day = 0, cycle = 1;
      day < lastDay && cycle <= regimen.maxCycles;
      day += regimen.intervalDays, cycle++
    )
      cycles.push({
        cycle,
        on: shiftDate(startOn, day),
        activityBq: prescribedActivity(regimen, { kind: 'standard' }, weightKg),
        reason: null,
      });
    return {
      ref: `${XTR022_LIKE.code}-${String(i + 1).padStart(3, '0')}`,
      arm: 'XTR022 50 kBq/kg',
      regimenCode: regimen.code,
      diseaseVolume: rng() < 0.6 ? 'high' : 'low',
      presentation: 'recurrent',
      priorLu177: rng() < 0.3,
      weightKg,
      cycles,
      course: {
        startOn,
        baselinePsaNgMl: baselinePsa,
        baselineLesions: lesions,
        visits,
        deathOn: null,
        lastContactOn: XTR022_LIKE.dataCutOn,
      },
    };
  });
}
