/** Wall-clock helpers for demo data: local dates 'YYYY-MM-DD' and local times 'HH:MM'. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `date` is a real calendar date written 'YYYY-MM-DD'. */
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

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. Throws on a malformed date. */
export function isoWeekday(date: string): number {
  if (!isLocalDate(date)) throw new Error(`isoWeekday: expected YYYY-MM-DD, got '${date}'`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes after midnight of 'HH:MM'. Throws on a malformed time. */
export function minutesOfDay(time: string): number {
  const m = TIME.exec(time);
  if (m === null) throw new Error(`minutesOfDay: expected HH:MM, got '${time}'`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'HH:MM' of minutes after midnight (0 ≤ minutes < 1440). */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
