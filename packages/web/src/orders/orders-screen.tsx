import { localDateOf } from '@halflife/domain';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  errorText,
  type Me,
  type Order,
  type OrderStatus,
  type WorkingDay,
} from '../api/client.js';
import { localeNumber } from '../i18n/i18n.js';
import { serverText } from '../i18n/server-texts.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { emptyOrdersReason } from '../working-day.js';
import { filterChoices, filterOrders, injectionTime } from './order-filter.js';
import { OrderFormCard } from './order-form.js';

const ROW_HEIGHT = 36;

interface Column {
  readonly key: string;
  readonly label: string;
  /** CSS grid track. */
  readonly width: string;
  readonly num?: boolean;
  /** Left out on narrow screens (tablets). */
  readonly wideOnly?: boolean;
  readonly cell: (o: Order) => ReactNode;
  readonly title?: (o: Order) => string | undefined;
}

function orderColumns(unit: DisplayUnit, t: TFunction<['orders', 'common']>): Column[] {
  return [
    { key: 'injection', label: t('column.injection'), width: '72px', cell: injectionTime },
    { key: 'hospital', label: t('column.hospital'), width: '2fr', cell: (o) => o.hospitalName },
    { key: 'product', label: t('column.product'), width: '1.3fr', cell: (o) => o.productCode },
    {
      key: 'ordered',
      label: t('column.ordered'),
      width: '110px',
      num: true,
      cell: (o) => formatActivity(o.activityBq, unit),
    },
    {
      key: 'expected',
      label: t('column.expected'),
      width: '110px',
      num: true,
      cell: (o) => (o.planned ? formatActivity(o.planned.activityBq, unit) : '—'),
      title: (o) => (o.planned ? t('column.expectedTitle') : undefined),
    },
    {
      key: 'from',
      label: t('column.from'),
      width: '1.2fr',
      wideOnly: true,
      cell: (o) => o.planned?.siteName ?? '—',
      title: (o) => (o.planned ? plannedRoute(o, t) : undefined),
    },
    {
      key: 'arrives',
      label: t('column.arrives'),
      width: '72px',
      cell: (o) =>
        o.planned
          ? injectionTime({
              calibrationTime: o.planned.arriveAt,
              calibrationZone: o.calibrationZone,
            })
          : '—',
      title: (o) => (o.planned ? t('column.arrivesTitle') : undefined),
    },
    {
      key: 'patient',
      label: t('column.patient'),
      width: '100px',
      wideOnly: true,
      cell: (o) => o.patientRef ?? '—',
    },
    {
      key: 'status',
      label: t('column.status'),
      width: '110px',
      cell: (o) => <span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span>,
      title: (o) => (o.statusReason === null ? undefined : serverText(o.statusReason)),
    },
    {
      key: 'why',
      label: t('column.why'),
      width: '2fr',
      wideOnly: true,
      cell: (o) =>
        o.status === 'not_planned' && o.statusReason !== null ? serverText(o.statusReason) : '',
      title: (o) =>
        o.status === 'not_planned' && o.statusReason !== null
          ? serverText(o.statusReason)
          : undefined,
    },
  ];
}

function columnClass(c: Column): string | undefined {
  return [c.num ? 'num' : '', c.wideOnly ? 'wide-only' : ''].filter(Boolean).join(' ') || undefined;
}

/** Grid tracks for wide and narrow screens (styles.css picks one). */
function gridColumns(columns: readonly Column[]): CSSProperties {
  const tracks = (list: readonly Column[]) => list.map((c) => c.width).join(' ');
  return {
    '--cols-wide': tracks(columns),
    '--cols-narrow': tracks(columns.filter((c) => !c.wideOnly)),
  } as CSSProperties;
}

/** "batch 07:30, leaves 08:15, arrives 09:05" in the order's zone. */
function plannedRoute(o: Order, t: TFunction<['orders', 'common']>): string {
  if (!o.planned) return '';
  const at = (iso: string) =>
    injectionTime({ calibrationTime: iso, calibrationZone: o.calibrationZone });
  return t('route', {
    start: at(o.planned.batchStartAt),
    leaves: at(o.planned.departAt),
    arrives: at(o.planned.arriveAt),
  });
}

/** How the caller may place orders: for their own hospital, or on a hospital's behalf. */
function orderingAs(me: Me): 'hospital' | 'on-behalf' | undefined {
  const scope = me.capabilities['orders.place'];
  if (scope === 'organisation') return 'hospital';
  if (scope === 'network') return 'on-behalf';
  return undefined;
}

/**
 * Orders of a date: a windowed table that stays fast with thousands of rows, with the activity
 * each planned order will have at injection; for those who order, the order form above it.
 */
export function OrdersScreen({ unit, me, day }: { unit: DisplayUnit; me: Me; day: WorkingDay }) {
  const { t } = useTranslation(['orders', 'common']);
  const ordering = orderingAs(me);
  // A hospital sees only its own orders: no hospital column, no hospital filter.
  const ownOrdersOnly = me.capabilities['orders.read'] === 'organisation';
  const [formOpen, setFormOpen] = useState(ordering === 'hospital');
  const [reloads, setReloads] = useState(0);
  const [date, setDate] = useState(day.date);
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
      setError(r.data ? undefined : errorText(r.error, t('loadFailed')));
    });
    return () => {
      current = false;
    };
  }, [date, reloads, t]);

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

  const columns = useMemo(
    () => orderColumns(unit, t).filter((c) => c.key !== 'hospital' || !ownOrdersOnly),
    [unit, ownOrdersOnly, t],
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
      <div className="title-row">
        <h1 id="orders-title">{t('title')}</h1>
        {ordering === 'on-behalf' && (
          <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
            {formOpen ? t('closeForm') : t('openForm')}
          </button>
        )}
      </div>
      {ordering && formOpen && (
        <OrderFormCard
          unit={unit}
          onBehalf={ordering === 'on-behalf'}
          day={day}
          onPlaced={(o) => {
            setDate(localDateOf(Date.parse(o.calibrationTime), o.calibrationZone));
            setReloads((n) => n + 1);
          }}
        />
      )}
      <div className="card form-row" role="search">
        <label>
          {t('filter.date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('filter.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
            <option value="">{t('filter.all')}</option>
            {choices.statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.product')}
          <select value={product} onChange={(e) => setProduct(e.target.value)}>
            <option value="">{t('filter.all')}</option>
            {choices.products.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {!ownOrdersOnly && (
          <label>
            {t('filter.hospital')}
            <select value={hospitalId} onChange={(e) => setHospitalId(e.target.value)}>
              <option value="">{t('filter.all')}</option>
              {choices.hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="grow">
          {t('filter.search')}
          <input
            type="search"
            placeholder={t('filter.searchPlaceholder')}
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
          ? t('common:loading')
          : total === 0 && !error
            ? emptyOrdersReason(date, day)
            : t('count', { shown: localeNumber(shown.length), total: localeNumber(total) })}
      </p>
      <div className="card flush">
        <div
          role="table"
          aria-label={t('tableLabel')}
          aria-rowcount={shown.length + 1}
          className="grid"
          style={gridColumns(columns)}
        >
          <div role="row" className="grid-row grid-head">
            {columns.map((c) => (
              <span key={c.key} role="columnheader" className={columnClass(c)}>
                {c.label}
              </span>
            ))}
          </div>
          <div ref={scroller} className="grid-body" tabIndex={0} aria-label={t('rowsLabel')}>
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
                    {columns.map((c) => (
                      <span key={c.key} role="cell" className={columnClass(c)} title={c.title?.(o)}>
                        {c.cell(o)}
                      </span>
                    ))}
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
