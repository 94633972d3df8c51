/**
 * Instants shown and entered in a place's own time zone (a site's, a hospital's), whatever the
 * browser's zone is. The calendar arithmetic is @halflife/domain's.
 */
import { localDateOf, localDateTimeOf, localTimeOf } from '@halflife/domain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Nov" of a local date 'YYYY-MM-DD'. */
function dayMonth(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? '?'}`;
}

/** "14:30" in the zone. */
export function clockIn(ms: number, zone: string): string {
  return localTimeOf(ms, zone);
}

/** "24 Nov 14:30" in the zone. */
export function dayClockIn(ms: number, zone: string): string {
  return `${dayMonth(localDateOf(ms, zone))} ${localTimeOf(ms, zone)}`;
}

/** "24 Nov 2026" in the zone. */
export function dateIn(ms: number, zone: string): string {
  const date = localDateOf(ms, zone);
  return `${dayMonth(date)} ${date.slice(0, 4)}`;
}

/** "YYYY-MM-DDTHH:mm" of an instant in the zone, as a datetime-local input shows it. */
export function localInputIn(ms: number, zone: string): string {
  return localDateTimeOf(ms, zone);
}

/** A datetime-local value read in the zone, as the API takes it (RFC 9557): "2026-11-24T09:30:00[Asia/Shanghai]". */
export function zonedInstant(localInput: string, zone: string): string {
  const withSeconds = /T\d\d:\d\d$/.test(localInput) ? `${localInput}:00` : localInput;
  return `${withSeconds}[${zone}]`;
}

/** "2 h 30 min", "45 min", "3 d 4 h" for a duration in hours. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}
