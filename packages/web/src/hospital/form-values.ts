/**
 * Reading what a person typed into a form: numbers with a decimal comma or point, and a
 * datetime-local value as the instant the API takes, read in a place's zone. Pure.
 */

/** "12,5" or " 12.5 " → 12.5; undefined for an empty or unreadable entry. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A datetime-local value ("2026-12-05T09:30", seconds optional) as an instant in `zone` the API
 * reads (RFC 9557: "2026-12-05T09:30:00[Asia/Shanghai]"); undefined when it is not a date and time.
 */
export function localInstant(localInput: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(localInput.trim());
  if (!m) return undefined;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}[${zone}]`;
}
