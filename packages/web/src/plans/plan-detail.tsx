import type { Plan } from '@halflife/planner';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlanRecord } from '../api/client.js';
import { serverText } from '../i18n/server-texts.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import { planFigures } from './plan-figures.js';
import { horizonText } from './plan-horizon.js';
import { planLookup } from './plan-lookup.js';
import { PlanProgress } from './plan-progress.js';
import { planChanges, type ReplanBody } from './replan.js';
import { ReplanForm } from './replan-form.js';
import { TimelineSection } from './timeline-section.js';
import { UnservedList } from './unserved-list.js';
import { unservedItems } from './unserved-groups.js';

/** Marks of the plan view's render time (read by bench/web.bench.ts). */
export const RENDER_MARKS = { open: 'plan-open', data: 'plan-data', rendered: 'plan-rendered' };

function useNarrow(): boolean {
  const query = '(max-width: 900px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

/** One plan: progress while it runs; then figures, timeline, unserved orders and re-planning. */
export function PlanDetail(props: {
  record: PlanRecord;
  /** The plan this one re-plans, to tell what moved. */
  base: Plan | undefined;
  unit: DisplayUnit;
  busy: boolean;
  onCommit: () => void;
  onReplan: (body: ReplanBody) => void;
}) {
  const { record } = props;
  const plan = record.plan;
  const instance = record.instance;
  const onTheRoad = (instance?.departedShipments ?? []).reduce((n, s) => n + s.doses.length, 0);
  const narrow = useNarrow();
  const { t, i18n } = useTranslation('plans');
  const [drawn, setDrawn] = useState(false);
  const lookup = useMemo(
    () => (plan && instance ? planLookup(instance, plan) : undefined),
    [plan, instance],
  );
  const items = useMemo(
    () => (plan && lookup ? unservedItems(plan.unserved, lookup) : []),
    // The language too: the groups' titles are in it.
    [plan, lookup, i18n.language],
  );
  const changes = useMemo(
    () => (plan && props.base ? planChanges(props.base, plan) : undefined),
    [plan, props.base],
  );
  const onFinished = useCallback(() => {
    if (drawn) return;
    performance.mark(RENDER_MARKS.rendered, { detail: record.id });
    setDrawn(true);
  }, [drawn, record.id]);

  return (
    <article
      className="card plan-detail"
      aria-labelledby="plan-title"
      data-plan-rendered={drawn ? record.id : undefined}
    >
      <div className="card-head">
        <h2 id="plan-title">
          {t('detail.title', { horizon: horizonText(record.date, record.days) })}{' '}
          <span className={`status status-${record.status}`}>{t(`status.${record.status}`)}</span>
          {record.basedOn && <span className="muted small">{t('detail.aReplan')}</span>}
        </h2>
        {plan && (
          <span className="muted small plan-method">
            {t('detail.methodLine', {
              method: t(`method.${plan.method}`),
              seconds: formatNumber(plan.summary.seconds),
            })}
          </span>
        )}
        {record.status === 'ready' && (
          <button type="button" className="primary" disabled={props.busy} onClick={props.onCommit}>
            {t('detail.commit')}
          </button>
        )}
      </div>
      {record.status === 'running' && <PlanProgress record={record} />}
      {record.status === 'failed' && (
        <p className="error" role="alert">
          {t('detail.failed', {
            reason: record.error === null ? t('detail.noReason') : serverText(record.error),
          })}
        </p>
      )}
      {changes && (
        <p className="changes" role="status">
          <Trans
            ns="plans"
            i18nKey="changes.base"
            values={{ moved: changes.moved, kept: changes.kept }}
            components={{ b: <strong /> }}
          />
          {changes.gained > 0 && (
            <Trans
              ns="plans"
              i18nKey="changes.gained"
              values={{ n: changes.gained }}
              components={{ b: <strong /> }}
            />
          )}
          {changes.lost > 0 && (
            <Trans
              ns="plans"
              i18nKey="changes.lost"
              values={{ n: changes.lost }}
              components={{ b: <strong /> }}
            />
          )}
          {t('changes.end')}
          {onTheRoad > 0 && (
            <>
              {' '}
              <Trans
                ns="plans"
                i18nKey="changes.onTheRoad"
                values={{ n: onTheRoad }}
                components={{ b: <strong /> }}
              />
            </>
          )}
        </p>
      )}
      {plan && instance && lookup && (
        <>
          <dl className="plan-figures">
            {planFigures(plan.summary, plan.shipments.length, props.unit).map((f) => (
              <div key={f.label} title={f.title}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
                <dd className="detail">{f.detail}</dd>
              </div>
            ))}
          </dl>
          <TimelineSection
            plan={plan}
            instance={instance}
            lookup={lookup}
            unit={props.unit}
            narrow={narrow}
            onFinished={onFinished}
          />
          <section aria-labelledby="unserved-title">
            <h3 id="unserved-title">{t('detail.unserved', { n: plan.unserved.length })}</h3>
            {items.length === 0 ? (
              <p className="muted">{t('detail.allServed')}</p>
            ) : (
              <UnservedList items={items} />
            )}
          </section>
          {(record.status === 'ready' || record.status === 'committed') && (
            <ReplanForm
              instance={instance}
              plan={plan}
              busy={props.busy}
              onReplan={props.onReplan}
            />
          )}
        </>
      )}
    </article>
  );
}
