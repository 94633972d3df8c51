import type { Decimal } from 'decimal.js';
import { solveBateman, type BatemanSolution, type RateGroups } from './bateman.js';
import type { DecayChain } from './decay-chain.js';
import { evalDecimal, MAX_PRECISION, NotConvergedError, START_PRECISION } from './decimal-tier.js';
import { evalDoubleDouble } from './double-double-tier.js';
import type { DD } from './double-double.js';
import { fastBateman } from './fast-bateman.js';
import { evalFloat, fastTerms, groupExponentials } from './float-tier.js';

/**
 * Evaluates a Bateman solution at a time, fast in float64 and exact where float64 is not enough.
 *
 * Accuracy contract (docs/decay-engine.md): every value agrees with the exact solution of the
 * chain equations to a relative 1e-11, except values below 1e-9 of the largest value of their
 * kind, which agree to 1e-12 of that largest value. Each evaluation carries a rigorous rounding
 * bound from the coefficient magnitudes; a value whose bound does not meet the contract is
 * recomputed in double-double arithmetic (~32 digits), then in decimal arithmetic at 40, 80, 160,
 * 320 and 640 digits. A value that 640 digits cannot settle raises NotConvergedError.
 */

export const RELATIVE_TOLERANCE = 1e-11;
export const NEGLIGIBLE_FRACTION = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

/** A kind of value checked together: value_j = scale_j · N(member_j), e.g. activities (scale λ). */
export interface ValueKind {
  readonly members: Int32Array;
  readonly scale: Float64Array;
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
  // Double-double set-up with its own error bound; 40-digit decimals where that bound is too weak.
  const fast =
    fastBateman(chain, groups, initialAtoms) ?? fastTerms(solution(START_PRECISION), groups);
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
    groupExponentials(groups.mu, t, expBuf);
    for (const i of needed) evalFloat(fast, i, t, expBuf, values, bounds);
    stats.fast += needed.length;
    for (let ki = 0; ki < kinds.length; ki++) {
      largest[ki] = largestLowerBound(kinds[ki] as ValueKind, values, bounds);
    }
    // Tier 2 for every value float64 could not settle; then the largest values are known better.
    const unsettled: number[] = [];
    let ddExps: (DD | undefined)[] | undefined;
    for (const i of needed) {
      if (meetsContract(i, values[i] as number, bounds[i] as number, kinds, largest)) continue;
      ddExps ??= [];
      const r = evalDoubleDouble(fast, i, t, ddExps);
      values[i] = r.value;
      bounds[i] = r.bound;
      unsettled.push(i);
    }
    if (unsettled.length === 0) return finish(values);
    for (let ki = 0; ki < kinds.length; ki++) {
      largest[ki] = largestLowerBound(kinds[ki] as ValueKind, values, bounds);
    }
    let decimalExps: Map<number, Map<number, Decimal>> | undefined;
    for (const i of unsettled) {
      if (meetsContract(i, values[i] as number, bounds[i] as number, kinds, largest)) {
        stats.doubleDouble++;
        continue;
      }
      decimalExps ??= new Map();
      values[i] = evalExact(solution, i, t, kinds, largest, decimalExps);
      stats.exact++;
    }
    finish(values);
  };
  const finish = (values: Float64Array): void => {
    // Negative rounding residue (only ever inside the bound) is no activity at all.
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

function evalExact(
  solution: (precision: number) => BatemanSolution,
  i: number,
  t: number,
  kinds: readonly ValueKind[],
  largest: ArrayLike<number>,
  exps: Map<number, Map<number, Decimal>>,
): number {
  for (let precision = START_PRECISION; precision <= MAX_PRECISION; precision *= 2) {
    let cache = exps.get(precision);
    if (!cache) {
      cache = new Map();
      exps.set(precision, cache);
    }
    const { value, bound } = evalDecimal(solution(precision), i, t, cache);
    if (meetsContract(i, value, bound, kinds, largest)) return value;
  }
  throw new NotConvergedError(
    `decay: ${MAX_PRECISION} digits cannot resolve this chain at t = ${t} s (half-lives too close together)`,
  );
}
