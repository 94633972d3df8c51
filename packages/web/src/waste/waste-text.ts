import type { Badge } from '../batches/batch-status.js';
import { i18n, localeNumber } from '../i18n/i18n.js';
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

const TONE: Record<WasteStatus, Badge['tone']> = {
  open: 'info',
  closed: 'warn',
  released: 'good',
};

/** A container's status as a badge, in the current language. */
export function wasteStatusBadge(status: WasteStatus): Badge {
  return {
    label: i18n.t(`waste:status.${status}.label`),
    tone: TONE[status],
    title: i18n.t(`waste:status.${status}.title`),
  };
}

/** A container's kind ("residues", "vials", …) in the current language. */
export function wasteKindText(kind: WasteKind): string {
  return i18n.t(`waste:kind.${kind}`);
}

export const WASTE_STATUSES: readonly WasteStatus[] = ['open', 'closed', 'released'];

export const WASTE_KINDS: readonly WasteKind[] = [
  'residues',
  'vials',
  'syringes',
  'packages',
  'mixed',
];

/** The release rules in the order a form offers them (words: `releaseRuleLabel`). */
export const RELEASE_RULES: readonly ReleaseRule[] = ['ten-half-lives', 'clearance', 'background'];

/** A release rule as a form offers it: "ten half-lives", "clearance level (needs the mass)", … */
export function releaseRuleLabel(rule: ReleaseRule): string {
  return i18n.t(`waste:rule.${rule}`);
}

/** "ten half-lives", "clearance · 500 g", "decay to background". */
export function ruleText(c: Pick<WasteContainer, 'rule' | 'massG'>): string {
  switch (c.rule) {
    case 'ten-half-lives':
      return i18n.t('waste:ruleText.ten-half-lives');
    case 'clearance':
      return c.massG === null
        ? i18n.t('waste:ruleText.clearance')
        : i18n.t('waste:ruleText.clearanceMass', { mass: localeNumber(c.massG) });
    case 'background':
      return i18n.t('waste:ruleText.background');
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
    return {
      when: i18n.t('waste:releasedAt', { at: dateTimeIn(c.releasedAt, zone) }),
      why: c.earliest.reason,
    };
  }
  const at = releaseAt(c);
  return {
    when: at === null ? i18n.t('waste:noDate') : dateTimeIn(at, zone),
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
