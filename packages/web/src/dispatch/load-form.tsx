import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['dispatch', 'common']);

  useEffect(() => {
    let live = true;
    void api.GET('/api/couriers').then((r) => {
      if (!live) return;
      setCouriers(r.data?.couriers ?? []);
      setCouriersError(r.data ? undefined : errorText(r.error, t('load.couriersFailed')));
    });
    return () => {
      live = false;
    };
  }, [t]);

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
    if (vehicle.trim() === '') local.push({ path: 'vehicle', message: t('load.giveRegistration') });
    if (courierId === '') local.push({ path: 'courierId', message: t('load.chooseCourier') });
    if (scanned.length === 0) local.push({ path: 'scannedCodes', message: t('load.scanPackages') });
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
    if (!data) return setErrors(serverErrors(error, t('load.failed')));
    setErrors(undefined);
    props.onChange(data);
  }

  return (
    <div className="card" role="region" aria-labelledby="load-title">
      <div className="card-head">
        <h2 id="load-title">{t('load.title')}</h2>
      </div>
      <form
        className="dispatch-form"
        aria-label={t('load.form')}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {props.unpacked > 0 && (
          <p className="attention small">{t('load.unpacked', { count: props.unpacked })}</p>
        )}
        <div className="form-grid">
          <Field label={t('load.vehicle')} error={fieldError(errors, 'vehicle')}>
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
          <Field label={t('load.courier')} error={fieldError(errors, 'courierId') ?? couriersError}>
            {(a11y) => (
              <select
                value={courierId}
                onChange={(e) => edit(setCourierId)(e.target.value)}
                {...a11y}
              >
                <option value="">
                  {couriers === undefined ? t('common:loading') : t('load.chooseCourierOption')}
                </option>
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
          aria-label={t('load.tiGroup')}
        >
          <div className="ti-gauge-text">
            <strong>{tiSumText(ti)}</strong>
            <span className="muted small"> {t('load.tiNote')}</span>
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
              {t('load.meter', { sum: ti.sum, limit: ti.limit })}
            </meter>
          )}
        </div>
        <FormMessage error={formError(errors, FIELDS)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('load.loading') : t('load.load')}
          </button>
        </div>
      </form>
    </div>
  );
}
