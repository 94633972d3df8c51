/** A weekly schedule on one local date, as instants; the calendar itself is @halflife/domain's. */
import type { Hours } from '@halflife/db';
import { addDays, instantAt as calendarInstantAt, isoWeekday } from '@halflife/domain';

/** The instant of wall time `hhmm` on `date` in `zone`, in UTC ISO 8601. Throws on bad input. */
export function instantAt(date: string, hhmm: string, zone: string): string {
  return new Date(calendarInstantAt(date, hhmm, zone)).toISOString();
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
