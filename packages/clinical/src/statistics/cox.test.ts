import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coxPh, type CoxRow } from './cox.js';
import { logRank } from './log-rank.js';
import type { SurvivalObservation } from './observations.js';

/** "6 6+ 7" → observations; a trailing + marks a censored time. */
const parse = (text: string): SurvivalObservation[] =>
  text.split(' ').map((s) => ({ time: Number.parseFloat(s), event: !s.endsWith('+') }));

/** Freireich et al. 1963 via Gehan 1965 (R: MASS::gehan): remission of leukaemia, weeks. */
const sixMp = parse('6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+');
const placebo = parse('1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23');
/** Placebo = 1, 6-MP = 0. */
const gehan: CoxRow[] = [
  ...sixMp.map((o) => ({ ...o, x: [0] })),
  ...placebo.map((o) => ({ ...o, x: [1] })),
];

describe('coxPh', () => {
  it("reproduces R's coxph (Efron) for the Gehan data", () => {
    // coxph(Surv(time, cens) ~ treat, MASS::gehan): coef 1.572, se 0.412, HR 4.817
    // (2.147–10.81), z 3.81, p 0.000138, LR test 16.35 on 1 df. All match.
    const fit = coxPh(gehan);
    expect(fit.converged).toBe(true);
    expect(fit.problem).toBeNull();
    expect(fit.coefficients[0]).toBeCloseTo(1.57213, 4);
    expect(fit.stdErrors[0]).toBeCloseTo(0.4124, 4);
    expect(fit.hazardRatios[0]).toBeCloseTo(4.8169, 3);
    expect(fit.lower[0]).toBeCloseTo(2.1465, 3);
    expect(fit.upper[0]).toBeCloseTo(10.8093, 3);
    expect(fit.z[0]).toBeCloseTo(3.812, 3);
    expect(fit.p[0]).toBeCloseTo(1.3775e-4, 7);
    expect(fit.logLikelihoodNull).toBeCloseTo(-93.18427, 4);
    expect(fit.logLikelihood).toBeCloseTo(-85.00842, 4);
    expect(fit.likelihoodRatio.chiSquare).toBeCloseTo(16.3517, 3);
    expect(fit).toMatchObject({ n: 42, events: 30, ties: 'efron' });
  });

  it("reproduces Stata's stcox (Breslow) for the Gehan data", () => {
    // Kleinbaum & Klein (SAS): coef 1.509, se 0.410, HR 4.523. Rodríguez, WWS 509 notes (Stata,
    // treated = 1): log likelihood −93.98505 → −86.379622, LR χ² 15.21, HR .2210887
    // (se .0905501, CI .0990706–.4933877). All match.
    const fit = coxPh(gehan, { ties: 'breslow' });
    expect(fit.coefficients[0]).toBeCloseTo(1.50919, 4);
    expect(fit.stdErrors[0]).toBeCloseTo(0.40956, 4);
    expect(fit.hazardRatios[0]).toBeCloseTo(4.5231, 3);
    expect(fit.lower[0]).toBeCloseTo(2.0268, 3);
    expect(fit.upper[0]).toBeCloseTo(10.0938, 3);
    expect(fit.logLikelihoodNull).toBeCloseTo(-93.98505, 5);
    expect(fit.logLikelihood).toBeCloseTo(-86.379622, 6);
    expect(fit.likelihoodRatio.chiSquare).toBeCloseTo(15.21, 2);
    const treated = coxPh(
      gehan.map((r) => ({ ...r, x: [1 - (r.x[0] ?? 0)] })),
      { ties: 'breslow' },
    );
    expect(treated.hazardRatios[0]).toBeCloseTo(0.2210887, 6);
    expect((treated.hazardRatios[0] ?? 0) * (treated.stdErrors[0] ?? 0)).toBeCloseTo(0.0905501, 6);
    expect(treated.lower[0]).toBeCloseTo(0.0990706, 6);
    expect(treated.upper[0]).toBeCloseTo(0.4933877, 6);
  });

  it('is exact on a hand-checkable case', () => {
    // Deaths at 1 (x = 1), 2 (x = 0), 3 (x = 1): ℓ(β) = β − log(2e^β + 1) − log(e^β + 1),
    // maximised at e^β = 1/√2, i.e. β = −ln 2 / 2, where I = 2u/(2u + 1)² + u/(1 + u)².
    const rows = [
      { time: 1, event: true, x: [1] },
      { time: 2, event: true, x: [0] },
      { time: 3, event: true, x: [1] },
    ];
    const fit = coxPh(rows);
    const u = Math.SQRT1_2;
    expect(fit.coefficients[0]).toBeCloseTo(-Math.LN2 / 2, 10);
    expect(fit.stdErrors[0]).toBeCloseTo(
      1 / Math.sqrt((2 * u) / (2 * u + 1) ** 2 + u / (1 + u) ** 2),
      8,
    );
    expect(fit.logLikelihoodNull).toBeCloseTo(-Math.log(3) - Math.log(2), 12);
  });

  it('differs between Efron and Breslow only at tied event times', () => {
    // Two deaths tied at 1 among four at risk: at β = 0 Breslow gives −2 log 4, Efron
    // −log 4 − log(4 − 2·½) = −log 4 − log 3 (the death at 3 has a risk set of one).
    const rows = [
      { time: 1, event: true, x: [1] },
      { time: 1, event: true, x: [0] },
      { time: 2, event: false, x: [1] },
      { time: 3, event: true, x: [0] },
    ];
    expect(coxPh(rows, { ties: 'breslow' }).logLikelihoodNull).toBeCloseTo(-2 * Math.log(4), 12);
    expect(coxPh(rows).logLikelihoodNull).toBeCloseTo(-Math.log(4) - Math.log(3), 12);
  });

  it('fits several covariates', () => {
    // Gehan treatment plus a made-up second covariate; checked against an independent fit
    // (scipy Nelder–Mead on the same partial likelihoods, numerical Hessian).
    const second = [
      2.31, 4.06, 3.28, 4.43, 2.96, 2.88, 3.6, 2.32, 2.57, 3.2, 2.8, 2.7, 2.6, 2.16, 2.05, 2.01,
      1.78, 2.2, 2.53, 1.47, 1.45, 2.8, 5.0, 4.91, 4.48, 4.01, 4.36, 2.42, 3.49, 3.97, 3.52, 3.05,
      2.32, 3.26, 3.49, 2.12, 1.5, 3.06, 2.3, 2.95, 2.73, 1.97,
    ];
    const rows = gehan.map((r, i) => ({ ...r, x: [r.x[0] ?? 0, second[i] ?? 0] }));
    const efron = coxPh(rows);
    expect(efron.converged).toBe(true);
    expect(efron.coefficients[0]).toBeCloseTo(1.274096, 5);
    expect(efron.coefficients[1]).toBeCloseTo(1.588217, 5);
    expect(efron.stdErrors[0]).toBeCloseTo(0.420166, 4);
    expect(efron.stdErrors[1]).toBeCloseTo(0.342775, 4);
    expect(efron.logLikelihood).toBeCloseTo(-72.246259, 6);
    expect(efron.likelihoodRatio.df).toBe(2);
    const breslow = coxPh(rows, { ties: 'breslow' });
    expect(breslow.coefficients[0]).toBeCloseTo(1.191768, 5);
    expect(breslow.coefficients[1]).toBeCloseTo(1.506545, 5);
    expect(breslow.logLikelihood).toBeCloseTo(-74.548419, 6);
  });

  it('stratifies: two copies of the data in two strata give the same β, se / √2', () => {
    const fit = coxPh(gehan);
    const doubled = coxPh([
      ...gehan.map((r) => ({ ...r, stratum: 'a' })),
      ...gehan.map((r) => ({ ...r, stratum: 'b' })),
    ]);
    expect(doubled.coefficients[0]).toBeCloseTo(fit.coefficients[0] ?? 0, 8);
    expect(doubled.stdErrors[0]).toBeCloseTo((fit.stdErrors[0] ?? 0) / Math.SQRT2, 8);
    expect(doubled.logLikelihood).toBeCloseTo(2 * fit.logLikelihood, 8);
  });

  it('reports a coefficient running off to infinity instead of a number', () => {
    // No events in the x = 1 arm: the likelihood increases without bound as β → −∞.
    const rows = [
      ...sixMp.map((o) => ({ ...o, x: [0] })),
      ...placebo.map((o) => ({ ...o, event: false, x: [1] })),
    ];
    const fit = coxPh(rows);
    expect(fit.converged).toBe(false);
    expect(fit.problem).toMatch(/x\[0\] is running off to infinity \(monotone likelihood/);
    expect(fit.coefficients[0]).toBeLessThan(-10);
    const short = coxPh(rows, { maxIterations: 3 });
    expect(short).toMatchObject({ converged: false, iterations: 3 });
    expect(short.problem).toMatch(/Did not converge in 3 iterations/);
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => coxPh([])).toThrow(/rows is empty/);
    expect(() => coxPh([{ time: 1, event: true, x: [] }])).toThrow(/rows\[0\]\.x is empty/);
    expect(() => coxPh([...gehan, { time: 3, event: true, x: [0, 1] }])).toThrow(
      /rows\[42\]\.x has 2 covariates, rows\[0\] has 1/,
    );
    expect(() => coxPh([...gehan, { time: 3, event: true, x: [Number.NaN] }])).toThrow(
      /rows\[42\]\.x\[0\] is NaN/,
    );
    expect(() => coxPh([...gehan, { time: -1, event: true, x: [0] }])).toThrow(
      /rows\[42\]\.time is -1/,
    );
    expect(() => coxPh(gehan.map((r) => ({ ...r, event: false })))).toThrow(/no events/);
    expect(() => coxPh(gehan.map((r) => ({ ...r, x: [1] })))).toThrow(
      /covariate x\[0\] carries no information/,
    );
    expect(() => coxPh(gehan.map((r) => ({ ...r, x: [r.x[0] ?? 0, 2 * (r.x[0] ?? 0)] })))).toThrow(
      /covariate x\[1\] carries no information/,
    );
    expect(() => coxPh(gehan, { level: 0 })).toThrow(/level/);
    expect(() => coxPh(gehan, { maxIterations: 0 })).toThrow(/maxIterations/);
  });

  const observations = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 15 }), event: fc.boolean() }),
    { minLength: 1, maxLength: 25 },
  );

  it('puts β on the side of the group that fails earlier: sign(β) = sign(O − E) of the log-rank', () => {
    // The log-likelihood is concave and, with Breslow ties, its score at β = 0 is O − E of the
    // log-rank test, so the estimate has that sign (even when it runs off to infinity).
    fc.assert(
      fc.property(observations, observations, (a, b) => {
        let test;
        try {
          test = logRank([a, b]);
        } catch {
          return;
        }
        const score = (test.observed[1] ?? 0) - (test.expected[1] ?? 0);
        if (Math.abs(score) < 1e-6) return;
        const rows = [...a.map((o) => ({ ...o, x: [0] })), ...b.map((o) => ({ ...o, x: [1] }))];
        const fit = coxPh(rows, { ties: 'breslow' });
        expect(Math.sign(fit.coefficients[0] ?? 0)).toBe(Math.sign(score));
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(fit.logLikelihoodNull);
      }),
    );
  });

  it('fits the placebo arm as failing earlier', () => {
    const fit = coxPh(gehan);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
    const flipped = coxPh(gehan.map((r) => ({ ...r, x: [1 - (r.x[0] ?? 0)] })));
    expect(flipped.coefficients[0]).toBeCloseTo(-(fit.coefficients[0] ?? 0), 8);
    expect(flipped.stdErrors[0]).toBeCloseTo(fit.stdErrors[0] ?? 0, 8);
  });
});
