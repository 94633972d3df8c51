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
  /** Bound on |coefDD − exact coefficient| as a multiple of the magnitude. */
  readonly coefRel: Float64Array;
  readonly mu: Float64Array;
  readonly muDD: readonly DD[];
  /** Bound on the relative error of each muDD. */
  readonly muRel: Float64Array;
}

/** Terms as the set-up makes them, member after member (`start[i]` = member i's first term). */
export interface TermList {
  readonly start: number[];
  readonly group: number[];
  readonly power: number[];
  readonly coefDD: DD[];
  readonly mag: number[];
  readonly coefRel: number[];
}

const EPS = Number.EPSILON;
/** Below this, float64 loses relative precision (subnormals start at 2.2e-308); we stay far away. */
export const TINY = 1e-290;
/** Exponentials below this are flushed to 0 and their share goes into the bound. */
export const FLUSH_BELOW = 2e-200;
/** e^(−460) ≈ 1.7e-200 < FLUSH_BELOW: beyond this exponent the exponential is not computed. */
export const FLUSH_EXPONENT = 460;
/** 2^-105: a decimal rounded to double-double, with room for the decimal's own 40-digit rounding. */
const FROM_DECIMAL = 2 ** -105;

/** The fast terms of a decimal solution (the fallback set-up, see fast-bateman.ts). */
export function fastTerms(exact: BatemanSolution, groups: RateGroups): FastTerms {
  const list: TermList = { start: [], group: [], power: [], coefDD: [], mag: [], coefRel: [] };
  const coefRel = exact.coefRelError.toNumber() + FROM_DECIMAL;
  for (const m of exact.members) {
    list.start.push(list.group.length);
    m.coef.forEach((c, j) => {
      list.group.push(m.group[j] as number);
      list.power.push(m.power[j] as number);
      list.coefDD.push(fromDecimal(exact.D, c));
      list.mag.push((m.mag[j] as Decimal).toNumber());
      list.coefRel.push(coefRel);
    });
  }
  list.start.push(list.group.length);
  const muDD = exact.muExact.map((mu) => fromDecimal(exact.D, mu));
  return packTerms(list, groups.mu, muDD, new Float64Array(muDD.length).fill(FROM_DECIMAL));
}

/** Packs a term list with the error weights of the float64 tier. */
export function packTerms(
  list: TermList,
  mu: Float64Array,
  muDD: readonly DD[],
  muRel: Float64Array,
): FastTerms {
  const total = list.group.length;
  const weightA = new Float64Array(total);
  const weightB = new Float64Array(total);
  const coef = new Float64Array(total);
  for (let i = 0; i + 1 < list.start.length; i++) {
    const end = list.start[i + 1] as number;
    const count = end - (list.start[i] as number);
    for (let k = list.start[i] as number; k < end; k++) {
      const magnitude = list.mag[k] as number;
      coef[k] = (list.coefDD[k] as DD).hi;
      // A coefficient outside float64's comfortable range is never trusted in float64.
      const outside =
        !Number.isFinite(magnitude) || (magnitude > 0 && magnitude < TINY) || magnitude > 1e290;
      // Rounding of the coefficient, of t^p and of the products, the summation of `count` terms,
      // and the coefficient's own error from the exact set-up.
      weightA[k] = outside
        ? Infinity
        : magnitude * ((list.power[k] as number) + 6 + count + (list.coefRel[k] as number) / EPS);
      // exp(−μ t) inherits the relative rounding of μ and t, 2 ulp each, times μ t.
      weightB[k] = magnitude * 4 * (mu[list.group[k] as number] as number);
    }
  }
  return {
    start: Int32Array.from(list.start),
    group: Int32Array.from(list.group),
    power: Int32Array.from(list.power),
    coef,
    weightA,
    weightB,
    mag: Float64Array.from(list.mag),
    coefDD: list.coefDD,
    coefRel: Float64Array.from(list.coefRel),
    mu,
    muDD,
    muRel,
  };
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
