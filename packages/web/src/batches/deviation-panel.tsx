import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { dayClockIn } from '../zoned-time.js';
import { BadgeView } from './badge-view.js';
import { deviationBadge, deviationClassText } from './batch-status.js';
import type { BatchDetail, DeviationClass } from './batch-types.js';
import { Field, FormMessage } from './field.js';
import { fieldError, formError, serverErrors, type ServerErrors } from './server-errors.js';

const CLASSES: readonly DeviationClass[] = ['minor', 'major', 'critical'];

/** The record's deviations, carried to the QP; a form to record one (batches.record). */
export function DeviationPanel(props: {
  detail: BatchDetail;
  canRecord: boolean;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail } = props;
  const zone = detail.batch.siteZone;
  const closed = detail.batch.status === 'rejected' || detail.voided !== null;
  const { t } = useTranslation('batches');
  const stepName = (code: string | null) =>
    code === null
      ? t('deviations.wholeBatch')
      : (detail.steps.find((s) => s.code === code)?.name ?? code);
  return (
    <div className="card" role="region" aria-labelledby="deviations-title">
      <div className="card-head">
        <h2 id="deviations-title">{t('deviations.title')}</h2>
        <p className="muted small">
          {detail.deviations.length === 0
            ? t('deviations.noneRecorded')
            : t('deviations.recorded', { n: detail.deviations.length })}
          {' · '}
          {t('criticalBlocksRelease')}
        </p>
      </div>
      {detail.deviations.length > 0 && (
        <ul className="deviations">
          {detail.deviations.map((d) => (
            <li key={d.id}>
              <BadgeView badge={deviationBadge(d.classification)} />
              <span className="deviation-text">{d.description}</span>
              <span className="muted small">
                {stepName(d.step)} · {d.recordedBy} · {dayClockIn(Date.parse(d.recordedAt), zone)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canRecord && !closed && <DeviationForm detail={detail} onChange={props.onChange} />}
    </div>
  );
}

function DeviationForm(props: { detail: BatchDetail; onChange: (d: BatchDetail) => void }) {
  const { detail } = props;
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState('');
  const [classification, setClassification] = useState<DeviationClass>('minor');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('batches');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/api/batches/{id}/deviations', {
      params: { path: { id: detail.batch.id } },
      body: { description, classification, ...(step ? { step } : {}) },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('deviations.failed')));
    setErrors(undefined);
    setDescription('');
    setOpen(false);
    props.onChange(data);
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('deviations.open')}
      </button>
    );
  }
  return (
    <form
      className="deviation-form"
      aria-label={t('deviations.form')}
      onSubmit={(e) => void submit(e)}
    >
      <div className="form-grid">
        <Field label={t('deviations.step')} error={fieldError(errors, 'step')}>
          {(a11y) => (
            <select value={step} onChange={(e) => setStep(e.target.value)} {...a11y}>
              <option value="">{t('deviations.batchAsWhole')}</option>
              {detail.steps.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('deviations.classification')} error={fieldError(errors, 'classification')}>
          {(a11y) => (
            <select
              value={classification}
              onChange={(e) => setClassification(e.target.value as DeviationClass)}
              {...a11y}
            >
              {CLASSES.map((c) => (
                <option key={c} value={c}>
                  {deviationClassText(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label={t('deviations.description')}
        error={fieldError(errors, 'description')}
        className="wide"
      >
        {(a11y) => (
          <textarea
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...a11y}
          />
        )}
      </Field>
      <FormMessage error={formError(errors, ['step', 'classification', 'description'])} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('deviations.recording') : t('deviations.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
