import { useEffect, useState } from 'react';
import { api, errorText, type WorkingDay } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import type { ShipmentSummary } from './delivery-types.js';
import { delayText, shipmentStatusBadge, timeOnDay } from './shipment-status.js';

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

  useEffect(() => {
    let live = true;
    void api.GET('/api/shipments', { params: { query: { date } } }).then((r) => {
      if (!live) return;
      setShipments(r.data?.shipments ?? []);
      setError(r.data ? undefined : errorText(r.error, 'the shipments could not be loaded'));
    });
    return () => {
      live = false;
    };
  }, [date, revision]);

  const sorted = [...(shipments ?? [])].sort(
    (a, b) => Date.parse(a.expectedArrivalAt) - Date.parse(b.expectedArrivalAt),
  );

  return (
    <section aria-labelledby="deliveries-title" className="deliveries">
      <div className="deliveries-title-row">
        <div>
          <h1 id="deliveries-title">Deliveries</h1>
          <p className="muted small subtitle">
            Shipments to your hospital: where they are, when they arrive, who carries them. Times in{' '}
            {props.day.zone}.
          </p>
        </div>
        <form className="deliveries-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            Date
            <input
              type="date"
              value={date}
              required
              onChange={(e) => e.target.value && props.onDate(e.target.value)}
            />
          </label>
          <button type="button" className="secondary" onClick={() => setRevision((n) => n + 1)}>
            Refresh
          </button>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="card flush" role="region" aria-label="Shipments">
        {shipments === undefined && <p className="muted empty">Loading shipments…</p>}
        {shipments !== undefined && sorted.length === 0 && !error && (
          <p className="muted empty">
            No shipments to your hospital on {date}
            {date === props.day.today ? ' (today)' : ''}: they appear when a plan of the day is
            committed.
          </p>
        )}
        {sorted.length > 0 && (
          <div className="table-scroll-x">
            <table className="data shipments-table">
              <thead>
                <tr>
                  <th scope="col">Shipment</th>
                  <th scope="col">From</th>
                  <th scope="col">Status</th>
                  <th scope="col">Departs</th>
                  <th scope="col">Expected arrival</th>
                  <th scope="col">Courier</th>
                  <th scope="col" className="num">
                    Doses
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
          Shipment {s.key}
        </a>
        <span className="muted small block">{s.hospitalName}</span>
      </th>
      <td>
        {s.siteName}
        <span className="muted small block">by {s.mode}</span>
      </td>
      <td>
        <BadgeView badge={shipmentStatusBadge(s.status)} />
      </td>
      <td className="nowrap">{timeOnDay(s.departAt, zone, date)}</td>
      <td className="nowrap">
        <strong>{timeOnDay(s.expectedArrivalAt, zone, date)}</strong>
        <span className={`small block${late ? ' late' : ' muted'}`}>
          {s.status === 'delivered' ? 'delivered' : delayText(s.delayMinutes)}
          {late && s.status === 'delivered' ? `, ${delayText(s.delayMinutes)}` : ''}
        </span>
      </td>
      <td>
        {s.courierName ?? <span className="muted">not assigned</span>}
        {s.vehicle && <span className="muted small block">{s.vehicle}</span>}
      </td>
      <td className="num nowrap">
        {s.doses}
        <span className="muted small block">
          {s.dispensed} dispensed · {s.packages} package{s.packages === 1 ? '' : 's'}
        </span>
      </td>
    </tr>
  );
}
