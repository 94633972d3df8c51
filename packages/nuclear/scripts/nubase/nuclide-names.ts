/** Nuclide names (§1.6): ground states and the kept isomers of each (Z, A) by excitation energy. */
import { type Exact, parseDecimal, ZERO } from './exact.js';
import type { KeptRow, NubaseRow } from './read-rows.js';

export interface State {
  readonly row: NubaseRow;
  readonly halfLife: Exact | 'stable';
  /** Excitation energy with `#` removed (0 for ground states). */
  readonly excitation: Exact;
  /** 0 for the ground state, 1, 2, … for kept isomers in excitation order (§1.6). */
  readonly index: number;
  readonly name: string;
}

/** §1.6: `m`, `n`, `m3`, `m4`, … for the 1st, 2nd, 3rd, … kept isomer. */
const isomerSuffix = (index: number): string => ['', 'm', 'n'][index] ?? `m${index}`;

const stateName = (symbol: string, a: number, index: number): string =>
  `${symbol}-${a}${isomerSuffix(index)}`;

const excitationOf = (row: NubaseRow): Exact =>
  row.i === 0 ? ZERO : parseDecimal(row.excitation.replace(/#$/, ''));

/** §1.6: index the kept states of each (Z, A) by excitation energy (stable sort: ties keep file order). */
export function nuclideNames(kept: readonly KeptRow[]): State[] {
  const groups = new Map<string, (KeptRow & { excitation: Exact })[]>();
  for (const k of kept) {
    const key = `${k.row.z}/${k.row.a}`;
    const group = groups.get(key) ?? [];
    group.push({ ...k, excitation: excitationOf(k.row) });
    groups.set(key, group);
  }
  const states: State[] = [];
  for (const group of groups.values()) {
    const ground = group.filter((g) => g.row.i === 0);
    const isomers = group
      .filter((g) => g.row.i !== 0)
      .sort((x, y) => x.excitation.cmp(y.excitation));
    const indexed = [
      ...ground.map((g) => ({ g, index: 0 })),
      ...isomers.map((g, k) => ({ g, index: k + 1 })),
    ];
    for (const { g, index } of indexed)
      states.push({ ...g, index, name: stateName(g.row.symbol, g.row.a, index) });
  }
  return states;
}
