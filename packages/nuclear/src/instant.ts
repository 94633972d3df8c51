import { domainError, ok, type Result } from './result.js';
import { epochMillis, type EpochMillis } from './units.js';

/** An instant as the user gave it: the epoch time inside, the zone kept for display at the edges. */
export interface ZonedInstant {
  readonly epochMs: EpochMillis;
  /** "+08:00", "Z" or an IANA zone such as "Asia/Shanghai". */
  readonly zone: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const OFFSET = /^(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Parses ISO 8601 with an offset (`2026-11-23T08:00+08:00`, `…Z`) or a local time with an IANA
 * zone (`2026-11-23T08:00 Asia/Shanghai`, `2026-11-23T08:00[Asia/Shanghai]`). A time without a
 * zone is refused: half an hour of Ga-68 is a third of its activity.
 */
export function parseInstant(text: string): Result<ZonedInstant> {
  const trimmed = text.trim();
  const m = LOCAL.exec(trimmed);
  if (!m) {
    return domainError(
      'bad-time',
      `time "${text}": expected ISO 8601 such as 2026-11-23T08:00+08:00`,
    );
  }
  const rest = trimmed
    .slice(m[0].length)
    .trim()
    .replace(/^\[(.*)\]$/, '$1');
  if (rest === '') {
    return domainError(
      'missing-time-zone',
      `time "${text}" has no time zone: add an offset (+08:00, Z) or a zone (Asia/Shanghai)`,
    );
  }
  const [, y, mo, d, h, mi, s, frac] = m;
  const fields = [y, mo, d, h, mi, s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return domainError('bad-time', `time "${text}": a field is out of range`);
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second) + ms;
  const offset = OFFSET.exec(rest);
  if (offset?.[1]) {
    return ok({ epochMs: epochMillis(asUtc - offsetMinutes(offset[1]) * 60_000), zone: offset[1] });
  }
  if (!isTimeZone(rest)) {
    return domainError(
      'bad-time',
      `time "${text}": unknown time zone "${rest}" (use +08:00 or an IANA zone)`,
    );
  }
  return ok({ epochMs: epochMillis(asUtc - zoneOffsetAt(rest, asUtc)), zone: rest });
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of an IANA zone from UTC, in ms, for a wall-clock time given as if it were UTC. */
function zoneOffsetAt(zone: string, wallAsUtc: number): number {
  // Two passes settle the offset across daylight-saving changes.
  let offset = offsetOf(zone, wallAsUtc);
  offset = offsetOf(zone, wallAsUtc - offset);
  return offset;
}

function offsetOf(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** Formats an instant in its zone: `2026-11-25T14:00:00+08:00`. */
export function formatInstant(instant: ZonedInstant): string {
  const offset = OFFSET.test(instant.zone)
    ? offsetMinutes(instant.zone) * 60_000
    : offsetOf(instant.zone, instant.epochMs);
  const local = new Date(instant.epochMs + offset).toISOString().slice(0, 19);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  const suffix =
    OFFSET.test(instant.zone) || (minutes === 0 && instant.zone === 'UTC')
      ? ''
      : ` ${instant.zone}`;
  return `${local}${sign}${hh}:${mm}${suffix}`;
}
