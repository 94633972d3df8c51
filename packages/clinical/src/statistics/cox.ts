import { checkLevel, chiSquareUpperTail, twoSidedNormalP, zForLevel } from './distributions.js';
import { at, generalizedInverse, multiply, zeroMatrix, type Matrix } from './matrix.js';
import { checkObservation } from './observations.js';

/** One subject of a Cox model: follow-up, covariates, and optionally a stratum. */
export interface CoxRow {
  readonly time: number;
  readonly event: boolean;
  /** Covariate values, the same length for every row (e.g. [1] for placebo, [0] for drug). */
  readonly x: readonly number[];
  /** Stratum label for a stratified model: risk sets are formed within strata. */
  readonly stratum?: string | number;
}

export interface CoxOptions {
  /** Handling of tied event times: 'efron' (R's default) or 'breslow' (SAS's and Stata's). */
  readonly ties?: 'efron' | 'breslow';
  /** Confidence level of the hazard-ratio intervals; default 0.95. */
  readonly level?: number;
  /** Newton–Raphson iterations at most; default 30. */
  readonly maxIterations?: number;
}

export interface CoxResult {
  readonly n: number;
  readonly events: number;
  readonly ties: 'efron' | 'breslow';
  readonly level: number;
  /** β, the log hazard ratios, one per covariate. */
  readonly coefficients: number[];
  /** Standard errors from the inverse of the observed information. */
  readonly stdErrors: number[];
  /** exp(β). */
  readonly hazardRatios: number[];
  /** Wald limits of the hazard ratios, exp(β ± z·se). */
  readonly lower: number[];
  readonly upper: number[];
  /** Wald statistics β / se. */
  readonly z: number[];
  /** Two-sided Wald p-values (normal). */
  readonly p: number[];
  /** The covariance matrix of β. */
  readonly variance: Matrix;
  /** Log partial likelihood at β and at β = 0. */
  readonly logLikelihood: number;
  readonly logLikelihoodNull: number;
  /** The likelihood-ratio test of β = 0: 2(ℓ(β) − ℓ(0)) on as many df as covariates. */
  readonly likelihoodRatio: { readonly chiSquare: number; readonly df: number; readonly p: number };
  readonly iterations: number;
  /**
   * True when the log-likelihood converged and no coefficient is running off to infinity. When
   * false, `problem` says why and the estimates must not be reported as such.
   */
  readonly converged: boolean;
  readonly problem: string | null;
}

/** Convergence criterion on the log-likelihood, as R's coxph.control: eps = 1e-9. */
const EPS = 1e-9;
/** A coefficient whose next Newton step exceeds this fraction of itself is infinite (R's toler.inf). */
const TOLERANCE_INFINITE = Math.sqrt(EPS);

/**
 * The Cox proportional-hazards model (Cox, JRSS B 1972;34:187–220) fitted by maximising the
 * partial likelihood, with tied event times handled by Efron's approximation (Efron, JASA
 * 1977;72:557–565) or Breslow's (Breslow, Biometrics 1974;30:89–99), optionally stratified.
 *
 * As R's `coxph` (Therneau's coxfit6): Newton–Raphson from β = 0 with step-halving whenever the
 * log-likelihood falls, stopping when |1 − ℓ_old/ℓ_new| ≤ 1e-9; covariates are centred
 * internally (which changes nothing in the result). Wald intervals and two-sided p-values from
 * the inverse information at the estimate.
 *
 * Non-convergence is reported, not thrown: `converged` is false and `problem` names the reason
 * when the iterations run out (the best β reached is returned) or when a coefficient is infinite
 * — monotone likelihood, e.g. no events in one arm — detected as R does: the next Newton step
 * |I⁻¹U|ⱼ still exceeds 1e-9 and √1e-9·|βⱼ| after the log-likelihood has converged.
 * Throws on bad input: no rows, no event, differing or empty covariate vectors, non-finite
 * values, or a covariate carrying no information (constant, or collinear with earlier ones).
 */
