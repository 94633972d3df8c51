import type { Dataset, Nuclide } from './dataset.js';
import {
  decaySolver,
  type AtomInventory,
  type DecaySolver,
  type DecayState,
} from './decay-solver.js';
import type { Seconds } from './units.js';

/**
 * Decay questions that reuse the exact set-up (issue 18). Setting up a chain's exact solution
 * costs milliseconds; evaluating it, microseconds. The chain of each parent is set up once per
 * dataset, for one atom, and kept; a question over any inventory is then the sum of its parents'
 * solutions, each scaled by its atoms (the decay equations are linear, so superposition is exact;
 * every term is non-negative, so the sum loses no precision).
 */

/** Parents kept per dataset; the oldest set-up is dropped beyond this. */
export const MAX_CACHED_PARENTS = 2048;

const cache = new WeakMap<Dataset, Map<string, DecaySolver>>();

/** The exact solution for one atom of `parent`, set up on first use and kept. */
export function parentSolver(data: Dataset, parent: string): DecaySolver {
  let solvers = cache.get(data);
  if (!solvers) cache.set(data, (solvers = new Map<string, DecaySolver>()));
  let solver = solvers.get(parent);
  if (!solver) {
    solver = decaySolver(data, new Map([[parent, 1]]));
    if (solvers.size >= MAX_CACHED_PARENTS) solvers.delete(solvers.keys().next().value!);
    solvers.set(parent, solver);
  }
  return solver;
}

/** Forgets every set-up (for measuring the first question). */
export function clearDecayCache(data: Dataset): void {
  cache.delete(data);
}

/**
 * Atoms and activities of every member of the inventory's chains after t: parents in the
 * inventory's order, then their daughters as first met. Names must be canonical.
 */
export function decayAt(data: Dataset, inventory: AtomInventory, t: Seconds): DecayState {
  const parts = [...inventory].map(([name, atoms]) => ({
    solver: parentSolver(data, name),
    atoms,
  }));
  if (parts.length === 1) {
    const { solver, atoms: scale } = parts[0]!;
    const state = solver.at(t);
    for (let i = 0; i < state.atoms.length; i++) {
      state.atoms[i] = (state.atoms[i] as number) * scale;
      state.activities[i] = (state.activities[i] as number) * scale;
    }
    return state;
  }
  const members: Nuclide[] = [];
  const index = new Map<string, number>();
  for (const { solver } of parts)
    for (const m of solver.members) {
      if (index.has(m.name)) continue;
      index.set(m.name, members.length);
      members.push(m);
    }
  const atoms = new Float64Array(members.length);
  const activities = new Float64Array(members.length);
  for (const { solver, atoms: scale } of parts) {
    if (scale === 0) continue;
    const state = solver.at(t);
    solver.members.forEach((m, i) => {
      const k = index.get(m.name)!;
      atoms[k] = (atoms[k] as number) + scale * (state.atoms[i] as number);
      activities[k] = (activities[k] as number) + scale * (state.activities[i] as number);
    });
  }
  return { members, atoms, activities };
}
