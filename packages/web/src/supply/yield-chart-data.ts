import { fromBq, type DisplayUnit } from '../units.js';
import type { GeneratorYield } from './supply-types.js';

const HOUR_MS = 3_600_000;

/** The window of a yield curve: from before the latest elution (within a week) to a day ahead. */
export interface YieldWindow {
  readonly from: string;
  readonly to: string;
  readonly step: number;
}

/**
 * From 12 h ago, or 2 h before the last elution when that is earlier (at most 7 d back), never
 * before calibration, to 24 h from now; a step that keeps the curve near 300 points.
 */
export function yieldWindow(
  nowMs: number,
  calibratedAt: string,
  lastElutionAt: string | undefined,
): YieldWindow {
  const lastMs = lastElutionAt === undefined ? Infinity : Date.parse(lastElutionAt) - 2 * HOUR_MS;
  const from = Math.max(
    Date.parse(calibratedAt),
    nowMs - 7 * 24 * HOUR_MS,
    Math.min(nowMs - 12 * HOUR_MS, lastMs),
  );
  const to = nowMs + 24 * HOUR_MS;
  const step = Math.max(300, Math.ceil((to - from) / 1000 / 300 / 60) * 60);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), step };
}

export interface YieldChartData {
  readonly daughter: string;
  /** [time ms, eluate in the unit] */
  readonly eluate: [number, number][];
  /** [time ms, daughter on the column (100% efficient elution) in the unit] */
  readonly column: [number, number][];
  /** Recorded elutions: [time ms, measured eluate (or the column when not measured)] */
  readonly elutions: { readonly value: [number, number]; readonly measured: boolean }[];
  readonly now: number;
  readonly max: number;
}

/** The yield curve in the display unit, with the recorded elutions that fall in its window. */
export function yieldChartData(
  y: GeneratorYield,
  unit: DisplayUnit,
  nowMs: number,
): YieldChartData {
  const eluate: [number, number][] = y.points.map((p) => [
    Date.parse(p.at),
    fromBq(p.eluateBq, unit),
  ]);
  const column: [number, number][] = y.points.map((p) => [
    Date.parse(p.at),
    fromBq(p.columnBq, unit),
  ]);
  const first = eluate[0]?.[0] ?? -Infinity;
  const last = eluate[eluate.length - 1]?.[0] ?? Infinity;
  const elutions = y.elutions
    .map((e) => ({
      value: [Date.parse(e.at), fromBq(e.measuredActivityBq ?? e.predictedColumnBq, unit)] as [
        number,
        number,
      ],
      measured: e.measuredActivityBq !== null,
    }))
    .filter((e) => e.value[0] >= first && e.value[0] <= last);
  const max = Math.max(0, ...column.map((p) => p[1]), ...elutions.map((e) => e.value[1]));
  return { daughter: y.daughter, eluate, column, elutions, now: nowMs, max };
}
