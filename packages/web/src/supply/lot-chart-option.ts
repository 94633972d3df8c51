import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import type { LotChartData } from './lot-chart-data.js';

const RATIO_COLOURS = ['#d97706', '#db2777', '#0891b2'];

/** A lot over time: its activity (left axis) and each impurity ratio in % (right axis). */
export function lotChartOption(
  d: LotChartData,
  unit: DisplayUnit,
  clock: (ms: number) => string,
): EChartOption {
  const hasRatios = d.ratios.length > 0;
  return {
    animation: false,
    grid: { left: 64, right: hasRatios ? 72 : 20, top: 44, bottom: 36 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—'),
    },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (v: number) => clock(v), hideOverlap: true },
      axisPointer: { label: { formatter: (p: { value: number }) => clock(p.value) } },
    },
    yAxis: [
      {
        type: 'value',
        name: unit,
        min: 0,
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      ...(hasRatios
        ? [
            {
              type: 'value',
              name: i18n.t('supply:lot.impurityAxis'),
              position: 'right',
              splitLine: { show: false },
              axisLabel: { formatter: (v: number) => formatNumber(v) },
            },
          ]
        : []),
    ],
    series: [
      {
        name: `${d.nuclide} (${unit})`,
        type: 'line',
        showSymbol: false,
        color: '#7c3aed',
        lineStyle: { width: 2.5 },
        areaStyle: { color: 'rgba(124, 58, 237, 0.08)' },
        data: d.activity,
      },
      ...d.ratios.map((r, i) => ({
        name: `${r.nuclide} / ${d.nuclide} (%)`,
        type: 'line',
        yAxisIndex: 1,
        showSymbol: false,
        color: RATIO_COLOURS[i % RATIO_COLOURS.length],
        lineStyle: { width: 2, type: 'dashed' },
        data: r.points,
      })),
    ],
  };
}
