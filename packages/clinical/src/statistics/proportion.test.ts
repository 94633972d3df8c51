import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactBinomialCi } from './proportion.js';

describe('exactBinomialCi (Clopper–Pearson)', () => {
  // Published exact 95% intervals (e.g. the Clopper–Pearson tables in Newcombe, Stat Med 1998;
  // 17:857–872, and R's binom.test); all five agree with scipy's beta.ppf to 4 decimals.
  it.each([
    [3, 9, 0.0749, 0.7007],
    [8, 9, 0.5175, 0.9972],
    [10, 13, 0.4619, 0.9496],
    [5, 13, 0.1386, 0.6842],
    [0, 10, 0, 0.3085],
  ])('%i/%i → %f–%f', (x, n, lower, upper) => {
    const ci = exactBinomialCi(x, n);
    expect(ci.estimate).toBeCloseTo(x / n, 12);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('has closed forms at the edges: 0/n → [0, 1 − (α/2)^(1/n)], n/n → [(α/2)^(1/n), 1]', () => {
    expect(exactBinomialCi(0, 10).upper).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
    const all = exactBinomialCi(7, 7, 0.9);
    expect(all.lower).toBeCloseTo(0.05 ** (1 / 7), 10);
    expect(all.upper).toBe(1);
    expect(exactBinomialCi(1, 1)).toMatchObject({ upper: 1, estimate: 1 });
    expect(exactBinomialCi(1, 1).lower).toBeCloseTo(0.025, 12);
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => exactBinomialCi(0, 0)).toThrow(/n must be an integer ≥ 1/);
    expect(() => exactBinomialCi(1, 2.5)).toThrow(/n must be an integer/);
    expect(() => exactBinomialCi(11, 10)).toThrow(/successes must be an integer from 0 to n = 10/);
    expect(() => exactBinomialCi(-1, 10)).toThrow(RangeError);
    expect(() => exactBinomialCi(Number.NaN, 10)).toThrow(/successes/);
    expect(() => exactBinomialCi(1, 10, 1)).toThrow(/level must be between 0 and 1/);
  });

  it('brackets the estimate, mirrors under x ↔ n − x and widens with the level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const x = Math.round(f * n);
          const ci = exactBinomialCi(x, n);
          const mirror = exactBinomialCi(n - x, n);
          const wider = exactBinomialCi(x, n, 0.99);
          expect(0 <= ci.lower && ci.lower <= ci.estimate && ci.estimate <= ci.upper).toBe(true);
          expect(ci.upper).toBeLessThanOrEqual(1);
          expect(ci.lower).toBeCloseTo(1 - mirror.upper, 9);
          expect(wider.lower).toBeLessThanOrEqual(ci.lower);
          expect(wider.upper).toBeGreaterThanOrEqual(ci.upper);
        },
      ),
    );
  });
});
