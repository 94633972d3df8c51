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
import { parseAmount } from '../hospital/form-values.js';
import { dateTimeIn, localizeInstants, releaseAt } from './waste-text.js';
import type { WasteContainer } from './waste-types.js';

const FIELDS = ['backgroundUSvPerH', 'readingUSvPerH', 'instrument', 'surveyor', 'surveyedAt'];

/**
 * Releases a closed container after its survey (10 CFR 35.92): the background and the surface
 * reading (µSv/h), the instrument and who surveyed, now. The server refuses it before the release
 * date (shown by the survey's time) or when the reading is above background (under the reading).
 */
export function ReleaseForm(props: {
  container: WasteContainer;
  zone: string;
  surveyor: string;
  onDone: (c: WasteContainer) => void;
  onCancel: () => void;
}) {
  const { container, zone } = props;
  const { t } = useTranslation('waste');
  const [background, setBackground] = useState('');
  const [reading, setReading] = useState('');
  const [instrument, setInstrument] = useState('');
  const [surveyor, setSurveyor] = useState(props.surveyor);
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const at = releaseAt(container);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const issues: { path: string; message: string }[] = [];
    const bg = parseAmount(background);
    const rd = parseAmount(reading);
    if (bg === undefined || bg < 0) {
      issues.push({ path: 'backgroundUSvPerH', message: t('release.doseRate') });
    }
    if (rd === undefined || rd < 0) {
      issues.push({ path: 'readingUSvPerH', message: t('release.doseRate') });
    }
    if (instrument.trim() === '') issues.push({ path: 'instrument', message: t('required') });
    if (surveyor.trim() === '') issues.push({ path: 'surveyor', message: t('required') });
    if (issues.length > 0 || bg === undefined || rd === undefined) {
      setErrors({ message: issues.map((i) => i.message).join('; '), issues });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/waste/{id}/release', {
      params: { path: { id: container.id } },
      body: {
        backgroundUSvPerH: bg,
        readingUSvPerH: rd,
        instrument: instrument.trim(),
        surveyor: surveyor.trim(),
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('release.failed')));
    setErrors(undefined);
    props.onDone(data);
  }

  const text = (
    label: string,
    value: string,
    set: (v: string) => void,
    path: string,
    decimal = false,
  ) => (
    <Field label={label} error={fieldError(errors, path)}>
      {(a11y) => (
        <input
          type="text"
          {...(decimal ? { inputMode: 'decimal' as const } : {})}
          value={value}
          onChange={(e) => set(e.target.value)}
          {...a11y}
        />
      )}
    </Field>
  );
  const refusedTime = fieldError(errors, 'surveyedAt');
  const timeError = refusedTime && localizeInstants(refusedTime, zone);

  return (
    <form
      className="waste-form"
      aria-label={t('release.label', { code: container.code })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="form-grid">
        {text(t('release.background'), background, setBackground, 'backgroundUSvPerH', true)}
        {text(t('release.reading'), reading, setReading, 'readingUSvPerH', true)}
        {text(t('release.instrument'), instrument, setInstrument, 'instrument')}
        {text(t('release.surveyor'), surveyor, setSurveyor, 'surveyor')}
      </div>
      <p className={`small survey-time${timeError ? ' survey-time-refused' : ''}`}>
        {at === null
          ? t('release.surveyedNoDate')
          : t('release.surveyedAt', { at: dateTimeIn(at, zone) })}
        {timeError && (
          <span className="error block field-error" role="alert">
            {timeError}
          </span>
        )}
      </p>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('release.releasing') : t('release.submit')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
