import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('patients');
  return (
    <select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T | '')}
      {...props.a11y}
    >
      <option value="">{t('enrol.notRecorded')}</option>
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
  const { t } = useTranslation('patients');
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
    t('enrol.failed'),
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
      title={t('enrol.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('enrol.submit')}
      onSubmit={() => void submit(enrolRequest(v))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field
          label={t('enrol.reference')}
          hint={t('enrol.referenceHint')}
          error={err('reference')}
        >
          {(a11y) => <input autoComplete="off" {...text('reference')} {...a11y} />}
        </Field>
        <Field label={t('enrol.weight')} error={err('weightKg')} className="narrow">
          {(a11y) => <input inputMode="decimal" {...text('weightKg')} {...a11y} />}
        </Field>
        <Field
          label={t('enrol.enrolledOn')}
          hint={t('enrol.enrolledHint')}
          error={err('enrolledOn')}
        >
          {(a11y) => <input type="date" max={props.day.today} {...text('enrolledOn')} {...a11y} />}
        </Field>
        <Field label={t('enrol.baselinePsa')} error={err('baselinePsaNgMl')} className="narrow">
          {(a11y) => <input inputMode="decimal" {...text('baselinePsa')} {...a11y} />}
        </Field>
      </div>
      <div className="form-grid">
        <Field label={t('enrol.studyCode')} hint={t('form.optional')} error={err('studyCode')}>
          {(a11y) => <input {...text('studyCode')} {...a11y} />}
        </Field>
        <Field label={t('enrol.arm')} hint={t('form.optional')} error={err('arm')}>
          {(a11y) => <input {...text('arm')} {...a11y} />}
        </Field>
        <Field label={t('enrol.diseaseVolume')} error={err('diseaseVolume')}>
          {(a11y) => (
            <Choice
              value={v.diseaseVolume}
              options={(['high', 'low'] as const).map((value) => ({
                value,
                label: t(`characteristics.volume.${value}`),
              }))}
              onChange={(diseaseVolume) => set({ diseaseVolume })}
              a11y={a11y}
            />
          )}
        </Field>
        <Field label={t('enrol.presentation')} error={err('presentation')}>
          {(a11y) => (
            <Choice
              value={v.presentation}
              options={(['de_novo', 'recurrent'] as const).map((value) => ({
                value,
                label: t(`characteristics.presentation.${value}`),
              }))}
              onChange={(presentation) => set({ presentation })}
              a11y={a11y}
            />
          )}
        </Field>
        <Field label={t('enrol.priorLu177')} error={err('priorLu177')}>
          {(a11y) => (
            <Choice
              value={v.priorLu177}
              options={(['no', 'yes'] as const).map((value) => ({
                value,
                label: t(`characteristics.${value}`),
              }))}
              onChange={(priorLu177) => set({ priorLu177 })}
              a11y={a11y}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('enrol.lesions')}</legend>
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
            {t('enrol.addLesion')}
          </button>
        )}
      </fieldset>
    </PathwayForm>
  );
}
