import { i18n, localeNumber } from '../i18n/i18n.js';
import { serverText } from '../i18n/server-texts.js';
import type { Outlook, OutlookWeek } from './outlook-types.js';

/** The outlook's words and figures as people read them (pure). */

export type Risk = 'short' | 'watch' | 'ok';

/** P(shortfall) ≥ 0.5: more likely short than not (red); ≥ 0.2: to watch (amber). */
export function riskOf(probability: number): Risk {
  return probability >= 0.5 ? 'short' : probability >= 0.2 ? 'watch' : 'ok';
}

export const RISK_COLOURS: Readonly<Record<Risk, string>> = {
  short: 'rgba(220, 38, 38, 0.16)',
  watch: 'rgba(217, 119, 6, 0.14)',
  ok: 'transparent',
};

/** GBq with a sensible precision: "1,234", "56.7", "0.236". */
export function gbq(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return localeNumber(value, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export const percent = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;

/** "P 71%" in the table; "<1%" and ">99%" at the ends. */
export function probabilityText(p: number): string {
  if (p < 0.01) return '<1%';
  if (p > 0.99) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** The back-test as label/value pairs, or its reason when there is none. */
export function backTestLines(b: Outlook['backTest']): { label: string; value: string }[] {
  if (b.status !== 'ok') return [];
  return [
    { label: 'MAPE', value: percent(b.mape) },
    { label: 'sMAPE', value: percent(b.smape) },
    { label: 'MASE', value: b.mase === null ? '—' : b.mase.toFixed(2) },
    { label: i18n.t('strategy:backTest.coverage80'), value: percent(b.coverage80, 0) },
    { label: i18n.t('strategy:backTest.coverage95'), value: percent(b.coverage95, 0) },
  ];
}

/** "Ge-68/Ga-68 … (synthetic)": how the history is described above the chart. */
export function historyLabel(o: Outlook): string {
  return o.history.synthetic
    ? i18n.t('strategy:chart.historySynthetic')
    : i18n.t('strategy:chart.history');
}

const PRIORITIES = ['therapy-in-progress', 'therapy-new', 'diagnostic', 'other'] as const;

/** A claim's clinical priority in words; a priority not known here as the API gives it. */
export function priorityText(priority: string): string {
  const known = PRIORITIES.find((p) => p === priority);
  return known ? i18n.t(`strategy:priority.${known}`) : priority;
}

const BASES = ['adjusted', 'full', 'partial', 'none'] as const;

/** Why a claim got what it got, in words; a basis not known here as the API gives it. */
export function allocationBasisText(basis: string): string {
  const known = BASES.find((b) => b === basis);
  return known ? i18n.t(`strategy:allocationBasis.${known}`) : basis;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_LIST = new RegExp(`(${WEEKDAYS.join('|')})(?: and (?=${WEEKDAYS.join('|')}))?`, 'g');

/**
 * A text of the outlook's (history, back-test, notes, assumptions, supply items) in the user's
 * language; the weekdays a translated text carries over ("Monday and Thursday") named in it too.
 */
export function outlookText(text: string): string {
  const translated = serverText(text);
  if (translated === text) return text;
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
  return translated.replace(WEEKDAY_LIST, (match: string, name: string) => {
    // 2024-01-01 was a Monday.
    const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(name)));
    return day.format(date) + (match.length > name.length ? '、' : '');
  });
}

/** The weeks the outlook flags, for the summary line. */
export function riskSummary(weeks: readonly OutlookWeek[]): string {
  const short = weeks.filter((w) => riskOf(w.probability) === 'short').length;
  const watch = weeks.filter((w) => riskOf(w.probability) === 'watch').length;
  if (short === 0 && watch === 0) return i18n.t('strategy:risk.none');
  return i18n.t('strategy:risk.some', { short, watch });
}
