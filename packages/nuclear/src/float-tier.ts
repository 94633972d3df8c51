import type { Decimal } from 'decimal.js';
import type { BatemanSolution, RateGroups } from './bateman.js';
import { fromDecimal, type DD } from './double-double.js';

/**
 * The Bateman terms in float64 (and double-double) with the static parts of their error weights:
 * the first two tiers of evaluation.
 */
export interface FastTerms {
  readonly start: Int32Array;
  readonly group: Int32Array;
  readonly power: Int32Array;
  readonly coef: Float64Array;
  /** Time-independent part of the error weight (Infinity: never trust this term in float64). */
  readonly weightA: Float64Array;
  /** Part of the error weight that grows with μ·t. */
  readonly weightB: Float64Array;
  /** Coefficient magnitudes (bounds on every cancellation). */
  readonly mag: Float64Array;
  readonly coefDD: readonly DD[];
  readonly mu: Float64Array;
  readonly muDD: readonly DD[];
}

const EPS = Number.EPSILON;
/** Below this, float64 loses relative precision (subnormals start at 2.2e-308); we stay far away. */
export const TINY = 1e-290;
/** Exponentials below this are flushed to 0 and their share goes into the bound. */
export const FLUSH_BELOW = 2e-200;
/** e^(−460) ≈ 1.7e-200 < FLUSH_BELOW: beyond this exponent the exponential is not computed. */
export const FLUSH_EXPONENT = 460;

export function fastTerms(exact: BatemanSolution, groups: RateGroups): FastTerms {
  const total = exact.members.reduce((s, m) => s + m.coef.length, 0);
  const start = new Int32Array(exact.members.length + 1);
  const group = new Int32Array(total);
  const power = new Int32Array(total);
  const coef = new Float64Array(total);
  const weightA = new Float64Array(total);
  const weightB = new Float64Array(total);
  const mag = new Float64Array(total);
  const coefDD: DD[] = [];
  const coefError = exact.coefRelError.div(EPS).toNumber();
  let k = 0;
  exact.members.forEach((m, i) => {
    start[i] = k;
    const count = m.coef.length;
    for (let j = 0; j < count; j++, k++) {
      const g = m.group[j] as number;
      const magnitude = (m.mag[j] as Decimal).toNumber();
      const c = (m.coef[j] as Decimal).toNumber();
      group[k] = g;
      power[k] = m.power[j] as number;
      coef[k] = c;
      coefDD.push(fromDecimal(exact.D, m.coef[j] as Decimal));
      mag[k] = magnitude;
      // A coefficient outside float64's comfortable range is never trusted in float64.
      const outside =
        !Number.isFinite(magnitude) || (magnitude > 0 && magnitude < TINY) || magnitude > 1e290;
      // Rounding of the coefficient, of t^p and of the products, the summation of `count` terms,
      // and the coefficient's own error from the decimal solution.
      weightA[k] = outside
        ? Infinity
        : magnitude * ((m.power[j] as number) + 6 + count + coefError);
      // exp(−μ t) inherits the relative rounding of μ and t, 2 ulp each, times μ t.
      weightB[k] = magnitude * 4 * (groups.mu[g] as number);
    }
  });
  start[exact.members.length] = k;
  const muDD = exact.muExact.map((mu) => fromDecimal(exact.D, mu));
  return { start, group, power, coef, weightA, weightB, mag, coefDD, mu: groups.mu, muDD };
}

/** e^(−μ t) per group, flushed to 0 below FLUSH_BELOW. */
export function groupExponentials(mu: Float64Array, t: number, out: Float64Array): void {
  for (let g = 0; g < mu.length; g++) {
    const x = (mu[g] as number) * t;
    out[g] = x > FLUSH_EXPONENT ? 0 : Math.exp(-x);
  }
}

/** Tier 1: the float64 sum of member i's terms, and a rigorous bound on its rounding error. */
export function evalFloat(
  f: FastTerms,
  i: number,
  t: number,
  exps: Float64Array,
  values: Float64Array,
  bounds: Float64Array,
): void {
  let v = 0;
  let b = 0;
  let flushed = 0;
  const end = f.start[i + 1] as number;
  for (let k = f.start[i] as number; k < end; k++) {
    const x = exps[f.group[k] as number] as number;
    const p = f.power[k] as number;
    if (x === 0) {
      // Flushed: the term is at most mag·t^p·FLUSH_BELOW.
      flushed += (f.mag[k] as number) * (p === 0 ? 1 : Math.pow(t, p));
      continue;
    }
    const e = p === 0 ? x : x * Math.pow(t, p);
    const term = (f.coef[k] as number) * e;
    // A product near the underflow threshold has lost its relative precision: escalate.
    if (term !== 0 && Math.abs(term) < TINY) b = Infinity;
    v += term;
    b += ((f.weightA[k] as number) + (f.weightB[k] as number) * t) * e;
  }
  values[i] = v;
  bounds[i] = b * EPS + flushed * FLUSH_BELOW;
}
