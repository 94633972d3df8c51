import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import type { ShipmentDetail } from '../dispatch/shipment-types.js';
import { delayOutcome, type DelayOutcome } from './delay-outcome.js';
import { offsetInstantIn, proposedArrival } from './delay-time.js';

const FIELDS = ['expectedArrivalAt', 'reason'];

/**
 * Reports a delay: the new expected arrival (a local time in the hospital's zone, sent with its
 * offset) and the reason. The server recomputes each dose's activity at use and answers with
 * those now out of tolerance (and alerts the hospital and the planners).
 */
export function DelayForm(props: {
  detail: ShipmentDetail;
  onChange: (d: ShipmentDetail, outcome: DelayOutcome) => void;
}) {
  const s = props.detail.shipment;
  const zone = s.hospitalZone;
  const [open, setOpen] = useState(false);
  const [arrival, setArrival] = useState(() => proposedArrival(s.expectedArrivalAt, zone));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('courier');

  if (!open) {
    return (
      <button
        type="button"
        className="secondary big"
        onClick={() => {
          setArrival(proposedArrival(s.expectedArrivalAt, zone));
          setOpen(true);
        }}
      >
        {t('delay.open')}
      </button>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const at = offsetInstantIn(arrival, zone);
    const local: { path: string; message: string }[] = [];
    if (at === undefined)
      local.push({ path: 'expectedArrivalAt', message: t('delay.expectedDateTime') });
    if (reason.trim() === '') local.push({ path: 'reason', message: t('delay.sayWhy') });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/shipments/{id}/delay', {
      params: { path: { id: s.id } },
      body: { expectedArrivalAt: at ?? '', reason: reason.trim() },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('delay.failed')));
    setErrors(undefined);
    setReason('');
    setOpen(false);
    props.onChange(data.shipment, delayOutcome(data));
  }

  return (
    <form
      className="run-form"
      aria-label={t('delay.form')}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{t('delay.title')}</h3>
      <Field
        label={t('delay.newArrival', { zone })}
        hint={t('delay.placeTime')}
        error={fieldError(errors, 'expectedArrivalAt')}
      >
        {(a11y) => (
          <input
            type="datetime-local"
            value={arrival}
            onChange={(e) => {
              setArrival(e.target.value);
              setErrors(undefined);
            }}
            {...a11y}
          />
        )}
      </Field>
      <Field label={t('delay.reason')} error={fieldError(errors, 'reason')}>
        {(a11y) => (
          <input
            type="text"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setErrors(undefined);
            }}
            {...a11y}
          />
        )}
      </Field>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="run-actions">
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('delay.reporting') : t('delay.report')}
        </button>
        <button type="button" className="secondary big" onClick={() => setOpen(false)}>
          {t('delay.cancel')}
        </button>
      </div>
    </form>
  );
}
