import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { localeNumber } from '../i18n/i18n.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import type { GeneratorDetail } from './supply-types.js';
import { localInputIn, zonedInstant } from '../zoned-time.js';

/** Records an elution (time in the site's zone, measured eluate in the unit shown). */
export function ElutionForm(props: {
  generator: GeneratorDetail;
  unit: DisplayUnit;
  zone: string;
  onRecorded: (g: GeneratorDetail) => void;
}) {
  const { generator: g, unit, zone } = props;
  const { t } = useTranslation('supply');
  const [at, setAt] = useState(() => localInputIn(Date.now(), zone));
  const [measured, setMeasured] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = measured.trim() === '' ? undefined : Number(measured);
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      setError(t('elution.measuredInvalid'));
      return;
    }
    setBusy(true);
    setDone(undefined);
    const { data, error: failure } = await api.POST('/api/generators/{id}/elutions', {
      params: { path: { id: g.id } },
      body: {
        at: zonedInstant(at, zone),
        ...(value === undefined ? {} : { measuredActivityBq: toBq(value, unit) }),
      },
    });
    setBusy(false);
    if (!data) {
      setError(errorText(failure, t('elution.recordFailed')));
      return;
    }
    setError(undefined);
    setMeasured('');
    const eff = data.elution.efficiency;
    const measuredBq = data.elution.measuredActivityBq;
    const figures = {
      measured: measuredBq === null ? '' : formatActivity(measuredBq, unit),
      pct: eff === null ? '' : localeNumber(Math.round(eff * 1000) / 10),
      column: formatActivity(data.elution.predictedColumnBq, unit),
    };
    setDone(
      measuredBq === null
        ? t(eff === null ? 'elution.done' : 'elution.doneEfficiency', figures)
        : t(eff === null ? 'elution.doneMeasured' : 'elution.doneMeasuredEfficiency', figures),
    );
    props.onRecorded(data.generator);
  }

  return (
    <form
      className="supply-elution"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="elution-title"
    >
      <h3 id="elution-title">{t('elution.title')}</h3>
      <label>
        {t('elution.time', { zone })}
        <input type="datetime-local" value={at} required onChange={(e) => setAt(e.target.value)} />
      </label>
      <label>
        {t('elution.measured', { nuclide: g.daughter, unit })}
        <input
          type="number"
          min="0"
          step="any"
          inputMode="decimal"
          placeholder={t('elution.optional')}
          value={measured}
          onChange={(e) => setMeasured(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('elution.recording') : t('elution.submit')}
      </button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="ok small">
          {done}
        </p>
      )}
    </form>
  );
}
