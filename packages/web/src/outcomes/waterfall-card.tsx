import { BarChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/echart.js';
import { cappedNote, waterfallLabel } from './outcomes-text.js';
import type { Dashboard } from './outcomes-types.js';
import { WATERFALL_CAP, waterfallBars, waterfallChartOption } from './waterfall-chart-option.js';

// Bars and the threshold lines; the shared wrapper registers neither.
use([BarChart, MarkLineComponent]);

/** The PSA waterfall: each patient's best PSA change, sorted, coloured by group. */
export function WaterfallCard(props: {
  dashboard: Dashboard;
  colours: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('outcomes');
  const d = props.dashboard;
  const groups = useMemo(() => d.groups.map((g) => g.group), [d]);
  const { bars, capped } = useMemo(() => waterfallBars(d.waterfall), [d]);
  const option = useMemo(
    () => waterfallChartOption(bars, groups, props.colours),
    // The option holds words (axis names, tooltips): made again when the language changes.
    [bars, groups, props.colours, i18n.language],
  );
  const falls50 = bars.filter((b) => b.value <= -50).length;
  return (
    <section className="card" aria-labelledby="waterfall-title">
      <h2 id="waterfall-title">{t('waterfall.title')}</h2>
      {bars.length === 0 ? (
        <p className="muted">{t('waterfall.none')}</p>
      ) : (
        <>
          <EChart option={option} height={340} label={waterfallLabel(bars.length, falls50)} />
          <p className="muted small chart-caption">
            {t('waterfall.caption')} {cappedNote(capped, WATERFALL_CAP)}
          </p>
        </>
      )}
    </section>
  );
}
