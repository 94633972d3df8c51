import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { checkLevel } from './distributions.js';

/** A proportion with its exact confidence interval. */
export interface BinomialInterval {
  readonly successes: number;
  readonly n: number;
  /** The observed proportion successes / n. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * The exact (Clopper–Pearson) confidence interval of a binomial proportion, e.g. an objective
 * response rate: the limits are the beta quantiles B(α/2; x, n − x + 1) and B(1 − α/2; x + 1, n − x),
 * with lower = 0 when x = 0 and upper = 1 when x = n. Clopper & Pearson, Biometrika 1934;26:404–413.
 * The interval is conservative (coverage ≥ level), as regulators expect for single-arm rates.
 */
export function exactBinomialCi(successes: number, n: number, level = 0.95): BinomialInterval {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`exactBinomialCi: n must be an integer ≥ 1 (got ${n})`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(
      `exactBinomialCi: successes must be an integer from 0 to n = ${n} (got ${successes})`,
    );
  }
  checkLevel(level, 'exactBinomialCi');
  const alpha = 1 - level;
  return {
    successes,
    n,
    estimate: successes / n,
    lower: successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1),
    upper: successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes),
    level,
  };
}
