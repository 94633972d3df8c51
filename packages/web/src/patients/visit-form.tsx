import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { LesionRows } from './lesion-rows.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { exactError, visitRequest, type AeValues, type VisitValues } from './patient-requests.js';
import type { PatientDetail, VisitCreate } from './patient-types.js';
import { AE_GRADES, AE_TERMS, gradeOptionText } from './patients-text.js';
const FIELDS = [
  'visitOn',
  'psaNgMl',
  'weightKg',
  'lesions',
  'newLesions',
  'radiographicProgression',
  'adverseEvents',
];
const BLANK_AE: AeValues = { term: '', grade: '1' };

/**
 * A visit: PSA, weight, each baseline target lesion measured again (RECIST 1.1), new lesions,
 * radiographic progression, and the adverse events with their CTCAE grade.
 */
export function VisitForm(props: {
  patient: PatientDetail;
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
  const { patient: p } = props;
  const { t } = useTranslation('patients');
  const [v, setV] = useState<VisitValues>({
    visitOn: props.day.today,
    psa: '',
    weightKg: '',
    lesions: (p.baselineLesions ?? []).map((l) => ({ ...l, diameterMm: '' })),
    newLesions: false,
    radiographicProgression: false,
    adverseEvents: [],
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: VisitCreate) =>
      api.POST('/api/patients/{id}/visits', { params: { path: { id: p.id } }, body }),
    props.onDone,
    t('visit.failed'),
  );
  const set = (patch: Partial<VisitValues>) => setV((x) => ({ ...x, ...patch }));
  const setAe = (i: number, patch: Partial<AeValues>) =>
    set({ adverseEvents: v.adverseEvents.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  const lesionsError = exactError(errors, 'lesions');
  const aeError = fieldError(errors, 'adverseEvents');
  return (
    <PathwayForm
      id="visit"
      title={t('visit.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('visit.submit')}
      onSubmit={() => void submit(visitRequest(v))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={t('visit.visitOn')} error={fieldError(errors, 'visitOn')}>
          {(a11y) => (
            <input
              type="date"
              value={v.visitOn}
              min={p.enrolledOn}
              max={props.day.today}
              onChange={(e) => set({ visitOn: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <Field
          label={t('visit.psa')}
          hint={t('form.optional')}
          error={fieldError(errors, 'psaNgMl')}
        >
          {(a11y) => (
            <input
              inputMode="decimal"
              value={v.psa}
              onChange={(e) => set({ psa: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <Field
          label={t('visit.weight')}
          hint={t('form.optional')}
          error={fieldError(errors, 'weightKg')}
        >
          {(a11y) => (
            <input
              inputMode="decimal"
              value={v.weightKg}
              onChange={(e) => set({ weightKg: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('visit.lesions')}</legend>
        {v.lesions.length === 0 ? (
          <p className="muted small">{t('visit.noLesions')}</p>
        ) : (
          <LesionRows
            lesions={v.lesions}
            editable={false}
            errorOf={(i) => fieldError(errors, `lesions.${i}`)}
            onChange={(lesions) => set({ lesions })}
          />
        )}
        {lesionsError && <span className="error small field-error">{lesionsError}</span>}
        <div className="form-grid">
          <label className="check">
            <input
              type="checkbox"
              checked={v.newLesions}
              onChange={(e) => set({ newLesions: e.target.checked })}
            />
            {t('visit.newLesions')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={v.radiographicProgression}
              onChange={(e) => set({ radiographicProgression: e.target.checked })}
            />
            {t('visit.progression')}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('visit.adverse')}</legend>
        <datalist id="ae-terms">
          {AE_TERMS.map(({ term, key }) => {
            // The CTCAE term is what is recorded; a Chinese screen shows its Chinese beside it.
            const label = t(`aeTerm.${key}`);
            return <option key={term} value={term} label={label === term ? undefined : label} />;
          })}
        </datalist>
        {v.adverseEvents.map((a, i) => (
          <div
            key={i}
            className="ae-row"
            role="group"
            aria-label={t('visit.adverseGroup', { n: i + 1 })}
          >
            <label className="grow">
              {t('visit.term')}
              <input
                list="ae-terms"
                value={a.term}
                onChange={(e) => setAe(i, { term: e.target.value })}
              />
            </label>
            <label>
              {t('visit.grade')}
              <select value={a.grade} onChange={(e) => setAe(i, { grade: e.target.value })}>
                {AE_GRADES.map((g) => (
                  <option key={g} value={String(g)}>
                    {gradeOptionText(g)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              aria-label={t('visit.removeLabel', { n: i + 1 })}
              onClick={() => set({ adverseEvents: v.adverseEvents.filter((_, k) => k !== i) })}
            >
              {t('visit.remove')}
            </button>
          </div>
        ))}
        {aeError && <span className="error small field-error">{aeError}</span>}
        <button
          type="button"
          className="secondary"
          onClick={() => set({ adverseEvents: [...v.adverseEvents, BLANK_AE] })}
        >
          {t('visit.addAdverse')}
        </button>
      </fieldset>
    </PathwayForm>
  );
}
