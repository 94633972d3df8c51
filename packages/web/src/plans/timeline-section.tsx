import type { Plan, PlanningInstance } from '@halflife/planner';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t, i18n } = useTranslation('plans');
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
    // The language too: the shipment rows are named in it.
    [plan, instance, lookup, site, i18n.language],
  );
  const option = useMemo(
    () =>
      planTimelineOption(timeline, {
        clock: lookup.clock,
        describe: (bar) => describeBar(bar, lookup, unit, instance.outages),
        labelWidth: props.narrow ? 150 : 220,
      }),
    [timeline, lookup, unit, instance.outages, props.narrow, i18n.language],
  );
  return (
    <section aria-labelledby="timeline-title">
      <div className="section-head">
        <h3 id="timeline-title">
          {t('timeline.title')} <span className="muted">({lookup.zone})</span>
        </h3>
        <label className="inline">
          {t('timeline.site')}
          <select value={site} onChange={(e) => setSite(e.target.value)}>
            <option value="">{t('timeline.allSites', { n: sites.length })}</option>
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
        label={t('timeline.chartLabel', {
          batches: plan.batches.length,
          shipments: plan.shipments.length,
        })}
        onFinished={props.onFinished}
      />
      <ul className="key" aria-label={t('timeline.colours')}>
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
          {t('timeline.byRoad')}
        </li>
        <li>
          <span className="swatch" style={{ background: '#0e7490' }} />
          {t('timeline.byAir')}
        </li>
        {(instance.outages?.length ?? 0) > 0 && (
          <li>
            <span className="swatch down" />
            {t('timeline.lineDown')}
          </li>
        )}
      </ul>
      <p className="muted small hint">
        {t('timeline.hint', { rows: timeline.rows.length > 16 ? t('timeline.hintRows') : '' })}
      </p>
    </section>
  );
}
