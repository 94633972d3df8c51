import type { Decimal } from 'decimal.js';
import { solveBateman, type BatemanSolution } from './bateman.js';
import type { DecayChain } from './decay-chain.js';
import type { RateGroups } from './bateman.js';

/**
 * Evaluates a Bateman solution at a time, fast in float64 and exact where float64 is not enough.
 *
 * Accuracy contract (docs/decay-engine.md): every value agrees with the exact solution of the
 * chain equations to a relative 1e-11, except values below 1e-9 of the largest value of their
 * kind, which agree to 1e-12 of that largest value. Each evaluation carries a rigorous rounding
 * bound from the coefficient magnitudes; a value whose bound does not meet the contract is
 * recomputed in decimal arithmetic, at rising precision until it does.
 */

export const RELATIVE_TOLERANCE = 1e-11;
export const NEGLIGIBLE_FRACTION = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

const EPS = Number.EPSILON;
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
}

export interface ChainEvaluator {
  /** Atoms of every chain member at time t (seconds after the initial inventory). */
  atoms(t: number, kinds: readonly ValueKind[]): Float64Array;
  /** How many member evaluations needed decimal arithmetic so far (for benchmarks and tests). */
  readonly stats: { fast: number; exact: number };
}

export function chainEvaluator(
  chain: DecayChain,
  groups: RateGroups,
  initialAtoms: Float64Array,
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
  const stats = { fast: 0, exact: 0 };
  const n = chain.members.length;

  const atoms = (t: number, kinds: readonly ValueKind[]): Float64Array => {
    // exp(L·0) is the identity: the inventory itself, with no rounding at all.
    if (t === 0) return Float64Array.from(initialAtoms);
    const values = new Float64Array(n);
    const bounds = new Float64Array(n);
    for (let g = 0; g < expBuf.length; g++) expBuf[g] = Math.exp(-(groups.mu[g] as number) * t);
    const needed = neededMembers(kinds, n);
    for (const i of needed) evalFast(fast, i, t, expBuf, values, bounds);
    stats.fast += needed.length;
    const redo = new Set<number>();
    const largest = kinds.map((k) => largestLowerBound(k, values, bounds));
    kinds.forEach((k, ki) => {
      k.members.forEach((i, j) => {
        const s = k.scale[j] as number;
        if (
          !acceptable(s * (values[i] as number), s * (bounds[i] as number), largest[ki] as number)
        ) {
          redo.add(i);
        }
      });
    });
    for (const i of redo) {
      values[i] = evalExact(solution, i, t, kinds, largest);
      stats.exact++;
    }
    for (let i = 0; i < n; i++) if ((values[i] as number) < 0) values[i] = 0;
    return values;
  };
  return { atoms, stats };
}

function neededMembers(kinds: readonly ValueKind[], n: number): number[] {
  if (kinds.length === 0) return Array.from({ length: n }, (_, i) => i);
  const set = new Set<number>();
  for (const k of kinds) for (const i of k.members) set.add(i);
  return [...set].sort((a, b) => a - b);
}

function fastTerms(exact: BatemanSolution, groups: RateGroups): FastTerms {
  const total = exact.members.reduce((s, m) => s + m.coef.length, 0);
  const start = new Int32Array(exact.members.length + 1);
  const group = new Int32Array(total);
  const power = new Int32Array(total);
  const coef = new Float64Array(total);
  const weightA = new Float64Array(total);
  const weightB = new Float64Array(total);
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
      // Rounding of the coefficient, of t^p and of the products, the summation of `count` terms,
      // and the coefficient's own error from the decimal solution.
      weightA[k] = mag * ((m.power[j] as number) + 6 + count + exact.coefRelError / EPS);
      // exp(−μ t) inherits the relative rounding of μ and t, 2 ulp each, times μ t.
      weightB[k] = mag * 4 * (groups.mu[g] as number);
    }
  });
  start[exact.members.length] = k;
  return { start, group, power, coef, weightA, weightB };
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
    const p = f.power[k] as number;
    const e = (exps[f.group[k] as number] as number) * (p === 0 ? 1 : Math.pow(t, p));
    v += (f.coef[k] as number) * e;
    b += ((f.weightA[k] as number) + (f.weightB[k] as number) * t) * e;
  }
  values[i] = v;
  // Products that underflow lose up to the smallest normal number each.
  bounds[i] = b * EPS + (end - (f.start[i] as number)) * 2.3e-308;
}

/** The largest value of a kind that is certainly reached: max(|v| − bound). */
function largestLowerBound(k: ValueKind, values: Float64Array, bounds: Float64Array): number {
  let m = 0;
  k.members.forEach((i, j) => {
    const s = k.scale[j] as number;
    const low = s * (Math.abs(values[i] as number) - (bounds[i] as number));
    if (low > m) m = low;
  });
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
  largest: readonly number[],
): number {
  for (let precision = START_PRECISION; precision <= MAX_PRECISION; precision *= 2) {
    const { value, bound } = evalDecimal(solution(precision), i, t);
    const ok = kinds.every((k, ki) => {
      const j = k.members.indexOf(i);
      if (j < 0) return true;
      const s = k.scale[j] as number;
      return acceptable(s * value, s * bound, largest[ki] as number);
    });
    if (ok) return value;
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
