import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { therapyRequest, type TherapyValues } from './patient-requests.js';
import type { Catalogue, PatientDetail, Regimen, TherapyStart } from './patient-types.js';
import { regimenLineText, regimenRefusal } from './patients-text.js';
const FIELDS = ['regimenCode', 'firstOn', 'doseChoiceBq'];

/**
 * Starts a therapy plan: the regimen (its dose, interval and source shown; those the patient
 * cannot have now say why), the day of the first cycle, and for a regimen that offers fixed
 * activities (AcTION-like) the one chosen. The plan's cycles then order their doses.
 */
export function TherapyForm(props: {
  patient: PatientDetail;
  catalogue: Catalogue | undefined;
  unit: DisplayUnit;
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
  const { patient: p, unit } = props;
  const { t } = useTranslation('patients');
  const regimens = props.catalogue?.regimens ?? [];
  const criterionOf = (r: Regimen) =>
    props.catalogue?.pairs.find((x) => x.target === r.target)?.criterion;
  const [v, setV] = useState<TherapyValues>({
    regimenCode: '',
    firstOn: props.day.today,
    doseChoiceBq: '',
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: TherapyStart) =>
      api.POST('/api/patients/{id}/therapy', { params: { path: { id: p.id } }, body }),
    props.onDone,
    t('therapy.failed'),
  );
  const regimen = regimens.find((r) => r.code === v.regimenCode);
  // A regimen with a choice of activities starts at its own (the recommended) one.
  const choose = (r: Regimen) =>
    setV((x) => ({
      ...x,
      regimenCode: r.code,
      doseChoiceBq: r.doseChoicesBq.length > 0 && r.dose.kind === 'fixed' ? String(r.dose.bq) : '',
    }));
  const regimenError = fieldError(errors, 'regimenCode');
  return (
    <PathwayForm
      id="therapy"
      title={t('therapy.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('therapy.submit')}
      onSubmit={() => void submit(therapyRequest(v))}
      onCancel={props.onCancel}
    >
      <fieldset className="regimen-picker">
        <legend>{t('therapy.regimen')}</legend>
        {regimens.length === 0 && <p className="muted small">{t('therapy.loading')}</p>}
        {regimens.map((r) => {
          const refusal = regimenRefusal(r, p.pets, criterionOf(r));
          return (
            <label key={r.code} className={`regimen-option${refusal ? ' refused' : ''}`}>
              <input
                type="radio"
                name="regimen"
                value={r.code}
                checked={v.regimenCode === r.code}
                disabled={refusal !== undefined}
                onChange={() => choose(r)}
              />
              <span>
                <strong>{r.name}</strong>
                <span className="block small">{regimenLineText(r, p.weightKg, unit)}</span>
                {refusal && (
                  <span className="block small refusal">
                    {t('therapy.notNow')} {refusal}
                  </span>
                )}
                <span className="block small muted source">
                  {t('therapy.source')} <span translate="no">{r.source}</span>
                </span>
              </span>
            </label>
          );
        })}
        {regimenError && <span className="error small field-error">{regimenError}</span>}
      </fieldset>
      <div className="form-grid">
        <Field label={t('therapy.firstOn')} error={fieldError(errors, 'firstOn')}>
          {(a11y) => (
            <input
              type="date"
              value={v.firstOn}
              min={props.day.today}
              onChange={(e) => setV((x) => ({ ...x, firstOn: e.target.value }))}
              {...a11y}
            />
          )}
        </Field>
        {regimen && regimen.doseChoicesBq.length > 0 && (
          <Field
            label={t('therapy.choice')}
            hint={t('therapy.choiceHint')}
            error={fieldError(errors, 'doseChoiceBq')}
          >
            {(a11y) => (
              <select
                value={v.doseChoiceBq}
                onChange={(e) => setV((x) => ({ ...x, doseChoiceBq: e.target.value }))}
                {...a11y}
              >
                {regimen.doseChoicesBq.map((bq) => (
                  <option key={bq} value={String(bq)}>
                    {formatActivity(bq, unit)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
    </PathwayForm>
  );
}
