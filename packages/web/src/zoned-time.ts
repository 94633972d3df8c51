/**
 * Instants shown and entered in a place's own time zone (a site's, a hospital's), whatever the
 * browser's zone is. The calendar arithmetic is @halflife/domain's.
 */
import { localDateOf, localDateTimeOf, localTimeOf } from '@halflife/domain';
import { currentLocale, i18n } from './i18n/i18n.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Nov" (English) or "11月24日" (Chinese) of a local date 'YYYY-MM-DD'. */
function dayMonth(date: string): string {
  const day = Number(date.slice(8, 10));
  const month = Number(date.slice(5, 7));
  if (currentLocale() === 'zh-CN') return `${month}月${day}日`;
  return `${day} ${MONTHS[month - 1] ?? '?'}`;
}

/** "14:30" in the zone. */
export function clockIn(ms: number, zone: string): string {
  return localTimeOf(ms, zone);
}

/** "24 Nov 14:30" in the zone. */
export function dayClockIn(ms: number, zone: string): string {
  return `${dayMonth(localDateOf(ms, zone))} ${localTimeOf(ms, zone)}`;
}

/** "24 Nov 2026" (English) or "2026年11月24日" (Chinese) in the zone. */
export function dateIn(ms: number, zone: string): string {
  const date = localDateOf(ms, zone);
  const year = date.slice(0, 4);
  return currentLocale() === 'zh-CN' ? `${year}年${dayMonth(date)}` : `${dayMonth(date)} ${year}`;
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
  if (minutes < 60) return i18n.t('duration.minutes', { m: minutes });
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? i18n.t('duration.hours', { h }) : i18n.t('duration.hoursMinutes', { h, m });
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.round((minutes % 1440) / 60);
  return h === 0 ? i18n.t('duration.days', { d }) : i18n.t('duration.daysHours', { d, h });
}
