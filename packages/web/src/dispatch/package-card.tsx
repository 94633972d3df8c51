import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { parseDecimal } from './number-input.js';
import type { PackageClassification, ShipmentDetail, TransportPackage } from './shipment-types.js';
import {
  categoryText,
  contentsText,
  governing,
  labelView,
  PACKAGINGS,
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
  const packaging = PACKAGINGS.find((p) => p.code === pkg.packaging)?.name ?? pkg.packaging;
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
          <dt>Category</dt>
          <dd>{categoryText(pkg.category)}</dd>
        </div>
        <div>
          <dt>TI</dt>
          <dd>{pkg.transportIndex === null ? 'unknown' : formatNumber(pkg.transportIndex)}</dd>
        </div>
        <div className="wide">
          <dt>UN number · proper shipping name</dt>
          <dd>
            {pkg.unNumber} · {main.properShippingName}
          </dd>
        </div>
        <div className="wide">
          <dt>Packaging</dt>
          <dd>
            {packaging} · {formatNumber(pkg.leadMm)} mm lead · {pkg.orderIds.length}{' '}
            {pkg.orderIds.length === 1 ? 'dose' : 'doses'}
          </dd>
        </div>
        <div className="wide">
          <dt>
            Dose rates{' '}
            {rates.kind === 'estimate' ? (
              <span className="badge tone-warn">estimate</span>
            ) : (
              <span className="badge tone-good">measured</span>
            )}
          </dt>
          <dd>
            surface {rates.surface} · at 1 m {rates.oneMetre}
            {rates.basis && <span className="block small muted">Estimate: {rates.basis}</span>}
          </dd>
        </div>
      </dl>
      <div className="package-contents">
        <Contents title="At dispatch" c={pkg.atDispatch} unit={unit} zone={zone} />
        <Contents title="At arrival" c={pkg.atArrival} unit={unit} zone={zone} />
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
        {c.exclusiveUse && ' · exclusive use'}
      </p>
      {c.reasons.length > 0 && (
        <ul className="reasons small">
          {c.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {c.unlisted.length > 0 && (
        <p className="small attention">No A₂ value listed for {c.unlisted.join(', ')}</p>
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    const s = parseDecimal(surface);
    const m = parseDecimal(oneMetre);
    const local: { path: string; message: string }[] = [];
    if (s === undefined || Number.isNaN(s))
      local.push({ path: 'surfaceUSvPerH', message: 'expected a dose rate in µSv/h' });
    if (m === undefined || Number.isNaN(m))
      local.push({ path: 'oneMetreUSvPerH', message: 'expected a dose rate in µSv/h' });
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
    if (!data) return setErrors(serverErrors(error, 'the dose rates could not be recorded'));
    setErrors(undefined);
    setSurface('');
    setOneMetre('');
    props.onChange(data);
  }

  return (
    <form
      className="dispatch-form rates-form"
      aria-label={`Dose rates of ${pkg.code}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="form-grid">
        <Field label="Surface (µSv/h)" error={fieldError(errors, 'surfaceUSvPerH')}>
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
        <Field label="At 1 m (µSv/h)" error={fieldError(errors, 'oneMetreUSvPerH')}>
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
            {busy ? 'Recording…' : 'Record dose rates'}
          </button>
        </div>
      </div>
      <FormMessage error={formError(errors, ['surfaceUSvPerH', 'oneMetreUSvPerH'])} />
    </form>
  );
}
