/**
 * The product's one calendar: local dates 'YYYY-MM-DD', local clock times 'HH:MM' and instants, in
 * an IANA time zone. Every package reads "today", "tomorrow", a day's start and a wall time through
 * these functions; only the plan checker keeps its own, deliberately independent, time reading.
 *
 * Built on the Temporal API through `temporal-polyfill` (fullcalendar's): it is spec-complete for
 * what we use, kept up to date with the proposal, small (about 20 kB gzipped, it reads zone rules
 * from the platform's Intl rather than shipping a database) and fast enough for the instance
 * generator. `@js-temporal/polyfill`, the proposal's reference, is several times larger (JSBI) and
 * slower. When the platform has Temporal the polyfill hands over to it.
 *
 * Instants go in as a `Date` or epoch milliseconds and come out as epoch milliseconds. A day is a
 * calendar day: across a daylight-saving change it lasts 23 or 25 hours, never "24 hours later".
 */
import { Temporal } from 'temporal-polyfill';

/** An instant: a `Date`, or milliseconds since 1970-01-01T00:00Z. */
export type InstantInput = Date | number;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const OFFSET = /^[+-]/;

function plainDate(date: string, caller: string): Temporal.PlainDate {
  if (!isLocalDate(date)) throw new Error(`${caller}: expected a date YYYY-MM-DD, got '${date}'`);
  return Temporal.PlainDate.from(date);
}

function zoned(at: InstantInput, zone: string): Temporal.ZonedDateTime {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
}

/** True when `text` is a real calendar date written 'YYYY-MM-DD' (2028-02-29 yes, 2026-02-29 no). */
export function isLocalDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** True when `text` is a clock time 'HH:MM' (00:00 to 23:59). */
export function isLocalTime(text: string): boolean {
  return TIME.test(text);
}

/** Minutes after midnight of a clock time 'HH:MM'. Throws on a malformed time. */
export function minutesOfDay(time: string): number {
  if (!isLocalTime(time)) throw new Error(`minutesOfDay: expected HH:MM, got '${time}'`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** The clock time 'HH:MM' of `minutes` after midnight (0 ≤ minutes < 1440). */
export function formatMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 1440) {
    throw new Error(`formatMinutes: expected whole minutes 0–1439, got ${minutes}`);
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** True when `zone` names a real IANA time zone ("Asia/Shanghai", "UTC"; not "+08:00"). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || OFFSET.test(zone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The local date 'YYYY-MM-DD' of an instant in `zone`. */
export function localDateOf(at: InstantInput, zone: string): string {
  return zoned(at, zone).toPlainDate().toString();
}

/** The local clock time 'HH:MM' of an instant in `zone` (seconds dropped, not rounded). */
export function localTimeOf(at: InstantInput, zone: string): string {
  return zoned(at, zone).toPlainTime().toString({ smallestUnit: 'minute' });
}

/** The local date and time 'YYYY-MM-DDTHH:MM' of an instant in `zone` (a datetime-local value). */
export function localDateTimeOf(at: InstantInput, zone: string): string {
  return zoned(at, zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** Tomorrow's local date in `zone`, as of the instant `now`: the calendar day after today. */
export function tomorrowIn(now: InstantInput, zone: string): string {
  return addDays(localDateOf(now, zone), 1);
}

/** The date `days` calendar days after `date` (negative: before). Throws on a malformed date. */
export function addDays(date: string, days: number): string {
  return plainDate(date, 'addDays').add({ days }).toString();
}

/** The ISO weekday of a local date: 1 = Monday … 7 = Sunday. Throws on a malformed date. */
export function isoWeekday(date: string): number {
  return plainDate(date, 'isoWeekday').dayOfWeek;
}

/** The instant (epoch ms) local date `date` starts in `zone`: its first instant, usually 00:00. */
export function dayStart(date: string, zone: string): number {
  return plainDate(date, 'dayStart').toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

/** The instant (epoch ms) the day after `date` starts in `zone`: 23, 24 or 25 hours after `dayStart`. */
export function nextDayStart(date: string, zone: string): number {
  return dayStart(addDays(date, 1), zone);
}

/**
 * The instant (epoch ms) the clocks of `zone` show `time` ('HH:MM') on `date`. A time that a clock
 * change repeats is its earlier instant; one that a clock change skips moves forward by the gap.
 */
export function instantAt(date: string, time: string, zone: string): number {
  if (!isLocalTime(time)) throw new Error(`instantAt: expected a time HH:MM, got '${time}'`);
  return plainDate(date, 'instantAt').toZonedDateTime({ timeZone: zone, plainTime: time })
    .epochMilliseconds;
}

/** The instant of a local date and time 'YYYY-MM-DDTHH:MM' in `zone` (as `instantAt` reads it). */
export function instantOfLocalDateTime(dateTime: string, zone: string): number {
  const [date = '', time = ''] = dateTime.split('T');
  return instantAt(date, time, zone);
}

/** An instant written with the local offset of `zone`, to the second: '2026-11-24T07:30:00+08:00'. */
export function offsetDateTimeOf(at: InstantInput, zone: string): string {
  return zoned(at, zone).toString({ smallestUnit: 'second', timeZoneName: 'never' });
}
