import { existsSync, readFileSync } from 'node:fs';
import { isLocalDate } from '@halflife/domain';
import {
  backTest,
  demoDemandHistory,
  fitHoltWinters,
  forecastHoltWinters,
  WEEKS_PER_YEAR,
} from '@halflife/strategy';
import { parse } from 'csv-parse/sync';
import { CliError } from './cli-error.js';
import { formatTable } from './table.js';

export interface ForecastOptions {
  readonly history?: string;
  readonly demo?: boolean;
  readonly seed?: string;
  readonly horizon?: string;
  readonly holdout?: string;
  readonly season?: string;
  readonly json?: boolean;
}

/** The most weeks of history a file may hold (twenty years). */
const MAX_WEEKS = 1040;
const DAY_MS = 86_400_000;

interface History {
  readonly weeks: readonly string[];
  readonly doses: readonly number[];
  readonly synthetic: boolean;
}

function whole(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`--${name} must be a whole number 1–${max}, got "${text}"`);
  return n;
}

const nextWeek = (date: string, k = 1) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 7 * k * DAY_MS).toISOString().slice(0, 10);

/**
 * A weekly history from CSV: a header `week,doses`, then one row per week, the week as its first
 * day (YYYY-MM-DD, consecutive weeks) and the doses ordered that week. Errors name the line.
 */
export function readHistory(text: string): History {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new CliError(`--history: not CSV (${(e as Error).message})`);
  }
  const [header, ...data] = rows;
  if (header?.[0] !== 'week' || header[1] !== 'doses')
    throw new CliError('--history: the first line must be the header "week,doses"');
  if (data.length > MAX_WEEKS) throw new CliError(`--history: at most ${MAX_WEEKS} weeks`);
  const weeks: string[] = [];
  const doses: number[] = [];
  data.forEach(([week, value], i) => {
    const line = i + 2;
    if (week === undefined || !isLocalDate(week))
      throw new CliError(`--history line ${line}: week "${week ?? ''}" is not a date YYYY-MM-DD`);
    const previous = weeks.at(-1);
    if (previous !== undefined && nextWeek(previous) !== week)
      throw new CliError(`--history line ${line}: ${week} does not follow ${previous} by one week`);
    const n = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(n) || n < 0)
      throw new CliError(`--history line ${line}: doses "${value ?? ''}" must be a number ≥ 0`);
    weeks.push(week);
    doses.push(n);
  });
  if (doses.length < 3) throw new CliError('--history: needs at least 3 weeks');
  return { weeks, doses, synthetic: false };
}

function demoHistory(seedText: string | undefined): History {
  const seed = whole('seed', seedText, 1, 2 ** 31);
  const doses = demoDemandHistory({
    weeks: 156,
    seed,
    base: 40,
    growthPerYear: 0.2,
    seasonalAmplitude: 0.15,
    holidayWeeks: [5, 6],
    holidayDip: 0.5,
  });
  const first = '2024-01-01';
  return { weeks: doses.map((_, k) => nextWeek(first, k)), doses, synthetic: true };
}

/**
 * `halflife forecast`: the next weeks' demand with 80% and 95% prediction intervals (additive
 * Holt–Winters), and how the same method did on the last weeks of the history held out.
 */
export function forecastCommand(options: ForecastOptions): string {
  if ((options.history === undefined) === (options.demo !== true))
    throw new CliError('give either --history FILE or --demo');
  let history: History;
  if (options.history !== undefined) {
    if (!existsSync(options.history)) throw new CliError(`--history: no file ${options.history}`);
    history = readHistory(readFileSync(options.history, 'utf8'));
  } else history = demoHistory(options.seed);
  const horizon = whole('horizon', options.horizon, 26, 104);
  const season = whole('season', options.season, WEEKS_PER_YEAR, 104);
  const holdout = whole(
    'holdout',
    options.holdout,
    Math.min(26, Math.floor(history.doses.length / 4)),
    520,
  );
  if (history.doses.length - holdout < 3)
    throw new CliError(`--holdout ${holdout} leaves fewer than 3 weeks to fit on`);
  const fit = fitHoltWinters(history.doses, season);
  const ahead = forecastHoltWinters(fit, horizon);
  const test = backTest(history.doses, season, holdout);
  const last = history.weeks.at(-1)!;
  const weeks = ahead.map((p) => ({ week: nextWeek(last, p.step), ...p }));
  if (options.json)
    return JSON.stringify(
      {
        synthetic: history.synthetic,
        method: fit.seasonal ? 'Holt–Winters additive (ETS(A,A,A))' : 'Holt linear (no season)',
        parameters: fit.parameters,
        forecast: weeks,
        backTest: { ...test, forecasts: undefined, actual: undefined },
      },
      null,
      2,
    );
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const f1 = (x: number) => x.toFixed(1);
  return [
    history.synthetic
      ? 'Synthetic demo history (not real orders).'
      : `History: ${history.doses.length} weeks to ${last}.`,
    `Method: ${fit.seasonal ? `additive Holt–Winters, season ${season} weeks` : 'Holt linear (less than two seasons of history)'}; α ${fit.parameters.alpha}, β ${fit.parameters.beta.toFixed(3)}, γ ${fit.parameters.gamma}.`,
    `Back-test (fitted on ${test.trainedOn} weeks, ${holdout} held out): MAPE ${pct(test.mape)}${test.zeroWeeks > 0 ? ` (${test.zeroWeeks} zero weeks left out)` : ''}, sMAPE ${pct(test.smape)}, MASE ${test.mase === null ? '—' : test.mase.toFixed(2)}, inside 80% ${pct(test.coverage80)}, inside 95% ${pct(test.coverage95)}.`,
    '',
    formatTable(
      ['week', 'doses', '80% low', '80% high', '95% low', '95% high'],
      weeks.map((w) => [
        w.week,
        f1(w.mean),
        f1(w.lower80),
        f1(w.upper80),
        f1(w.lower95),
        f1(w.upper95),
      ]),
    ),
  ].join('\n');
}
