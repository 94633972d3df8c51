import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, numbersAtRisk, survivalAt } from './kaplan-meier.js';
import type { SurvivalObservation } from './observations.js';

/** "6 6+ 7" → observations; a trailing + marks a censored time. */
const parse = (text: string): SurvivalObservation[] =>
  text.split(' ').map((s) => ({ time: Number.parseFloat(s), event: !s.endsWith('+') }));

/** Freireich et al. 1963 via Gehan 1965 (R: MASS::gehan): remission of leukaemia, weeks. */
const sixMp = parse('6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+');
const placebo = parse('1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23');

describe('kaplanMeier', () => {
  it("reproduces R's survfit for the 6-MP arm of the Gehan data (log CI)", () => {
    // summary(survfit(Surv(time, cens) ~ 1, subset(MASS::gehan, treat == '6-MP'))), as printed
    // in R and in Kleinbaum & Klein, Survival Analysis (3rd ed.), ch. 2; all match a fresh
    // calculation to the printed digits.
    const expected = [
      // time, n.risk, n.event, survival, std.err, lower 95% CI, upper 95% CI
      [6, 21, 3, 0.857, 0.0764, 0.72, 1.0],
      [7, 17, 1, 0.807, 0.0869, 0.653, 0.996],
      [10, 15, 1, 0.753, 0.0963, 0.586, 0.968],
      [13, 12, 1, 0.69, 0.1068, 0.51, 0.935],
      [16, 11, 1, 0.627, 0.1141, 0.439, 0.896],
      [22, 7, 1, 0.538, 0.1282, 0.337, 0.858],
      [23, 6, 1, 0.448, 0.1346, 0.249, 0.807],
    ] as const;
    const km = kaplanMeier(sixMp);
    const eventSteps = km.steps.filter((s) => s.events > 0);
    expect(eventSteps.map((s) => [s.time, s.atRisk, s.events])).toEqual(
      expected.map(([t, n, d]) => [t, n, d]),
    );
    eventSteps.forEach((step, i) => {
      const [, , , survival, stdErr, lower, upper] = expected[i] as (typeof expected)[number];
      expect(step.survival).toBeCloseTo(survival, 3);
      expect(step.stdErr).toBeCloseTo(stdErr, 4);
      expect(step.lower).toBeCloseTo(lower, 3);
      expect(step.upper).toBeCloseTo(upper, 3);
    });
    expect(km.steps[0]?.upper).toBe(1); // exp(log S + z·se) = 1.19, capped at 1
    expect(km).toMatchObject({ n: 21, events: 9 });
    // All 16 distinct times are steps, as survfit lists them: censoring-only ones have no events.
    expect(km.steps.map((s) => s.time)).toEqual([
      6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35,
    ]);
    expect(km.steps.find((s) => s.time === 32)).toMatchObject({ atRisk: 4, censored: 2 });
  });

  it('gives the median with its Brookmeyer–Crowley interval as R prints them', () => {
    // print(survfit(...)): 6-MP median 23, 0.95LCL 16, 0.95UCL NA; placebo 8 (4, 12).
    expect(kaplanMeier(sixMp).median).toEqual({ estimate: 23, lower: 16, upper: null });
    expect(kaplanMeier(placebo).median).toEqual({ estimate: 8, lower: 4, upper: 12 });
  });

  it('computes the log-log and plain intervals', () => {
    // Computed independently (scipy): at t = 6, S = 6/7, se(log S) = √(3/(21·18)).
    const logLog = kaplanMeier(sixMp, { confType: 'log-log' }).steps;
    expect(logLog[0]?.lower).toBeCloseTo(0.6197, 4);
    expect(logLog[0]?.upper).toBeCloseTo(0.9516, 4);
    expect(logLog.find((s) => s.time === 23)?.lower).toBeCloseTo(0.1881, 4);
    expect(logLog.find((s) => s.time === 23)?.upper).toBeCloseTo(0.6801, 4);
    const plain = kaplanMeier(sixMp, { confType: 'plain' }).steps;
    expect(plain[0]?.lower).toBeCloseTo(0.7075, 4);
    expect(plain[0]?.upper).toBe(1);
    expect(plain.find((s) => s.time === 23)?.lower).toBeCloseTo(0.1844, 4);
    expect(plain.find((s) => s.time === 23)?.upper).toBeCloseTo(0.712, 4);
  });

  it('is exact on a hand-checkable case, including S = 0 at the end', () => {
    // 1, 2+, 3, 4: S = 3/4, 3/4, 3/8, 0; Σd/(n(n−d)) = 1/12, then + 1/2.
    const km = kaplanMeier(parse('3 1 4 2+'), { confType: 'plain' });
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [1, 4, 1, 0, 0.75],
      [2, 3, 0, 1, 0.75],
      [3, 2, 1, 0, 0.375],
      [4, 1, 1, 0, 0],
    ]);
    expect(km.steps[0]?.stdErr).toBeCloseTo(0.75 * Math.sqrt(1 / 12), 12);
    expect(km.steps[2]?.stdErr).toBeCloseTo(0.375 * Math.sqrt(7 / 12), 12);
    expect(km.steps[3]).toMatchObject({ stdErr: null, lower: null, upper: null });
    expect(km.median.estimate).toBe(3);
  });

  it('follows R for a median on a flat stretch at exactly 0.5', () => {
    // survfit(Surv(1:4) ~ 1): S = .75, .5, .25, 0 → median (2 + 3)/2 = 2.5.
    expect(kaplanMeier(parse('1 2 3 4')).median.estimate).toBe(2.5);
    // A censored time on the flat stretch is not a drop: (2 + 4)/2, not (2 + 3)/2.
    expect(kaplanMeier(parse('1 2 3+ 4')).median.estimate).toBe(3);
    expect(kaplanMeier(parse('1 2 3 3+ 4 5')).median.estimate).toBe(3.5);
    // A curve that ends at exactly 0.5: the time it got there (print.survfit's rule).
    expect(kaplanMeier(parse('1 2 3+ 4+')).median.estimate).toBe(2);
    // Never reaching 0.5: not reached, though the lower band (0.75·e^(−1.96·0.289) = 0.43) does.
    expect(kaplanMeier(parse('1 2+ 3+ 4+')).median).toEqual({
      estimate: null,
      lower: 1,
      upper: null,
    });
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => kaplanMeier([])).toThrow(/data is empty/);
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(
      /data\[0\]\.time is -1; a time must be finite and ≥ 0/,
    );
    expect(() => kaplanMeier([...sixMp, { time: Number.NaN, event: true }])).toThrow(
      /data\[21\]\.time is NaN/,
    );
    expect(() => kaplanMeier([{ time: Infinity, event: false }])).toThrow(/finite/);
    const notBoolean = { time: 1, event: 1 } as unknown as SurvivalObservation;
    expect(() => kaplanMeier([notBoolean])).toThrow(/data\[0\]\.event is 1/);
    expect(() => kaplanMeier(sixMp, { level: 95 })).toThrow(/level must be between 0 and 1/);
    const badType = { confType: 'arcsin' } as unknown as { confType: 'log' };
    expect(() => kaplanMeier(sixMp, badType)).toThrow(/confType/);
  });

  const observations = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }),
    { minLength: 1, maxLength: 60 },
  );

  it('is a non-increasing curve in [0, 1] inside its bands, with the median inside its CI', () => {
    fc.assert(
      fc.property(observations, fc.constantFrom('log', 'log-log', 'plain'), (data, confType) => {
        const km = kaplanMeier(data, { confType });
        let previous = 1;
        for (const step of km.steps) {
          expect(step.survival).toBeLessThanOrEqual(previous);
          expect(step.survival).toBeGreaterThanOrEqual(0);
          if (step.lower !== null) expect(step.lower).toBeLessThanOrEqual(step.survival + 1e-12);
          if (step.upper !== null) expect(step.upper).toBeGreaterThanOrEqual(step.survival - 1e-12);
          expect(step.upper ?? 0).toBeLessThanOrEqual(1);
          previous = step.survival;
        }
        const total = km.steps.reduce((s, step) => s + step.events + step.censored, 0);
        expect(total).toBe(data.length);
        const { estimate, lower, upper } = km.median;
        if (estimate !== null && lower !== null) expect(lower).toBeLessThanOrEqual(estimate);
        if (estimate !== null && upper !== null) expect(upper).toBeGreaterThanOrEqual(estimate);
      }),
    );
  });
});

