import type { EChartOption } from '../charts/echart.js';
import { formatNumber } from '../units.js';
import type { TrendChartData, TrendLine } from './qc-trend-chart-data.js';

const LINE_STYLE: Record<TrendLine['kind'], { color: string; type: 'solid' | 'dashed' }> = {
  centre: { color: '#2563eb', type: 'solid' },
  ucl: { color: '#d97706', type: 'dashed' },
  lcl: { color: '#d97706', type: 'dashed' },
  'spec-min': { color: '#dc2626', type: 'solid' },
  'spec-max': { color: '#dc2626', type: 'solid' },
};

const SIGNAL = '#dc2626';
const POINT = '#0f172a';

/**
 * An individuals control chart of one QC test: the results by batch as a line, the centre,
 * control limits (UCL/LCL) and specification limits as mark lines, points with a signal in red
 * and the open batch's point larger.
 */
export function qcTrendChartOption(d: TrendChartData): EChartOption {
  const unit = d.unit === '' ? '' : ` ${d.unit}`;
  return {
    animation: false,
    grid: { left: 56, right: 96, top: 28, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const point = d.points[p.dataIndex];
        if (!point) return '';
        const flags = point.signals.length > 0 ? `<br/>⚠ ${point.signals.join('; ')}` : '';
        return `${point.batch}<br/>${d.name}: <b>${formatNumber(point.value)}${unit}</b>${flags}`;
      },
    },
    xAxis: {
      type: 'category',
      data: d.points.map((p) => p.short),
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: d.unit,
      min: d.min,
      max: d.max,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        name: d.name,
        type: 'line',
        color: POINT,
        lineStyle: { width: 1.5, color: '#64748b' },
        symbol: 'circle',
        data: d.points.map((p) => ({
          value: p.value,
          symbolSize: p.current ? 13 : 8,
          itemStyle:
            p.signals.length > 0
              ? { color: SIGNAL, borderColor: '#7f1d1d', borderWidth: p.current ? 2 : 0 }
              : { color: p.current ? '#2563eb' : POINT },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          data: d.lines.map((l) => ({
            name: l.label,
            yAxis: l.value,
            lineStyle: { ...LINE_STYLE[l.kind], width: l.kind === 'centre' ? 1.5 : 1 },
            label: {
              formatter: `${l.label} ${formatNumber(l.value)}`,
              position: 'end',
              color: LINE_STYLE[l.kind].color,
            },
          })),
        },
      },
    ],
  };
}
