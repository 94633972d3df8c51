import { i18n } from '../i18n/i18n.js';
import { dateIn } from '../zoned-time.js';
import type { BestResponse } from './patient-types.js';

/**
 * Words and numbers both clinical screens (patients, outcomes) write the same way: calendar
 * dates, RECIST responses, proportions with their 95% intervals, medians, hazard ratios and
 * p-values, the synthetic mark. Pure; in the language the screens speak (the words are in
 * messages.ts, namespace 'patients').
 */

const DAY_MS = 86_400_000;

/** A calendar date 'YYYY-MM-DD' as the instant of its midnight in UTC (charts draw dates in UTC). */
export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** 'YYYY-MM-DD' of a UTC-midnight instant. */
export function dateOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A calendar date `days` later (earlier when negative). */
export function shiftDays(date: string, days: number): string {
  return dateOfMs(dateMs(date) + days * DAY_MS);
}

/** Whole days from one calendar date to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** "8 Nov 2024" of a calendar date; "—" when there is none. */
export function dayText(date: string | null): string {
  return date === null ? '—' : dateIn(dateMs(date), 'UTC');
}

/** A RECIST 1.1 best overall response in words: "partial response". */
export function responseLabel(r: BestResponse): string {
  return i18n.t(`patients:response.${r}`);
}

/** One colour per response, on charts and badges alike: greens respond, amber holds, red grows. */
export const RESPONSE_COLOUR: Readonly<Record<BestResponse, string>> = {
  CR: '#166534',
  PR: '#16a34a',
  SD: '#ca8a04',
  PD: '#dc2626',
  NE: '#94a3b8',
};

export const RESPONSES: readonly BestResponse[] = ['CR', 'PR', 'SD', 'PD', 'NE'];

/** "PR — partial response". */
export function responseText(r: BestResponse): string {
  return `${r} — ${responseLabel(r)}`;
}

/** A fraction as a whole percentage: 0.5315 → "53%". */
export function pct(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A change in percent with its sign: −41.58 → "−41.6%", 13.6 → "+13.6%", 0 → "0%". */
export function signedPct(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}%`;
}

/** A proportion with its exact 95% interval. */
export interface Interval {
  readonly successes: number;
  readonly n: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** "10/13 · 77% (46–95%)"; "—" when nobody could be counted. */
export function intervalText(i: Interval | null): string {
  if (i === null || i.n === 0) return '—';
  const lo = Math.round(i.lower * 100);
  const hi = Math.round(i.upper * 100);
  return `${i.successes}/${i.n} · ${pct(i.estimate)} (${lo}–${hi}%)`;
}

/** Months to one decimal, "NR" when not reached. */
export function monthsValue(months: number | null): string {
  return months === null ? i18n.t('patients:notReached') : months.toFixed(1);
}

/** A Kaplan–Meier median and its 95% interval in months: "12.3 (9.8–15.5)", "NR (23.0–NR)". */
export function medianText(m: {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}): string {
  if (m.estimate === null && m.lower === null && m.upper === null)
    return i18n.t('patients:notReached');
  return `${monthsValue(m.estimate)} (${monthsValue(m.lower)}–${monthsValue(m.upper)})`;
}

/** "p < 0.001", "p = 0.015", "p = 0.26". */
export function pText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** A hazard ratio with its 95% interval: "2.00 (1.55–2.57)". */
export function hazardText(h: {
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
}): string {
  return `${h.hr.toFixed(2)} (${h.lower.toFixed(2)}–${h.upper.toFixed(2)})`;
}

/** A study's name without the "(synthetic)" its seed appends: the screens mark it themselves. */
export function studyName(name: string): string {
  return name.replace(/\s*\(synthetic\)\s*$/i, '');
}
