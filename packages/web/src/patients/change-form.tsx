import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import type { DisplayUnit } from '../units.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { changeRequest, type ChangeValues } from './patient-requests.js';
import type { PatientDetail, Therapy, TherapyChange } from './patient-types.js';
import { CHANGE_KINDS, changeKindText, cycleOptionText } from './patients-text.js';
const FIELDS = ['kind', 'cycle', 'days', 'reason'];

/**
 * Delays a cycle (and so every later one) by whole days, reduces the dose from a cycle on, or stops
 * the therapy before a cycle; every change needs its reason. An ordered dose of the cycle is
 * cancelled and ordered again for its new day.
 */
export function ChangeForm(props: {
  patient: PatientDetail;
  therapy: Therapy;
  unit: DisplayUnit;
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
  const { therapy } = props;
  const { t } = useTranslation('patients');
  const open = therapy.cycles.filter((c) => c.administeredOn === null);
  const [v, setV] = useState<ChangeValues>({
    kind: 'delay',
    cycle: String(therapy.nextCycle?.cycle ?? open[0]?.cycle ?? ''),
    days: '7',
    reason: '',
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: TherapyChange) =>
      api.POST('/api/patients/{id}/therapy/changes', {
        params: { path: { id: props.patient.id } },
        body,
      }),
    props.onDone,
    t('change.failed'),
  );
  const set = (patch: Partial<ChangeValues>) => setV((x) => ({ ...x, ...patch }));
  const reduced = therapy.regimen.reducedDoseBq;
  const cycleLabel =
    v.kind === 'stop'
      ? t('change.stopBefore')
      : v.kind === 'reduce'
        ? t('change.fromCycle')
        : t('change.cycle');
  return (
    <PathwayForm
      id="change"
      title={t('change.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('change.submit')}
      onSubmit={() => void submit(changeRequest(v))}
      onCancel={props.onCancel}
    >
      <fieldset className="form-grid">
        <legend>{t('change.kind')}</legend>
        {CHANGE_KINDS.map((kind) => {
          const disabled = kind === 'reduce' && reduced === null;
          return (
            <label
              key={kind}
              className="check"
              title={disabled ? t('change.noReduced') : undefined}
            >
              <input
                type="radio"
                name="change-kind"
                checked={v.kind === kind}
                disabled={disabled}
                onChange={() => set({ kind })}
              />
              {changeKindText(kind, reduced, props.unit)}
            </label>
          );
        })}
      </fieldset>
      <div className="form-grid">
        <Field label={cycleLabel} error={fieldError(errors, 'cycle')}>
          {(a11y) => (
            <select value={v.cycle} onChange={(e) => set({ cycle: e.target.value })} {...a11y}>
              {open.map((c) => (
                <option key={c.cycle} value={String(c.cycle)}>
                  {cycleOptionText(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.kind === 'delay' && (
          <Field
            label={t('change.days')}
            hint={t('change.daysHint')}
            error={fieldError(errors, 'days')}
          >
            {(a11y) => (
              <input
                inputMode="numeric"
                value={v.days}
                onChange={(e) => set({ days: e.target.value })}
                {...a11y}
              />
            )}
          </Field>
        )}
        <Field
          label={t('change.reason')}
          hint={t('form.required')}
          error={fieldError(errors, 'reason')}
          className="grow"
        >
          {(a11y) => (
            <input value={v.reason} onChange={(e) => set({ reason: e.target.value })} {...a11y} />
          )}
        </Field>
      </div>
    </PathwayForm>
  );
}
