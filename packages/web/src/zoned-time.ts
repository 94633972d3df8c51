/** Instants shown and entered in a place's own time zone (a site's, a hospital's), whatever the browser's zone is. */

const HOUR_MS = 3_600_000;

function parts(ms: number, zone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(ms).map((p) => [p.type, p.value]));
}

/** "14:30" in the zone. */
export function clockIn(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p['hour']}:${p['minute']}`;
}

/** "24 Nov 14:30" in the zone. */
export function dayClockIn(ms: number, zone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
  }).format(ms);
  return `${day} ${clockIn(ms, zone)}`;
}

/** "24 Nov 2026" in the zone. */
export function dateIn(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(ms);
}

/** "YYYY-MM-DDTHH:mm" of an instant in the zone, as a datetime-local input shows it. */
export function localInputIn(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** A datetime-local value read in the zone, as the API takes it (RFC 9557): "2026-11-24T09:30:00[Asia/Shanghai]". */
export function zonedInstant(localInput: string, zone: string): string {
  const withSeconds = /T\d\d:\d\d$/.test(localInput) ? `${localInput}:00` : localInput;
  return `${withSeconds}[${zone}]`;
}

/** The date of an instant in the zone (the browser's when not given), "YYYY-MM-DD". */
export function localDateIn(ms: number, zone?: string): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', zone ? { timeZone: zone } : {}).format(ms);
}

/** Tomorrow's date in the zone (the browser's when not given), "YYYY-MM-DD". */
export function tomorrowIn(nowMs: number, zone?: string): string {
  return localDateIn(nowMs + 24 * HOUR_MS, zone);
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
