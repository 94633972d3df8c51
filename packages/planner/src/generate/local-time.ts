/**
 * Wall-clock times of the planned day in China Standard Time (UTC+08:00, no daylight saving since
 * 1991), written as instants with their offset: `2026-11-24T07:30:00+08:00`.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const CHINA_OFFSET = '+08:00';

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(date: string): boolean {
  const m = DATE.exec(date);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The instant `minutes` after local midnight of `date` (may run into the next or previous day). */
export function localInstant(date: string, minutes: number): string {
  const whole = Math.round(minutes);
  const dayShift = Math.floor(whole / 1440);
  const inDay = whole - dayShift * 1440;
  const day = dayShift === 0 ? date : addDays(date, dayShift);
  return `${day}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:00${CHINA_OFFSET}`;
}
