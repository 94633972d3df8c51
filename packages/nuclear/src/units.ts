import { domainError, ok, type Result } from './result.js';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Activity in becquerel (decays per second). */
export type Becquerel = Brand<number, 'Bq'>;
/** A duration in seconds. */
export type Seconds = Brand<number, 's'>;
/** A number of atoms. */
export type Atoms = Brand<number, 'atoms'>;
/** An instant: milliseconds since 1970-01-01T00:00Z. */
export type EpochMillis = Brand<number, 'epoch-ms'>;

export const becquerel = (value: number): Becquerel => value as Becquerel;
export const seconds = (value: number): Seconds => value as Seconds;
export const atoms = (value: number): Atoms => value as Atoms;
export const epochMillis = (value: number): EpochMillis => value as EpochMillis;

/** Seconds in a year: 365.2422 d, the year of the NUBASE2020 conventions. */
export const SECONDS_PER_YEAR = 365.2422 * 86400;

/** The longest decay time accepted: 1e30 s (3e22 y), far past any physics question, far inside float64. */
export const MAX_SECONDS = 1e30;

/** Becquerel per unit. 1 Ci = 3.7e10 Bq exactly (definition of the curie). */
export const ACTIVITY_UNITS = {
  Bq: 1,
  kBq: 1e3,
  MBq: 1e6,
  GBq: 1e9,
  TBq: 1e12,
  PBq: 1e15,
  Ci: 3.7e10,
  mCi: 3.7e7,
  µCi: 3.7e4,
  nCi: 37,
} as const;
export type ActivityUnit = keyof typeof ACTIVITY_UNITS;

/** Grams per unit of mass. */
export const MASS_UNITS = { kg: 1e3, g: 1, mg: 1e-3, µg: 1e-6, ng: 1e-9, pg: 1e-12 } as const;
export type MassUnit = keyof typeof MASS_UNITS;

/** Seconds per unit of time. */
export const TIME_UNITS = {
  ns: 1e-9,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  min: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
  y: SECONDS_PER_YEAR,
  ky: 1e3 * SECONDS_PER_YEAR,
  My: 1e6 * SECONDS_PER_YEAR,
  Gy: 1e9 * SECONDS_PER_YEAR,
} as const;
export type TimeUnit = keyof typeof TIME_UNITS;

/** A quantity of a nuclide as a person writes it: an activity, a mass or a number of atoms. */
export type Quantity =
  | { readonly kind: 'activity'; readonly bq: Becquerel }
  | { readonly kind: 'mass'; readonly grams: number }
  | { readonly kind: 'atoms'; readonly atoms: Atoms };

const ATOM_UNITS = new Set(['num', 'atoms', 'atom']);

/** Accepts `u` and the Greek mu for the micro sign. */
function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .replace(/^u(?=[A-Za-z])/, 'µ')
    .replace(/^μ/, 'µ');
}

/**
 * SI prefixes as written before Bq or Ci. Case matters where SI gives it meaning (m milli, M mega);
 * letters that are no SI prefix in the other case are forgiven (K, g, t).
 */
const PREFIXES: Readonly<Record<string, string>> = {
  '': '',
  k: 'k',
  K: 'k',
  M: 'M',
  G: 'G',
  g: 'G',
  T: 'T',
  t: 'T',
  P: 'P',
  m: 'm',
  µ: 'µ',
  n: 'n',
};
const PREFIX_NAMES: Readonly<Record<string, string>> = {
  m: 'milli',
  µ: 'micro',
  n: 'nano',
  k: 'kilo',
  M: 'mega',
  G: 'giga',
  T: 'tera',
  P: 'peta',
};

/**
 * Resolves an activity unit. The base (Bq, Ci) may be in any case; the prefix keeps its SI
 * meaning, so "mBq" is millibecquerel and is refused rather than read as MBq.
 */
export function activityUnit(text: string): Result<ActivityUnit> {
  const unit = normaliseUnit(text);
  const m = /^(.?)(bq|ci)$/i.exec(unit);
  const prefix = m ? PREFIXES[m[1] ?? ''] : undefined;
  if (m?.[2] && prefix !== undefined) {
    const base = m[2].toLowerCase() === 'bq' ? 'Bq' : 'Ci';
    const canonical = `${prefix}${base}`;
    if (canonical in ACTIVITY_UNITS) return ok(canonical as ActivityUnit);
    return domainError(
      'bad-unit',
      `unit "${text}" (${PREFIX_NAMES[prefix] ?? ''}${base === 'Bq' ? 'becquerel' : 'curie'}) is not used here: use one of ${Object.keys(ACTIVITY_UNITS).join(', ')}`,
    );
  }
  return domainError(
    'bad-unit',
    `unknown activity unit "${text}": use one of ${Object.keys(ACTIVITY_UNITS).join(', ')}`,
  );
}

