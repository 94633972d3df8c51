import { BarChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../charts/echart.js';
import { ChartKey } from '../patients/chart-key.js';
import { swimmerCaption, swimmerLabel, WORDS } from './outcomes-text.js';
import type { Dashboard } from './outcomes-types.js';
import {
  armColours,
  SWIMMER_HEIGHT,
  SWIMMER_ROWS,
  swimmerChartOption,
  swimmerKey,
  swimmerRows,
} from './swimmer-chart-option.js';

// Bars; the shared wrapper does not register them.
use([BarChart]);

const W = WORDS.swimmer;

/** The swimmer plot for the study's team; for figures-only callers, why it is not shown. */
export function SwimmerCard(props: { dashboard: Dashboard; colours: ReadonlyMap<string, string> }) {
  const d = props.dashboard;
  const rows = useMemo(() => (d.swimmers === null ? [] : swimmerRows(d.swimmers)), [d]);
  const colours = useMemo(
    () => armColours(rows, d.grouping, props.colours),
    [rows, d.grouping, props.colours],
  );
  const option = useMemo(() => swimmerChartOption(rows, colours), [rows, colours]);
  return (
    <section className="card" aria-labelledby="swimmer-title">
      <h2 id="swimmer-title">{W.title}</h2>
      {d.swimmers === null ? (
        <p className="muted swimmer-hidden" role="note">
          {W.hidden}
        </p>
      ) : (
        <>
          <EChart option={option} height={SWIMMER_HEIGHT} label={swimmerLabel(rows.length)} />
          <ChartKey items={swimmerKey()} label={W.key} />
          <p className="muted small chart-caption">
            {swimmerCaption(Math.min(SWIMMER_ROWS, rows.length), rows.length)}
          </p>
        </>
      )}
    </section>
  );
}
