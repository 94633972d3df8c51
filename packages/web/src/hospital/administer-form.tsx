import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { i18n } from '../i18n/i18n.js';
import { fieldProblems } from '../i18n/server-texts.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import { dayClockIn, localInputIn } from '../zoned-time.js';
import type { ShipmentDetail, ShipmentDose, WasteContainer } from './delivery-types.js';
import { localInstant, parseAmount } from './form-values.js';
import { doseName } from './shipment-status.js';

const FIELDS = [
  'patientRef',
  'prescribedBq',
  'beforeBq',
  'beforeAt',
  'residueBq',
  'residueAt',
  'administeredAt',
  'wasteContainerId',
  'direction',
];

type Issue = { path: string; message: string };

/** An amount in the unit shown, checked; pushes an issue for `path` when it is not one. */
function amount(text: string, path: string, unit: DisplayUnit, issues: Issue[], zero = false) {
  const value = parseAmount(text);
  if (value === undefined || value < 0 || (!zero && value === 0)) {
    issues.push({
      path,
      message: i18n.t(zero ? 'hospital:form.expectedNumber' : 'hospital:form.expectedPositive', {
        unit,
      }),
    });
    return undefined;
  }
  return value;
}

/**
 * Records a dose given to a patient: the pseudonymous patient reference, the prescribed activity,
 * the syringe measured before and the residue after (each with its time, in the hospital's zone),
 * the time of administration, the waste container that takes the residue and, when the dosage is
 * beyond the label's tolerance or 20% of the prescription, the authorised user's direction.
 */
export function AdministerForm(props: {
  dose: ShipmentDose;
  zone: string;
  unit: DisplayUnit;
  containers: readonly WasteContainer[];
  onDone: (detail: ShipmentDetail) => void;
  onCancel: () => void;
}) {
  const { dose, zone, unit } = props;
  const now = () => localInputIn(Date.now(), zone);
  const [patientRef, setPatientRef] = useState(dose.patientRef ?? '');
  const [prescribed, setPrescribed] = useState('');
  const [before, setBefore] = useState('');
  const [beforeAt, setBeforeAt] = useState(now);
  const [residue, setResidue] = useState('');
  const [residueAt, setResidueAt] = useState(now);
  const [administeredAt, setAdministeredAt] = useState(now);
  const [containerId, setContainerId] = useState('');
  const [direction, setDirection] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const who = doseName(dose);
  const { t } = useTranslation('hospital');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (dose.doseId === null) return;
    const issues: Issue[] = [];
    if (patientRef.trim() === '')
      issues.push({ path: 'patientRef', message: t('administer.required') });
    const prescribedValue = amount(prescribed, 'prescribedBq', unit, issues);
    const beforeValue = amount(before, 'beforeBq', unit, issues);
    const residueValue = amount(residue, 'residueBq', unit, issues, true);
    const times = {
      beforeAt: localInstant(beforeAt, zone),
      residueAt: localInstant(residueAt, zone),
      administeredAt: localInstant(administeredAt, zone),
    };
    for (const [path, value] of Object.entries(times)) {
      if (value === undefined) issues.push({ path, message: t('form.expectedDateTime') });
    }
    if (
      issues.length > 0 ||
      prescribedValue === undefined ||
      beforeValue === undefined ||
      residueValue === undefined ||
      times.beforeAt === undefined ||
      times.residueAt === undefined ||
      times.administeredAt === undefined
    ) {
      setErrors({ message: fieldProblems(issues), issues });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/doses/{id}/administration', {
      params: { path: { id: dose.doseId } },
      body: {
        patientRef: patientRef.trim(),
        prescribedBq: toBq(prescribedValue, unit),
        beforeBq: toBq(beforeValue, unit),
        beforeAt: times.beforeAt,
        residueBq: toBq(residueValue, unit),
        residueAt: times.residueAt,
        administeredAt: times.administeredAt,
        ...(direction.trim() === '' ? {} : { direction: direction.trim() }),
        ...(containerId === '' ? {} : { wasteContainerId: containerId }),
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('administer.failed')));
    setErrors(undefined);
    props.onDone(data.shipment);
  }

  const directionError = fieldError(errors, 'direction');
  const time = (label: string, value: string, set: (v: string) => void, path: string) => (
    <Field label={t('form.withUnit', { label, unit: zone })} error={fieldError(errors, path)}>
      {(a11y) => (
        <input
          type="datetime-local"
          value={value}
          onChange={(e) => set(e.target.value)}
          {...a11y}
        />
      )}
    </Field>
  );
  const activity = (label: string, value: string, set: (v: string) => void, path: string) => (
    <Field label={t('form.withUnit', { label, unit })} error={fieldError(errors, path)}>
      {(a11y) => (
        <input
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => set(e.target.value)}
          {...a11y}
        />
      )}
    </Field>
  );

  return (
    <form
      className="dose-form"
      aria-label={t('dose.administerFor', { who })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="small">
        {t('administer.intro', {
          amount: formatActivity(dose.orderedBq, unit),
          tol: dose.tolerancePct,
          time: dayClockIn(Date.parse(dose.calibrationAt), zone),
        })}
      </p>
      <div className="form-grid">
        <Field
          label={t('administer.patientRef')}
          hint={t('administer.patientRefHint')}
          error={fieldError(errors, 'patientRef')}
        >
          {(a11y) => (
            <input
              type="text"
              autoComplete="off"
              value={patientRef}
              onChange={(e) => setPatientRef(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        {activity(t('administer.prescribed'), prescribed, setPrescribed, 'prescribedBq')}
      </div>
      <div className="form-grid">
        {activity(t('administer.before'), before, setBefore, 'beforeBq')}
        {time(t('administer.beforeAt'), beforeAt, setBeforeAt, 'beforeAt')}
        {time(t('administer.administeredAt'), administeredAt, setAdministeredAt, 'administeredAt')}
      </div>
      <div className="form-grid">
        {activity(t('administer.residue'), residue, setResidue, 'residueBq')}
        {time(t('administer.residueAt'), residueAt, setResidueAt, 'residueAt')}
        <Field
          label={t('administer.container')}
          hint={props.containers.length === 0 ? t('administer.noneOpen') : undefined}
          error={fieldError(errors, 'wasteContainerId')}
        >
          {(a11y) => (
            <select value={containerId} onChange={(e) => setContainerId(e.target.value)} {...a11y}>
              <option value="">{t('administer.none')}</option>
              {props.containers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} · {c.placeName} · {t(`wasteKind.${c.kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label={t('administer.direction')}
        hint={t('administer.directionHint')}
        error={directionError}
        className={`wide${directionError ? ' needs-direction' : ''}`}
      >
        {(a11y) => (
          <textarea
            rows={2}
            value={direction}
            onChange={(e) => setDirection(e.target.value)}
            {...a11y}
          />
        )}
      </Field>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('form.recording') : t('administer.record')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
