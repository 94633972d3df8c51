import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import { FormMessage } from '../batches/field.js';
import type { DisplayUnit } from '../units.js';
import { dayText } from './clinical-text.js';
import type { PatientDetail, Therapy } from './patient-types.js';
import {
  calibrationText,
  cycleState,
  cycleStateBadge,
  cycleTitle,
  doseOfText,
  noNextCycleText,
  orderDueText,
  orderStatusText,
  windowRange,
} from './patients-text.js';

/**
 * The therapy's next cycle: its day and window, the day the product orders its dose, and the order
 * (status, calibration time) once placed; a physician may order the cycles due now rather than
 * wait for the server's own pass. Without a next cycle, why the therapy ended.
 */
export function NextCyclePanel(props: {
  patient: PatientDetail;
  therapy: Therapy;
  unit: DisplayUnit;
  zone: string;
  canRecord: boolean;
  onChange: (p: PatientDetail) => void;
}) {
  const { therapy, unit, zone } = props;
  const { t } = useTranslation('patients');
  const next = therapy.nextCycle;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; done?: string }>({});

  async function orderDue() {
    setBusy(true);
    const { data, error } = await api.POST('/api/patients/{id}/therapy/order-due', {
      params: { path: { id: props.patient.id } },
    });
    setBusy(false);
    if (!data) return setMessage({ error: errorText(error, t('next.orderFailed')) });
    props.onChange(data.patient);
    setMessage(orderDueText(data, data.patient.therapy?.nextCycle ?? null));
  }

  return (
    <section className="card next-cycle" aria-labelledby="next-cycle-title">
      <h2 id="next-cycle-title">{t('next.title')}</h2>
      {next === null ? (
        <p className="muted">{noNextCycleText(therapy)}</p>
      ) : (
        <dl className="tiles">
          <div>
            <dt>{cycleTitle(next, therapy.regimen)}</dt>
            <dd>
              {dayText(next.dueOn)} <BadgeView badge={cycleStateBadge(cycleState(next))} />
              <span className="muted small block">{windowRange(next)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('next.ordersOn')}</dt>
            <dd>
              {dayText(next.orderOn)}
              <span className="muted small block">
                {doseOfText(next.activityBq, therapy.regimen, unit)}
              </span>
            </dd>
          </div>
          <div className="tile-wide">
            <dt>{t('next.order')}</dt>
            <dd>
              {next.order === null ? (
                <span className="muted">{t('next.notOrdered')}</span>
              ) : (
                <>
                  <span className={`status status-${next.order.status}`}>
                    {orderStatusText(next.order.status)}
                  </span>
                  <span className="muted small block">
                    {calibrationText(next.order.calibrationAt, zone)} ({zone})
                  </span>
                </>
              )}
            </dd>
          </div>
        </dl>
      )}
      {props.canRecord && therapy.status === 'active' && (
        <div className="next-cycle-actions">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void orderDue()}
          >
            {busy ? t('next.ordering') : t('next.orderDue')}
          </button>
          <span className="muted small">{t('next.orderDueHint')}</span>
        </div>
      )}
      <FormMessage error={message.error} done={message.done} />
    </section>
  );
}
