import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { parseDecimal } from './number-input.js';
import { doseName } from './shipment-status.js';
import type { Packaging, ShipmentDetail, ShipmentDose } from './shipment-types.js';
import { PACKAGINGS } from './transport.js';

const FIELDS = ['orderIds', 'packaging', 'leadMm', 'surfaceUSvPerH', 'oneMetreUSvPerH'];

/**
 * Packs dispensed doses into a package: which doses, the packaging, the lead, and the dose rates
 * if measured now (both or neither; until measured the server estimates them). A refusal shows
 * next to the dose or field it names.
 */
export function PackForm(props: {
  detail: ShipmentDetail;
  /** The dispensed doses in no package yet. */
  doses: readonly ShipmentDose[];
  unit: DisplayUnit;
  onChange: (d: ShipmentDetail) => void;
}) {
  const { doses, unit } = props;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [packaging, setPackaging] = useState<Packaging>('type-a-case');
  const [lead, setLead] = useState('');
  const [surface, setSurface] = useState('');
  const [oneMetre, setOneMetre] = useState('');
  /** The order ids as sent, so that `orderIds.2` finds its dose. */
  const [sent, setSent] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);

  const toggle = (orderId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(orderId);
    else next.delete(orderId);
    setChosen(next);
    setErrors(undefined);
  };
  const doseError = (orderId: string) => {
    const k = sent.indexOf(orderId);
    return k < 0 ? undefined : fieldError(errors, `orderIds.${k}`);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const orderIds = doses.map((d) => d.orderId).filter((id) => chosen.has(id));
    const leadMm = parseDecimal(lead);
    const s = parseDecimal(surface);
    const m = parseDecimal(oneMetre);
    const local: { path: string; message: string }[] = [];
    if (orderIds.length === 0) local.push({ path: 'orderIds', message: 'pick at least one dose' });
    if (leadMm === undefined || Number.isNaN(leadMm))
      local.push({ path: 'leadMm', message: 'expected mm of lead' });
    if (s !== undefined && Number.isNaN(s))
      local.push({ path: 'surfaceUSvPerH', message: 'expected a dose rate in µSv/h' });
    if (m !== undefined && Number.isNaN(m))
      local.push({ path: 'oneMetreUSvPerH', message: 'expected a dose rate in µSv/h' });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    setSent(orderIds);
    const { data, error } = await api.POST('/api/shipments/{id}/packages', {
      params: { path: { id: props.detail.shipment.id } },
      body: {
        orderIds,
        packaging,
        leadMm: leadMm ?? 0,
        ...(s === undefined ? {} : { surfaceUSvPerH: s }),
        ...(m === undefined ? {} : { oneMetreUSvPerH: m }),
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, 'the doses could not be packed'));
    setErrors(undefined);
    setChosen(new Set());
    props.onChange(data);
  }

  return (
    <div className="card" role="region" aria-labelledby="pack-title">
      <div className="card-head">
        <h2 id="pack-title">Pack</h2>
      </div>
      {doses.length === 0 ? (
        <p className="muted">
          No dispensed dose waits for a package
          {props.detail.shipment.dispensed < props.detail.shipment.doses
            ? ': doses are packed once they are dispensed (Production).'
            : '.'}
        </p>
      ) : (
        <form
          className="dispatch-form"
          aria-label="Pack doses"
          onSubmit={(e) => void submit(e)}
          noValidate
        >
          <fieldset
            className="dose-choices"
            {...(fieldError(errors, 'orderIds') && !sent.some((id) => doseError(id))
              ? { 'aria-invalid': true }
              : {})}
          >
            <legend>Doses to pack</legend>
            {doses.map((d) => {
              const err = doseError(d.orderId);
              return (
                <div key={d.orderId} className="dose-choice">
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={chosen.has(d.orderId)}
                      onChange={(e) => toggle(d.orderId, e.target.checked)}
                      {...(err ? { 'aria-invalid': true } : {})}
                    />
                    <span>
                      {doseName(d)} · {d.productName} · {formatActivity(d.dispensedBq ?? 0, unit)}{' '}
                      dispensed
                    </span>
                  </label>
                  {err && <span className="error small field-error">{err}</span>}
                </div>
              );
            })}
            {fieldError(errors, 'orderIds') && !sent.some((id) => doseError(id)) && (
              <span className="error small field-error">{fieldError(errors, 'orderIds')}</span>
            )}
          </fieldset>
          <div className="form-grid">
            <Field label="Packaging" error={fieldError(errors, 'packaging')}>
              {(a11y) => (
                <select
                  value={packaging}
                  onChange={(e) => setPackaging(e.target.value as Packaging)}
                  {...a11y}
                >
                  {PACKAGINGS.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Lead (mm)" error={fieldError(errors, 'leadMm')}>
              {(a11y) => (
                <input
                  type="text"
                  inputMode="decimal"
                  value={lead}
                  onChange={(e) => setLead(e.target.value)}
                  {...a11y}
                />
              )}
            </Field>
            <Field
              label="Surface dose rate (µSv/h)"
              hint="optional, measured"
              error={fieldError(errors, 'surfaceUSvPerH')}
            >
              {(a11y) => (
                <input
                  type="text"
                  inputMode="decimal"
                  value={surface}
                  onChange={(e) => setSurface(e.target.value)}
                  {...a11y}
                />
              )}
            </Field>
            <Field
              label="Dose rate at 1 m (µSv/h)"
              hint="optional, measured"
              error={fieldError(errors, 'oneMetreUSvPerH')}
            >
              {(a11y) => (
                <input
                  type="text"
                  inputMode="decimal"
                  value={oneMetre}
                  onChange={(e) => setOneMetre(e.target.value)}
                  {...a11y}
                />
              )}
            </Field>
          </div>
          <p className="muted small">
            Give both dose rates or neither: until they are measured, the package is classified on
            an estimate from the dose-rate constants, marked as such.
          </p>
          <FormMessage error={formError(errors, FIELDS)} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Packing…' : 'Pack'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
