import { BarChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/echart.js';
import { ChartKey } from '../patients/chart-key.js';
import { swimmerCaption, swimmerLabel } from './outcomes-text.js';
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

/** The swimmer plot for the study's team; for figures-only callers, why it is not shown. */
export function SwimmerCard(props: { dashboard: Dashboard; colours: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation('outcomes');
  const d = props.dashboard;
  const rows = useMemo(() => (d.swimmers === null ? [] : swimmerRows(d.swimmers)), [d]);
  const colours = useMemo(
    () => armColours(rows, d.grouping, props.colours),
    [rows, d.grouping, props.colours],
  );
  // The option holds words (series names, tooltips): made again when the language changes.
  const option = useMemo(() => swimmerChartOption(rows, colours), [rows, colours, i18n.language]);
  return (
    <section className="card" aria-labelledby="swimmer-title">
      <h2 id="swimmer-title">{t('swimmer.title')}</h2>
      {d.swimmers === null ? (
        <p className="muted swimmer-hidden" role="note">
          {t('swimmer.hidden')}
        </p>
      ) : (
        <>
          <EChart option={option} height={SWIMMER_HEIGHT} label={swimmerLabel(rows.length)} />
          <ChartKey items={swimmerKey()} label={t('swimmer.key')} />
          <p className="muted small chart-caption">
            {swimmerCaption(Math.min(SWIMMER_ROWS, rows.length), rows.length)}
          </p>
        </>
      )}
    </section>
  );
}
