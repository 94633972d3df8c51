import { useState } from 'react';
import { api, type WorkingDay } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { LesionRows } from './lesion-rows.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import {
  enrolRequest,
  exactError,
  type EnrolValues,
  type LesionValues,
} from './patient-requests.js';
import type { PatientCreate, PatientDetail } from './patient-types.js';
import { WORDS } from './patients-text.js';

const W = WORDS.enrol;
const FIELDS = [
  'reference',
  'weightKg',
  'enrolledOn',
  'studyCode',
  'arm',
  'diseaseVolume',
  'presentation',
  'priorLu177',
  'baselinePsaNgMl',
  'baselineLesions',
];

/** The fields typed as text. */
type TextField = 'reference' | 'weightKg' | 'enrolledOn' | 'studyCode' | 'arm' | 'baselinePsa';

/** At most this many target lesions (RECIST 1.1). */
export const MAX_LESIONS = 5;
const BLANK_LESION: LesionValues = { id: '', organ: '', node: false, diameterMm: '' };

/** A select of a few values, one of them "not recorded". */
function Choice<T extends string>(props: {
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange: (v: T | '') => void;
  a11y: object;
}) {
  return (
    <select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T | '')}
      {...props.a11y}
    >
      <option value="">{W.notRecorded}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Enrols a patient at the physician's hospital under a pseudonymous reference (no names): weight,
 * the day of enrolment (day 0 of the endpoints), an optional study and arm, the characteristics
 * the registry groups by, the baseline PSA and up to five RECIST target lesions.
 */
export function EnrolForm(props: {
  day: WorkingDay;
  onCancel: () => void;
  onEnrolled: (p: PatientDetail) => void;
}) {
  const [v, setV] = useState<EnrolValues>({
    reference: '',
    weightKg: '',
    enrolledOn: props.day.today,
    studyCode: '',
    arm: '',
    diseaseVolume: '',
    presentation: '',
    priorLu177: '',
    baselinePsa: '',
    lesions: [{ ...BLANK_LESION, id: 'T1' }],
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: PatientCreate) => api.POST('/api/patients', { body }),
    props.onEnrolled,
    W.failed,
  );
  const set = (patch: Partial<EnrolValues>) => setV((x) => ({ ...x, ...patch }));
  const err = (field: string) => fieldError(errors, field);
  const text = (field: TextField) => ({
    value: v[field],
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
  });

  return (
    <PathwayForm
      id="enrol"
      title={W.title}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={W.submit}
      onSubmit={() => void submit(enrolRequest(v))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={W.reference} hint={W.referenceHint} error={err('reference')}>
          {(a11y) => <input autoComplete="off" {...text('reference')} {...a11y} />}
        </Field>
        <Field label={W.weight} error={err('weightKg')} className="narrow">
          {(a11y) => <input inputMode="decimal" {...text('weightKg')} {...a11y} />}
        </Field>
        <Field label={W.enrolledOn} hint={W.enrolledHint} error={err('enrolledOn')}>
          {(a11y) => <input type="date" max={props.day.today} {...text('enrolledOn')} {...a11y} />}
        </Field>
        <Field label={W.baselinePsa} error={err('baselinePsaNgMl')} className="narrow">
          {(a11y) => <input inputMode="decimal" {...text('baselinePsa')} {...a11y} />}
        </Field>
      </div>
      <div className="form-grid">
        <Field label={W.studyCode} hint={WORDS.form.optional} error={err('studyCode')}>
          {(a11y) => <input {...text('studyCode')} {...a11y} />}
        </Field>
        <Field label={W.arm} hint={WORDS.form.optional} error={err('arm')}>
          {(a11y) => <input {...text('arm')} {...a11y} />}
        </Field>
        <Field label={W.diseaseVolume} error={err('diseaseVolume')}>
          {(a11y) => (
            <Choice
              value={v.diseaseVolume}
              options={W.volumes}
              onChange={(diseaseVolume) => set({ diseaseVolume })}
              a11y={a11y}
            />
          )}
        </Field>
        <Field label={W.presentation} error={err('presentation')}>
          {(a11y) => (
            <Choice
              value={v.presentation}
              options={W.presentations}
              onChange={(presentation) => set({ presentation })}
              a11y={a11y}
            />
          )}
        </Field>
        <Field label={W.priorLu177} error={err('priorLu177')}>
          {(a11y) => (
            <Choice
              value={v.priorLu177}
              options={W.yesNo}
              onChange={(priorLu177) => set({ priorLu177 })}
              a11y={a11y}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{W.lesions}</legend>
        <LesionRows
          lesions={v.lesions}
          editable
          errorOf={(i) => err(`baselineLesions.${i}`)}
          onChange={(lesions) => set({ lesions })}
        />
        <FormMessage error={exactError(errors, 'baselineLesions')} />
        {v.lesions.length < MAX_LESIONS && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({ lesions: [...v.lesions, { ...BLANK_LESION, id: `T${v.lesions.length + 1}` }] })
            }
          >
            {W.addLesion}
          </button>
        )}
      </fieldset>
    </PathwayForm>
  );
}
