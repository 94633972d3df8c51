/** Local calendar dates ("2026-12-05") as a pathway counts them: whole days, no zone. */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function epochDay(date: string): number {
  const m = DATE.exec(date);
  if (m === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return ms / DAY_MS;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** `date` moved by `days` whole days. */
export function shiftDate(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days per month in survival times: the mean Gregorian month, 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

/** Months from `from` to `to`, for survival times. */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}
