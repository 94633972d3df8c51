import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t, i18n } = useTranslation('waste');
  const curves = useMemo(() => wasteCurves(containers, unit), [containers, unit]);
  // The option holds words (the release and "now" labels): made again when the language changes.
  const option = useMemo(
    () => wasteChartOption(curves, unit, now),
    [curves, unit, now, i18n.language],
  );
  return (
    <section className="card waste-chart" aria-labelledby="waste-chart-title">
      <h2 id="waste-chart-title">{t('chart.title')}</h2>
      {curves.length === 0 ? (
        <p className="muted">{t('chart.none')}</p>
      ) : (
        <>
          <EChart
            option={option}
            height={340}
            label={t('chart.label', { count: curves.length, unit })}
          />
          <p className="muted small chart-caption">{t('chart.caption')}</p>
        </>
      )}
    </section>
  );
}
