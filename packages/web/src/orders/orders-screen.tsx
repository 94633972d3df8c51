import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorText, type Order, type OrderStatus } from '../api/client.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { filterChoices, filterOrders, injectionTime } from './order-filter.js';

const ROW_HEIGHT = 36;

/** Tomorrow's local date, "YYYY-MM-DD": the day the demo network's orders are for. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Orders of a date: a windowed table that stays fast with thousands of rows. */
export function OrdersScreen({ unit }: { unit: DisplayUnit }) {
  const [date, setDate] = useState(tomorrow());
  const [orders, setOrders] = useState<Order[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [product, setProduct] = useState('');
  const [hospitalId, setHospitalId] = useState('');
  const [text, setText] = useState('');

  useEffect(() => {
    let current = true;
    setLoading(true);
    void api.GET('/api/orders', { params: { query: { date, limit: 10000 } } }).then((r) => {
      if (!current) return;
      setLoading(false);
      setOrders(r.data?.orders ?? []);
      setTotal(r.data?.total ?? 0);
      setError(r.data ? undefined : errorText(r.error, 'could not load the orders'));
    });
    return () => {
      current = false;
    };
  }, [date]);

  const choices = useMemo(() => filterChoices(orders), [orders]);
  const shown = useMemo(
    () =>
      filterOrders(orders, {
        status: status || undefined,
        product: product || undefined,
        hospitalId: hospitalId || undefined,
        text,
      }),
    [orders, status, product, hospitalId, text],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      <div className="card form-row" role="search">
        <label>
          Injection date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
            <option value="">All</option>
            {choices.statuses.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Product
          <select value={product} onChange={(e) => setProduct(e.target.value)}>
            <option value="">All</option>
            {choices.products.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Hospital
          <select value={hospitalId} onChange={(e) => setHospitalId(e.target.value)}>
            <option value="">All</option>
            {choices.hospitals.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Search
          <input
            type="search"
            placeholder="hospital, product, patient ref."
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {loading
          ? 'Loading…'
          : `${shown.length.toLocaleString()} of ${total.toLocaleString()} orders`}
      </p>
      <div className="card flush">
        <div role="table" aria-label="Orders" aria-rowcount={shown.length + 1} className="grid">
          <div role="row" className="grid-row grid-head">
            <span role="columnheader">Injection</span>
            <span role="columnheader">Hospital</span>
            <span role="columnheader">Product</span>
            <span role="columnheader" className="num">
              Activity
            </span>
            <span role="columnheader">Patient</span>
            <span role="columnheader">Status</span>
          </div>
          <div ref={scroller} className="grid-body" tabIndex={0} aria-label="Order rows">
            <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
              {rows.getVirtualItems().map((row) => {
                const o = shown[row.index] as Order;
                return (
                  <div
                    role="row"
                    aria-rowindex={row.index + 2}
                    key={o.id}
                    className="grid-row"
                    style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  >
                    <span role="cell">{injectionTime(o)}</span>
                    <span role="cell">{o.hospitalName}</span>
                    <span role="cell">{o.productCode}</span>
                    <span role="cell" className="num">
                      {formatActivity(o.activityBq, unit)}
                    </span>
                    <span role="cell">{o.patientRef ?? '—'}</span>
                    <span role="cell">
                      <span className={`status status-${o.status}`}>
                        {o.status.replace('_', ' ')}
                      </span>
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
