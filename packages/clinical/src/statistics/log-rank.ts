import { chiSquareUpperTail } from './distributions.js';
import { at, generalizedInverse, multiply, zeroMatrix, type Matrix } from './matrix.js';
import { checkObservations, type SurvivalObservation } from './observations.js';

/** The k-sample log-rank test. */
export interface LogRankResult {
  readonly chiSquare: number;
  /** Degrees of freedom: the rank of the variance of O − E (k − 1 unless a group has E = 0). */
  readonly df: number;
  readonly p: number;
  /** Events observed in each group (summed over strata). */
  readonly observed: number[];
  /** Events expected in each group under equal hazards (summed over strata). */
  readonly expected: number[];
  /** The k×k variance–covariance matrix of O − E (summed over strata). */
  readonly variance: Matrix;
}

/**
 * The k-sample log-rank (Mantel–Haenszel) test of equal hazards (Mantel 1966; Peto & Peto 1972),
 * as R's `survdiff(..., rho = 0)`. At each distinct event time, with n subjects at risk of whom
 * d fail, group j expects nⱼd/n events, and O − E has the hypergeometric covariance
 * d(n − d)/(n − 1)·(nⱼ/n)(δⱼₗ − nₗ/n). The statistic is (O − E)ᵀV⁻(O − E) on the groups with
 * E > 0 less one, with V⁻ a generalized inverse (Cholesky with tolerance); p from the chi-square
 * upper tail. Censored subjects are at risk at their own time (events precede censorings).
 * Throws if there are fewer than two groups, an empty group, no event, or no event time with two
 * groups at risk and a survivor (zero variance).
 */
export function logRank(groups: readonly (readonly SurvivalObservation[])[]): LogRankResult {
  return logRankTest([groups], 'logRank');
}

/**
 * The stratified log-rank test, as R's `survdiff(Surv(time, event) ~ group + strata(s))`:
 * `strata[s][j]` holds the subjects of group j in stratum s (every stratum lists the same k
 * groups; a group may be empty within a stratum). Risk sets are formed within each stratum and
 * the observed, expected and variance are summed over strata before forming the chi-square
 * (Peto et al., Br J Cancer 1977;35:1–39). Same checks as {@link logRank}, with "empty" meaning
 * empty in every stratum.
 */
export function stratifiedLogRank(
  strata: readonly (readonly (readonly SurvivalObservation[])[])[],
): LogRankResult {
  return logRankTest(strata, 'stratifiedLogRank');
}

/** The test itself; `where` names the public function in error messages. */
function logRankTest(
  strata: readonly (readonly (readonly SurvivalObservation[])[])[],
  where: string,
): LogRankResult {
  const first = strata[0];
  if (first === undefined) throw new RangeError(`${where}: no strata given`);
  const k = first.length;
  if (k < 2) throw new RangeError(`${where}: needs at least two groups (got ${k})`);
  strata.forEach((groups, s) => {
    if (groups.length !== k) {
      throw new RangeError(`${where}: stratum ${s} has ${groups.length} groups, expected ${k}`);
    }
    groups.forEach((g, j) => checkObservations(g, `${where}: group ${j}, stratum ${s}`));
  });
  for (let j = 0; j < k; j++) {
    if (strata.every((groups) => (groups[j]?.length ?? 0) === 0)) {
      throw new RangeError(`${where}: group ${j} is empty`);
    }
  }
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = zeroMatrix(k);
  for (const groups of strata) addStratum(groups, observed, expected, variance);
  if (observed.every((o) => o === 0)) {
    throw new Error(`${where}: no events in any group; the test is undefined`);
  }
  // Drop groups never at risk at an event time (E = 0), then the first remaining one.
  const used = expected.map((_, j) => j).filter((j) => (expected[j] as number) > 0);
  const rest = used.slice(1);
  const block = rest.map((i) => rest.map((j) => at(variance, i, j)));
  const { inverse, rank } = generalizedInverse(block);
  if (rank === 0) {
    throw new Error(
      `${where}: O − E has zero variance: at no event time are two groups at risk with a survivor`,
    );
  }
  const difference = rest.map((j) => (observed[j] as number) - (expected[j] as number));
  const solved = multiply(inverse, difference);
  const chiSquare = difference.reduce((s, d, i) => s + d * (solved[i] as number), 0);
  return {
    chiSquare,
    df: rank,
    p: chiSquareUpperTail(chiSquare, rank),
    observed,
    expected,
    variance,
  };
}

/** Adds one stratum's observed and expected counts and O − E variance to the running sums. */
function addStratum(
  groups: readonly (readonly SurvivalObservation[])[],
  observed: number[],
  expected: number[],
  variance: Matrix,
): void {
  const k = groups.length;
  const subjects = groups
    .flatMap((g, group) => g.map((o) => ({ time: o.time, event: o.event, group })))
    .sort((a, b) => a.time - b.time);
  const atRisk = groups.map((g) => g.length);
  for (let i = 0; i < subjects.length;) {
    const time = subjects[i]?.time;
    const deaths = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    for (; i < subjects.length && subjects[i]?.time === time; i++) {
      const { group, event } = subjects[i] as { group: number; event: boolean };
      leaving[group] = (leaving[group] as number) + 1;
      if (event) deaths[group] = (deaths[group] as number) + 1;
    }
    const n = atRisk.reduce((a, b) => a + b, 0);
    const d = deaths.reduce((a, b) => a + b, 0);
    if (d > 0) {
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let j = 0; j < k; j++) {
        const pj = (atRisk[j] as number) / n;
        observed[j] = (observed[j] as number) + (deaths[j] as number);
        expected[j] = (expected[j] as number) + pj * d;
        const row = variance[j] as number[];
        for (let l = 0; l < k; l++) {
          row[l] =
            (row[l] as number) + factor * pj * ((j === l ? 1 : 0) - (atRisk[l] as number) / n);
        }
      }
    }
    for (let j = 0; j < k; j++) atRisk[j] = (atRisk[j] as number) - (leaving[j] as number);
  }
}
