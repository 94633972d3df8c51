import type { Dataset, Nuclide } from '../dataset.js';
import { decayChain } from '../decay-chain.js';
import { decaySolver, type DecaySolver } from '../decay-solver.js';
import { seconds } from '../units.js';

/**
 * Decays any mixture of the members of one chain, by superposition of one decay-engine solver per
 * member (set up on first use, with one atom). The decay equations are linear, so a mixture decays
 * as the sum of its members decaying alone: every number still comes from the exact engine, and a
 * generator's column can be eluted and decayed again thousands of times without a new set-up, and
 * the solution of each member over a time asked for again (a regular interval) is remembered.
 */
export interface ChainPropagator {
  readonly members: readonly Nuclide[];
  readonly index: ReadonlyMap<string, number>;
  /** Atoms of every member after `dt` seconds, from atoms now (both in `members` order). */
  advance(atoms: Float64Array, dt: number): Float64Array;
  /** Activities (Bq) of atoms in `members` order. */
  activities(atoms: Float64Array): Float64Array;
  /** Number of decays of one member's atoms in [0, dt], per atom: 1 − e^(−λ·dt) for a lone member. */
  decayedFraction(member: number, dt: number): number;
}

interface Unit {
  readonly solver: DecaySolver;
  /** Chain index of each of the unit solver's members. */
  readonly map: Int32Array;
  /** Atoms of the unit solver's members after a time, for the times asked for recently. */
  readonly byTime: Map<number, Float64Array>;
}

/** Times remembered per member: regular elutions and grids reuse a few intervals many times. */
const REMEMBERED_TIMES = 512;

export function chainPropagator(data: Dataset, roots: readonly string[]): ChainPropagator {
  const chain = decayChain(data, roots);
  const members = chain.members;
  const units = new Map<number, Unit>();
  const unit = (j: number): Unit => {
    let u = units.get(j);
    if (u === undefined) {
      const solver = decaySolver(data, new Map([[(members[j] as Nuclide).name, 1]]));
      const map = Int32Array.from(solver.members, (m) => chain.index.get(m.name) ?? -1);
      u = { solver, map, byTime: new Map() };
      units.set(j, u);
    }
    return u;
  };

  const advance = (atoms: Float64Array, dt: number): Float64Array => {
    const out = new Float64Array(members.length);
    for (let j = 0; j < members.length; j++) {
      const n = atoms[j] as number;
      if (n === 0) continue;
      if ((members[j] as Nuclide).lambda === 0 || dt === 0) {
        out[j] = (out[j] as number) + n;
        continue;
      }
      const u = unit(j);
      let after = u.byTime.get(dt);
      if (after === undefined) {
        if (u.byTime.size >= REMEMBERED_TIMES) u.byTime.clear();
        after = u.solver.at(seconds(dt)).atoms;
        u.byTime.set(dt, after);
      }
      for (let k = 0; k < u.map.length; k++) {
        const i = u.map[k] as number;
        out[i] = (out[i] as number) + n * (after[k] as number);
      }
    }
    return out;
  };

  const activities = (atoms: Float64Array): Float64Array =>
    Float64Array.from(atoms, (n, i) => n * (members[i] as Nuclide).lambda);

  const decayedFraction = (member: number, dt: number): number => {
    if ((members[member] as Nuclide).lambda === 0) return 0;
    const u = unit(member);
    const self = u.solver.chain.index.get((members[member] as Nuclide).name) ?? 0;
    return u.solver.decays(seconds(dt))[self] as number;
  };

  return { members, index: chain.index, advance, activities, decayedFraction };
}
