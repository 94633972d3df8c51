import type { EChartOption } from '../charts/echart.js';
import { colourOf } from './group-colours.js';
import { i18n } from '../i18n/i18n.js';
import { kmAxisName, kmTipLines } from './outcomes-text.js';
import type { Curve, GroupSummary, SurvivalEndpoint } from './outcomes-types.js';

/**
 * Kaplan–Meier curves of one endpoint by group: step lines to each group's last follow-up,
 * censoring ticks, an optional 95% band, the median as a dashed drop to the time axis; and the
 * numbers at risk beneath, placed under the axis's own months (the chart's grid and the table
 * share their left and right margins). Pure.
 */

/** The plot's margins in pixels; the at-risk table lines up its columns inside the same. */
export const KM_GRID = { left: 200, right: 28, top: 40, bottom: 44 } as const;
export const KM_HEIGHT = 340;

/** The time axis: to a whole step past the longest follow-up (or the last at-risk month). */
export function kmAxis(
  curves: readonly Curve[],
  atRiskMonths: readonly number[],
): { max: number; step: number } {
  const step = (atRiskMonths[1] ?? 3) - (atRiskMonths[0] ?? 0) || 3;
  const longest = Math.max(
    0,
    ...curves.flatMap((c) => [...c.points.map((p) => p[0]), ...c.censoredAt]),
  );
  return { max: Math.max(atRiskMonths.at(-1) ?? 0, Math.ceil(longest / step) * step, step), step };
}

/** The survival a curve gives at `t`: that of its last step at or before `t`. */
export function survivalAt(curve: Curve, t: number): number {
  let s = 1;
  for (const [time, survival] of curve.points) {
    if (time > t) break;
    s = survival;
  }
  return s;
}

/** The curve's steps [months, S, lower, upper], carried on flat to its last follow-up. */
export function kmSteps(curve: Curve): [number, number, number, number][] {
  const steps = curve.points.map(([t, s, lo, hi]): [number, number, number, number] => [
    t,
    s,
    lo ?? s,
    hi ?? s,
  ]);
  const last = steps.at(-1);
  const end = Math.max(0, ...curve.censoredAt);
  if (last !== undefined && end > last[0]) steps.push([end, last[1], last[2], last[3]]);
  return steps;
}

/** The axis tooltip: each group's survival at the month pointed at. */
export function kmTooltip(
  groups: readonly GroupSummary[],
  endpoint: SurvivalEndpoint,
): (params: unknown) => string {
  return (params) => {
    const first = (Array.isArray(params) ? params[0] : params) as
      { axisValue?: unknown } | undefined;
    const t = Number(first?.axisValue);
    if (!Number.isFinite(t)) return '';
    return kmTipLines(
      endpoint,
      t,
      groups.map((g) => ({ group: g.group, survival: survivalAt(g[endpoint], t) })),
    ).join('<br/>');
  };
}

/** The option for one endpoint's curves. */
export function kmChartOption(
  groups: readonly GroupSummary[],
  endpoint: SurvivalEndpoint,
  axis: { max: number; step: number },
  colours: ReadonlyMap<string, string>,
  showCi: boolean,
): EChartOption {
  const series = groups.flatMap((g) => {
    const curve = g[endpoint];
    const colour = colourOf(colours, g.group);
    const steps = kmSteps(curve);
    const band = showCi
      ? [
          {
            id: `${g.group}:ci-lower`,
            name: g.group,
            type: 'line',
            step: 'end',
            stack: `ci:${g.group}`,
            silent: true,
            symbol: 'none',
            lineStyle: { opacity: 0 },
            data: steps.map(([t, , lo]) => [t, lo]),
          },
          {
            id: `${g.group}:ci`,
            name: g.group,
            type: 'line',
            step: 'end',
            stack: `ci:${g.group}`,
            silent: true,
            symbol: 'none',
            lineStyle: { opacity: 0 },
            areaStyle: { color: colour, opacity: 0.14 },
            data: steps.map(([t, , lo, hi]) => [t, hi - lo]),
          },
        ]
      : [];
    const median = curve.median.estimate;
    return [
      ...band,
      {
        id: `${g.group}:curve`,
        name: g.group,
        type: 'line',
        step: 'end',
        symbol: 'none',
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour },
        data: steps.map(([t, s]) => [t, s]),
        z: 3,
      },
      {
        id: `${g.group}:censored`,
        name: g.group,
        type: 'scatter',
        silent: true,
        symbol: 'rect',
        symbolSize: [1.5, 9],
        itemStyle: { color: colour },
        data: curve.censoredAt.map((t) => [t, survivalAt(curve, t)]),
        z: 4,
      },
      ...(median === null
        ? []
        : [
            {
              id: `${g.group}:median`,
              name: g.group,
              type: 'line',
              silent: true,
              symbol: 'none',
              lineStyle: { color: colour, width: 1, type: 'dashed' },
              data: [
                [0, 0.5],
                [median, 0.5],
                [median, 0],
              ],
            },
          ]),
    ];
  });
  return {
    animation: false,
    color: groups.map((g) => colourOf(colours, g.group)),
    grid: { ...KM_GRID },
    legend: { top: 0, left: KM_GRID.left, icon: 'roundRect', data: groups.map((g) => g.group) },
    tooltip: {
      trigger: 'axis',
      formatter: kmTooltip(groups, endpoint),
      axisPointer: { type: 'line' },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: axis.max,
      interval: axis.step,
      name: i18n.t('outcomes:monthsAxis'),
      nameLocation: 'middle',
      nameGap: 26,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      name: kmAxisName(endpoint),
      nameLocation: 'middle',
      nameGap: 48,
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series,
  };
}

/**
 * The numbers at risk beneath the curves: a column per at-risk month, placed at that month on the
 * axis (in % of the plot's width), and a row per group.
 */
export function atRiskTable(
  groups: readonly GroupSummary[],
  endpoint: SurvivalEndpoint,
  atRiskMonths: readonly number[],
  axisMax: number,
): {
  columns: { month: number; leftPct: number }[];
  rows: { group: string; counts: readonly number[] }[];
} {
  return {
    columns: atRiskMonths.map((month) => ({ month, leftPct: (month / axisMax) * 100 })),
    rows: groups.map((g) => ({ group: g.group, counts: g[endpoint].atRisk })),
  };
}
