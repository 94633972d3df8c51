import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import type { WorkingDay } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import type { DisplayUnit } from '../units.js';
import { ChartKey } from './chart-key.js';
import type { PatientDetail } from './patient-types.js';
import { TIMELINE_HEIGHT, timelineChartOption, timelineKey } from './timeline-chart-option.js';
import { patientTimeline } from './timeline-data.js';
import { timelineLabel, WORDS } from './patients-text.js';

// Today, progression and death are mark lines; the shared wrapper does not register them.
use([MarkLineComponent]);

/** The pathway on calendar time: events in lanes above, PSA and target lesions below. */
export function TimelineCard(props: {
  patient: PatientDetail;
  unit: DisplayUnit;
  day: WorkingDay;
}) {
  const { patient, unit, day } = props;
  const timeline = useMemo(
    () => patientTimeline(patient, day.today, unit, day.zone),
    [patient, day.today, day.zone, unit],
  );
  const option = useMemo(() => timelineChartOption(timeline), [timeline]);
  const key = useMemo(() => timelineKey(timeline), [timeline]);
  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{WORDS.timeline.title}</h2>
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
      <ChartKey items={key} label={WORDS.timeline.key} />
      <p className="muted small chart-caption">{WORDS.timeline.caption}</p>
    </section>
  );
}
