import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkingDay } from '../api/client.js';
import { Field } from '../batches/field.js';
import { fieldError } from '../batches/server-errors.js';
import { PathwayForm, usePathwaySubmit } from './pathway-form.js';
import { vitalRequest, type VitalValues } from './patient-requests.js';
import type { PatientDetail, VitalStatus } from './patient-types.js';
const FIELDS = ['deathOn', 'lastContactOn', 'reason'];

/** The last contact (alive: overall survival is censored there), or the death; with its source. */
export function VitalForm(props: {
  patient: PatientDetail;
  day: WorkingDay;
  onDone: (p: PatientDetail) => void;
  onCancel: () => void;
}) {
  const { patient: p } = props;
  const { t } = useTranslation('patients');
  const [v, setV] = useState<VitalValues>({
    died: p.deathOn !== null,
    deathOn: p.deathOn ?? '',
    lastContactOn: props.day.today,
    reason: '',
  });
  const { errors, busy, submit } = usePathwaySubmit(
    (body: VitalStatus) =>
      api.POST('/api/patients/{id}/vital-status', { params: { path: { id: p.id } }, body }),
    props.onDone,
    t('vital.failed'),
  );
  const set = (patch: Partial<VitalValues>) => setV((x) => ({ ...x, ...patch }));
  return (
    <PathwayForm
      id="vital"
      title={t('vital.title')}
      fields={FIELDS}
      errors={errors}
      busy={busy}
      submitLabel={t('vital.submit')}
      onSubmit={() => void submit(vitalRequest(v))}
      onCancel={props.onCancel}
    >
      <div className="form-grid">
        <label className="check">
          <input
            type="checkbox"
            checked={v.died}
            onChange={(e) => set({ died: e.target.checked })}
          />
          {t('vital.died')}
        </label>
        {v.died ? (
          <Field label={t('vital.diedOn')} error={fieldError(errors, 'deathOn')}>
            {(a11y) => (
              <input
                type="date"
                value={v.deathOn}
                min={p.enrolledOn}
                max={props.day.today}
                onChange={(e) => set({ deathOn: e.target.value })}
                {...a11y}
              />
            )}
          </Field>
        ) : (
          <Field label={t('vital.lastContactOn')} error={fieldError(errors, 'lastContactOn')}>
            {(a11y) => (
              <input
                type="date"
                value={v.lastContactOn}
                min={p.enrolledOn}
                max={props.day.today}
                onChange={(e) => set({ lastContactOn: e.target.value })}
                {...a11y}
              />
            )}
          </Field>
        )}
        <Field
          label={t('vital.source')}
          hint={t('vital.sourceHint')}
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
