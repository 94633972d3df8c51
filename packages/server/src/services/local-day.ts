import type { Hours } from '@halflife/db';
import { parseInstant } from '@halflife/nuclear';

/** Local dates 'YYYY-MM-DD' and wall times 'HH:MM' in an IANA zone, as absolute instants. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(date: string): boolean {
  const m = DATE.exec(date);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of wall time `hhmm` on `date` in `zone`, in UTC ISO 8601. Throws on bad input. */
export function instantAt(date: string, hhmm: string, zone: string): string {
  const parsed = parseInstant(`${date}T${hhmm} ${zone}`);
  if (!parsed.ok) throw new Error(`instantAt: ${parsed.error.message}`);
  return new Date(parsed.value.epochMs).toISOString();
}

/**
 * The intervals of a weekly schedule on one local date, as instants. A closing time at or before
 * the opening time runs past midnight (e.g. 22:00–02:00, or 00:00 for midnight).
 */
export function hoursOn(
  hours: readonly Hours[],
  date: string,
  zone: string,
): { start: string; end: string }[] {
  const weekday = isoWeekday(date);
  return hours
    .filter((h) => h.days.includes(weekday))
    .map((h) => ({
      start: instantAt(date, h.open, zone),
      end: instantAt(h.close <= h.open ? addDays(date, 1) : date, h.close, zone),
    }))
    .sort((a, b) => a.start.localeCompare(b.start));
}