export function coxPh(rows: readonly CoxRow[], options: CoxOptions = {}): CoxResult {
  const { ties = 'efron', level = 0.95, maxIterations = 30 } = options;
  const strata = prepare(rows);
  if (ties !== 'efron' && ties !== 'breslow') {
    throw new RangeError(`coxPh: ties must be 'efron' or 'breslow' (got ${String(ties)})`);
  }
  checkLevel(level, 'coxPh');
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`coxPh: maxIterations must be an integer ≥ 1 (got ${maxIterations})`);
  }
  const p = (rows[0] as CoxRow).x.length;

  let beta = new Array<number>(p).fill(0);
  let current = partialLikelihood(strata, beta, ties);
  const logLikelihoodNull = current.logLikelihood;
  const start = generalizedInverse(current.information);
  const redundant = start.kept.flatMap((keep, j) => (keep ? [] : [`x[${j}]`]));
  if (redundant.length > 0) {
    throw new Error(
      `coxPh: covariate ${redundant.join(', ')} carries no information (constant among subjects ` +
        'at risk, or collinear with earlier covariates)',
    );
  }
  let candidate = add(beta, multiply(start.inverse, current.score));
  let halving = false;
  let logLikelihoodConverged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const next = partialLikelihood(strata, candidate, ties);
    const improved = next.logLikelihood >= current.logLikelihood; // false for NaN (overflow)
    if (!halving && Math.abs(1 - current.logLikelihood / next.logLikelihood) <= EPS) {
      [beta, current, logLikelihoodConverged] = [candidate, next, true];
      break;
    }
    if (!improved) {
      halving = true;
      candidate = candidate.map((b, j) => (b + (beta[j] as number)) / 2);
      continue;
    }
    halving = false;
    [beta, current] = [candidate, next];
    candidate = add(beta, multiply(generalizedInverse(current.information).inverse, current.score));
  }

  const variance = generalizedInverse(current.information).inverse;
  const nextStep = multiply(variance, current.score);
  const infinite = nextStep.flatMap((step, j) =>
    Math.abs(step) > EPS && Math.abs(step) > TOLERANCE_INFINITE * Math.abs(beta[j] as number)
      ? [j]
      : [],
  );
  const problem = !logLikelihoodConverged
    ? `Did not converge in ${maxIterations} iterations; the estimates are not final.`
    : infinite.length > 0
      ? `The log-likelihood converged but coefficient ${infinite.map((j) => `x[${j}]`).join(', ')} ` +
        'is running off to infinity (monotone likelihood: e.g. no events in one group); its ' +
        'estimate, standard error and test are not meaningful.'
      : null;

  const z = zForLevel(level);
  const stdErrors = beta.map((_, j) => Math.sqrt(at(variance, j, j)));
  const chiSquare = 2 * (current.logLikelihood - logLikelihoodNull);
  return {
    n: rows.length,
    events: rows.filter((r) => r.event).length,
    ties,
    level,
    coefficients: beta,
    stdErrors,
    hazardRatios: beta.map((b) => Math.exp(b)),
    lower: beta.map((b, j) => Math.exp(b - z * (stdErrors[j] as number))),
    upper: beta.map((b, j) => Math.exp(b + z * (stdErrors[j] as number))),
    z: beta.map((b, j) => b / (stdErrors[j] as number)),
    p: beta.map((b, j) => twoSidedNormalP(b / (stdErrors[j] as number))),
    variance,
    logLikelihood: current.logLikelihood,
    logLikelihoodNull,
    likelihoodRatio: { chiSquare, df: p, p: chiSquareUpperTail(chiSquare, p) },
    iterations,
    converged: problem === null,
    problem,
  };
}

/** A row ready for fitting: centred covariates. */
interface Prepared {
  readonly time: number;
  readonly event: boolean;
  readonly x: readonly number[];
}

