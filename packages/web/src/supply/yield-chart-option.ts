import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import type { YieldChartData } from './yield-chart-data.js';

/**
 * A generator's yield curve: the eluate an elution would give at each time, the daughter on the
 * column (100% efficiency, faint), recorded elutions as markers and "now" as a dashed line (drawn
 * as series, so no markLine component is needed).
 */
export function yieldChartOption(
  d: YieldChartData,
  unit: DisplayUnit,
  clock: (ms: number) => string,
): EChartOption {
  // The now line reaches a little above the curve; the axis rounds up from there.
  const top = d.max > 0 ? d.max * 1.05 : 1;
  const value = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)} ${unit}` : '—');
  const names = {
    eluate: i18n.t('supply:yieldChart.eluate', { nuclide: d.daughter }),
    column: i18n.t('supply:yieldChart.onColumn'),
    recorded: i18n.t('supply:yieldChart.recordedElution'),
  };
  return {
    animation: false,
    grid: { left: 64, right: 20, top: 44, bottom: 36 },
    legend: { top: 0, data: [names.eluate, names.column, names.recorded] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: value,
    },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (v: number) => clock(v), hideOverlap: true },
      axisPointer: { label: { formatter: (p: { value: number }) => clock(p.value) } },
    },
    yAxis: {
      type: 'value',
      name: unit,
      min: 0,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        name: names.eluate,
        type: 'line',
        showSymbol: false,
        color: '#2563eb',
        lineStyle: { width: 2.5 },
        areaStyle: { color: 'rgba(37, 99, 235, 0.08)' },
        data: d.eluate,
      },
      {
        name: names.column,
        type: 'line',
        showSymbol: false,
        color: '#94a3b8',
        lineStyle: { width: 1, type: 'dashed' },
        data: d.column,
      },
      {
        name: names.recorded,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        color: '#dc2626',
        z: 5,
        data: d.elutions.map((e) => ({
          value: e.value,
          itemStyle: e.measured
            ? undefined
            : { color: '#fff', borderColor: '#dc2626', borderWidth: 2 },
        })),
      },
      {
        name: i18n.t('supply:yieldChart.now'),
        type: 'line',
        showSymbol: false,
        silent: true,
        color: '#0f172a',
        lineStyle: { width: 1, type: 'dashed' },
        tooltip: { show: false },
        endLabel: {
          show: true,
          formatter: i18n.t('supply:yieldChart.nowLabel'),
          color: '#0f172a',
          fontSize: 11,
        },
        data: [
          [d.now, 0],
          [d.now, top],
        ],
      },
    ],
  };
}
