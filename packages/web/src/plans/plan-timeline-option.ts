import type { CustomSeriesRenderItem } from 'echarts';
import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import type { PlanTimeline, TimelineBar } from './plan-timeline.js';

export const PRODUCT_COLOURS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#c2410c',
];
const SHIPMENT_COLOURS = ['#475569', '#0e7490'];
/** Rows shown at once; more scroll (a vertical slider, or the mouse wheel over the chart). */
export const VISIBLE_ROWS = 16;
const ROW_PX = 28;

export interface TimelineOptionSettings {
  /** "HH:MM" of an instant in the network's zone, for the axis. */
  readonly clock: (ms: number) => string;
  /** The tooltip of a bar (HTML). */
  readonly describe: (bar: TimelineBar) => string;
  /** Room for the row names, px. */
  readonly labelWidth?: number;
}

/** The chart's height for a timeline: the visible rows plus axis and slider. */
export function timelineHeight(t: Pick<PlanTimeline, 'rows'>): number {
  return Math.min(Math.max(t.rows.length, 3), VISIBLE_ROWS) * ROW_PX + 94;
}

type Datum = [
  row: number,
  start: number,
  end: number,
  colour: number,
  index: number,
  track: number,
  mid: number,
];

/**
 * The timeline as an ECharts option: one custom series each for batches, shipments and outages
 * (each item a rectangle; progressive rendering past a few thousand), a time axis read in the
 * network's zone, zoom on time and scrolling over rows, both filtering what is drawn.
 */
export function planTimelineOption(t: PlanTimeline, s: TimelineOptionSettings): EChartOption {
  const data: Record<TimelineBar['kind'], Datum[]> = { batch: [], shipment: [], outage: [] };
  for (const [i, b] of t.bars.entries())
    data[b.kind].push([b.row, b.start, b.end, b.colour, i, b.track, b.mid]);
  const band = (api: Parameters<CustomSeriesRenderItem>[1]) => {
    const row = api.value(0) as number;
    const start = api.coord([api.value(1), row]);
    const end = api.coord([api.value(2), row]);
    const size = api.size?.([0, 1]) as number[];
    const height = (size[1] ?? ROW_PX) * 0.7;
    const x = start[0] ?? 0;
    return { x, y: (start[1] ?? 0) - height / 2, width: Math.max(2, (end[0] ?? 0) - x), height };
  };
  // A batch: synthesis solid, QC (EOS → release) paler, so that a line's next synthesis may
  // start while the last batch is still in QC without the two looking like one.
  const batchItem: CustomSeriesRenderItem = (_p, api) => {
    const r = band(api);
    const eos = api.coord([api.value(6), api.value(0)])[0] ?? r.x;
    const fill = PRODUCT_COLOURS[(api.value(3) as number) % PRODUCT_COLOURS.length];
    const synthesis = Math.max(2, eos - r.x);
    return {
      type: 'group',
      children: [
        { type: 'rect', shape: { ...r, width: synthesis }, style: { fill } },
        {
          type: 'rect',
          shape: { ...r, x: r.x + synthesis, width: Math.max(0, r.x + r.width - r.x - synthesis) },
          style: { fill, opacity: 0.35 },
        },
      ],
    };
  };
  const shipmentItem: CustomSeriesRenderItem = (_p, api) => {
    const r = band(api);
    const h = r.height / t.tracks;
    return {
      type: 'rect',
      shape: { ...r, y: r.y + (api.value(5) as number) * h + 0.5, height: Math.max(1, h - 1) },
      style: {
        fill: SHIPMENT_COLOURS[api.value(3) as number] ?? SHIPMENT_COLOURS[0],
        opacity: 0.75,
      },
    };
  };
  const outageItem: CustomSeriesRenderItem = (_p, api) => ({
    type: 'rect',
    shape: band(api),
    style: { fill: 'rgba(220, 38, 38, 0.14)', stroke: '#dc2626', lineWidth: 1, lineDash: [4, 3] },
    z2: -1,
  });
  const scrolls = t.rows.length > VISIBLE_ROWS;
  const common = {
    type: 'custom' as const,
    encode: { x: [1, 2], y: 0 },
    clip: true,
    progressive: 2000,
    progressiveThreshold: 4000,
  };
  const labelWidth = s.labelWidth ?? 220;
  return {
    animation: false,
    grid: { left: labelWidth + 16, right: scrolls ? 40 : 16, top: 12, bottom: 64 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: Datum }) => {
        const bar = p.data ? t.bars[p.data[4]] : undefined;
        return bar ? s.describe(bar) : '';
      },
    },
    dataZoom: [
      {
        type: 'slider',
        xAxisIndex: 0,
        bottom: 8,
        height: 22,
        filterMode: 'weakFilter',
        labelFormatter: (v: number) => s.clock(v),
      },
      {
        type: 'inside',
        xAxisIndex: 0,
        filterMode: 'weakFilter',
        zoomOnMouseWheel: 'ctrl',
        moveOnMouseWheel: false,
      },
      ...(scrolls
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 8,
              width: 14,
              startValue: 0,
              endValue: VISIBLE_ROWS - 1,
              zoomLock: true,
              showDetail: false,
              brushSelect: false,
              filterMode: 'weakFilter',
            },
            {
              type: 'inside',
              yAxisIndex: 0,
              zoomLock: true,
              zoomOnMouseWheel: false,
              moveOnMouseWheel: true,
              filterMode: 'weakFilter',
            },
          ]
        : []),
    ],
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (v: number) => s.clock(v), hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#eef2f7' } },
    },
    yAxis: {
      type: 'category',
      data: t.rows.map((r) => r.label),
      inverse: true,
      axisTick: { show: false },
      axisLabel: {
        width: labelWidth,
        overflow: 'truncate',
        fontSize: 11,
        color: '#334155',
      },
      splitLine: { show: true, lineStyle: { color: '#f1f5f9' } },
    },
    series: [
      {
        ...common,
        name: i18n.t('plans:timeline.seriesBatches'),
        renderItem: batchItem,
        data: data.batch,
        itemStyle: { color: PRODUCT_COLOURS[0] },
      },
      {
        ...common,
        name: i18n.t('plans:timeline.seriesShipments'),
        renderItem: shipmentItem,
        data: data.shipment,
        itemStyle: { color: SHIPMENT_COLOURS[0] },
      },
      {
        ...common,
        name: i18n.t('plans:timeline.seriesLineDown'),
        renderItem: outageItem,
        data: data.outage,
        itemStyle: { color: '#dc2626' },
      },
    ],
  };
}
