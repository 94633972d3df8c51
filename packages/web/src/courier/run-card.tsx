import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me, type WorkingDay } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import { shipmentBadge, timeOnDay } from '../dispatch/shipment-status.js';
import type { ShipmentDetail, ShipmentSummary } from '../dispatch/shipment-types.js';
import { labelView } from '../dispatch/transport.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import { DelayForm } from './delay-form.js';
import { doseAtUseText, type DelayOutcome } from './delay-outcome.js';
import { DeliverForm } from './deliver-form.js';
import { PickUpForm } from './pick-up-form.js';
import { canReportDelay, nextStep, runStops, stateTimes } from './run-stops.js';

/**
 * One run: its status, the stops in order with their times (the site's zone for the pick-up, the
 * hospital's for the delivery) and when each state was reached, the packages to scan, and the
 * courier's next step.
 */
export function RunCard(props: {
  summary: ShipmentSummary;
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
}) {
  const [detail, setDetail] = useState<ShipmentDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [delay, setDelay] = useState<DelayOutcome | undefined>();
  const id = props.summary.id;
  const { t } = useTranslation('courier');

  useEffect(() => {
    let live = true;
    void api.GET('/api/shipments/{id}', { params: { path: { id } } }).then((r) => {
      if (!live) return;
      if (r.data) setDetail(r.data);
      setError(r.data ? undefined : errorText(r.error, t('run.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [id, t]);

  const s = detail?.shipment ?? props.summary;
  const events = detail?.events ?? [];
  const at = (iso: string, zone: string) => timeOnDay(iso, zone, props.day.today);
  const step = nextStep(s.status);
  const codes = detail?.packages.map((p) => p.code) ?? [];
  const titleId = `run-${s.id}`;

  return (
    <article className="card run-card" aria-labelledby={titleId}>
      <header className="run-head">
        <h2 id={titleId}>
          <span className="mono">{s.key}</span>{' '}
          <span className="run-route">
            {s.siteName} → {s.hospitalName}
          </span>
        </h2>
        <BadgeView badge={shipmentBadge(s.status)} className="badge-large" />
      </header>
      {s.vehicle && (
        <p className="small muted run-vehicle">{t('run.vehicle', { vehicle: s.vehicle })}</p>
      )}
      <ol className="stops" aria-label={t('run.stops')}>
        {runStops(s, events).map((stop) => (
          <li key={stop.kind} className={`stop${stop.doneAt ? ' stop-done' : ''}`}>
            <span className="stop-n" aria-hidden="true">
              {stop.doneAt ? '✓' : stop.n}
            </span>
            <div>
              <strong>{stop.title}</strong>
              <span className="block">
                {stop.dueLabel}: <strong>{at(stop.dueAt, stop.zone)}</strong>
                {stop.note && <span className="late"> · {stop.note}</span>}
              </span>
              {stop.doneAt && stop.kind === 'pick-up' && (
                <span className="block small ok">
                  {t('run.pickedUpAt', { time: at(stop.doneAt, stop.zone) })}
                  {detail?.signature
                    ? t('run.signedBy', { name: detail.signature.printedName })
                    : ''}
                </span>
              )}
              <span className="block small muted">{stop.zone}</span>
            </div>
          </li>
        ))}
      </ol>
      <dl className="state-times" aria-label={t('run.when')}>
        {stateTimes(s, events).map((st) => (
          <div key={st.label}>
            <dt>{st.label}</dt>
            <dd>{st.at ? at(st.at, st.zone) : '—'}</dd>
          </div>
        ))}
      </dl>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {detail && (
        <div className="run-packages">
          <h3>{t('run.packages', { n: detail.packages.length })}</h3>
          <ul>
            {detail.packages.map((p) => {
              const label = labelView(p.label);
              return (
                <li key={p.id}>
                  <span className="mono package-code-small">{p.code}</span>
                  <span className={`transport-label ${label.className}`} title={label.title}>
                    {label.text}
                  </span>
                  <span className="muted small">
                    TI {p.transportIndex === null ? '—' : formatNumber(p.transportIndex)} ·{' '}
                    {t('run.doses', { count: p.orderIds.length })}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {detail && step === 'pick-up' && (
        <PickUpForm detail={detail} me={props.me} codes={codes} onChange={setDetail} />
      )}
      {detail && step === 'deliver' && (
        <DeliverForm detail={detail} codes={codes} onChange={setDetail} />
      )}
      {detail && step === 'done' && (
        <p className="ok run-done" role="status">
          {t('run.deliveredTo', {
            place: s.hospitalName,
            time: at(s.expectedArrivalAt, s.hospitalZone),
          })}
        </p>
      )}
      {delay && <DelayOutcomeView outcome={delay} unit={props.unit} />}
      {detail && canReportDelay(s.status) && (
        <DelayForm
          detail={detail}
          onChange={(d, outcome) => {
            setDetail(d);
            setDelay(outcome);
          }}
        />
      )}
    </article>
  );
}

function DelayOutcomeView(props: { outcome: DelayOutcome; unit: DisplayUnit }) {
  const { outcome } = props;
  const { t } = useTranslation('courier');
  if (outcome.doses.length === 0) {
    return (
      <p className="ok small delay-outcome" role="status">
        {t('run.withinTolerance')}
      </p>
    );
  }
  return (
    <div className="delay-outcome attention-box" role="status">
      <p>
        <strong>{t('run.outOfTolerance', { count: outcome.doses.length })}</strong>
      </p>
      <ul>
        {outcome.doses.map((d) => (
          <li key={d.orderId}>{doseAtUseText(d, props.unit)}</li>
        ))}
      </ul>
      <p className="small">{outcome.alerts > 0 ? t('run.alerted') : t('run.plannersSee')}</p>
    </div>
  );
}
