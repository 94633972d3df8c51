import type { Decimal } from 'decimal.js';
import { solveBateman, type BatemanSolution } from './bateman.js';
import {
  add,
  dd,
  exp as ddExp,
  fromDecimal,
  mul,
  mulNumber,
  neg,
  type DD,
} from './double-double.js';
import type { DecayChain } from './decay-chain.js';
import type { RateGroups } from './bateman.js';

/**
 * Evaluates a Bateman solution at a time, fast in float64 and exact where float64 is not enough.
 *
 * Accuracy contract (docs/decay-engine.md): every value agrees with the exact solution of the
 * chain equations to a relative 1e-11, except values below 1e-9 of the largest value of their
 * kind, which agree to 1e-12 of that largest value. Each evaluation carries a rigorous rounding
 * bound from the coefficient magnitudes; a value whose bound does not meet the contract is
 * recomputed in double-double arithmetic (~32 digits), and if that is still not enough, in decimal
 * arithmetic at rising precision until it is.
 */

export const RELATIVE_TOLERANCE = 1e-11;
export const NEGLIGIBLE_FRACTION = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

const EPS = Number.EPSILON;
const FLUSH_BELOW = 1e-200;
/** e^(−460) < 1e-200: beyond this exponent the exponential is flushed without computing it. */
const FLUSH_EXPONENT = 460;
const START_PRECISION = 40;
const MAX_PRECISION = 1280;

/** A kind of value checked together: value_j = scale_j · N(member_j), e.g. activities (scale λ). */
export interface ValueKind {
  readonly members: Int32Array;
  readonly scale: Float64Array;
}

interface FastTerms {
  readonly start: Int32Array;
  readonly group: Int32Array;
  readonly power: Int32Array;
  readonly coef: Float64Array;
  /** Time-independent part of the error weight. */
  readonly weightA: Float64Array;
  /** Part of the error weight that grows with μ·t. */
  readonly weightB: Float64Array;
  /** Coefficient magnitudes (bounds on every cancellation). */
  readonly mag: Float64Array;
  /** Coefficients and group decay constants in double-double. */
  readonly coefDD: readonly DD[];
  readonly mu: Float64Array;
  readonly muDD: readonly DD[];
  /** Σ of the magnitudes of each member's terms. */
  readonly magSum: Float64Array;
}

export interface ChainEvaluator {
  /** Writes the atoms of every chain member at time t (seconds after the initial inventory) into `out`. */
  atoms(t: number, out: Float64Array): void;
  /** Member evaluations so far by tier: float64, double-double, decimal (for benchmarks and tests). */
  readonly stats: { fast: number; doubleDouble: number; exact: number };
}

export function chainEvaluator(
  chain: DecayChain,
  groups: RateGroups,
  initialAtoms: Float64Array,
  kinds: readonly ValueKind[],
): ChainEvaluator {
  const solutions = new Map<number, BatemanSolution>();
  const solution = (precision: number): BatemanSolution => {
    let s = solutions.get(precision);
    if (!s) {
      s = solveBateman(chain, groups, initialAtoms, precision);
      solutions.set(precision, s);
    }
    return s;
  };
  const fast = fastTerms(solution(START_PRECISION), groups);
  const expBuf = new Float64Array(groups.mu.length);
  const n = chain.members.length;
  const bounds = new Float64Array(n);
  const needed = neededMembers(kinds);
  const largest = new Float64Array(kinds.length);
  const stats = { fast: 0, doubleDouble: 0, exact: 0 };

  const atoms = (t: number, values: Float64Array): void => {
    // exp(L·0) is the identity: the inventory itself, with no rounding at all.
    if (t === 0) {
      values.set(initialAtoms);
      return;
    }
    for (let g = 0; g < expBuf.length; g++) {
      // Flushing tiny exponentials to 0 keeps subnormal numbers (100× slower) out of the sums;
      // every bound carries the flushed amount (FLUSH_BELOW · Σ magnitudes).
      const x = (groups.mu[g] as number) * t;
      expBuf[g] = x > FLUSH_EXPONENT ? 0 : Math.exp(-x);
    }
    for (const i of needed) evalFast(fast, i, t, expBuf, values, bounds);
    stats.fast += needed.length;
    for (let ki = 0; ki < kinds.length; ki++) {
      largest[ki] = largestLowerBound(kinds[ki] as ValueKind, values, bounds);
    }
    let ddExps: (DD | undefined)[] | undefined;
    for (const i of needed) {
      if (meetsContract(i, values[i] as number, bounds[i] as number, kinds, largest)) continue;
      ddExps ??= [];
      const r = evalDoubleDouble(fast, i, t, ddExps);
      if (meetsContract(i, r.value, r.bound, kinds, largest)) {
        values[i] = r.value;
        stats.doubleDouble++;
        continue;
      }
      values[i] = evalExact(solution, i, t, kinds, largest);
      stats.exact++;
    }
    for (let i = 0; i < n; i++) if ((values[i] as number) < 0) values[i] = 0;
  };
  return { atoms, stats };
}

