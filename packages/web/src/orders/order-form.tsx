import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, errorText, type Order, type WorkingDay } from '../api/client.js';
import type { components } from '../api/schema.js';
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
        : ({ ok: false, problem: 'loading the products' } as const),
    [form, props.onBehalf, limits, product],
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
        setProblem(r.data ? undefined : errorText(r.error, 'could not check the order'));
      });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request]);

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
      setProblem(errorText(r.error, 'could not place the order'));
      return;
    }
    setPlaced(
      `Order placed: ${product?.name ?? form.productCode}, ${formatActivity(r.data.activityBq, props.unit)} at ${form.time} on ${form.date}.`,
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
        New order{hospital && !props.onBehalf ? ` for ${hospital.name}` : ''}
      </h2>
      <div className="form-row">
        {props.onBehalf && (
          <label>
            Hospital
            <select
              value={form.hospitalId}
              onChange={(e) => chooseHospital(e.target.value)}
              required
            >
              <option value="">Choose…</option>
              {hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name} ({h.city})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Product
          <select value={form.productCode} onChange={(e) => chooseProduct(e.target.value)} required>
            <option value="">Choose…</option>
            {products.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Injection date
          <input
            type="date"
            value={form.date}
            onChange={(e) => update({ date: e.target.value })}
            required
          />
        </label>
        <label>
          <span>
            Injection time <span className="small">({form.zone})</span>
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
          <legend>Activity</legend>
          <label className="inline">
            <input
              type="radio"
              name="amount-kind"
              checked={form.kind === 'fixed'}
              onChange={() => update({ kind: 'fixed' })}
            />{' '}
            Fixed
          </label>
          <label className="inline">
            <input
              type="radio"
              name="amount-kind"
              checked={form.kind === 'per_kg'}
              onChange={() => update({ kind: 'per_kg' })}
            />{' '}
            Per kg of body weight
          </label>
        </fieldset>
        <label>
          {form.kind === 'fixed'
            ? `Activity at injection (${form.unit})`
            : `Activity per kg (${perKgUnit})`}
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
            Patient&apos;s weight (kg)
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
            Patient reference <span className="small">(optional)</span>
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
            ? 'Placing…'
            : checking
              ? 'Checking…'
              : assessment && !assessment.servable
                ? 'Place order anyway'
                : 'Place order'}
        </button>
        {!request.ok && <span className="muted small">To place it: {request.problem}.</span>}
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
  const a = props.assessment;
  if (props.checking)
    return (
      <p className="assessment muted" aria-live="polite">
        Checking the activity and whether a site can serve this time…
      </p>
    );
  if (!a)
    return (
      <p className="assessment muted">
        The expected activity and whether a site can serve the time show here.
      </p>
    );
  return (
    <div
      className={`assessment ${a.servable ? 'assessment-ok' : 'assessment-warn'}`}
      aria-live="polite"
    >
      <p>
        The patient will get <strong>{formatActivity(a.activityBq, props.unit)}</strong> at{' '}
        {props.time}{' '}
        <span className="muted">
          (±{a.tolerancePct}%: {formatActivity(a.minBq, props.unit)} –{' '}
          {formatActivity(a.maxBq, props.unit)})
        </span>
      </p>
      {a.servable ? (
        <p>
          Can be served from {a.sites.join(', ')}; the last batch that makes it starts at{' '}
          {a.latestBatchStart}.
        </p>
      ) : (
        <p role="alert">
          <strong>No site can serve this time:</strong> {a.reason}
        </p>
      )}
    </div>
  );
}
