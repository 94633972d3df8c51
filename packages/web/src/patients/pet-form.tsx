import { useState } from 'react';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { petRequest, type PetValues } from './patient-requests.js';
import type { PatientDetail, PetScanCreate, TheranosticPair } from './patient-types.js';
import { petResultText, WORDS } from './patients-text.js';

const W = WORDS.pet;
const FIELDS = ['tracer', 'scannedOn', 'positive', 'suvMax', 'notes'];

/** Records a PET scan with a theranostic pair's tracer, and whether it selects the patient. */
export function PetForm(props: {
  patient: PatientDetail;
  pairs: readonly TheranosticPair[];
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
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
    W.failed,
  );
  const set = (patch: Partial<PetValues>) => setV((x) => ({ ...x, ...patch }));
  const tracer = v.tracer || props.pairs[0]?.code || '';
  const pair = props.pairs.find((x) => x.code === tracer);
  const criterion = pair?.criterion ?? 'positive';
  const result = fieldError(errors, 'positive');
  return (
    <PathwayForm
      id="pet"
      title={W.title}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={W.submit}
      onSubmit={() => void submit(petRequest({ ...v, tracer }))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field
          label={W.tracer}
          hint={pair?.target}
          error={fieldError(errors, 'tracer')}
          className="grow"
        >
          {(a11y) => (
            <select value={tracer} onChange={(e) => set({ tracer: e.target.value })} {...a11y}>
              {props.pairs.length === 0 && <option value="">{W.loading}</option>}
              {props.pairs.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.petName} ({x.target})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={W.scannedOn} error={fieldError(errors, 'scannedOn')}>
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
          label={W.suvMax}
          hint={WORDS.form.optional}
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
        <legend>{W.result}</legend>
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
          label={W.notes}
          hint={WORDS.form.optional}
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
