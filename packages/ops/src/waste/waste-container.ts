import { builtinDataset, CLEARANCE_BQ_PER_G, STORAGE_HALF_LIVES } from '@halflife/nuclear';
import { mixtureAt, sumMixtures, totalBq, type NuclideBq } from '../distribution/package-chain.js';

/**
 * Decay-in-storage of a waste container: what it holds at any time (every item decayed with its
 * chain by the decay engine), the earliest date it may be released under a chosen rule, and the
 * release survey (10 CFR 35.92 / 35.2092). Pure.
 */

export const RELEASE_RULES = ['ten-half-lives', 'clearance', 'background'] as const;
export type ReleaseRule = (typeof RELEASE_RULES)[number];

/** 10 CFR 35.92: decay-in-storage is for half-lives of at most 120 days. */
export const DECAY_IN_STORAGE_MAX_DAYS = 120;
/**
 * A member below this share of the activity put into the container does not set its time (the
 * Tc-99 grown from Tc-99m, 2e5 years, is a few billionths of it).
 */
export const NEGLIGIBLE_MEMBER_SHARE = 1e-6;
/** Beyond this, decay-in-storage is no answer: the container needs another route. */
export const LONGEST_STORAGE_YEARS = 100;

export interface WasteItem {
  readonly contents: readonly NuclideBq[];
  /** When `contents` held (epoch ms). */
  readonly at: number;
}

/** The container's contents at `t`: the items put in by then, decayed. */
export function containerAt(items: readonly WasteItem[], t: number): NuclideBq[] {
  return sumMixtures(items.filter((i) => i.at <= t).map((i) => mixtureAt(i.contents, i.at, t)));
}

export interface ReleaseDate {
  /** Earliest release (epoch ms); null when the rule cannot give one (e.g. no clearance level). */
  readonly at: number | null;
  readonly longestLived: string | null;
  readonly reason: string;
  readonly warnings: readonly string[];
}

const DAY_MS = 86_400_000;
const halfLifeOf = (n: string) => builtinDataset().byName.get(n)?.halfLife ?? 0;
const days = (ms: number) => (ms / DAY_MS).toFixed(ms < 10 * DAY_MS ? 2 : 0);

/**
 * The earliest release of a container closed at `closedAt` (its last item), under `rule`:
 * ten half-lives of the longest-lived member present (common practice); the clearance levels of
 * EU BSS Annex VII with the sum rule, given the waste's mass; or, for "indistinguishable from
 * background", the ten-half-lives date as the first survey date (only the survey can tell).
 */
export function earliestRelease(
  items: readonly WasteItem[],
  closedAt: number,
  rule: ReleaseRule,
  massGrams?: number,
): ReleaseDate {
  const now = containerAt(items, closedAt);
  const putIn = items.reduce((s, i) => s + totalBq(i.contents), 0);
  const present = now.filter((c) => c.activityBq > NEGLIGIBLE_MEMBER_SHARE * putIn);
  if (present.length === 0) {
    return {
      at: closedAt,
      longestLived: null,
      reason: 'what is left is below a millionth of the activity put in',
      warnings: [],
    };
  }
  const longest = present.reduce((a, b) => (halfLifeOf(b.nuclide) > halfLifeOf(a.nuclide) ? b : a));
  const halfLife = halfLifeOf(longest.nuclide);
  const warnings = present
    .filter((c) => halfLifeOf(c.nuclide) > DECAY_IN_STORAGE_MAX_DAYS * 86_400)
    .map(
      (c) =>
        `${c.nuclide} (${(halfLifeOf(c.nuclide) / 86_400).toFixed(1)} d) is above the ${DECAY_IN_STORAGE_MAX_DAYS}-day limit of decay-in-storage under 10 CFR 35.92`,
    );
  const tenHalfLives = closedAt + STORAGE_HALF_LIVES.value * halfLife * 1000;
  if (tenHalfLives - closedAt > LONGEST_STORAGE_YEARS * 365.25 * DAY_MS) {
    return {
      at: null,
      longestLived: longest.nuclide,
      reason: `${STORAGE_HALF_LIVES.value} half-lives of ${longest.nuclide} are more than ${LONGEST_STORAGE_YEARS} years: not for decay-in-storage`,
      warnings,
    };
  }
  if (rule === 'ten-half-lives' || rule === 'background') {
    return {
      at: tenHalfLives,
      longestLived: longest.nuclide,
      reason:
        `${STORAGE_HALF_LIVES.value} half-lives of ${longest.nuclide}: ${days(tenHalfLives - closedAt)} days` +
        (rule === 'background' ? ', then a survey must not tell it from background' : ''),
      warnings,
    };
  }
  if (massGrams === undefined || !(massGrams > 0)) {
    return {
      at: null,
      longestLived: longest.nuclide,
      reason: 'the clearance rule needs the waste’s mass',
      warnings,
    };
  }
  const missing = present.filter((c) => CLEARANCE_BQ_PER_G[c.nuclide] === undefined);
  if (missing.length > 0) {
    return {
      at: null,
      longestLived: longest.nuclide,
      reason: `no clearance level for ${missing.map((c) => c.nuclide).join(', ')}`,
      warnings,
    };
  }
  const fraction = (t: number) =>
    containerAt(items, t).reduce(
      (s, c) => s + c.activityBq / massGrams / (CLEARANCE_BQ_PER_G[c.nuclide]?.value ?? Infinity),
      0,
    );
  let lo = closedAt;
  let hi = closedAt + 3_600_000;
  let at = closedAt;
  if (fraction(lo) > 1) {
    const limit = closedAt + LONGEST_STORAGE_YEARS * 365.25 * DAY_MS;
    while (fraction(hi) > 1) {
      if (hi > limit) {
        return {
          at: null,
          longestLived: longest.nuclide,
          reason: `above the clearance levels for more than ${LONGEST_STORAGE_YEARS} years: not for decay-in-storage`,
          warnings,
        };
      }
      hi = closedAt + (hi - closedAt) * 2;
    }
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (fraction(mid) > 1) lo = mid;
      else hi = mid;
    }
    at = hi;
  }
  return {
    at,
    longestLived: longest.nuclide,
    reason: `below the clearance levels (sum rule, ${massGrams} g) after ${days(at - closedAt)} days`,
    warnings,
  };
}

export interface SurveyInput {
  readonly surveyedAt: number;
  readonly earliestAt: number | null;
  readonly backgroundUSvPerH: number;
  readonly readingUSvPerH: number;
}

/** Why a container may not be released now, or undefined when it may. */
export function surveyRefusal(s: SurveyInput): { field: string; message: string } | undefined {
  if (s.earliestAt === null) {
    return { field: 'rule', message: 'the release rule gives no date for this container' };
  }
  if (s.surveyedAt < s.earliestAt) {
    return {
      field: 'surveyedAt',
      message: `the container may not be released before ${new Date(s.earliestAt).toISOString()}`,
    };
  }
  if (s.readingUSvPerH > s.backgroundUSvPerH) {
    return {
      field: 'readingUSvPerH',
      message: `the surface reads ${s.readingUSvPerH} µSv/h, above the background ${s.backgroundUSvPerH} µSv/h`,
    };
  }
  return undefined;
}
