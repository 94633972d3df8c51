import { i18n } from '../i18n/i18n.js';
import type { components } from '../api/schema.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';

type GeneratorDetail = components['schemas']['GeneratorDetail'];
type CyclotronRun = components['schemas']['CyclotronRun'];
type Lot = components['schemas']['Lot'];

/** A supply record a step may draw from, as the source picker lists it. */
export interface SourceOption {
  readonly id: string;
  readonly label: string;
  /** Whether the record has a measured activity (the API draws only from measured ones). */
  readonly measured: boolean;
}

const DAY_MS = 24 * 3_600_000;

/** A record's measured activity, or that it has none. */
function measuredText(bq: number | null, unit: DisplayUnit): string {
  return bq === null ? i18n.t('batches:picker.notMeasured') : formatActivity(bq, unit);
}

/** The site's elutions of the last 24 h, newest first: "Ga-68 generator 1 · 5 Dec 07:00 · 1,600 MBq". */
export function elutionOptions(
  generators: readonly GeneratorDetail[],
  nowMs: number,
  zone: string,
  unit: DisplayUnit,
): SourceOption[] {
  return generators
    .flatMap((g) => g.elutions.map((e) => ({ g, e, at: Date.parse(e.at) })))
    .filter((x) => x.at <= nowMs && x.at >= nowMs - DAY_MS)
    .sort((a, b) => b.at - a.at)
    .map(({ g, e, at }) => ({
      id: e.id,
      label: `${g.label} · ${dayClockIn(at, zone)} · ${measuredText(e.measuredActivityBq, unit)}`,
      measured: e.measuredActivityBq !== null,
    }));
}

/** The site's cyclotron runs that ended in the last 24 h, newest first. */
export function runOptions(
  runs: readonly CyclotronRun[],
  nowMs: number,
  zone: string,
  unit: DisplayUnit,
): SourceOption[] {
  return runs
    .map((r) => ({ r, at: Date.parse(r.endAt) }))
    .filter((x) => x.at <= nowMs && x.at >= nowMs - DAY_MS)
    .sort((a, b) => b.at - a.at)
    .map(({ r, at }) => ({
      id: r.id,
      label: `${r.label} · ${i18n.t('batches:picker.eob', { time: dayClockIn(at, zone) })} · ${measuredText(r.measuredActivityBq, unit)}`,
      measured: r.measuredActivityBq !== null,
    }));
}

/** The site's lots of `nuclide` not past their expiry, newest reference first. */
export function lotOptions(
  lots: readonly Lot[],
  nuclide: string,
  nowMs: number,
  zone: string,
  unit: DisplayUnit,
): SourceOption[] {
  return lots
    .filter((l) => l.nuclide === nuclide)
    .filter((l) => l.expiresAt === null || Date.parse(l.expiresAt) > nowMs)
    .sort((a, b) => Date.parse(b.referenceAt) - Date.parse(a.referenceAt))
    .map((l) => ({
      id: l.id,
      label: `${l.label} · ${i18n.t('batches:picker.lotActivity', {
        amount: formatActivity(l.activityBq, unit),
        time: dayClockIn(Date.parse(l.referenceAt), zone),
      })}`,
      measured: true,
    }));
}
