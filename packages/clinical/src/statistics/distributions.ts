import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/*
 * Internal helpers shared by the statistics modules: the normal and chi-square tails they need,
 * and the check of a confidence level. The @stdlib packages are CommonJS with `export =`
 * declarations; under NodeNext (esModuleInterop on by default) a default import is their function.
 */

/** Throws a RangeError unless `level` is a confidence level strictly between 0 and 1. */
export function checkLevel(level: number, where: string): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`${where}: level must be between 0 and 1 exclusive (got ${level})`);
  }
}

/** The two-sided standard normal quantile for a confidence level: 1.959964 for 0.95. */
export function zForLevel(level: number): number {
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

/** Two-sided p-value of a standard normal statistic, 2·Φ(−|z|) (no cancellation for large |z|). */
export function twoSidedNormalP(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/**
 * Upper tail P(X ≥ x) of a chi-square with `df` degrees of freedom. For 1 and 2 degrees of
 * freedom it uses the closed forms 2·Φ(−√x) and e^(−x/2), which stay accurate far into the tail
 * where 1 − CDF would round to 0.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 1) return 2 * normalCdf(-Math.sqrt(x), 0, 1);
  if (df === 2) return Math.exp(-x / 2);
  return Math.max(0, 1 - chisquareCdf(x, df));
}
