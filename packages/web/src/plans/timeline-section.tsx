import type { Plan, PlanningInstance } from '@halflife/planner';
import { useMemo, useState } from 'react';
import type { DisplayUnit } from '../units.js';
import { describeBar } from './plan-bar-text.js';
import type { PlanLookup } from './plan-lookup.js';
import { planTimeline, timelineSites } from './plan-timeline.js';
import { PRODUCT_COLOURS, planTimelineOption, timelineHeight } from './plan-timeline-option.js';
import { TimelineChart } from './timeline-chart.js';

/** The timeline card: a site filter, the chart, and the colour key of products. */
export function TimelineSection(props: {
  plan: Plan;
  instance: PlanningInstance;
  lookup: PlanLookup;
  unit: DisplayUnit;
  narrow: boolean;
  onFinished: () => void;
}) {
  const { plan, instance, lookup, unit } = props;
  const [site, setSite] = useState('');
  const sites = useMemo(() => timelineSites(plan, instance.sites), [plan, instance.sites]);
  const timeline = useMemo(
    () =>
      planTimeline({
        plan,
        sites: instance.sites,
        outages: instance.outages,
        lookup,
        site: site || undefined,
      }),
    [plan, instance, lookup, site],
  );
  const option = useMemo(
    () =>
      planTimelineOption(timeline, {
        clock: lookup.clock,
        describe: (bar) => describeBar(bar, lookup, unit, instance.outages),
        labelWidth: props.narrow ? 150 : 220,
      }),
    [timeline, lookup, unit, instance.outages, props.narrow],
  );
  return (
    <section aria-labelledby="timeline-title">
      <div className="section-head">
        <h3 id="timeline-title">
          Timeline <span className="muted">({lookup.zone})</span>
        </h3>
        <label className="inline">
          Site
          <select value={site} onChange={(e) => setSite(e.target.value)}>
            <option value="">All {sites.length} sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TimelineChart
        option={option}
        height={timelineHeight(timeline)}
        label={`Timeline of ${plan.batches.length} batches per site and line and ${plan.shipments.length} shipments`}
        onFinished={props.onFinished}
      />
      <ul className="key" aria-label="Colours">
        {timeline.products.map((p, i) => (
          <li key={p}>
            <span
              className="swatch"
              style={{ background: PRODUCT_COLOURS[i % PRODUCT_COLOURS.length] }}
            />
            {p}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: '#475569' }} />
          shipment by road
        </li>
        <li>
          <span className="swatch" style={{ background: '#0e7490' }} />
          by air
        </li>
        {(instance.outages?.length ?? 0) > 0 && (
          <li>
            <span className="swatch down" />
            line down
          </li>
        )}
      </ul>
      <p className="muted small hint">
        Batches run from start to release; shipments from departure to arrival. Drag the slider or
        Ctrl + wheel to zoom in time
        {timeline.rows.length > 16 ? '; the wheel scrolls the rows' : ''}.
      </p>
    </section>
  );
}
