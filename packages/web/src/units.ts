import { i18n, localeNumber } from './i18n/i18n.js';

/** Activity units the user can choose; the API speaks becquerel. */
export type DisplayUnit = 'MBq' | 'mCi';

export const DISPLAY_UNITS: readonly DisplayUnit[] = ['MBq', 'mCi'];

const BQ_PER: Record<DisplayUnit, number> = { MBq: 1e6, mCi: 3.7e7 };

/** Becquerel → the display unit. */
export function fromBq(bq: number, unit: DisplayUnit): number {
  return bq / BQ_PER[unit];
}

/** A value in the display unit → becquerel. */
export function toBq(value: number, unit: DisplayUnit): number {
  return value * BQ_PER[unit];
}

/** Four significant digits; scientific notation outside 0.001–999,999. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return value.toExponential(3).replace('e+', 'e');
  return localeNumber(Number(value.toPrecision(4)), { maximumFractionDigits: 6 });
}

/** "12.34 MBq" from becquerel. */
export function formatActivity(bq: number, unit: DisplayUnit): string {
  return `${formatNumber(fromBq(bq, unit))} ${unit}`;
}

/** A half-life in the largest unit that keeps it ≥ 1: "6.647 d", "67.71 min", "stable". */
export function formatHalfLife(seconds: number | null): string {
  if (seconds === null) return i18n.t('units.stable');
  const steps = [
    [365.25 * 86400, 'y'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ] as const;
  for (const [size, name] of steps) {
    if (seconds >= size) return `${formatNumber(seconds / size)} ${i18n.t(`units.${name}`)}`;
  }
  return `${formatNumber(seconds)} ${i18n.t('units.s')}`;
}
