/** Figures as a planner reads them in violation messages. */

/** `14:20Z`, with seconds when they are not zero, and the date when it is not `day`'s. */
export function formatTime(seconds: number, day?: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  const date = iso.slice(0, 10);
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  const sameDay = day !== undefined && new Date(day * 1000).toISOString().slice(0, 10) === date;
  return sameDay ? `${clock}Z` : `${date} ${clock}Z`;
}

/** `1.23 GBq`, `850 MBq`: three significant figures in the largest unit below the value. */
export function formatBq(bq: number): string {
  const units: readonly [string, number][] = [
    ['TBq', 1e12],
    ['GBq', 1e9],
    ['MBq', 1e6],
    ['kBq', 1e3],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(bq) >= size) return `${significant(bq / size)} ${unit}`;
  }
  return `${significant(bq)} Bq`;
}

/** A duration in seconds as minutes (`30 min`, `12.5 min`). */
export function formatMinutes(seconds: number): string {
  return `${significant(seconds / 60)} min`;
}

/** Up to four significant figures without trailing zeros; more when needed to show a difference. */
export function significant(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}
