import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import { dayClockIn, localInputIn } from '../zoned-time.js';
import type { ShipmentDetail, ShipmentDose } from './delivery-types.js';
import { localInstant, parseAmount } from './form-values.js';
import { doseName } from './shipment-status.js';

const FIELDS = ['packageCode', 'measuredBq', 'measuredAt', 'refuse'];

/**
 * Receives a delivered dose: the package's label code (scanned or typed), the activity measured
 * in the hospital's calibrator (in the unit shown) and when (default now, in the hospital's zone).
 * The server compares it with the dispensed activity decayed to that time and flags it beyond
 * ±10%. A dose is refused here, with a reason, before it is recorded: once received it is final.
 */
export function ReceiveForm(props: {
  dose: ShipmentDose;
  zone: string;
  unit: DisplayUnit;
  onDone: (detail: ShipmentDetail) => void;
  onCancel: () => void;
}) {
  const { dose, zone, unit } = props;
  const [code, setCode] = useState('');
  const [measured, setMeasured] = useState('');
  const [measuredAt, setMeasuredAt] = useState(() => localInputIn(Date.now(), zone));
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const who = doseName(dose);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (dose.doseId === null) return;
    const local: { path: string; message: string }[] = [];
    const value = parseAmount(measured);
    const at = localInstant(measuredAt, zone);
    if (code.trim() === '') local.push({ path: 'packageCode', message: 'scan or type the code' });
    if (value === undefined || value <= 0) {
      local.push({ path: 'measuredBq', message: `expected a positive number of ${unit}` });
    }
    if (at === undefined) local.push({ path: 'measuredAt', message: 'expected a date and time' });
    if (refusing && reason.trim() === '') {
      local.push({ path: 'refuse', message: 'say why the dose is refused' });
    }
    if (local.length > 0 || value === undefined || at === undefined) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/doses/{id}/receipt', {
      params: { path: { id: dose.doseId } },
      body: {
        packageCode: code.trim(),
        measuredBq: toBq(value, unit),
        measuredAt: at,
        ...(refusing ? { refuse: reason.trim() } : {}),
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, 'the dose could not be received'));
    setErrors(undefined);
    props.onDone(data.shipment);
  }

  return (
    <form
      className="dose-form"
      aria-label={`Receive the dose for ${who}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="small">
        Measure the dose in your calibrator. It is compared with the{' '}
        {dose.dispensedBq === null || dose.dispensedAt === null
          ? 'dispensed activity'
          : `${formatActivity(dose.dispensedBq, unit)} dispensed at ${dayClockIn(Date.parse(dose.dispensedAt), zone)}`}
        , decayed to the time of your measurement; beyond ±10% it is flagged.
      </p>
      <div className="form-grid">
        <Field label="Package code" hint="scan the label" error={fieldError(errors, 'packageCode')}>
          {(a11y) => (
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={`Measured activity (${unit})`} error={fieldError(errors, 'measuredBq')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              value={measured}
              onChange={(e) => setMeasured(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={`Measured at (${zone})`} error={fieldError(errors, 'measuredAt')}>
          {(a11y) => (
            <input
              type="datetime-local"
              value={measuredAt}
              onChange={(e) => setMeasuredAt(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <div className="refuse-box">
        <label className="inline">
          <input
            type="checkbox"
            checked={refusing}
            onChange={(e) => setRefusing(e.target.checked)}
          />
          Refuse this dose
        </label>
        <p className="muted small">
          A recorded receipt is final: to refuse a dose (e.g. outside tolerance), tick this before
          recording it and give the reason.
        </p>
        {refusing && (
          <Field
            label="Reason for refusing"
            hint="e.g. outside tolerance, damaged package"
            error={fieldError(errors, 'refuse')}
            className="wide"
          >
            {(a11y) => (
              <textarea
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                {...a11y}
              />
            )}
          </Field>
        )}
      </div>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className={refusing ? 'primary danger' : 'primary'} disabled={busy}>
          {busy ? 'Recording…' : refusing ? 'Refuse the dose' : 'Record receipt'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
