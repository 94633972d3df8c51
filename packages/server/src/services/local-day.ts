/** Local dates 'YYYY-MM-DD' and wall times 'HH:MM' in an IANA zone, as absolute instants. */
import type { Hours } from '@halflife/db';
import { addDays, isoWeekday } from '@halflife/domain/demo';
import { parseInstant } from '@halflife/nuclear';

export { addDays, isLocalDate, isoWeekday } from '@halflife/domain/demo';

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

/** The local date 'YYYY-MM-DD' of an instant in `zone`. */
export function localDateOf(at: Date, zone: string): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
