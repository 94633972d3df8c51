/** Isomer feeding (§6): `isomer-feeding.csv` sends part of a parent's branches to an isomer. */
import type { Branch } from './branches.js';
import { Exact, parseDecimal, sum, ZERO } from './exact.js';
import { type Effect, modeShift } from './mode-shift.js';
import type { State } from './nuclide-names.js';

export interface FeedingRow {
  readonly parent: string;
  readonly mode: string;
  readonly daughter: string;
  readonly fraction: Exact;
}

/** The rows of the text of `isomer-feeding.csv`; `path` names the file in error messages. */
export function readFeeding(text: string, path: string): FeedingRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header !== 'parent,mode,daughter,fraction,source')
    throw new Error(`${path}: unexpected header "${header}"`);
  return lines.map((line) => {
    const [parent, mode, daughter, fraction] = line.split(',').map((f) => f.trim());
    if (
      parent === undefined ||
      mode === undefined ||
      daughter === undefined ||
      fraction === undefined
    ) {
      throw new Error(`${path}: bad row "${line}"`);
    }
    return { parent, mode, daughter, fraction: parseDecimal(fraction) };
  });
}

const sameShift = (x: Effect, y: Effect): boolean =>
  x.kind === 'shift' && y.kind === 'shift' && x.dz === y.dz && x.dA === y.dA;

/**
 * §6.1: send min(fraction, F) of the matching ground-state branches to the isomer, taking from
 * them in listed order; each isomer branch follows the branch it was taken from.
 */
function applyFeeding(
  parent: State,
  branches: readonly Branch[],
  feed: FeedingRow,
  isomer: State,
  zOf: ReadonlyMap<string, number>,
): Branch[] {
  const effect = modeShift(feed.mode, zOf);
  const matches = (b: Branch): boolean =>
    !b.toIsomer &&
    sameShift(b.effect, effect) &&
    b.effect.kind === 'shift' &&
    parent.row.z + b.effect.dz === isomer.row.z &&
    parent.row.a + b.effect.dA === isomer.row.a;
  let remaining = Exact.min(feed.fraction, sum(branches.filter(matches).map((b) => b.fraction)));
  const result: Branch[] = [];
  for (const b of branches) {
    if (matches(b) && b.daughter === null) {
      throw new Error(
        `${parent.name} → ${isomer.name}: the ground state of the isomer is not in the dataset`,
      );
    }
    const taken = matches(b) ? Exact.min(remaining, b.fraction) : ZERO;
    remaining = remaining.sub(taken);
    result.push({ ...b, fraction: b.fraction.sub(taken) });
    if (!taken.isZero())
      result.push({ ...b, daughter: isomer.name, toIsomer: true, fraction: taken });
  }
  return result;
}

/**
 * §6: applies the feeding rows in order to the branches (by parent name) and returns the
 * updated branches; every row must name a parent and a kept isomer of the dataset.
 */
export function isomerFeeding(
  feeding: readonly FeedingRow[],
  states: readonly State[],
  branches: ReadonlyMap<string, readonly Branch[]>,
  zOf: ReadonlyMap<string, number>,
): Map<string, readonly Branch[]> {
  const byName = new Map(states.map((s) => [s.name, s]));
  const fed = new Map(branches);
  for (const feed of feeding) {
    const parent = byName.get(feed.parent);
    const isomer = byName.get(feed.daughter);
    if (parent === undefined || isomer === undefined || isomer.index === 0) {
      throw new Error(
        `isomer-feeding.csv: ${feed.parent} → ${feed.daughter} does not match the dataset`,
      );
    }
    fed.set(parent.name, applyFeeding(parent, fed.get(parent.name) ?? [], feed, isomer, zOf));
  }
  return fed;
}
