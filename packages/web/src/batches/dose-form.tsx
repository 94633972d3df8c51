import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import { instantOfLocalDateTime, offsetDateTimeOf } from '@halflife/domain';
import { localInputIn } from '../zoned-time.js';
import type { BatchDetail, Dose } from './batch-types.js';
import { Field, FormMessage } from './field.js';
import { fieldError, formError, serverErrors, type ServerErrors } from './server-errors.js';

type Container = 'syringe' | 'vial';

/**
 * A datetime-local value read in the site's zone, as an instant with its offset
 * ('2026-12-07T07:05:00+08:00'): the dispensing route reads ISO 8601 with an offset, not a zone
 * in brackets. Undefined when it is not a date and time.
 */
function offsetInstant(localInput: string, zone: string): string | undefined {
  try {
    return offsetDateTimeOf(instantOfLocalDateTime(localInput.slice(0, 16), zone), zone);
  } catch {
    return undefined;
  }
}

/**
 * Dispenses one dose: the activity measured in the dose calibrator (in the unit shown), when
 * (default now, in the site's zone), the volume and the container. The server decays it to the
 * order's calibration time and refuses it outside the tolerance, naming the figures.
 */
export function DoseForm(props: {
  detail: BatchDetail;
  dose: Dose;
  unit: DisplayUnit;
  onDispensed: (d: BatchDetail) => void;
  onCancel: () => void;
}) {
  const { detail, dose, unit } = props;
  const zone = detail.batch.siteZone;
  const [measured, setMeasured] = useState('');
  const [measuredAt, setMeasuredAt] = useState(() => localInputIn(Date.now(), zone));
  const [volume, setVolume] = useState('');
  const [container, setContainer] = useState<Container>('syringe');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('batches');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: { path: string; message: string }[] = [];
    const value = Number(measured.trim().replace(',', '.'));
    const ml = Number(volume.trim().replace(',', '.'));
    if (measured.trim() === '' || !Number.isFinite(value))
      local.push({ path: 'measuredBq', message: t('doseForm.expectedNumberOf', { unit }) });
    const at = offsetInstant(measuredAt, zone);
    if (at === undefined)
      local.push({ path: 'measuredAt', message: t('doseForm.expectedDateTime') });
    if (volume.trim() === '' || !Number.isFinite(ml))
      local.push({ path: 'volumeMl', message: t('doseForm.expectedNumberOf', { unit: 'mL' }) });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/batches/{id}/doses', {
      params: { path: { id: detail.batch.id } },
      body: {
        orderId: dose.orderId,
        measuredBq: toBq(value, unit),
        measuredAt: at ?? '',
        volumeMl: ml,
        container,
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('doseForm.failed')));
    setErrors(undefined);
    props.onDispensed(data);
  }

  const who = dose.patientRef ?? dose.hospitalName;
  return (
    <form
      className="dose-form"
      aria-label={t('dispensing.dispenseFor', { who })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="small">
        {t('doseForm.ordered', {
          hospitalName: dose.hospitalName,
          amount: formatActivity(dose.orderedBq, unit),
          tolerance: dose.tolerancePct,
        })}
      </p>
      <div className="form-grid">
        <Field
          label={t('doseForm.measuredActivity', { unit })}
          error={fieldError(errors, 'measuredBq')}
        >
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
        <Field label={t('doseForm.measuredAt', { zone })} error={fieldError(errors, 'measuredAt')}>
          {(a11y) => (
            <input
              type="datetime-local"
              value={measuredAt}
              onChange={(e) => setMeasuredAt(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('doseForm.volume')} error={fieldError(errors, 'volumeMl')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              value={volume}
              onChange={(e) => setVolume(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('doseForm.container')} error={fieldError(errors, 'container')}>
          {(a11y) => (
            <select
              value={container}
              onChange={(e) => setContainer(e.target.value as Container)}
              {...a11y}
            >
              <option value="syringe">{t('container.syringe')}</option>
              <option value="vial">{t('container.vial')}</option>
            </select>
          )}
        </Field>
      </div>
      <FormMessage
        error={formError(errors, ['measuredBq', 'measuredAt', 'volumeMl', 'container'])}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('doseForm.dispensing') : t('doseForm.dispense')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