describe('numbersAtRisk', () => {
  it('counts the subjects still under observation at each time', () => {
    expect(numbersAtRisk(sixMp, [0, 10, 20, 30, 40])).toEqual([21, 15, 8, 4, 0]);
    expect(numbersAtRisk(placebo, [0, 5, 10, 15, 20])).toEqual([21, 14, 8, 4, 2]);
  });

  it('matches the atRisk of the Kaplan–Meier steps', () => {
    const km = kaplanMeier(placebo);
    expect(
      numbersAtRisk(
        placebo,
        km.steps.map((s) => s.time),
      ),
    ).toEqual(km.steps.map((s) => s.atRisk));
  });

  it('rejects a non-finite time', () => {
    expect(() => numbersAtRisk(sixMp, [0, Number.NaN])).toThrow(/times\[1\] is NaN/);
    expect(() => numbersAtRisk([{ time: -2, event: true }], [0])).toThrow(/data\[0\]\.time is -2/);
  });
});

describe('survivalAt', () => {
  it('looks up the step function', () => {
    const km = kaplanMeier(sixMp);
    expect(survivalAt(km, 0)).toBe(1);
    expect(survivalAt(km, 5.99)).toBe(1);
    expect(survivalAt(km, 6)).toBeCloseTo(18 / 21, 12);
    expect(survivalAt(km, 15)).toBeCloseTo(0.6902, 4);
    expect(survivalAt(km, 35)).toBeCloseTo(0.4482, 4);
    expect(survivalAt(km, 36)).toBeNull(); // beyond follow-up
    expect(survivalAt(kaplanMeier(placebo), 100)).toBe(0);
    expect(() => survivalAt(km, Number.NaN)).toThrow(/t is NaN/);
  });
});
