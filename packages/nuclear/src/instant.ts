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
/** What may follow the local time: an offset, a zone (bare or in brackets), or both (RFC 9557). */
const SUFFIX = /^(Z|[+-]\d{2}(?::?\d{2})?)?\s*(?:\[([^\]]+)\]|([A-Za-z][\w+-]*(?:\/[\w+-]+)*))?$/i;
const HOUR = 3_600_000;

/**
 * Parses ISO 8601 with an offset (`2026-11-23T08:00+08:00`, `…Z`), a local time with an IANA zone
 * (`2026-11-23T08:00 Asia/Shanghai`, `2026-11-23T08:00[Asia/Shanghai]`), or both as RFC 9557
 * writes them (`2026-11-23T08:00+08:00[Asia/Shanghai]`, the offset then fixes the instant). A time
 * without a zone is refused: half an hour of Ga-68 is a quarter of its activity.
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
  const rest = trimmed.slice(m[0].length).trim();
  if (rest === '' || rest === '[]') {
    return domainError(
      'missing-time-zone',
      `time "${text}" has no time zone: add an offset (+08:00, Z) or a zone (Asia/Shanghai)`,
    );
  }
  const wall = wallClock(m);
  if (wall === null) {
    return domainError(
      'bad-time',
      `time "${text}": a field is out of range (no such date or time)`,
    );
  }
  const suffix = SUFFIX.exec(rest);
  const offsetText = suffix?.[1];
  const zone = suffix?.[2] ?? suffix?.[3];
  if (!suffix || (offsetText === undefined && zone === undefined)) {
    return domainError(
      'bad-time',
      `time "${text}": cannot read the zone "${rest}" (use +08:00 or an IANA zone)`,
    );
  }
  if (zone !== undefined && !isTimeZone(zone)) {
    return domainError('bad-time', `time "${text}": unknown time zone "${zone}"`);
  }
  if (offsetText !== undefined) {
    const minutes = offsetMinutes(offsetText);
    if (Math.abs(minutes) > 18 * 60) {
      return domainError('bad-time', `time "${text}": offset ${offsetText} is beyond ±18:00`);
    }
    return ok({ epochMs: epochMillis(wall - minutes * 60_000), zone: zone ?? offsetText });
  }
  return ok({
    epochMs: epochMillis(instantOfWallTime(zone as string, wall)),
    zone: zone as string,
  });
}

/** The wall-clock fields as if they were UTC, or null for a date that does not exist (30 February). */
function wallClock(m: RegExpExecArray): number | null {
  const [, y, mo, d, h, mi, s, frac] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(at);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return at + (frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
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

/**
 * The instant a zone's clocks show a wall time. At a clock change that repeats an hour the earlier
 * instant is taken; a wall time that a clock change skips is moved forward by the gap (as
 * java.time and Temporal do).
 */
function instantOfWallTime(zone: string, wall: number): number {
  const before = offsetOf(zone, wall - 24 * HOUR);
  const after = offsetOf(zone, wall + 24 * HOUR);
  const candidates = [wall - before, wall - after].filter((t) => offsetOf(zone, t) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
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

/**
 * Formats an instant in its zone, readable back by parseInstant: `2026-11-25T14:00:00+08:00`, or
 * `2026-11-25T14:00:00+08:00[Asia/Shanghai]` for a named zone (RFC 9557). Milliseconds appear when
 * there are any.
 */
export function formatInstant(instant: ZonedInstant): string {
  const fixed = OFFSET.test(instant.zone);
  const offset = fixed
    ? offsetMinutes(instant.zone) * 60_000
    : offsetOf(instant.zone, instant.epochMs);
  const iso = new Date(instant.epochMs + offset).toISOString();
  const local = instant.epochMs % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}${fixed ? '' : `[${instant.zone}]`}`;
}