/** Validates the rows, centres the covariates, and groups them by stratum, latest time first. */
function prepare(rows: readonly CoxRow[]): Prepared[][] {
  const first = rows[0];
  if (first === undefined) throw new RangeError('coxPh: rows is empty');
  const p = first.x.length;
  if (p === 0) throw new RangeError('coxPh: rows[0].x is empty; give at least one covariate');
  rows.forEach((row, i) => {
    checkObservation(row, `coxPh: rows[${i}]`);
    if (row.x.length !== p) {
      throw new RangeError(`coxPh: rows[${i}].x has ${row.x.length} covariates, rows[0] has ${p}`);
    }
    row.x.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`coxPh: rows[${i}].x[${j}] is ${v}`);
    });
  });
  if (!rows.some((r) => r.event)) throw new Error('coxPh: no events; the model cannot be fitted');
  const means = first.x.map(
    (_, j) => rows.reduce((s, r) => s + (r.x[j] as number), 0) / rows.length,
  );
  const strata = new Map<string | number | undefined, Prepared[]>();
  for (const row of rows) {
    const x = row.x.map((v, j) => v - (means[j] as number));
    const list = strata.get(row.stratum) ?? [];
    list.push({ time: row.time, event: row.event, x });
    strata.set(row.stratum, list);
  }
  return [...strata.values()].map((list) => list.sort((a, b) => b.time - a.time));
}

interface PartialLikelihood {
  readonly logLikelihood: number;
  /** U(β), the gradient of the log partial likelihood. */
  readonly score: number[];
  /** I(β), minus its Hessian. */
  readonly information: Matrix;
}

/**
 * The log partial likelihood, score and information at β, summed over strata. Walking each
 * stratum from the latest time down, the risk-set sums S₀ = Σ r, S₁ = Σ r·x, S₂ = Σ r·xxᵀ
 * (r = e^(βᵀx)) grow by the subjects at each time; with d events there, whose sums are A₀, A₁, A₂,
 * each k = 0…d − 1 contributes −log(S₀ − f·A₀) etc. with f = k/d (Efron) or f = 0 (Breslow).
 */
function partialLikelihood(
  strata: readonly (readonly Prepared[])[],
  beta: readonly number[],
  ties: 'efron' | 'breslow',
): PartialLikelihood {
  const p = beta.length;
  let logLikelihood = 0;
  const score = new Array<number>(p).fill(0);
  const information = zeroMatrix(p);
  for (const rows of strata) {
    let s0 = 0;
    const s1 = new Array<number>(p).fill(0);
    const s2 = zeroMatrix(p);
    for (let i = 0; i < rows.length;) {
      const time = rows[i]?.time;
      let deaths = 0;
      let a0 = 0;
      const a1 = new Array<number>(p).fill(0);
      const a2 = zeroMatrix(p);
      for (; i < rows.length && rows[i]?.time === time; i++) {
        const { x, event } = rows[i] as Prepared;
        const eta = x.reduce((s, v, j) => s + v * (beta[j] as number), 0);
        const r = Math.exp(eta);
        s0 += r;
        accumulate(s1, s2, x, r);
        if (event) {
          deaths++;
          a0 += r;
          accumulate(a1, a2, x, r);
          logLikelihood += eta;
          x.forEach((v, j) => (score[j] = (score[j] as number) + v));
        }
      }
      for (let k = 0; k < deaths; k++) {
        const f = ties === 'efron' ? k / deaths : 0;
        const m0 = s0 - f * a0;
        const mean = s1.map((v, j) => (v - f * (a1[j] as number)) / m0);
        logLikelihood -= Math.log(m0);
        for (let j = 0; j < p; j++) {
          score[j] = (score[j] as number) - (mean[j] as number);
          const row = information[j] as number[];
          for (let l = 0; l < p; l++) {
            const second = (at(s2, j, l) - f * at(a2, j, l)) / m0;
            row[l] = (row[l] as number) + second - (mean[j] as number) * (mean[l] as number);
          }
        }
      }
    }
  }
  return { logLikelihood, score, information };
}

/** Adds r·x to a vector sum and r·xxᵀ to a matrix sum. */
function accumulate(v: number[], m: Matrix, x: readonly number[], r: number): void {
  x.forEach((xj, j) => {
    v[j] = (v[j] as number) + r * xj;
    const row = m[j] as number[];
    x.forEach((xl, l) => (row[l] = (row[l] as number) + r * xj * xl));
  });
}

/** The sum of two vectors. */
function add(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, j) => v + (b[j] as number));
}
