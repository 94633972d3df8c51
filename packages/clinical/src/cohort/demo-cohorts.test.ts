import { describe, expect, it } from 'vitest';
import { coxPh } from '../statistics/index.js';
import { patientEndpoints } from '../outcomes/endpoints.js';
import { summariseCohort, swimmerRows, type GroupSummary } from './cohort-summary.js';
import { AC_PSMA_STUDY, LU_PSMA_STUDY } from './demo-cohorts.js';
import { cohortTruth, syntheticCohort, type CohortModel } from './synthetic-cohort.js';
import { XTR022_LIKE, xtr022LikeCohort } from './xtr022-like.js';

/**
 * The dashboard against its generator's truth. "Within sampling error" means: every true rate lies
 * inside the exact 95% interval of the dashboard's estimate, every true median inside its
 * Brookmeyer–Crowley interval, every true hazard ratio inside its Wald interval. With ~20 such
 * checks a fixed seed could miss one by chance (1 in 20 each); the seeds are fixed, so the test
 * is deterministic, and a second test checks coverage over many seeds.
 */
function checkAgainstTruth(model: CohortModel) {
  const members = syntheticCohort(model);
  const summary = summariseCohort(members, 'arm');
  const truth = cohortTruth(model);
  const misses: string[] = [];
  const inside = (what: string, value: number, lower: number | null, upper: number | null) => {
    if (!((lower ?? -Infinity) <= value && value <= (upper ?? Infinity)))
      misses.push(`${what}: truth ${value.toFixed(3)} outside [${lower}, ${upper}]`);
  };
  for (const t of truth.arms) {
    const g = summary.groups.find((x) => x.group === t.arm) as GroupSummary;
    inside(`${t.arm} PSA50`, t.psa50, g.psa50!.lower, g.psa50!.upper);
    inside(`${t.arm} PSA90`, t.psa90, g.psa90!.lower, g.psa90!.upper);
    inside(`${t.arm} ORR`, t.orr, g.orr!.lower, g.orr!.upper);
    inside(`${t.arm} DCR`, t.dcr, g.dcr!.lower, g.dcr!.upper);
    inside(`${t.arm} rPFS median`, t.rpfsMedianMonths, g.rpfs.median.lower, g.rpfs.median.upper);
    inside(`${t.arm} OS median`, t.osMedianMonths, g.os.median.lower, g.os.median.upper);
  }
  // Conditional hazard ratios: a Cox model with the arm and the subgroups as covariates.
  const rows = members.map((m) => {
    const e = patientEndpoints(m.course);
    return {
      time: e.rpfs.months,
      event: e.rpfs.event,
      x: [
        ...model.arms.slice(1).map((a) => (m.arm === a.name ? 1 : 0)),
        m.diseaseVolume === 'high' ? 1 : 0,
        ...(model.priorLu177Share > 0 ? [m.priorLu177 ? 1 : 0] : []),
      ],
    };
  });
  const cox = coxPh(rows);
  const truthHr = [
    ...truth.hrArms.slice(1),
    truth.hrHighVolume,
    ...(model.priorLu177Share > 0 ? [truth.hrPriorLu177] : []),
  ];
  truthHr.forEach((hr, i) => inside(`HR ${i}`, hr, cox.lower[i]!, cox.upper[i]!));
  return { misses, checks: truth.arms.length * 6 + truthHr.length, summary };
}

describe('demo cohorts against their generator', () => {
  it('the Lu-177 PSMA study shows its truth within sampling error', () => {
    const { misses, summary } = checkAgainstTruth(LU_PSMA_STUDY);
    expect(misses).toEqual([]);
    expect(summary.patients).toBe(300);
    expect('hazardRatios' in summary.rpfsComparison).toBe(true);
  });

  it('the Ac-225 PSMA study shows its truth within sampling error', () => {
    expect(checkAgainstTruth(AC_PSMA_STUDY).misses).toEqual([]);
  });

  it('over 40 seeds, the 95% intervals cover the truth about 95% of the time', () => {
    let checks = 0;
    let misses = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = checkAgainstTruth({ ...LU_PSMA_STUDY, seed });
      checks += r.checks;
      misses += r.misses.length;
    }
    // 40 × 14 intervals; a 95% interval misses 5% (28); exact intervals are conservative.
    expect(misses / checks).toBeLessThan(0.09);
    expect(misses / checks).toBeGreaterThan(0.005);
  });

  it('the same seed gives the same cohort', () => {
    expect(syntheticCohort(LU_PSMA_STUDY)).toEqual(syntheticCohort(LU_PSMA_STUDY));
  });

  it('swimmer rows end at death or the last contact, cycles inside the bar', () => {
    const rows = swimmerRows(syntheticCohort({ ...LU_PSMA_STUDY, patients: 40 }));
    for (const r of rows) for (const c of r.cycles) expect(c).toBeLessThanOrEqual(r.endAt);
    expect(rows[0]!.endAt).toBeGreaterThanOrEqual(rows.at(-1)!.endAt);
  });
});

describe('the XTR022-like cohort', () => {
  it('reproduces the readout exactly: PSA50 10/13, PSA90 5/13, ORR 3/9, DCR 8/9', () => {
    const summary = summariseCohort(xtr022LikeCohort(), 'arm');
    expect(summary.groups).toHaveLength(1);
    const g = summary.groups[0]!;
    expect([g.psa50!.successes, g.psa50!.n]).toEqual([XTR022_LIKE.psa50, XTR022_LIKE.psaEvaluable]);
    expect([g.psa90!.successes, g.psa90!.n]).toEqual([XTR022_LIKE.psa90, 13]);
    expect([g.orr!.successes, g.orr!.n]).toEqual([3, 9]);
    expect([g.dcr!.successes, g.dcr!.n]).toEqual([8, 9]);
    expect(g.bestResponses).toEqual({ CR: 0, PR: 3, SD: 5, PD: 1, NE: 0 });
    expect(g.orr!.estimate).toBeCloseTo(0.333, 3);
    expect(g.dcr!.estimate).toBeCloseTo(0.889, 3);
    expect(g.psa50!.estimate).toBeCloseTo(0.769, 3);
    // Patient 1: six cycles and a 97.7% PSA decline.
    const first = xtr022LikeCohort()[0]!;
    expect(first.cycles).toHaveLength(6);
    expect(patientEndpoints(first.course).bestPsaChangePct).toBeCloseTo(-97.7, 1);
  });
});
