import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type WorkingDay } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import type { ShipmentSummary } from './delivery-types.js';
import { delayText, modeText, shipmentStatusBadge, timeOnDay } from './shipment-status.js';

/** The hospital's shipments of a day: status, departure, expected arrival and delay, courier. */
export function DeliveryList(props: {
  unit: DisplayUnit;
  day: WorkingDay;
  date: string;
  onDate: (date: string) => void;
  onOpen: (id: string) => void;
}) {
  const { date } = props;
  const [shipments, setShipments] = useState<ShipmentSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [revision, setRevision] = useState(0);
  const { t } = useTranslation('hospital');

  useEffect(() => {
    let live = true;
    void api.GET('/api/shipments', { params: { query: { date } } }).then((r) => {
      if (!live) return;
      setShipments(r.data?.shipments ?? []);
      setError(r.data ? undefined : errorText(r.error, t('list.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [date, revision, t]);

  const sorted = [...(shipments ?? [])].sort(
    (a, b) => Date.parse(a.expectedArrivalAt) - Date.parse(b.expectedArrivalAt),
  );

  return (
    <section aria-labelledby="deliveries-title" className="deliveries">
      <div className="deliveries-title-row">
        <div>
          <h1 id="deliveries-title">{t('list.title')}</h1>
          <p className="muted small subtitle">{t('list.subtitle', { zone: props.day.zone })}</p>
        </div>
        <form className="deliveries-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('list.date')}
            <input
              type="date"
              value={date}
              required
              onChange={(e) => e.target.value && props.onDate(e.target.value)}
            />
          </label>
          <button type="button" className="secondary" onClick={() => setRevision((n) => n + 1)}>
            {t('list.refresh')}
          </button>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="card flush" role="region" aria-label={t('list.region')}>
        {shipments === undefined && <p className="muted empty">{t('list.loading')}</p>}
        {shipments !== undefined && sorted.length === 0 && !error && (
          <p className="muted empty">
            {t(date === props.day.today ? 'list.noneToday' : 'list.none', { date })}
          </p>
        )}
        {sorted.length > 0 && (
          <div className="table-scroll-x">
            <table className="data shipments-table">
              <thead>
                <tr>
                  <th scope="col">{t('list.shipment')}</th>
                  <th scope="col">{t('list.from')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.departs')}</th>
                  <th scope="col">{t('list.expectedArrival')}</th>
                  <th scope="col">{t('list.courier')}</th>
                  <th scope="col" className="num">
                    {t('list.doses')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((s) => (
                  <ShipmentRow key={s.id} shipment={s} date={date} onOpen={props.onOpen} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function ShipmentRow(props: {
  shipment: ShipmentSummary;
  date: string;
  onOpen: (id: string) => void;
}) {
  const { shipment: s, date } = props;
  const zone = s.hospitalZone;
  const late = s.delayMinutes > 0;
  const { t } = useTranslation('hospital');
  return (
    <tr>
      <th scope="row">
        <a
          href={`/deliveries/${s.id}`}
          onClick={(e) => {
            e.preventDefault();
            props.onOpen(s.id);
          }}
        >
          {t('shipmentKey', { key: s.key })}
        </a>
        <span className="muted small block">{s.hospitalName}</span>
      </th>
      <td>
        {s.siteName}
        <span className="muted small block">{modeText(s.mode)}</span>
      </td>
      <td>
        <BadgeView badge={shipmentStatusBadge(s.status)} />
      </td>
      <td className="nowrap">{timeOnDay(s.departAt, zone, date)}</td>
      <td className="nowrap">
        <strong>{timeOnDay(s.expectedArrivalAt, zone, date)}</strong>
        <span className={`small block${late ? ' late' : ' muted'}`}>
          {s.status === 'delivered' ? t('list.delivered') : delayText(s.delayMinutes)}
          {late && s.status === 'delivered' ? `, ${delayText(s.delayMinutes)}` : ''}
        </span>
      </td>
      <td>
        {s.courierName ?? <span className="muted">{t('list.notAssigned')}</span>}
        {s.vehicle && <span className="muted small block">{s.vehicle}</span>}
      </td>
      <td className="num nowrap">
        {s.doses}
        <span className="muted small block">
          {t('dispensedPackages', { dispensed: s.dispensed, count: s.packages })}
        </span>
      </td>
    </tr>
  );
}
