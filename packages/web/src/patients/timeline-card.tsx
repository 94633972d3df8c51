import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingDay } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import type { DisplayUnit } from '../units.js';
import { ChartKey } from './chart-key.js';
import type { PatientDetail } from './patient-types.js';
import { TIMELINE_HEIGHT, timelineChartOption, timelineKey } from './timeline-chart-option.js';
import { patientTimeline } from './timeline-data.js';
import { timelineLabel } from './patients-text.js';

// Today, progression and death are mark lines; the shared wrapper does not register them.
use([MarkLineComponent]);

/** The pathway on calendar time: events in lanes above, PSA and target lesions below. */
export function TimelineCard(props: {
  patient: PatientDetail;
  unit: DisplayUnit;
  day: WorkingDay;
}) {
  const { patient, unit, day } = props;
  const { t, i18n } = useTranslation('patients');
  // The tooltips, lanes and key speak the screens' language: built again when it changes.
  const language = i18n.language;
  const timeline = useMemo(
    () => patientTimeline(patient, day.today, unit, day.zone),
    [patient, day.today, day.zone, unit, language],
  );
  const option = useMemo(() => timelineChartOption(timeline), [timeline]);
  const key = useMemo(() => timelineKey(timeline), [timeline]);
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <EChart
        option={option}
        height={TIMELINE_HEIGHT}
        label={timelineLabel(patient.reference, {
          pets: timeline.pets.length,
          cycles: timeline.cycles.length,
          psa: timeline.psa.length,
          sld: timeline.sld.length,
          adverse: timeline.adverse.length,
        })}
      />
      <ChartKey items={key} label={t('timeline.key')} />
      <p className="muted small chart-caption">{t('timeline.caption')}</p>
    </section>
  );
}