/** Members that some kind reports, in chain order. */
function neededMembers(kinds: readonly ValueKind[]): Int32Array {
  const set = new Set<number>();
  for (const k of kinds) for (const i of k.members) set.add(i);
  return Int32Array.from([...set].sort((a, b) => a - b));
}

function fastTerms(exact: BatemanSolution, groups: RateGroups): FastTerms {
  const total = exact.members.reduce((s, m) => s + m.coef.length, 0);
  const start = new Int32Array(exact.members.length + 1);
  const group = new Int32Array(total);
  const power = new Int32Array(total);
  const coef = new Float64Array(total);
  const weightA = new Float64Array(total);
  const weightB = new Float64Array(total);
  const magF = new Float64Array(total);
  const coefDD: DD[] = [];
  let k = 0;
  exact.members.forEach((m, i) => {
    start[i] = k;
    const count = m.coef.length;
    for (let j = 0; j < count; j++, k++) {
      const g = m.group[j] as number;
      const mag = (m.mag[j] as Decimal).toNumber();
      group[k] = g;
      power[k] = m.power[j] as number;
      coef[k] = (m.coef[j] as Decimal).toNumber();
      coefDD.push(fromDecimal(exact.D, m.coef[j] as Decimal));
      magF[k] = mag;
      // Rounding of the coefficient, of t^p and of the products, the summation of `count` terms,
      // and the coefficient's own error from the decimal solution.
      weightA[k] = mag * ((m.power[j] as number) + 6 + count + exact.coefRelError / EPS);
      // exp(−μ t) inherits the relative rounding of μ and t, 2 ulp each, times μ t.
      weightB[k] = mag * 4 * (groups.mu[g] as number);
    }
  });
  start[exact.members.length] = k;
  const muDD = exact.muExact.map((mu) => fromDecimal(exact.D, mu));
  const magSum = new Float64Array(exact.members.length);
  for (let i = 0; i < exact.members.length; i++) {
    for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
      magSum[i] = (magSum[i] as number) + (magF[j] as number);
    }
  }
  return {
    start,
    group,
    power,
    coef,
    weightA,
    weightB,
    mag: magF,
    coefDD,
    mu: groups.mu,
    muDD,
    magSum,
  };
}

function evalFast(
  f: FastTerms,
  i: number,
  t: number,
  exps: Float64Array,
  values: Float64Array,
  bounds: Float64Array,
): void {
  let v = 0;
  let b = 0;
  const end = f.start[i + 1] as number;
  for (let k = f.start[i] as number; k < end; k++) {
    const x = exps[f.group[k] as number] as number;
    if (x === 0) continue; // flushed: its share is in the bound below
    const p = f.power[k] as number;
    const e = p === 0 ? x : x * Math.pow(t, p);
    v += (f.coef[k] as number) * e;
    b += ((f.weightA[k] as number) + (f.weightB[k] as number) * t) * e;
  }
  values[i] = v;
  bounds[i] = b * EPS + (f.magSum[i] as number) * FLUSH_BELOW;
}

/** Relative rounding of one double-double operation, with room to spare (2^-104 ≈ 4.9e-32). */
const DD_UNIT = 1e-31;
/** Relative error of the double-double exp above its subnormal range. */
const DD_EXP_ERROR = 1e-27;

