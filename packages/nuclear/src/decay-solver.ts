import { rateGroups } from './bateman.js';
import { chainEvaluator, type ChainEvaluator, type ValueKind } from './chain-evaluator.js';
import { decayChain, type DecayChain } from './decay-chain.js';
import type { Dataset, Nuclide } from './dataset.js';
import { assert } from './result.js';
import type { Seconds } from './units.js';

/** Atoms of each nuclide at time zero, by canonical name. */
export type AtomInventory = ReadonlyMap<string, number>;

/** Values for every chain member, in the chain's order. */
export interface DecayState {
  readonly members: readonly Nuclide[];
  readonly atoms: Float64Array;
  /** Becquerel. */
  readonly activities: Float64Array;
}

export interface DecaySolver {
  /** Every member of the inventory's decay chains, parents before daughters, stable ends included. */
  readonly members: readonly Nuclide[];
  readonly chain: DecayChain;
  /** Atoms and activities of every member after a time t ≥ 0. */
  at(t: Seconds): DecayState;
  /** The same into arrays of the caller's (length = members), for loops that must not allocate. */
  evaluate(t: Seconds, atoms: Float64Array, activities: Float64Array): void;
  /** Number of decays of each member in [0, t] (the time-integrated activity, Bq·s). */
  decays(t: Seconds): Float64Array;
  /** Member evaluations by arithmetic: float64, double-double, decimal. */
  readonly stats: { fast: number; doubleDouble: number; exact: number };
}

/**
 * Sets up the exact solution for an inventory once; each later evaluation is a short sum.
 * Nuclide names must be canonical names of the dataset (see resolveNuclide).
 */
export function decaySolver(data: Dataset, inventory: AtomInventory): DecaySolver {
  const chain = decayChain(data, [...inventory.keys()]);
  const n = chain.members.length;
  const initial = new Float64Array(n);
  for (const [name, count] of inventory) {
    const i = chain.index.get(name);
    assert(
      i !== undefined && count >= 0 && Number.isFinite(count),
      () => `bad inventory entry ${name}`,
    );
    initial[i] = (initial[i] as number) + count;
  }
  const lambdas = Float64Array.from(chain.members, (m) => m.lambda);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const kinds: ValueKind[] = [
    { members: all, scale: new Float64Array(n).fill(1) },
    { members: all, scale: lambdas },
  ];
  const evaluator = chainEvaluator(chain, rateGroups(chain), initial, kinds);
  let counting: ChainEvaluator | undefined;

  const evaluate = (t: Seconds, atoms: Float64Array, activities: Float64Array): void => {
    checkTime(t);
    evaluator.atoms(t, atoms);
    for (let i = 0; i < n; i++) activities[i] = (atoms[i] as number) * (lambdas[i] as number);
  };

  const at = (t: Seconds): DecayState => {
    const atoms = new Float64Array(n);
    const activities = new Float64Array(n);
    evaluate(t, atoms, activities);
    return { members: chain.members, atoms, activities };
  };

  const decays = (t: Seconds): Float64Array => {
    checkTime(t);
    counting ??= countingEvaluator(chain, initial);
    const all = new Float64Array(2 * n);
    counting.atoms(t, all);
    return all.slice(n);
  };

  const stats = {
    get fast() {
      return evaluator.stats.fast + (counting?.stats.fast ?? 0);
    },
    get doubleDouble() {
      return evaluator.stats.doubleDouble + (counting?.stats.doubleDouble ?? 0);
    },
    get exact() {
      return evaluator.stats.exact + (counting?.stats.exact ?? 0);
    },
  };
  return { members: chain.members, chain, at, evaluate, decays, stats };
}

function checkTime(t: number): void {
  if (!(t >= 0 && t < Infinity)) assert(false, () => `decay time must be a finite t ≥ 0, got ${t}`);
}

/**
 * The number of decays of member i in [0, t] is the number of atoms that a stable counter would
 * hold if it received every decay of i. Adding one such counter per member turns the integral into
 * another exact chain solution with the same accuracy contract.
 */
function countingEvaluator(chain: DecayChain, initial: Float64Array): ChainEvaluator {
  const n = chain.members.length;
  const counters: Nuclide[] = chain.members.map((m) => ({
    ...m,
    name: `decays of ${m.name}`,
    halfLifeText: null,
    halfLife: Infinity,
    lambda: 0,
    branches: [],
  }));
  const members = [...chain.members, ...counters];
  const parents = [
    ...chain.parents,
    ...chain.members.map((m, i) =>
      m.lambda > 0 ? [{ from: i, to: n + i, mode: 'count', fraction: 1 }] : [],
    ),
  ];
  const augmented: DecayChain = {
    members,
    index: new Map(members.map((m, i) => [m.name, i])),
    parents,
    daughters: [...chain.daughters, ...counters.map(() => [])],
  };
  const start = new Float64Array(2 * n);
  start.set(initial);
  const kinds: ValueKind[] = [
    {
      members: Int32Array.from({ length: n }, (_, i) => n + i),
      scale: new Float64Array(n).fill(1),
    },
  ];
  return chainEvaluator(augmented, rateGroups(augmented), start, kinds);
}
