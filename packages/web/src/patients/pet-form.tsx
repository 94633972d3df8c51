import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { petRequest, type PetValues } from './patient-requests.js';
import type { PatientDetail, PetScanCreate, TheranosticPair } from './patient-types.js';
import { petResultText } from './patients-text.js';

/** The maximum standardised uptake value: its symbol, as Chinese and English reports write it. */
const SUV_MAX = 'SUVmax';
const FIELDS = ['tracer', 'scannedOn', 'positive', 'suvMax', 'notes'];

/** Records a PET scan with a theranostic pair's tracer, and whether it selects the patient. */
export function PetForm(props: {
  patient: PatientDetail;
  pairs: readonly TheranosticPair[];
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['patients', 'common']);
  const [v, setV] = useState<PetValues>({
    tracer: '',
    scannedOn: props.day.today,
    positive: '',
    suvMax: '',
    notes: '',
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: PetScanCreate) =>
      api.POST('/api/patients/{id}/pet-scans', {
        params: { path: { id: props.patient.id } },
        body,
      }),
    props.onDone,
    t('pet.failed'),
  );
  const set = (patch: Partial<PetValues>) => setV((x) => ({ ...x, ...patch }));
  const tracer = v.tracer || props.pairs[0]?.code || '';
  const pair = props.pairs.find((x) => x.code === tracer);
  const criterion = pair?.criterion ?? t('pet.positive');
  const result = fieldError(errors, 'positive');
  return (
    <PathwayForm
      id="pet"
      title={t('pet.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('pet.submit')}
      onSubmit={() => void submit(petRequest({ ...v, tracer }))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field
          label={t('pet.tracer')}
          hint={pair?.target}
          error={fieldError(errors, 'tracer')}
          className="grow"
        >
          {(a11y) => (
            <select value={tracer} onChange={(e) => set({ tracer: e.target.value })} {...a11y}>
              {props.pairs.length === 0 && <option value="">{t('common:loading')}</option>}
              {props.pairs.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.petName} ({x.target})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pet.scannedOn')} error={fieldError(errors, 'scannedOn')}>
          {(a11y) => (
            <input
              type="date"
              value={v.scannedOn}
              max={props.day.today}
              onChange={(e) => set({ scannedOn: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <Field
          label={SUV_MAX}
          hint={t('form.optional')}
          error={fieldError(errors, 'suvMax')}
          className="narrow"
        >
          {(a11y) => (
            <input
              inputMode="decimal"
              value={v.suvMax}
              onChange={(e) => set({ suvMax: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <fieldset className="form-grid">
        <legend>{t('pet.result')}</legend>
        {(['yes', 'no'] as const).map((answer) => (
          <label key={answer} className="check">
            <input
              type="radio"
              name="pet-positive"
              checked={v.positive === answer}
              onChange={() => set({ positive: answer })}
            />
            {petResultText(answer === 'yes', criterion)}
          </label>
        ))}
        {result && <span className="error small field-error">{result}</span>}
      </fieldset>
      <div className="form-grid">
        <Field
          label={t('pet.notes')}
          hint={t('form.optional')}
          error={fieldError(errors, 'notes')}
          className="grow"
        >
          {(a11y) => (
            <input value={v.notes} onChange={(e) => set({ notes: e.target.value })} {...a11y} />
          )}
        </Field>
      </div>
    </PathwayForm>
  );
}
