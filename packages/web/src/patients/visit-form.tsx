import { useState } from 'react';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { LesionRows } from './lesion-rows.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { exactError, visitRequest, type AeValues, type VisitValues } from './patient-requests.js';
import type { PatientDetail, VisitCreate } from './patient-types.js';
import { AE_GRADES, AE_TERMS, gradeOptionText, WORDS } from './patients-text.js';

const W = WORDS.visit;
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
    W.failed,
  );
  const set = (patch: Partial<VisitValues>) => setV((x) => ({ ...x, ...patch }));
  const setAe = (i: number, patch: Partial<AeValues>) =>
    set({ adverseEvents: v.adverseEvents.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  const lesionsError = exactError(errors, 'lesions');
  const aeError = fieldError(errors, 'adverseEvents');
  return (
    <PathwayForm
      id="visit"
      title={W.title}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={W.submit}
      onSubmit={() => void submit(visitRequest(v))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <Field label={W.visitOn} error={fieldError(errors, 'visitOn')}>
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
        <Field label={W.psa} hint={WORDS.form.optional} error={fieldError(errors, 'psaNgMl')}>
          {(a11y) => (
            <input
              inputMode="decimal"
              value={v.psa}
              onChange={(e) => set({ psa: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <Field label={W.weight} hint={WORDS.form.optional} error={fieldError(errors, 'weightKg')}>
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
        <legend>{W.lesions}</legend>
        {v.lesions.length === 0 ? (
          <p className="muted small">{W.noLesions}</p>
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
            {W.newLesions}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={v.radiographicProgression}
              onChange={(e) => set({ radiographicProgression: e.target.checked })}
            />
            {W.progression}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{W.adverse}</legend>
        <datalist id="ae-terms">
          {AE_TERMS.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {v.adverseEvents.map((a, i) => (
          <div key={i} className="ae-row" role="group" aria-label={`${W.adverseGroup} ${i + 1}`}>
            <label className="grow">
              {W.term}
              <input
                list="ae-terms"
                value={a.term}
                onChange={(e) => setAe(i, { term: e.target.value })}
              />
            </label>
            <label>
              {W.grade}
              <select value={a.grade} onChange={(e) => setAe(i, { grade: e.target.value })}>
                {AE_GRADES.map((g) => (
                  <option key={g.grade} value={String(g.grade)}>
                    {gradeOptionText(g)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              aria-label={`${W.removeLabel} ${i + 1}`}
              onClick={() => set({ adverseEvents: v.adverseEvents.filter((_, k) => k !== i) })}
            >
              {W.remove}
            </button>
          </div>
        ))}
        {aeError && <span className="error small field-error">{aeError}</span>}
        <button
          type="button"
          className="secondary"
          onClick={() => set({ adverseEvents: [...v.adverseEvents, BLANK_AE] })}
        >
          {W.addAdverse}
        </button>
      </fieldset>
    </PathwayForm>
  );
}