function evalDoubleDouble(
  f: FastTerms,
  i: number,
  t: number,
  exps: (DD | undefined)[],
): { value: number; bound: number } {
  let sum = dd(0);
  let w = 0;
  const start = f.start[i] as number;
  const end = f.start[i + 1] as number;
  const tDD = dd(t);
  for (let k = start; k < end; k++) {
    const g = f.group[k] as number;
    let e = exps[g];
    if (!e) {
      e = ddExp(neg(mul(f.muDD[g] as DD, tDD)));
      exps[g] = e;
    }
    const p = f.power[k] as number;
    let term = mul(f.coefDD[k] as DD, e);
    for (let q = 0; q < p; q++) term = mulNumber(term, t);
    sum = add(sum, term);
    const x = Math.abs(e.hi) * (p === 0 ? 1 : Math.pow(t, p));
    const mut = (f.mu[g] as number) * t;
    // exp, μ·t, the powers of t and the summation; below 1e-290 the low word is subnormal.
    w +=
      (f.mag[k] as number) *
      (x * (DD_EXP_ERROR + DD_UNIT * (mut + p + end - start + 8)) + (x < 1e-290 ? 1e-290 : 0));
  }
  const value = sum.hi + sum.lo;
  return { value, bound: w + Math.abs(value) * EPS };
}

function meetsContract(
  i: number,
  value: number,
  bound: number,
  kinds: readonly ValueKind[],
  largest: ArrayLike<number>,
): boolean {
  for (let ki = 0; ki < kinds.length; ki++) {
    const k = kinds[ki] as ValueKind;
    // Kinds list members by index, mostly all of them in order: look there first.
    const j = k.members[i] === i ? i : k.members.indexOf(i);
    if (j < 0) continue;
    const s = k.scale[j] as number;
    if (!acceptable(s * value, s * bound, largest[ki] as number)) return false;
  }
  return true;
}

/** The largest value of a kind that is certainly reached: max(|v| − bound). */
function largestLowerBound(k: ValueKind, values: Float64Array, bounds: Float64Array): number {
  let m = 0;
  for (let j = 0; j < k.members.length; j++) {
    const i = k.members[j] as number;
    const low = (k.scale[j] as number) * (Math.abs(values[i] as number) - (bounds[i] as number));
    if (low > m) m = low;
  }
  return m;
}

/** Whether a value known to within ±bound meets the accuracy contract. */
export function acceptable(value: number, bound: number, largest: number): boolean {
  if (!Number.isFinite(value) || !(bound >= 0) || !Number.isFinite(bound)) return false;
  const v = Math.abs(value);
  if (bound <= RELATIVE_TOLERANCE * Math.max(v - bound, 0)) return true;
  return v + bound <= NEGLIGIBLE_FRACTION * largest && bound <= ABSOLUTE_TOLERANCE * largest;
}

function evalExact(
  solution: (precision: number) => BatemanSolution,
  i: number,
  t: number,
  kinds: readonly ValueKind[],
  largest: ArrayLike<number>,
): number {
  for (let precision = START_PRECISION; precision <= MAX_PRECISION; precision *= 2) {
    const { value, bound } = evalDecimal(solution(precision), i, t);
    if (meetsContract(i, value, bound, kinds, largest)) return value;
  }
  throw new Error(`decay solution did not converge for member ${i} at t = ${t} s`);
}

function evalDecimal(s: BatemanSolution, i: number, t: number): { value: number; bound: number } {
  const { D } = s;
  const m = s.members[i];
  if (!m) return { value: 0, bound: 0 };
  const tD = new D(t);
  const unit = Math.pow(10, 1 - s.precision);
  let v = new D(0);
  let w = new D(0);
  const exps = new Map<number, Decimal>();
  m.coef.forEach((c, j) => {
    const g = m.group[j] as number;
    const mu = s.muExact[g] as Decimal;
    let e = exps.get(g);
    if (!e) {
      e = D.exp(mu.mul(tD).neg());
      exps.set(g, e);
    }
    const p = m.power[j] as number;
    const term = p === 0 ? e : e.mul(tD.pow(p));
    v = v.plus(c.mul(term));
    const weight = mu.mul(tD).plus(p + 6 + m.coef.length);
    w = w.plus((m.mag[j] as Decimal).mul(term).mul(weight.mul(unit).plus(s.coefRelError)));
  });
  // Conversion to float64 adds half an ulp.
  const value = v.toNumber();
  return { value, bound: w.toNumber() + Math.abs(value) * EPS };
}
