import type { UnservedOrder } from '@halflife/planner';
import type { PlanLookup } from './plan-lookup.js';

/** The kinds of reason the planner gives (packages/planner/src/solve/unserved-reasons.ts). */
const KINDS: readonly (readonly [RegExp, string])[] = [
  [/^no site makes /, 'No site makes the product'],
  [/ holds no licence for /, 'The hospital holds no licence'],
  [/^no lane links /, 'No lane from a site that makes it'],
  [/^no site with a lane to .* is licensed/, 'No licensed site on its lanes'],
  [/^no site can reach .*shelf life/, 'Too far for the shelf life'],
  [/^no delivery can arrive/, 'No delivery inside the receiving window'],
  [/is larger than a whole batch/, 'The dose is larger than a batch'],
  [/^no batch of .* fits/, 'Lines closed, down or taken'],
  [/^every batch that could serve it is full/, 'Batches full or lines taken'],
  [/isotope/, 'Not enough isotope'],
];

export function reasonKind(reason: string): string {
  return KINDS.find(([re]) => re.test(reason))?.[1] ?? 'Other reasons';
}

export interface UnservedRow {
  readonly type: 'order';
  readonly order: string;
  readonly hospital: string;
  readonly product: string;
  /** Calibration, local clock time in the network's zone. */
  readonly calibration: string;
  readonly reason: string;
}
export interface UnservedHeading {
  readonly type: 'group';
  readonly title: string;
  readonly count: number;
}
export type UnservedItem = UnservedRow | UnservedHeading;

/**
 * Unserved orders grouped by the kind of reason (largest group first), each group by
 * calibration time, flattened into one list of headings and rows for a windowed list.
 */
export function unservedItems(
  unserved: readonly UnservedOrder[],
  lookup: Pick<PlanLookup, 'order' | 'hospital' | 'product' | 'clock'>,
): UnservedItem[] {
  const groups = new Map<string, { at: number; row: UnservedRow }[]>();
  for (const u of unserved) {
    const o = lookup.order(u.order);
    const row: UnservedRow = {
      type: 'order',
      order: u.order,
      hospital: o ? lookup.hospital(o.hospital) : u.order.slice(0, 8),
      product: o ? lookup.product(o.product) : '—',
      calibration: o ? lookup.clock(o.calibrationAt) : '—',
      reason: u.reason,
    };
    const kind = reasonKind(u.reason);
    const at = o ? Date.parse(o.calibrationAt) : 0;
    const list = groups.get(kind);
    if (list) list.push({ at, row });
    else groups.set(kind, [{ at, row }]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .flatMap(([title, rows]) => [
      { type: 'group' as const, title, count: rows.length },
      ...rows
        .sort((a, b) => a.at - b.at || a.row.hospital.localeCompare(b.row.hospital))
        .map((r) => r.row),
    ]);
}
