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
  /** Number of decays of each member in [0, t] (the time-integrated activity, Bq·s). */
  decays(t: Seconds): Float64Array;
  /** How many member values came from the fast path and how many needed decimal arithmetic. */
  readonly stats: { fast: number; exact: number };
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
    assert(i !== undefined && count >= 0 && Number.isFinite(count), `bad inventory entry ${name}`);
    initial[i] = (initial[i] as number) + count;
  }
  const lambdas = Float64Array.from(chain.members, (m) => m.lambda);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const kinds: ValueKind[] = [
    { members: all, scale: new Float64Array(n).fill(1) },
    { members: all, scale: lambdas },
  ];
  const evaluator = chainEvaluator(chain, rateGroups(chain), initial);
  let counting: { evaluator: ChainEvaluator; kinds: ValueKind[] } | undefined;

  const at = (t: Seconds): DecayState => {
    checkTime(t);
    const atoms = evaluator.atoms(t, kinds);
    const activities = atoms.map((a, i) => a * (lambdas[i] as number));
    return { members: chain.members, atoms, activities };
  };

  const decays = (t: Seconds): Float64Array => {
    checkTime(t);
    counting ??= countingEvaluator(chain, initial);
    const atoms = counting.evaluator.atoms(t, counting.kinds);
    return atoms.slice(n);
  };

  const stats = {
    get fast() {
      return evaluator.stats.fast + (counting?.evaluator.stats.fast ?? 0);
    },
    get exact() {
      return evaluator.stats.exact + (counting?.evaluator.stats.exact ?? 0);
    },
  };
  return { members: chain.members, chain, at, decays, stats };
}

function checkTime(t: number): void {
  assert(Number.isFinite(t) && t >= 0, `decay time must be a finite t ≥ 0, got ${t}`);
}

/**
 * The number of decays of member i in [0, t] is the number of atoms that a stable counter would
 * hold if it received every decay of i. Adding one such counter per member turns the integral into
 * another exact chain solution with the same accuracy contract.
 */
function countingEvaluator(
  chain: DecayChain,
  initial: Float64Array,
): { evaluator: ChainEvaluator; kinds: ValueKind[] } {
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
  return { evaluator: chainEvaluator(augmented, rateGroups(augmented), start), kinds };
}
