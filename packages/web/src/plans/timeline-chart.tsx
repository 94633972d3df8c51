import { CustomChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EChartOption } from '../charts/echart.js';

echarts.use([
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/**
 * The timeline's chart host. Like charts/echart.tsx, but it reports when ECharts has finished
 * drawing an option (progressive rendering included), which the plan view's render time needs.
 */
export function TimelineChart(props: {
  option: EChartOption;
  height: number;
  label: string;
  onFinished?: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const finished = useRef(props.onFinished);
  finished.current = props.onFinished;

  useEffect(() => {
    if (!host.current) return undefined;
    const instance = echarts.init(host.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return undefined;
    const done = (): void => {
      instance.off('finished', done);
      finished.current?.();
    };
    // Listen first: a small option is drawn (and finished) inside setOption itself.
    instance.on('finished', done);
    instance.setOption(props.option, { notMerge: true });
    return () => {
      instance.off('finished', done);
    };
  }, [props.option]);

  useEffect(() => {
    chart.current?.resize();
  }, [props.height]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={props.label}
      className="timeline-chart"
      style={{ height: props.height, width: '100%' }}
    />
  );
}
