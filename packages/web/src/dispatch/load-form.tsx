import { useEffect, useState, type FormEvent } from 'react';
import { api, errorText } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { ScanField } from './scan-field.js';
import type { Courier, ShipmentDetail } from './shipment-types.js';
import { tiSum, tiSumText } from './transport.js';

const FIELDS = ['vehicle', 'courierId', 'scannedCodes'];

/**
 * Loads the packed shipment into a vehicle for a courier: the vehicle's registration, the courier,
 * and every package scanned. The sum of TI is shown against the vehicle's limit before loading;
 * the server adds what the vehicle carries already, checks the scans and decides.
 */
export function LoadForm(props: {
  detail: ShipmentDetail;
  /** Dispensed doses not packed yet: the server refuses to load while there are any. */
  unpacked: number;
  onChange: (d: ShipmentDetail) => void;
}) {
  const { detail } = props;
  const [couriers, setCouriers] = useState<Courier[] | undefined>();
  const [couriersError, setCouriersError] = useState<string | undefined>();
  const [vehicle, setVehicle] = useState('');
  const [courierId, setCourierId] = useState('');
  const [scanned, setScanned] = useState<string[]>([]);
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const expected = detail.packages.map((p) => p.code);
  const ti = tiSum(detail.packages);

  useEffect(() => {
    let live = true;
    void api.GET('/api/couriers').then((r) => {
      if (!live) return;
      setCouriers(r.data?.couriers ?? []);
      setCouriersError(r.data ? undefined : errorText(r.error, 'the couriers could not be loaded'));
    });
    return () => {
      live = false;
    };
  }, []);

  /** An edited field no longer shows the refusal of the last try. */
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors(undefined);
    };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (vehicle.trim() === '') local.push({ path: 'vehicle', message: 'give the registration' });
    if (courierId === '') local.push({ path: 'courierId', message: 'choose the courier' });
    if (scanned.length === 0) local.push({ path: 'scannedCodes', message: 'scan the packages' });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/shipments/{id}/load', {
      params: { path: { id: detail.shipment.id } },
      body: { vehicle: vehicle.trim(), courierId, scannedCodes: scanned },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, 'the shipment could not be loaded'));
    setErrors(undefined);
    props.onChange(data);
  }

  return (
    <div className="card" role="region" aria-labelledby="load-title">
      <div className="card-head">
        <h2 id="load-title">Load</h2>
      </div>
      <form
        className="dispatch-form"
        aria-label="Load the vehicle"
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {props.unpacked > 0 && (
          <p className="attention small">
            {props.unpacked} dispensed {props.unpacked === 1 ? 'dose is' : 'doses are'} not packed
            yet: pack {props.unpacked === 1 ? 'it' : 'them'} before loading.
          </p>
        )}
        <div className="form-grid">
          <Field label="Vehicle registration" error={fieldError(errors, 'vehicle')}>
            {(a11y) => (
              <input
                type="text"
                autoComplete="off"
                value={vehicle}
                onChange={(e) => edit(setVehicle)(e.target.value)}
                {...a11y}
              />
            )}
          </Field>
          <Field label="Courier" error={fieldError(errors, 'courierId') ?? couriersError}>
            {(a11y) => (
              <select
                value={courierId}
                onChange={(e) => edit(setCourierId)(e.target.value)}
                {...a11y}
              >
                <option value="">{couriers === undefined ? 'Loading…' : 'Choose a courier'}</option>
                {(couriers ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} · {c.organisation}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ScanField
          expected={expected}
          scanned={scanned}
          onChange={edit(setScanned)}
          error={fieldError(errors, 'scannedCodes')}
        />
        <div
          className={`ti-gauge${ti.over ? ' over' : ''}`}
          role="group"
          aria-label="Transport index on the vehicle"
        >
          <div className="ti-gauge-text">
            <strong>{tiSumText(ti)}</strong>
            <span className="muted small">
              {' '}
              · this shipment’s packages; the server adds what the vehicle already carries
            </span>
          </div>
          {ti.sum !== null && (
            <meter
              min={0}
              max={ti.limit}
              low={ti.limit * 0.8}
              high={ti.limit}
              optimum={0}
              value={ti.sum}
            >
              {ti.sum} of {ti.limit}
            </meter>
          )}
        </div>
        <FormMessage error={formError(errors, FIELDS)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Loading…' : 'Load'}
          </button>
        </div>
      </form>
    </div>
  );
}
