import { BarChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../charts/echart.js';
import { cappedNote, waterfallLabel, WORDS } from './outcomes-text.js';
import type { Dashboard } from './outcomes-types.js';
import { WATERFALL_CAP, waterfallBars, waterfallChartOption } from './waterfall-chart-option.js';

// Bars and the threshold lines; the shared wrapper registers neither.
use([BarChart, MarkLineComponent]);

const W = WORDS.waterfall;

/** The PSA waterfall: each patient's best PSA change, sorted, coloured by group. */
export function WaterfallCard(props: {
  dashboard: Dashboard;
  colours: ReadonlyMap<string, string>;
}) {
  const d = props.dashboard;
  const groups = useMemo(() => d.groups.map((g) => g.group), [d]);
  const { bars, capped } = useMemo(() => waterfallBars(d.waterfall), [d]);
  const option = useMemo(
    () => waterfallChartOption(bars, groups, props.colours),
    [bars, groups, props.colours],
  );
  const falls50 = bars.filter((b) => b.value <= -50).length;
  return (
    <section className="card" aria-labelledby="waterfall-title">
      <h2 id="waterfall-title">{W.title}</h2>
      {bars.length === 0 ? (
        <p className="muted">{W.none}</p>
      ) : (
        <>
          <EChart option={option} height={340} label={waterfallLabel(bars.length, falls50)} />
          <p className="muted small chart-caption">
            {W.caption} {cappedNote(capped, WATERFALL_CAP)}
          </p>
        </>
      )}
    </section>
  );
}
