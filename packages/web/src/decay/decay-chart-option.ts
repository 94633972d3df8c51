import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import type { DecayChartData } from './decay-chart-data.js';

/** The ECharts option for a chain's activities: log-scale activity against time. */
export function decayChartOption(data: DecayChartData, unit: DisplayUnit): EChartOption {
  const min = data.floor === undefined ? undefined : 10 ** Math.floor(Math.log10(data.floor));
  return {
    animation: false,
    grid: { left: 72, right: 24, top: 40, bottom: 48 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)} ${unit}` : '—'),
    },
    xAxis: {
      type: 'value',
      name: i18n.t('decay:chart.time', { unit: i18n.t(`units.${data.timeUnit}`) }),
      nameLocation: 'middle',
      nameGap: 28,
      max: 'dataMax',
    },
    yAxis: {
      type: 'log',
      name: unit,
      min,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    series: data.series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      data: s.points,
    })),
  };
}
