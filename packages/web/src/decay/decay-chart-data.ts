import type { DecayResponse } from '../api/client.js';
import { fromBq, type DisplayUnit } from '../units.js';

export interface ChartSeries {
  readonly name: string;
  /** [time in the axis unit, activity in the display unit]; null where the activity is zero. */
  readonly points: readonly [number, number | null][];
}

export interface DecayChartData {
  readonly timeUnit: 'min' | 'h' | 'd';
  readonly series: readonly ChartSeries[];
  /** The smallest positive value drawn: the log axis starts a decade below it. */
  readonly floor: number | undefined;
}

/** Below this fraction of the largest activity a member is not worth a line on the chart. */
const NEGLIGIBLE = 1e-9;

/** The chain's curves in the user's units, ready for a log-scale chart. */
export function decayChartData(response: DecayResponse, unit: DisplayUnit): DecayChartData {
  const curve = response.curve;
  if (!curve) return { timeUnit: 'h', series: [], floor: undefined };
  const span = curve.times[curve.times.length - 1] ?? 0;
  const timeUnit = span >= 4 * 86400 ? 'd' : span >= 3 * 3600 ? 'h' : 'min';
  const perUnit = timeUnit === 'd' ? 86400 : timeUnit === 'h' ? 3600 : 60;
  const all = Object.values(curve.activities).flat();
  const peak = Math.max(0, ...all);
  let floor: number | undefined;
  const series: ChartSeries[] = [];
  for (const [name, values] of Object.entries(curve.activities)) {
    if (Math.max(0, ...values) <= peak * NEGLIGIBLE) continue;
    const points = curve.times.map((t, i): [number, number | null] => {
      const bq = values[i] ?? 0;
      const v = bq > peak * NEGLIGIBLE ? fromBq(bq, unit) : null;
      if (v !== null && (floor === undefined || v < floor)) floor = v;
      return [t / perUnit, v];
    });
    series.push({ name, points });
  }
  return { timeUnit, series, floor };
}
