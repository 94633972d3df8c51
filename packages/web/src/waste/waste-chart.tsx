import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../charts/echart.js';
import type { DisplayUnit } from '../units.js';
import { wasteChartOption, wasteCurves } from './waste-chart-option.js';
import type { WasteContainer } from './waste-types.js';

// Release dates are mark lines; the shared wrapper does not register them.
use([MarkLineComponent]);

/** The containers' total activity over time (log scale), each release date marked. */
export function WasteChart(props: {
  containers: readonly WasteContainer[];
  unit: DisplayUnit;
  now: number;
}) {
  const { containers, unit, now } = props;
  const curves = useMemo(() => wasteCurves(containers, unit), [containers, unit]);
  const option = useMemo(() => wasteChartOption(curves, unit, now), [curves, unit, now]);
  return (
    <section className="card waste-chart" aria-labelledby="waste-chart-title">
      <h2 id="waste-chart-title">Activity over time</h2>
      {curves.length === 0 ? (
        <p className="muted">No container holds activity yet.</p>
      ) : (
        <>
          <EChart
            option={option}
            height={340}
            label={`Total activity of ${curves.length} container${curves.length === 1 ? '' : 's'} over time, log scale, in ${unit}, with their release dates`}
          />
          <p className="muted small chart-caption">
            Total activity of each container from its opening to its earliest release (dashed line
            in its colour; dotted curve once released), on a log scale; click a code in the legend
            to hide or show it, scroll or drag the bar to zoom along time.
          </p>
        </>
      )}
    </section>
  );
}
