/** The dataset's nuclides from the NUBASE rows and the isomer-feeding rows (§1–6), in output form. */
import { branches, type Branch, groundStates } from './branches.js';
import { type FeedingRow, isomerFeeding } from './isomer-feeding.js';
import { nuclideNames, type State } from './nuclide-names.js';
import { keptRows, type NubaseRow, symbolTable } from './read-rows.js';
import type { RawNuclide } from '../../src/builtin-dataset.js';

/** The stored form is the one the product reads. */
export type OutputNuclide = RawNuclide;

function massExcess(text: string): number | null {
  const value = Number(text.replace(/#$/, ''));
  return text === '' || !Number.isFinite(value) ? null : value;
}

/** §5.3: zero-fraction branches do not exist. */
function outputNuclide(state: State, branches: readonly Branch[]): OutputNuclide {
  return {
    n: state.name,
    z: state.row.z,
    a: state.row.a,
    s: state.index,
    t: state.halfLife === 'stable' ? null : state.halfLife.toString(),
    e: state.excitation.toNumber(),
    me: massExcess(state.row.massExcess),
    b: branches
      .filter((b) => !b.fraction.isZero())
      .map((b) => [b.mode, b.daughter, b.fraction.toNumber()] as const),
  };
}

/** The nuclides sorted by (Z, A, isomer index), each with its non-zero branches. */
export function buildNuclides(
  rows: readonly NubaseRow[],
  feeding: readonly FeedingRow[],
): OutputNuclide[] {
  const zOf = symbolTable(rows);
  const states = nuclideNames(keptRows(rows));
  const grounds = groundStates(states);
  const unfed = new Map(states.map((s) => [s.name, branches(s, grounds, zOf)]));
  const fed = isomerFeeding(feeding, states, unfed, zOf);
  return states
    .sort((x, y) => x.row.z - y.row.z || x.row.a - y.row.a || x.index - y.index)
    .map((s) => outputNuclide(s, fed.get(s.name) ?? []));
}
