import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { formatNumber, fromBq, type DisplayUnit } from '../units.js';
import { releaseAt } from './waste-text.js';
import type { WasteContainer } from './waste-types.js';

/** One colour per container, its curve and its release line alike. */
export const CONTAINER_COLOURS = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#475569',
  '#ea580c',
];

export interface WasteCurve {
  readonly code: string;
  readonly colour: string;
  /** [epoch ms, activity in the unit shown]; null where the container holds nothing (log axis). */
  readonly points: readonly [number, number | null][];
  /** When it is (or was) released, or may be at the earliest (epoch ms); null when no date. */
  readonly releaseAt: number | null;
  readonly released: boolean;
}

/** A log axis's tick: "0.01", "1,000", or "1e-6" / "1e7" for the decades beyond. */
export function logTick(value: number): string {
  if (!(value > 0)) return '';
  if (value >= 1e-3 && value < 1e6) return formatNumber(value);
  const [mantissa = '1', exponent = '0'] = value.toExponential(3).split('e');
  const m = Number(mantissa);
  return `${m === 1 ? '1' : String(m)}e${Number(exponent)}`;
}

/** The containers' total activity over time, in the unit shown: one curve per container. */
export function wasteCurves(
  containers: readonly Pick<
    WasteContainer,
    'code' | 'curve' | 'status' | 'releasedAt' | 'releaseAfter' | 'earliest'
  >[],
  unit: DisplayUnit,
): WasteCurve[] {
  return containers
    .filter((c) => c.curve.some((p) => p.activityBq > 0))
    .map((c, k) => {
      const at = releaseAt(c);
      return {
        code: c.code,
        colour: CONTAINER_COLOURS[k % CONTAINER_COLOURS.length] ?? '#2563eb',
        points: c.curve.map((p): [number, number | null] => [
          Date.parse(p.at),
          p.activityBq > 0 ? fromBq(p.activityBq, unit) : null,
        ]),
        releaseAt: at === null ? null : Date.parse(at),
        released: c.status === 'released',
      };
    });
}

/**
 * The register's chart: each container's total activity on a log scale against time, its release
 * date as a dashed vertical mark line in its colour, a legend by container code, a "now" line
 * and a zoom along time.
 */
export function wasteChartOption(
  curves: readonly WasteCurve[],
  unit: DisplayUnit,
  now: number,
): EChartOption {
  return {
    animation: false,
    color: curves.map((c) => c.colour),
    grid: { left: 72, right: 32, top: 48, bottom: 72 },
    // Containers of short- and long-lived nuclides share the axis: zoom into a stretch of time.
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 12 },
    ],
    legend: { type: 'scroll', top: 0, data: curves.map((c) => c.code) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)} ${unit}` : '—'),
    },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'log',
      logBase: 10,
      name: unit,
      nameLocation: 'middle',
      nameGap: 52,
      axisLabel: { formatter: logTick },
    },
    series: [
      ...curves.map((c) => ({
        id: c.code,
        name: c.code,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 2, color: c.colour, ...(c.released ? { type: 'dotted' } : {}) },
        itemStyle: { color: c.colour },
        data: c.points,
        ...(c.releaseAt === null
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: c.colour, type: 'dashed', width: 1.5 },
                label: {
                  formatter: c.released
                    ? i18n.t('waste:chart.released', { code: c.code })
                    : i18n.t('waste:chart.release', { code: c.code }),
                  position: 'insideEndTop',
                  color: c.colour,
                },
                data: [
                  { name: i18n.t('waste:chart.release', { code: c.code }), xAxis: c.releaseAt },
                ],
              },
            }),
      })),
      {
        id: 'now',
        name: i18n.t('waste:chart.now'),
        type: 'line',
        data: [],
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#0f172a', type: 'solid', width: 1 },
          label: { formatter: i18n.t('waste:chart.now'), position: 'end', color: '#0f172a' },
          data: [{ name: i18n.t('waste:chart.now'), xAxis: now }],
        },
      },
    ],
  };
}
