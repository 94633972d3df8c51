import { builtinDataset, chainPropagator, type ChainPropagator } from '@halflife/nuclear';

/** A nuclide's activity, Bq. */
export interface NuclideBq {
  readonly nuclide: string;
  readonly activityBq: number;
}

const propagators = new Map<string, ChainPropagator>();
const propagatorOf = (roots: readonly string[]): ChainPropagator => {
  const key = [...roots].sort().join(' ');
  let p = propagators.get(key);
  if (p === undefined) {
    p = chainPropagator(builtinDataset(), roots);
    propagators.set(key, p);
  }
  return p;
};

/**
 * A mixture known at `from` (epoch ms), decayed with the decay engine to `to` (≥ `from`): every
 * radioactive member of the chains, daughters grown in included, in chain order. Pure (the chain
 * solvers are remembered per set of parents).
 */
export function mixtureAt(contents: readonly NuclideBq[], from: number, to: number): NuclideBq[] {
  if (!(to >= from)) throw new Error('mixtureAt: a mixture is decayed forward in time only');
  const present = contents.filter((c) => c.activityBq > 0);
  if (present.length === 0) return [];
  const p = propagatorOf([...new Set(present.map((c) => c.nuclide))]);
  const atoms = new Float64Array(p.members.length);
  for (const c of present) {
    const i = p.index.get(c.nuclide) as number;
    const lambda = p.members[i]?.lambda ?? 0;
    if (lambda > 0) atoms[i] = (atoms[i] as number) + c.activityBq / lambda;
  }
  const activities = p.activities(p.advance(atoms, (to - from) / 1000));
  return p.members
    .map((m, i) => ({ nuclide: m.name, activityBq: activities[i] as number }))
    .filter((c) => c.activityBq > 0);
}

/** Σ activity, Bq. */
export const totalBq = (contents: readonly NuclideBq[]): number =>
  contents.reduce((s, c) => s + c.activityBq, 0);

/** Adds up mixtures nuclide by nuclide. */
export function sumMixtures(mixtures: readonly (readonly NuclideBq[])[]): NuclideBq[] {
  const out = new Map<string, number>();
  for (const m of mixtures)
    for (const c of m) out.set(c.nuclide, (out.get(c.nuclide) ?? 0) + c.activityBq);
  return [...out].map(([nuclide, activityBq]) => ({ nuclide, activityBq }));
}
