import { CustomChart, LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  CustomChart,
  ScatterChart,
  LinesChart,
  GridComponent,
  GeoComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

/** What a click on a chart item reports: its series and the data item as the option gave it. */
export interface EChartClick {
  readonly seriesId?: string | undefined;
  readonly dataIndex: number;
  readonly data: unknown;
}

/**
 * A thin React wrapper: ECharts draws; the option comes from a pure, tested function. By default a
 * new option replaces the old; `replaceMerge` (e.g. ['series']) replaces only those parts, so a
 * map keeps the zoom and pan its user chose.
 *
 * Charts draw as SVG, so their words (axes, legends, labels) are text in the page: read aloud,
 * found by the browser's search and held to the translation check like any other text. A map,
 * with thousands of shapes to pan and zoom, draws on a canvas (`renderer: 'canvas'`).
 */
export function EChart(props: {
  option: EChartOption;
  height: number;
  label: string;
  onClick?: ((click: EChartClick) => void) | undefined;
  replaceMerge?: string[] | undefined;
  renderer?: 'svg' | 'canvas' | undefined;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  const renderer = props.renderer ?? 'svg';
  useEffect(() => {
    if (!host.current) return undefined;
    const instance = echarts.init(host.current, undefined, { renderer });
    chart.current = instance;
    // The host is the image, named by its label; the SVG inside is only its drawing.
    host.current.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    instance.on('click', (p) => {
      const params = p as { seriesId?: string; dataIndex?: number; data?: unknown };
      onClick.current?.({
        seriesId: params.seriesId,
        dataIndex: params.dataIndex ?? -1,
        data: params.data,
      });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [renderer]);

  useEffect(() => {
    chart.current?.setOption(
      props.option,
      props.replaceMerge ? { replaceMerge: props.replaceMerge } : { notMerge: true },
    );
  }, [props.option, props.replaceMerge]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={props.label}
      style={{ height: props.height, width: '100%' }}
    />
  );
}