/** Converts a number in a unit to a quantity: "Bq".."TBq", "Ci".."µCi", "g".."pg", or "num"/"atoms". */
export function quantityOf(value: number, unitText: string): Result<Quantity> {
  if (!Number.isFinite(value) || value < 0) {
    return domainError('bad-quantity', `quantity: expected a non-negative number, got ${value}`);
  }
  const unit = normaliseUnit(unitText);
  if (ATOM_UNITS.has(unit.toLowerCase())) return ok({ kind: 'atoms', atoms: atoms(value) });
  if (unit in MASS_UNITS) return ok({ kind: 'mass', grams: value * MASS_UNITS[unit as MassUnit] });
  const activity = activityUnit(unit);
  if (activity.ok) {
    return ok({ kind: 'activity', bq: becquerel(value * ACTIVITY_UNITS[activity.value]) });
  }
  if (/(bq|ci)$/i.test(unit)) return activity;
  return domainError(
    'bad-unit',
    `unknown unit "${unitText}": use an activity (${Object.keys(ACTIVITY_UNITS).join(', ')}), a mass (${Object.keys(MASS_UNITS).join(', ')}) or atoms`,
  );
}

const NUMBER_WITH_UNIT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([A-Za-zµμ].*?)\s*$/i;

/** Parses "7.4GBq", "100 kBq", "50mCi", "2 µg", "1e15 atoms". */
export function parseQuantity(text: string): Result<Quantity> {
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match?.[1] || !match[2]) {
    return domainError(
      'bad-quantity',
      `quantity "${text}": expected a number and a unit, e.g. 7.4GBq`,
    );
  }
  return quantityOf(Number(match[1]), match[2]);
}

export function timeUnit(text: string): Result<TimeUnit> {
  const unit = normaliseUnit(text);
  const aliases: Record<string, TimeUnit> = {
    sec: 's',
    second: 's',
    seconds: 's',
    m: 'min',
    mins: 'min',
    minute: 'min',
    minutes: 'min',
    hour: 'h',
    hours: 'h',
    day: 'd',
    days: 'd',
    week: 'w',
    weeks: 'w',
    a: 'y',
    year: 'y',
    years: 'y',
    yr: 'y',
  };
  if (unit in TIME_UNITS) return ok(unit as TimeUnit);
  const alias = aliases[unit.toLowerCase()];
  if (alias) return ok(alias);
  return domainError(
    'bad-unit',
    `unknown time unit "${text}": use one of ${Object.keys(TIME_UNITS).join(', ')}`,
  );
}

/** Parses a duration such as "10d", "68 min", "1.5h", "2y", "1us". */
export function parseDuration(text: string): Result<Seconds> {
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match?.[1] || !match[2]) {
    return domainError(
      'bad-time',
      `duration "${text}": expected a number and a unit, e.g. 10d or 68min`,
    );
  }
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value < 0) {
    return domainError('bad-time', `duration "${text}": expected a non-negative time`);
  }
  const unit = timeUnit(match[2]);
  if (!unit.ok) return unit;
  return secondsOf(value, unit.value);
}

/** A time in a unit as seconds, refused beyond MAX_SECONDS. */
export function secondsOf(value: number, unit: TimeUnit): Result<Seconds> {
  const s = value * TIME_UNITS[unit];
  if (!Number.isFinite(s) || s < 0 || s > MAX_SECONDS) {
    return domainError(
      'bad-time',
      `time ${value} ${unit}: expected 0 to ${MAX_SECONDS} s (3e22 y)`,
    );
  }
  return ok(seconds(s));
}

/** Formats an activity in a display unit (by default the SI unit that suits it), e.g. "7.4 GBq". */
export function formatActivity(
  bq: number,
  unit: ActivityUnit = siActivityUnit(bq),
  digits = 6,
): string {
  return `${formatNumber(bq / ACTIVITY_UNITS[unit], digits)} ${unit}`;
}

/** Picks the SI activity unit that keeps the mantissa between 1 and 1000. */
export function siActivityUnit(bq: number): ActivityUnit {
  const ladder: ActivityUnit[] = ['PBq', 'TBq', 'GBq', 'MBq', 'kBq'];
  return ladder.find((u) => Math.abs(bq) >= ACTIVITY_UNITS[u]) ?? 'Bq';
}

/** Up to `digits` significant digits, plain between 1e-3 and 1e9, otherwise as 1.23e+15. */
export function formatNumber(value: number, digits = 6): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e9) return Number(value.toPrecision(digits)).toString();
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${Number(mantissa).toString()}e${exponent ?? ''}`;
}

/** Formats a duration with a readable unit. */
export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return 'stable';
  if (s === 0) return '0 s';
  if (s >= 1e6 * SECONDS_PER_YEAR) return `${formatNumber(s / SECONDS_PER_YEAR, 5)} y`;
  const ladder: TimeUnit[] = ['ky', 'y', 'd', 'h', 'min', 's', 'ms', 'µs', 'ns'];
  const unit = ladder.find((u) => s >= TIME_UNITS[u]) ?? 'ns';
  return `${formatNumber(s / TIME_UNITS[unit], 5)} ${unit}`;
}
