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
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import { dayClockIn, localInputIn } from '../zoned-time.js';
import type { ShipmentDetail, ShipmentDose } from './delivery-types.js';
import { localInstant, parseAmount } from './form-values.js';
import { doseName } from './shipment-status.js';

const FIELDS = ['packageCode', 'measuredBq', 'measuredAt', 'refuse'];

/**
 * Receives a delivered dose: the package's label code (scanned or typed), the activity measured
 * in the hospital's calibrator (in the unit shown) and when (default now, in the hospital's zone).
 * The server compares it with the dispensed activity decayed to that time and flags it beyond
 * ±10%. A dose is refused here, with a reason, before it is recorded: once received it is final.
 */
export function ReceiveForm(props: {
  dose: ShipmentDose;
  zone: string;
  unit: DisplayUnit;
  onDone: (detail: ShipmentDetail) => void;
  onCancel: () => void;
}) {
  const { dose, zone, unit } = props;
  const [code, setCode] = useState('');
  const [measured, setMeasured] = useState('');
  const [measuredAt, setMeasuredAt] = useState(() => localInputIn(Date.now(), zone));
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const who = doseName(dose);
  const { t } = useTranslation('hospital');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (dose.doseId === null) return;
    const local: { path: string; message: string }[] = [];
    const value = parseAmount(measured);
    const at = localInstant(measuredAt, zone);
    if (code.trim() === '') local.push({ path: 'packageCode', message: t('receive.scanOrType') });
    if (value === undefined || value <= 0) {
      local.push({ path: 'measuredBq', message: t('form.expectedPositive', { unit }) });
    }
    if (at === undefined) local.push({ path: 'measuredAt', message: t('form.expectedDateTime') });
    if (refusing && reason.trim() === '') {
      local.push({ path: 'refuse', message: t('receive.sayWhy') });
    }
    if (local.length > 0 || value === undefined || at === undefined) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/doses/{id}/receipt', {
      params: { path: { id: dose.doseId } },
      body: {
        packageCode: code.trim(),
        measuredBq: toBq(value, unit),
        measuredAt: at,
        ...(refusing ? { refuse: reason.trim() } : {}),
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('receive.failed')));
    setErrors(undefined);
    props.onDone(data.shipment);
  }

  return (
    <form
      className="dose-form"
      aria-label={t('dose.receiveFor', { who })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="small">
        {t('receive.intro', {
          what:
            dose.dispensedBq === null || dose.dispensedAt === null
              ? t('receive.dispensedActivity')
              : t('receive.dispensedAt', {
                  amount: formatActivity(dose.dispensedBq, unit),
                  time: dayClockIn(Date.parse(dose.dispensedAt), zone),
                }),
        })}
      </p>
      <div className="form-grid">
        <Field
          label={t('receive.packageCode')}
          hint={t('receive.scanLabel')}
          error={fieldError(errors, 'packageCode')}
        >
          {(a11y) => (
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('receive.measured', { unit })} error={fieldError(errors, 'measuredBq')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              value={measured}
              onChange={(e) => setMeasured(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('receive.measuredAt', { zone })} error={fieldError(errors, 'measuredAt')}>
          {(a11y) => (
            <input
              type="datetime-local"
              value={measuredAt}
              onChange={(e) => setMeasuredAt(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <div className="refuse-box">
        <label className="inline">
          <input
            type="checkbox"
            checked={refusing}
            onChange={(e) => setRefusing(e.target.checked)}
          />
          {t('receive.refuse')}
        </label>
        <p className="muted small">{t('receive.refuseNote')}</p>
        {refusing && (
          <Field
            label={t('receive.reason')}
            hint={t('receive.reasonHint')}
            error={fieldError(errors, 'refuse')}
            className="wide"
          >
            {(a11y) => (
              <textarea
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                {...a11y}
              />
            )}
          </Field>
        )}
      </div>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className={refusing ? 'primary danger' : 'primary'} disabled={busy}>
          {busy ? t('form.recording') : refusing ? t('receive.refuseDose') : t('receive.record')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
