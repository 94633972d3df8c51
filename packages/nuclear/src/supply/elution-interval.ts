import type { Nuclide } from '../dataset.js';
import type { EpochMillis } from '../units.js';
import type { GeneratorModel } from './generator-model.js';

export interface IntervalOptions {
  /** Elution efficiency; default the model's estimate at the start. */
  readonly efficiency?: number;
  /** How long the generator runs at the regular interval, seconds (default 7 d). */
  readonly horizonSeconds?: number;
  /**
   * A fixed cost of each elution in time, seconds (default 0): the cycle is interval + handling,
   * and what grows during handling is lost (the column is rinsed before ingrowth counts again).
   * With 0, eluting more often always extracts more, because the daughter decays on the column.
   */
  readonly handlingSeconds?: number;
  /** The intervals searched, seconds: from 1 h to 48 h in steps of 15 min by default. */
  readonly minSeconds?: number;
  readonly maxSeconds?: number;
  readonly stepSeconds?: number;
}

export interface IntervalYield {
  readonly intervalS: number;
  /** Elutions in the horizon and their mean daughter activity at elution, Bq. */
  readonly elutions: number;
  readonly perElutionBq: number;
  /** Daughter activity eluted per 24 h of operation, Bq. */
  readonly dailyBq: number;
}

const DAY = 86_400;

/**
 * Daily yield of regular elutions every `intervalS` from `start`: the generator is eluted at the
 * start (not counted), then every cycle until the horizon ends; the yield is the eluted daughter
 * activity per 24 h of the cycles run. Every activity comes from the decay engine (full chain:
 * Ra-224 stays on a Th-228 column and keeps regrowing; a Ra-224 column decays away).
 */
export function dailyYield(
  model: GeneratorModel,
  start: EpochMillis,
  intervalS: number,
  options: IntervalOptions = {},
): IntervalYield {
  const efficiency = options.efficiency ?? model.efficiencyAt(start).value;
  const handling = options.handlingSeconds ?? 0;
  const horizon = options.horizonSeconds ?? 7 * DAY;
  const cycle = intervalS + handling;
  const n = Math.max(1, Math.floor(horizon / cycle + 1e-9));
  const d = model.daughterIndex;
  const lambda = (model.propagator.members[d] as Nuclide).lambda;
  let column = model.elute(model.columnAt(start), efficiency).column;
  let total = 0;
  for (let k = 0; k < n; k++) {
    if (handling > 0) {
      column = model.elute(model.propagator.advance(column, handling), 1).column;
    }
    column = model.propagator.advance(column, intervalS);
    const elution = model.elute(column, efficiency);
    total += (elution.eluate[d] as number) * lambda;
    column = elution.column;
  }
  return { intervalS, elutions: n, perElutionBq: total / n, dailyBq: (total / (n * cycle)) * DAY };
}

export interface IntervalSearch {
  /** Every interval of the grid with its yield. */
  readonly table: readonly IntervalYield[];
  /** The best interval, refined to 1/15 of the grid step around the best grid point. */
  readonly optimum: IntervalYield;
}

/** Searches the regular elution interval that maximises the daily yield (grid, then refined). */
export function optimiseElutionInterval(
  model: GeneratorModel,
  start: EpochMillis,
  options: IntervalOptions = {},
): IntervalSearch {
  const min = options.minSeconds ?? 3600;
  const max = options.maxSeconds ?? 48 * 3600;
  const step = options.stepSeconds ?? 900;
  const table: IntervalYield[] = [];
  for (let t = min; t <= max + 1e-6; t += step) table.push(dailyYield(model, start, t, options));
  let best = table.reduce((a, b) => (b.dailyBq > a.dailyBq ? b : a));
  const fine = step / 15;
  for (let t = best.intervalS - step; t <= best.intervalS + step + 1e-6; t += fine) {
    if (t < min || t > max) continue;
    const y = dailyYield(model, start, t, options);
    if (y.dailyBq > best.dailyBq) best = y;
  }
  return { table, optimum: best };
}
