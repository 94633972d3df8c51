import type { Dataset, Nuclide } from './dataset.js';
import { assert } from './result.js';

/** An edge of a decay chain: `fraction` of the decays of member `from` make atoms of member `to`. */
export interface ChainEdge {
  readonly from: number;
  readonly to: number;
  readonly mode: string;
  readonly fraction: number;
}

/** The members reachable from some roots, in topological order (every parent before its daughters). */
export interface DecayChain {
  readonly members: readonly Nuclide[];
  readonly index: ReadonlyMap<string, number>;
  /** Edges into each member, by member index. */
  readonly parents: readonly (readonly ChainEdge[])[];
  /** Edges out of each member, by member index (including none for branches that leave). */
  readonly daughters: readonly (readonly ChainEdge[])[];
}

/**
 * Every nuclide reachable from `roots` through branches of fraction > 0, stable end products included.
 * The roots must exist in the dataset; a dataset with a cycle is rejected at load time.
 */
export function decayChain(data: Dataset, roots: readonly string[]): DecayChain {
  const reached = reachable(data, roots);
  const members = topologicalOrder(data, reached);
  const index = new Map(members.map((m, i) => [m.name, i]));
  const parents: ChainEdge[][] = members.map(() => []);
  const daughters: ChainEdge[][] = members.map(() => []);
  members.forEach((member, from) => {
    for (const branch of member.branches) {
      if (branch.daughter === null || branch.fraction <= 0) continue;
      const to = index.get(branch.daughter);
      assert(to !== undefined && to > from, () => `chain order broken at ${member.name}`);
      const edge = { from, to, mode: branch.mode, fraction: branch.fraction };
      parents[to]?.push(edge);
      daughters[from]?.push(edge);
    }
  });
  return { members, index, parents, daughters };
}

function daughtersOf(data: Dataset, n: Nuclide): Nuclide[] {
  const out: Nuclide[] = [];
  for (const b of n.branches) {
    if (b.daughter === null || b.fraction <= 0) continue;
    const d = data.byName.get(b.daughter);
    assert(d, () => `${n.name}: daughter ${b.daughter} is not in the dataset`);
    out.push(d);
  }
  return out;
}

function reachable(data: Dataset, roots: readonly string[]): Set<Nuclide> {
  const seen = new Set<Nuclide>();
  // Reversed, so that the first root is expanded first and the chain lists members in the inventory's order.
  const stack = roots
    .map((r) => {
      const n = data.byName.get(r);
      assert(n, () => `root ${r} is not in the dataset`);
      return n;
    })
    .reverse();
  while (stack.length > 0) {
    const n = stack.pop() as Nuclide;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...daughtersOf(data, n));
  }
  return seen;
}

/** Depth-first post-order, reversed: parents first; ties follow the order in which branches are listed. */
function topologicalOrder(data: Dataset, nodes: ReadonlySet<Nuclide>): Nuclide[] {
  const done = new Set<Nuclide>();
  const order: Nuclide[] = [];
  const visit = (n: Nuclide): void => {
    if (done.has(n)) return;
    done.add(n);
    const ds = daughtersOf(data, n);
    for (let i = ds.length - 1; i >= 0; i--) visit(ds[i] as Nuclide);
    order.push(n);
  };
  const roots = [...nodes].filter((n) => ![...nodes].some((p) => daughtersOf(data, p).includes(n)));
  for (let i = roots.length - 1; i >= 0; i--) visit(roots[i] as Nuclide);
  for (const n of nodes) visit(n);
  return order.reverse();
}

/** The first cycle found in a dataset's branch graph, as a list of names, or null when there is none. */
export function findCycle(data: Dataset): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: Nuclide): string[] | null => {
    const s = state.get(n.name);
    if (s === 'done') return null;
    if (s === 'open') return [...path.slice(path.indexOf(n.name)), n.name];
    state.set(n.name, 'open');
    path.push(n.name);
    for (const b of n.branches) {
      const d = b.daughter === null || b.fraction <= 0 ? undefined : data.byName.get(b.daughter);
      const cycle = d ? visit(d) : null;
      if (cycle) return cycle;
    }
    path.pop();
    state.set(n.name, 'done');
    return null;
  };
  for (const n of data.nuclides) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}
