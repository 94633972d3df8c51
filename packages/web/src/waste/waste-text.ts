import type { Badge } from '../batches/batch-status.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { clockIn, dateIn } from '../zoned-time.js';
import type {
  NuclideActivity,
  ReleaseRule,
  WasteContainer,
  WasteKind,
  WasteStatus,
} from './waste-types.js';

/** How the waste screen names a container's state, kind, rule, contents and release. Pure. */

const STATUS: Record<WasteStatus, Badge> = {
  open: { label: 'open', tone: 'info', title: 'taking items' },
  closed: { label: 'closed for decay', tone: 'warn', title: 'held until its release date' },
  released: { label: 'released', tone: 'good', title: 'surveyed and released' },
};

/** A container's status as a badge. */
export function wasteStatusBadge(status: WasteStatus): Badge {
  return STATUS[status];
}

export const WASTE_STATUSES: readonly WasteStatus[] = ['open', 'closed', 'released'];

export const WASTE_KINDS: readonly WasteKind[] = [
  'residues',
  'vials',
  'syringes',
  'packages',
  'mixed',
];

/** The release rules with the words a form offers them in. */
export const RELEASE_RULES: readonly { rule: ReleaseRule; label: string }[] = [
  { rule: 'ten-half-lives', label: 'ten half-lives' },
  { rule: 'clearance', label: 'clearance level (needs the mass)' },
  { rule: 'background', label: 'decay to background' },
];

/** "ten half-lives", "clearance · 500 g", "decay to background". */
export function ruleText(c: Pick<WasteContainer, 'rule' | 'massG'>): string {
  switch (c.rule) {
    case 'ten-half-lives':
      return 'ten half-lives';
    case 'clearance':
      return c.massG === null ? 'clearance' : `clearance · ${c.massG.toLocaleString('en-US')} g`;
    case 'background':
      return 'decay to background';
  }
}

/** "Lu-177 1.2 MBq, Lu-177m 3e-3 MBq", largest first; "—" when empty. */
export function contentsText(contents: readonly NuclideActivity[], unit: DisplayUnit): string {
  if (contents.length === 0) return '—';
  return [...contents]
    .sort((a, b) => b.activityBq - a.activityBq)
    .map((c) => `${c.nuclide} ${formatActivity(c.activityBq, unit)}`)
    .join(', ');
}

/** "15 Mar 2027 14:30" in the zone. */
export function dateTimeIn(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  return `${dateIn(ms, zone)} ${clockIn(ms, zone)}`;
}

/**
 * The instant the container is (or was) released at, or may be at the earliest: released, else
 * the date fixed at closing, else the date its rule gives now; null when the rule gives none.
 */
export function releaseAt(
  c: Pick<WasteContainer, 'releasedAt' | 'releaseAfter' | 'earliest'>,
): string | null {
  return c.releasedAt ?? c.releaseAfter ?? c.earliest.at;
}

/** The release line of a container: when, and why then. */
export function releaseText(
  c: Pick<WasteContainer, 'status' | 'releasedAt' | 'releaseAfter' | 'earliest'>,
  zone: string,
): { when: string; why: string } {
  if (c.status === 'released' && c.releasedAt) {
    return { when: `released ${dateTimeIn(c.releasedAt, zone)}`, why: c.earliest.reason };
  }
  const at = releaseAt(c);
  return {
    when: at === null ? 'no date' : dateTimeIn(at, zone),
    why: c.earliest.reason,
  };
}

/** Whether a closed container may be released at `now` (ms): its date has come. */
export function releasable(
  c: Pick<WasteContainer, 'status' | 'releasedAt' | 'releaseAfter' | 'earliest'>,
  now: number,
): boolean {
  const at = releaseAt(c);
  return c.status === 'closed' && at !== null && Date.parse(at) <= now;
}

/** An API message's ISO instants ("2031-04-15T23:22:00.000Z") written in the zone. */
export function localizeInstants(text: string, zone: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) =>
    dateTimeIn(iso, zone),
  );
}
