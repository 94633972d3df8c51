import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRank, stratifiedLogRank } from './log-rank.js';
import type { SurvivalObservation } from './observations.js';

/** "6 6+ 7" → observations; a trailing + marks a censored time. */
const parse = (text: string): SurvivalObservation[] =>
  text.split(' ').map((s) => ({ time: Number.parseFloat(s), event: !s.endsWith('+') }));

/** Freireich et al. 1963 via Gehan 1965 (R: MASS::gehan): remission of leukaemia, weeks. */
const sixMp = parse('6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+');
const placebo = parse('1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23');
/** Made-up third and fourth groups for the k-sample and stratified cases. */
const third = parse('3 5+ 7 9 12+ 14 18 21+ 26 30+');
const fourth = parse('2 4 6+ 8 10');

describe('logRank', () => {
  it('reproduces the Gehan 6-MP vs placebo test', () => {
    // Kleinbaum & Klein, Survival Analysis, ch. 2: O = 9 and 21, E = 19.25 and 10.75,
    // Var = 6.257, χ² = 16.79; R: survdiff(Surv(time, cens) ~ treat, MASS::gehan) prints
    // Chisq = 16.8 on 1 df, p = 4e-05 (4.17e-5 unrounded). All match.
    const test = logRank([sixMp, placebo]);
    expect(test.observed).toEqual([9, 21]);
    expect(test.expected[0]).toBeCloseTo(19.2505, 4);
    expect(test.expected[1]).toBeCloseTo(10.7495, 4);
    expect(test.variance[1]?.[1]).toBeCloseTo(6.257, 3);
    expect(test.chiSquare).toBeCloseTo(16.7929, 4);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(4.1688e-5, 8);
  });

  it('is exact on a hand-checkable case', () => {
    // A: 1, 3; B: 2, 4. E_A = 1/2 + 1/3 + 1/2 = 4/3; V = 1/4 + 2/9 + 1/4 = 13/18;
    // χ² = (2 − 4/3)² / (13/18) = 8/13.
    const test = logRank([parse('1 3'), parse('2 4')]);
    expect(test.expected[0]).toBeCloseTo(4 / 3, 12);
    expect(test.variance[0]?.[0]).toBeCloseTo(13 / 18, 12);
    expect(test.chiSquare).toBeCloseTo(8 / 13, 12);
  });

  it('handles k groups with the (k − 1)×(k − 1) block of the variance', () => {
    // One death each at 1, 2, 3 in groups A, B, C: O − E = (2/3, 1/6, −5/6), V(B, C) =
    // [[17, −13], [−13, 17]]/36, χ² = 2.6 on 2 df, whichever group is dropped.
    expect(logRank([parse('1'), parse('2'), parse('3')]).chiSquare).toBeCloseTo(2.6, 12);
    expect(logRank([parse('3'), parse('1'), parse('2')]).chiSquare).toBeCloseTo(2.6, 12);
    // Gehan arms plus a made-up third group; checked against an independent scipy calculation.
    const test = logRank([sixMp, placebo, third]);
    expect(test.df).toBe(2);
    expect(test.observed).toEqual([9, 21, 6]);
    expect(test.expected[0]).toBeCloseTo(18.44314, 5);
    expect(test.expected[2]).toBeCloseTo(7.760842, 5);
    expect(test.chiSquare).toBeCloseTo(19.635257, 5);
    expect(test.p).toBeCloseTo(5.44826e-5, 9);
  });

  it('drops a group that is never at risk at an event time, as survdiff does', () => {
    const early = parse('0.5+ 0.5+');
    const test = logRank([sixMp, placebo, early]);
    expect(test.expected[2]).toBe(0);
    expect(test.df).toBe(1);
    expect(test.chiSquare).toBeCloseTo(16.7929, 4);
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => logRank([sixMp])).toThrow(/at least two groups \(got 1\)/);
    expect(() => logRank([sixMp, []])).toThrow(/group 1 is empty/);
    expect(() => logRank([parse('1+ 2+'), parse('3+')])).toThrow(/no events/);
    expect(() => logRank([parse('1 2'), parse('0.5+')])).toThrow(/zero variance/);
    expect(() => logRank([sixMp, [{ time: -3, event: true }]])).toThrow(
      /group 1, stratum 0\[0\]\.time is -3/,
    );
  });

  const observations = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 20 }), event: fc.boolean() }),
    { minLength: 1, maxLength: 30 },
  );

  it('is 0 for two identical groups, symmetric in the groups, and balances O and E', () => {
    fc.assert(
      fc.property(observations, observations, (a, b) => {
        const attempt = (groups: SurvivalObservation[][]) => {
          try {
            return logRank(groups);
          } catch {
            return null; // no event, or no variance (every event time has all at risk failing)
          }
        };
        const same = attempt([a, [...a]]);
        if (same !== null) {
          expect(same.chiSquare).toBeCloseTo(0, 9);
          expect(same.p).toBeCloseTo(1, 6);
        }
        const ab = attempt([a, b]);
        if (ab === null) return;
        const ba = logRank([b, a]);
        expect(ab.chiSquare).toBeGreaterThanOrEqual(0);
        expect(ab.chiSquare).toBeCloseTo(ba.chiSquare, 8);
        const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);
        expect(sum(ab.observed)).toBeCloseTo(sum(ab.expected), 9);
      }),
    );
  });
});

describe('stratifiedLogRank', () => {
  it('equals the unstratified test for one stratum', () => {
    expect(stratifiedLogRank([[sixMp, placebo]])).toEqual(logRank([sixMp, placebo]));
  });

  it('sums O, E and V over strata before forming the statistic', () => {
    // Stratum 1: 6-MP vs placebo; stratum 2: made-up groups. Independent scipy calculation:
    // O = (15, 25), E = (27.6337, 12.3663), χ² = 21.3927 on 1 df.
    const test = stratifiedLogRank([
      [sixMp, placebo],
      [third, fourth],
    ]);
    expect(test.observed).toEqual([15, 25]);
    expect(test.expected[0]).toBeCloseTo(27.633682, 5);
    expect(test.chiSquare).toBeCloseTo(21.392719, 5);
    expect(test.p).toBeCloseTo(3.7419e-6, 9);
    const one = logRank([sixMp, placebo]);
    const two = logRank([third, fourth]);
    const v = (one.variance[0]?.[0] ?? 0) + (two.variance[0]?.[0] ?? 0);
    const d = 15 - (one.expected[0] ?? 0) - (two.expected[0] ?? 0);
    expect(test.chiSquare).toBeCloseTo((d * d) / v, 10);
  });

  it('allows a group to be empty in one stratum but not in all', () => {
    const test = stratifiedLogRank([
      [sixMp, placebo],
      [third, []],
    ]);
    expect(test.chiSquare).toBeCloseTo(16.7929, 4); // the second stratum has no comparison
    expect(() =>
      stratifiedLogRank([
        [sixMp, []],
        [third, []],
      ]),
    ).toThrow(/group 1 is empty/);
    expect(() => stratifiedLogRank([[sixMp, placebo], [third]])).toThrow(
      /stratum 1 has 1 groups, expected 2/,
    );
    expect(() => stratifiedLogRank([])).toThrow(/no strata/);
  });
});
