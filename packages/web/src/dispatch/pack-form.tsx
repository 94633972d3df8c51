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
import { formatActivity, type DisplayUnit } from '../units.js';
import { parseDecimal } from './number-input.js';
import { doseName } from './shipment-status.js';
import type { Packaging, ShipmentDetail, ShipmentDose } from './shipment-types.js';
import { PACKAGINGS, packagingName } from './transport.js';

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
  const { t } = useTranslation('dispatch');

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
    if (orderIds.length === 0) local.push({ path: 'orderIds', message: t('pack.pickOne') });
    if (leadMm === undefined || Number.isNaN(leadMm))
      local.push({ path: 'leadMm', message: t('pack.expectedLead') });
    if (s !== undefined && Number.isNaN(s))
      local.push({ path: 'surfaceUSvPerH', message: t('pack.expectedRate') });
    if (m !== undefined && Number.isNaN(m))
      local.push({ path: 'oneMetreUSvPerH', message: t('pack.expectedRate') });
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
    if (!data) return setErrors(serverErrors(error, t('pack.failed')));
    setErrors(undefined);
    setChosen(new Set());
    props.onChange(data);
  }

  return (
    <div className="card" role="region" aria-labelledby="pack-title">
      <div className="card-head">
        <h2 id="pack-title">{t('pack.title')}</h2>
      </div>
      {doses.length === 0 ? (
        <p className="muted">
          {props.detail.shipment.dispensed < props.detail.shipment.doses
            ? t('pack.noneWaitingYet')
            : t('pack.noneWaiting')}
        </p>
      ) : (
        <form
          className="dispatch-form"
          aria-label={t('pack.form')}
          onSubmit={(e) => void submit(e)}
          noValidate
        >
          <fieldset
            className="dose-choices"
            {...(fieldError(errors, 'orderIds') && !sent.some((id) => doseError(id))
              ? { 'aria-invalid': true }
              : {})}
          >
            <legend>{t('pack.dosesToPack')}</legend>
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
                      {t('pack.choice', {
                        dose: doseName(d),
                        product: d.productName,
                        amount: formatActivity(d.dispensedBq ?? 0, unit),
                      })}
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
            <Field label={t('pack.packaging')} error={fieldError(errors, 'packaging')}>
              {(a11y) => (
                <select
                  value={packaging}
                  onChange={(e) => setPackaging(e.target.value as Packaging)}
                  {...a11y}
                >
                  {PACKAGINGS.map((code) => (
                    <option key={code} value={code}>
                      {packagingName(code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('pack.lead')} error={fieldError(errors, 'leadMm')}>
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
              label={t('pack.surface')}
              hint={t('pack.optionalMeasured')}
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
              label={t('pack.oneMetre')}
              hint={t('pack.optionalMeasured')}
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
          <p className="muted small">{t('pack.ratesNote')}</p>
          <FormMessage error={formError(errors, FIELDS)} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('pack.packing') : t('pack.pack')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
