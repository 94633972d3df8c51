import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, errorText, type Order, type WorkingDay } from '../api/client.js';
import type { components } from '../api/schema.js';
import { serverText } from '../i18n/server-texts.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import {
  orderRequest,
  usualAmount,
  type OrderForm as Form,
  type OrderLimits,
} from './order-request.js';

type Product = components['schemas']['Product'];
type Place = components['schemas']['Place'];
type Assessment = components['schemas']['OrderAssessment'];

/**
 * The hospital's order form: product, injection time in the hospital's zone, a fixed or per-kg
 * activity. While it is filled in, the server assesses it (the activity the patient gets, and
 * whether any site can serve that time, with the planner's reason when none can).
 */
export function OrderFormCard(props: {
  unit: DisplayUnit;
  onBehalf: boolean;
  /** The day the form opens on (the next day with orders or on which hospitals receive). */
  day: WorkingDay;
  onPlaced: (order: Order) => void;
}) {
  const { t } = useTranslation('orders');
  const [products, setProducts] = useState<Product[]>([]);
  const [limits, setLimits] = useState<OrderLimits | undefined>();
  const [hospitals, setHospitals] = useState<Place[]>([]);
  const [form, setForm] = useState<Form>({
    hospitalId: '',
    productCode: '',
    date: props.day.date,
    time: '10:00',
    zone: props.day.zone,
    kind: 'fixed',
    activity: '',
    unit: props.unit,
    weightKg: '',
    patientRef: '',
  });
  // The verdict with the request it answers: a verdict on an earlier form is never shown.
  const [verdict, setVerdict] = useState<{ for: unknown; assessment: Assessment | undefined }>();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<string | undefined>();
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    void Promise.all([api.GET('/api/products'), api.GET('/api/hospitals')]).then(([p, h]) => {
      setProducts(p.data?.products ?? []);
      setLimits(p.data?.limits);
      const places = h.data?.hospitals ?? [];
      setHospitals(places);
      const own = props.onBehalf ? undefined : places[0];
      if (own)
        setForm((f) => ({
          ...f,
          hospitalId: own.id,
          zone: own.timeZone,
        }));
    });
  }, [props.onBehalf]);

  const hospital = hospitals.find((h) => h.id === form.hospitalId);
  const product = products.find((p) => p.code === form.productCode);
  const request = useMemo(
    () =>
      limits
        ? orderRequest(form, { onBehalf: props.onBehalf, limits: { order: limits, product } })
        : ({ ok: false, problem: t('form.loadingProducts') } as const),
    [form, props.onBehalf, limits, product, t],
  );

  // Assess the order as it is typed, a moment after the last change. Until the verdict on the
  // current form arrives, the form says it is checking and cannot be placed.
  const assessment = verdict?.for === request ? verdict.assessment : undefined;
  const checking = request.ok && verdict?.for !== request;
  useEffect(() => {
    if (!request.ok) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      void api.POST('/api/orders/assess', { body: request.body }).then((r) => {
        if (!current) return;
        setVerdict({ for: request, assessment: r.data });
        setProblem(r.data ? undefined : errorText(r.error, t('form.checkFailed')));
      });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request, t]);

  function update(change: Partial<Form>) {
    setPlaced(undefined);
    setForm((f) => ({ ...f, ...change }));
  }
  function chooseProduct(code: string) {
    const p = products.find((x) => x.code === code);
    update({ productCode: code, ...(p ? usualAmount(p, form.unit) : {}) });
  }
  function chooseHospital(id: string) {
    const h = hospitals.find((x) => x.id === id);
    update({ hospitalId: id, ...(h ? { zone: h.timeZone } : {}) });
  }

  async function place(e: FormEvent) {
    e.preventDefault();
    if (!request.ok) {
      setProblem(request.problem);
      return;
    }
    setBusy(true);
    const r = await api.POST('/api/orders', {
      body: request.body,
      params: { header: { 'idempotency-key': key } },
    });
    setBusy(false);
    if (!r.data) {
      setProblem(errorText(r.error, t('form.placeFailed')));
      return;
    }
    setPlaced(
      t('form.placed', {
        product: product?.name ?? form.productCode,
        amount: formatActivity(r.data.activityBq, props.unit),
        time: form.time,
        date: form.date,
      }),
    );
    setKey(crypto.randomUUID());
    setForm((f) => ({ ...f, patientRef: '', weightKg: '' }));
    props.onPlaced(r.data);
  }

  const perKgUnit = `${form.unit}/kg`;
  return (
    <form
      className="card order-form"
      onSubmit={(e) => void place(e)}
      aria-labelledby="order-form-title"
    >
      <h2 id="order-form-title">
        {hospital && !props.onBehalf
          ? t('form.titleFor', { name: hospital.name })
          : t('form.title')}
      </h2>
      <div className="form-row">
        {props.onBehalf && (
          <label>
            {t('form.hospital')}
            <select
              value={form.hospitalId}
              onChange={(e) => chooseHospital(e.target.value)}
              required
            >
              <option value="">{t('form.choose')}</option>
              {hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name} ({h.city})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('form.product')}
          <select value={form.productCode} onChange={(e) => chooseProduct(e.target.value)} required>
            <option value="">{t('form.choose')}</option>
            {products.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.date')}
          <input
            type="date"
            value={form.date}
            onChange={(e) => update({ date: e.target.value })}
            required
          />
        </label>
        <label>
          <span>
            {t('form.time')} <span className="small">({form.zone})</span>
          </span>
          <input
            type="time"
            value={form.time}
            onChange={(e) => update({ time: e.target.value })}
            required
          />
        </label>
      </div>
      <div className="form-row">
        <fieldset className="segmented-field">
          <legend>{t('form.amount')}</legend>
          <label className="inline">
            <input
              type="radio"
              name="amount-kind"
              checked={form.kind === 'fixed'}
              onChange={() => update({ kind: 'fixed' })}
            />{' '}
            {t('form.fixed')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="amount-kind"
              checked={form.kind === 'per_kg'}
              onChange={() => update({ kind: 'per_kg' })}
            />{' '}
            {t('form.perKg')}
          </label>
        </fieldset>
        <label>
          {form.kind === 'fixed'
            ? t('form.amountFixed', { unit: form.unit })
            : t('form.amountPerKg', { unit: perKgUnit })}
          <input
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            value={form.activity}
            onChange={(e) => update({ activity: e.target.value })}
            required
          />
        </label>
        {form.kind === 'per_kg' && (
          <label>
            {t('form.weight')}
            <input
              type="number"
              min="1"
              max="500"
              step="any"
              inputMode="decimal"
              value={form.weightKg}
              onChange={(e) => update({ weightKg: e.target.value })}
              required
            />
          </label>
        )}
        <label>
          <span>
            {t('form.patientRef')} <span className="small">{t('form.optional')}</span>
          </span>
          <input
            value={form.patientRef}
            onChange={(e) => update({ patientRef: e.target.value })}
            maxLength={100}
          />
        </label>
      </div>
      <AssessmentLine
        assessment={assessment}
        checking={checking}
        unit={props.unit}
        time={form.time}
      />
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {placed && (
        <p role="status" className="ok">
          {placed}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !request.ok || checking}>
          {busy
            ? t('form.placing')
            : checking
              ? t('form.checking')
              : assessment && !assessment.servable
                ? t('form.placeAnyway')
                : t('form.place')}
        </button>
        {!request.ok && (
          <span className="muted small">{t('form.toPlace', { problem: request.problem })}</span>
        )}
      </div>
    </form>
  );
}

/** What the patient will get, and whether a site can serve the time. */
function AssessmentLine(props: {
  assessment: Assessment | undefined;
  checking: boolean;
  unit: DisplayUnit;
  time: string;
}) {
  const { t } = useTranslation('orders');
  const a = props.assessment;
  if (props.checking)
    return (
      <p className="assessment muted" aria-live="polite">
        {t('assessment.checking')}
      </p>
    );
  if (!a) return <p className="assessment muted">{t('assessment.pending')}</p>;
  return (
    <div
      className={`assessment ${a.servable ? 'assessment-ok' : 'assessment-warn'}`}
      aria-live="polite"
    >
      <p>
        <Trans
          ns="orders"
          i18nKey="assessment.patientGets"
          values={{
            amount: formatActivity(a.activityBq, props.unit),
            time: props.time,
            tolerance: a.tolerancePct,
            min: formatActivity(a.minBq, props.unit),
            max: formatActivity(a.maxBq, props.unit),
          }}
          components={{ b: <strong />, muted: <span className="muted" /> }}
        />
      </p>
      {a.servable ? (
        <p>
          {t('assessment.servable', { sites: a.sites.join(', '), start: a.latestBatchStart ?? '' })}
        </p>
      ) : (
        <p role="alert">
          <Trans
            ns="orders"
            i18nKey="assessment.unservable"
            values={{ reason: a.reason === null ? '' : serverText(a.reason) }}
            components={{ b: <strong /> }}
          />
        </p>
      )}
    </div>
  );
}
