import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { Site } from '../batches/batch-types.js';
import { delayText, dispensedText, modeText, shipmentBadge, timeOnDay } from './shipment-status.js';
import type { ShipmentSummary } from './shipment-types.js';

export interface ShipmentListState {
  readonly date: string;
  /** A site's id, or '' for every site. */
  readonly siteId: string;
}

/** The day's shipments by departure: where each goes, when, how it stands, who carries it. */
export function ShipmentList(props: {
  state: ShipmentListState;
  onState: (s: ShipmentListState) => void;
  onOpen: (id: string) => void;
}) {
  const { state, onState } = props;
  const [sites, setSites] = useState<Site[]>([]);
  const [shipments, setShipments] = useState<ShipmentSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t } = useTranslation('dispatch');

  useEffect(() => {
    let live = true;
    void api.GET('/api/sites').then((r) => {
      if (live && r.data) setSites([...r.data.sites].sort((a, b) => a.city.localeCompare(b.city)));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setShipments(undefined);
    const query = { date: state.date, ...(state.siteId ? { siteId: state.siteId } : {}) };
    void api.GET('/api/shipments', { params: { query } }).then((r) => {
      if (!live) return;
      const list = r.data?.shipments ?? [];
      setShipments(
        [...list].sort(
          (a, b) => Date.parse(a.departAt) - Date.parse(b.departAt) || a.key.localeCompare(b.key),
        ),
      );
      setError(r.data ? undefined : errorText(r.error, t('list.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [state.date, state.siteId, t]);

  const set = (patch: Partial<ShipmentListState>) => onState({ ...state, ...patch });
  const rows = shipments ?? [];

  return (
    <section aria-labelledby="dispatch-title" className="dispatch">
      <div className="dispatch-title-row">
        <h1 id="dispatch-title">{t('list.title')}</h1>
        <form className="dispatch-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('list.date')}
            <input
              type="date"
              value={state.date}
              required
              onChange={(e) => e.target.value && set({ date: e.target.value })}
            />
          </label>
          <label>
            {t('list.site')}
            <select value={state.siteId} onChange={(e) => set({ siteId: e.target.value })}>
              <option value="">{t('list.everySite')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.city} · {s.name}
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="card flush" role="region" aria-label={t('list.region')}>
        {shipments === undefined && <p className="muted dispatch-empty">{t('list.loading')}</p>}
        {shipments !== undefined && rows.length === 0 && !error && (
          <p className="muted dispatch-empty">{t('list.none', { date: state.date })}</p>
        )}
        {rows.length > 0 && (
          <div className="table-scroll-x">
            <table className="data dispatch-table">
              <thead>
                <tr>
                  <th scope="col">{t('list.shipment')}</th>
                  <th scope="col">{t('list.route')}</th>
                  <th scope="col">{t('list.depart')}</th>
                  <th scope="col">{t('list.arrive')}</th>
                  <th scope="col">{t('list.expectedArrival')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.vehicle')}</th>
                  <th scope="col" className="wide-only">
                    {t('list.courier')}
                  </th>
                  <th scope="col" className="num">
                    {t('list.doses')}
                  </th>
                  <th scope="col" className="num">
                    {t('list.packages')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <ShipmentRow key={s.id} s={s} day={state.date} onOpen={props.onOpen} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <p className="muted small">{t('list.note')}</p>
    </section>
  );
}

function ShipmentRow(props: { s: ShipmentSummary; day: string; onOpen: (id: string) => void }) {
  const { s, day } = props;
  const at = (iso: string) => timeOnDay(iso, s.siteZone, day);
  const late = s.delayMinutes > 0;
  const { t } = useTranslation('dispatch');
  return (
    <tr>
      <th scope="row">
        <a
          href={`/dispatch/${s.id}`}
          className="mono"
          onClick={(e) => {
            e.preventDefault();
            props.onOpen(s.id);
          }}
        >
          {s.key}
        </a>
      </th>
      <td className="route">
        <span className="muted small block">{s.siteName} →</span>
        {s.hospitalName}
        <span className="muted small"> · {modeText(s.mode)}</span>
      </td>
      <td className="nowrap" title={s.siteZone}>
        {at(s.departAt)}
      </td>
      <td className="nowrap" title={s.siteZone}>
        {at(s.arriveAt)}
      </td>
      <td className="nowrap" title={s.siteZone}>
        {at(s.expectedArrivalAt)}
        <span className={`small block ${late ? 'late' : 'muted'}`}>
          {s.status === 'delivered' && !late ? t('deliveredOnTime') : delayText(s.delayMinutes)}
        </span>
      </td>
      <td>
        <BadgeView badge={shipmentBadge(s.status)} />
      </td>
      <td className="nowrap">{s.vehicle ?? <span className="muted">—</span>}</td>
      <td className="wide-only">{s.courierName ?? <span className="muted">—</span>}</td>
      <td className="num">{dispensedText(s)}</td>
      <td className="num">{s.packages}</td>
    </tr>
  );
}
