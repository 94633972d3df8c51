import type { CustomSeriesRenderItem } from 'echarts';
import type { EChartOption } from '../charts/echart.js';
import type { PlanTimeline } from './plan-timeline.js';

const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626'];

/** A Gantt of batches: ECharts custom series, one rectangle per batch. */
export function planTimelineOption(t: PlanTimeline): EChartOption {
  const renderItem: CustomSeriesRenderItem = (_params, api) => {
    const row = api.value(0) as number;
    const start = api.coord([api.value(1), row]);
    const end = api.coord([api.value(2), row]);
    const size = api.size?.([0, 1]) as number[];
    const height = (size[1] ?? 20) * 0.6;
    return {
      type: 'rect',
      shape: {
        x: start[0] ?? 0,
        y: (start[1] ?? 0) - height / 2,
        width: Math.max(2, (end[0] ?? 0) - (start[0] ?? 0)),
        height,
      },
      style: { fill: COLOURS[(api.value(3) as number) % COLOURS.length] },
    };
  };
  return {
    animation: false,
    grid: { left: 200, right: 24, top: 16, bottom: 64 },
    tooltip: {
      formatter: (p: { data?: unknown[] }) => {
        const d = p.data ?? [];
        const fmt = (v: unknown) => new Date(v as number).toISOString().slice(11, 16);
        return `${String(d[4])}<br>${fmt(d[1])}–${fmt(d[2])} UTC`;
      },
    },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, bottom: 8 },
      { type: 'inside', xAxisIndex: 0 },
    ],
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: [...t.rows], inverse: true },
    series: [
      {
        type: 'custom',
        renderItem,
        encode: { x: [1, 2], y: 0 },
        data: t.bars.map((b) => [b.row, b.start, b.end, t.products.indexOf(b.product), b.product]),
      },
    ],
  };
}
