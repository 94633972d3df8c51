import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('courier');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (scanned.length === 0) {
      setErrors({
        message: t('deliver.scanPackages'),
        issues: [{ path: 'scannedCodes', message: t('deliver.scanPackages') }],
      });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/shipments/{id}/deliver', {
      params: { path: { id: props.detail.shipment.id } },
      body: { scannedCodes: scanned },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('deliver.failed')));
    setErrors(undefined);
    props.onChange(data);
  }

  return (
    <form
      className="run-form"
      aria-label={t('deliver.form')}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{t('deliver.title', { place: props.detail.shipment.hospitalName })}</h3>
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
        {busy ? t('deliver.delivering') : t('deliver.deliver')}
      </button>
    </form>
  );
}
