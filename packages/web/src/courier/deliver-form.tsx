import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { ScanField } from '../dispatch/scan-field.js';
import type { ShipmentDetail } from '../dispatch/shipment-types.js';

/** The delivery at the hospital: every package scanned; the server checks the list. */
export function DeliverForm(props: {
  detail: ShipmentDetail;
  codes: readonly string[];
  onChange: (d: ShipmentDetail) => void;
}) {
  const [scanned, setScanned] = useState<string[]>([]);
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (scanned.length === 0) {
      setErrors({
        message: 'scan the packages',
        issues: [{ path: 'scannedCodes', message: 'scan the packages' }],
      });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/shipments/{id}/deliver', {
      params: { path: { id: props.detail.shipment.id } },
      body: { scannedCodes: scanned },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, 'the delivery was not recorded'));
    setErrors(undefined);
    props.onChange(data);
  }

  return (
    <form className="run-form" aria-label="Deliver" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Deliver to {props.detail.shipment.hospitalName}: scan every package</h3>
      <ScanField
        large
        expected={props.codes}
        scanned={scanned}
        onChange={(codes) => {
          setScanned(codes);
          setErrors(undefined);
        }}
        error={fieldError(errors, 'scannedCodes')}
      />
      <FormMessage error={formError(errors, ['scannedCodes'])} />
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? 'Delivering…' : 'Deliver'}
      </button>
    </form>
  );
}
