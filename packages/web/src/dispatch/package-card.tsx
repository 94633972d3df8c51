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
import { serverText } from '../i18n/server-texts.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { parseDecimal } from './number-input.js';
import type { PackageClassification, ShipmentDetail, TransportPackage } from './shipment-types.js';
import {
  categoryText,
  contentsText,
  governing,
  labelView,
  packagingName,
  ratesView,
} from './transport.js';

/**
 * A package as its label and papers show it: the code (scanned at every hand-over), category, UN
 * number and proper shipping name, label and TI; the dose rates, measured or estimated (marked as
 * an estimate, with its basis); the contents at dispatch and at arrival with the reasons of each
 * classification. Before loading, a radiopharmacist records the measured dose rates.
 */
export function PackageCard(props: {
  pkg: TransportPackage;
  unit: DisplayUnit;
  zone: string;
  canMeasure: boolean;
  onChange: (d: ShipmentDetail) => void;
}) {
  const { pkg, unit, zone } = props;
  const label = labelView(pkg.label);
  const rates = ratesView(pkg);
  const main = governing(pkg);
  const titleId = `package-${pkg.id}`;
  const packaging = packagingName(pkg.packaging);
  const { t } = useTranslation('dispatch');
  return (
    <article className="package-card" aria-labelledby={titleId}>
      <div className="package-head">
        <h3 id={titleId} className="package-code mono">
          {pkg.code}
        </h3>
        <span className={`transport-label ${label.className}`} title={label.title}>
          {label.text}
        </span>
      </div>
      <dl className="package-facts">
        <div>
          <dt>{t('packageCard.category')}</dt>
          <dd>{categoryText(pkg.category)}</dd>
        </div>
        <div>
          <dt>TI</dt>
          <dd>{pkg.transportIndex === null ? t('unknown') : formatNumber(pkg.transportIndex)}</dd>
        </div>
        <div className="wide">
          <dt>{t('packageCard.unShipping')}</dt>
          <dd>
            {pkg.unNumber} · {main.properShippingName}
          </dd>
        </div>
        <div className="wide">
          <dt>{t('packageCard.packaging')}</dt>
          <dd>
            {t('packageCard.packagingLine', {
              packaging,
              lead: formatNumber(pkg.leadMm),
              count: pkg.orderIds.length,
            })}
          </dd>
        </div>
        <div className="wide">
          <dt>
            {t('packageCard.doseRates')}{' '}
            {rates.kind === 'estimate' ? (
              <span className="badge tone-warn">{t('packageCard.estimate')}</span>
            ) : (
              <span className="badge tone-good">{t('packageCard.measured')}</span>
            )}
          </dt>
          <dd>
            {t('packageCard.rates', { surface: rates.surface, oneMetre: rates.oneMetre })}
            {rates.basis && (
              <span className="block small muted">
                {t('packageCard.basis', { basis: serverText(rates.basis) })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <div className="package-contents">
        <Contents title={t('packageCard.atDispatch')} c={pkg.atDispatch} unit={unit} zone={zone} />
        <Contents title={t('packageCard.atArrival')} c={pkg.atArrival} unit={unit} zone={zone} />
      </div>
      {props.canMeasure && <DoseRatesForm pkg={pkg} onChange={props.onChange} />}
    </article>
  );
}

function Contents(props: {
  title: string;
  c: PackageClassification;
  unit: DisplayUnit;
  zone: string;
}) {
  const { c } = props;
  const { t } = useTranslation('dispatch');
  return (
    <div className="contents">
      <h4>
        {props.title}{' '}
        <span className="muted small">{dayClockIn(Date.parse(c.at), props.zone)}</span>
      </h4>
      <p className="small">{contentsText(c.contents, props.unit)}</p>
      <p className="small muted">
        {categoryText(c.category)} · A/A₂ {formatNumber(c.a2Fraction)}
        {c.transportIndex !== null && ` · TI ${formatNumber(c.transportIndex)}`}
        {c.label && ` · ${c.label}`}
        {c.exclusiveUse && ` · ${t('packageCard.exclusiveUse')}`}
      </p>
      {c.reasons.length > 0 && (
        <ul className="reasons small">
          {c.reasons.map((r) => (
            <li key={r}>{serverText(r)}</li>
          ))}
        </ul>
      )}
      {c.unlisted.length > 0 && (
        <p className="small attention">
          {t('packageCard.noA2', { nuclides: c.unlisted.join(', ') })}
        </p>
      )}
    </div>
  );
}

/** Records the dose rates measured on the package (surface and 1 m); refused once loaded. */
function DoseRatesForm(props: { pkg: TransportPackage; onChange: (d: ShipmentDetail) => void }) {
  const { pkg } = props;
  const [surface, setSurface] = useState('');
  const [oneMetre, setOneMetre] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('dispatch');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const s = parseDecimal(surface);
    const m = parseDecimal(oneMetre);
    const local: { path: string; message: string }[] = [];
    if (s === undefined || Number.isNaN(s))
      local.push({ path: 'surfaceUSvPerH', message: t('pack.expectedRate') });
    if (m === undefined || Number.isNaN(m))
      local.push({ path: 'oneMetreUSvPerH', message: t('pack.expectedRate') });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/packages/{code}/dose-rates', {
      params: { path: { code: pkg.code } },
      body: { surfaceUSvPerH: s ?? 0, oneMetreUSvPerH: m ?? 0 },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('packageCard.recordFailed')));
    setErrors(undefined);
    setSurface('');
    setOneMetre('');
    props.onChange(data);
  }

  return (
    <form
      className="dispatch-form rates-form"
      aria-label={t('packageCard.ratesOf', { code: pkg.code })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="form-grid">
        <Field label={t('packageCard.surface')} error={fieldError(errors, 'surfaceUSvPerH')}>
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
        <Field label={t('packageCard.oneMetre')} error={fieldError(errors, 'oneMetreUSvPerH')}>
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
        <div className="form-actions inline-actions">
          <button type="submit" className="secondary" disabled={busy}>
            {busy ? t('packageCard.recording') : t('packageCard.record')}
          </button>
        </div>
      </div>
      <FormMessage error={formError(errors, ['surfaceUSvPerH', 'oneMetreUSvPerH'])} />
    </form>
  );
}
