import type { UnservedOrder } from '@halflife/planner';
import { i18n } from '../i18n/i18n.js';
import type { en } from './messages.js';
import type { PlanLookup } from './plan-lookup.js';

type ReasonKind = keyof (typeof en)['unserved']['kind'];

/** The kinds of reason the planner gives (packages/planner/src/solve/unserved-reasons.ts). */
const KINDS: readonly (readonly [RegExp, ReasonKind])[] = [
  [/^no site makes /, 'noSite'],
  [/ holds no licence for /, 'noLicence'],
  [/^no lane links /, 'noLane'],
  [/^no site with a lane to .* is licensed/, 'noLicensedSite'],
  [/^no site can reach .*shelf life/, 'tooFar'],
  [/^no delivery can arrive/, 'noDelivery'],
  [/is larger than a whole batch/, 'doseTooLarge'],
  [/^no batch of .* fits/, 'linesTaken'],
  [/^every batch that could serve it is full/, 'batchesFull'],
  [/isotope/, 'isotope'],
];

/** The kind of an unserved order's reason, in the current language. */
export function reasonKind(reason: string): string {
  const kind = KINDS.find(([re]) => re.test(reason))?.[1] ?? 'other';
  return i18n.t(`plans:unserved.kind.${kind}`);
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
