import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import type { BatchDetail, BatchStep, StepEntry } from './batch-types.js';
import { Field, FormMessage } from './field.js';
import { fieldError, formError, serverErrors, type ServerErrors } from './server-errors.js';
import { SourcePicker } from './source-picker.js';
import { fieldHint, initialInputs, isDrawKind, stepValues } from './step-values.js';

/**
 * Signs a recipe step: its fields (with units and ranges), the starting material it draws and,
 * for a correction of a signed step, the reason. The server checks order, ranges and supply.
 */
export function StepForm(props: {
  detail: BatchDetail;
  step: BatchStep;
  /** The entry a correction replaces; undefined to sign the step for the first time. */
  correcting: StepEntry | undefined;
  unit: DisplayUnit;
  onSigned: (d: BatchDetail) => void;
  onCancel?: () => void;
}) {
  const { detail, step, correcting } = props;
  const [inputs, setInputs] = useState(() => initialInputs(step.fields, correcting));
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('batches');
  const draws = correcting === undefined && isDrawKind(step.draws) ? step.draws : undefined;
  const fieldPaths = [
    ...step.fields.map((f) => `values.${f.code}`),
    ...(draws ? ['draws'] : []),
    ...(correcting ? ['reason'] : []),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = stepValues(step.fields, inputs);
    const local = Object.entries(checked.errors);
    if (local.length > 0) {
      setErrors({
        message: local.map(([, m]) => m).join('; '),
        issues: local.map(([path, message]) => ({ path, message })),
      });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/batches/{id}/steps', {
      params: { path: { id: detail.batch.id } },
      body: {
        step: step.code,
        values: checked.values,
        draws: draws && source.trim() !== '' ? [{ kind: draws, source: source.trim() }] : [],
        ...(correcting && reason.trim() !== '' ? { reason } : {}),
      },
    });
    setBusy(false);
    if (!data) {
      setErrors(serverErrors(error, t('stepForm.failed')));
      return;
    }
    setErrors(undefined);
    props.onSigned(data);
  }

  const title = correcting
    ? t('stepForm.correctTitle', { name: step.name })
    : t('stepForm.signTitle', { name: step.name });
  return (
    <form className="step-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        {step.fields.map((f) => (
          <Field
            key={f.code}
            label={f.unit === '' ? f.name : `${f.name} (${f.unit})`}
            hint={fieldHint(f)}
            error={fieldError(errors, `values.${f.code}`)}
          >
            {(a11y) => (
              <input
                type="text"
                inputMode={f.kind === 'number' ? 'decimal' : undefined}
                value={inputs[f.code] ?? ''}
                onChange={(e) => setInputs({ ...inputs, [f.code]: e.target.value })}
                {...a11y}
              />
            )}
          </Field>
        ))}
        {draws && (
          <SourcePicker
            kind={draws}
            siteId={detail.batch.siteId}
            nuclide={detail.batch.nuclide}
            zone={detail.batch.siteZone}
            unit={props.unit}
            value={source}
            onChange={setSource}
            error={fieldError(errors, 'draws')}
          />
        )}
      </div>
      {correcting && (
        <Field label={t('stepForm.reason')} error={fieldError(errors, 'reason')} className="wide">
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
      <FormMessage error={formError(errors, fieldPaths)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy
            ? t('stepForm.signing')
            : correcting
              ? t('stepForm.signCorrection')
              : t('stepForm.signStep')}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
