import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import type { ShipmentDetail, WasteContainer } from './delivery-types.js';
import { DoseCard } from './dose-card.js';
import { delayText, modeText, shipmentStatusBadge } from './shipment-status.js';
import { TrackingTimeline } from './tracking-timeline-view.js';

/**
 * One shipment for the hospital: where it is (the tracking timeline), and each dose with what
 * was dispensed, its receipt and its administration; forms by capability. Every change posts to
 * the API, which answers with the whole shipment again.
 */
export function ShipmentPage(props: { id: string; unit: DisplayUnit; me: Me; onBack: () => void }) {
  const { id, unit, me } = props;
  const [detail, setDetail] = useState<ShipmentDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [containers, setContainers] = useState<WasteContainer[]>([]);
  const canReceive = me.capabilities['doses.receive'] !== undefined;
  const canAdminister = me.capabilities['doses.administer'] !== undefined;
  const { t } = useTranslation('hospital');

  useEffect(() => {
    let live = true;
    void api.GET('/api/shipments/{id}', { params: { path: { id } } }).then((r) => {
      if (!live) return;
      setDetail(r.data);
      setError(r.data ? undefined : errorText(r.error, t('page.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [id, t]);

  // The open waste containers that may take a residue (fetched for who records administrations).
  const hospitalId = detail?.shipment.hospitalId;
  useEffect(() => {
    if (!canAdminister || hospitalId === undefined || !me.capabilities['waste.read']) {
      return undefined;
    }
    let live = true;
    void api.GET('/api/waste', { params: { query: { status: 'open' } } }).then((r) => {
      if (live && r.data)
        setContainers(r.data.containers.filter((c) => c.hospitalId === hospitalId));
    });
    return () => {
      live = false;
    };
  }, [canAdminister, hospitalId, me.capabilities]);

  return (
    <section className="deliveries shipment-page" aria-labelledby="shipment-title">
      <a
        className="back"
        href="/deliveries"
        onClick={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        {t('page.back')}
      </a>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!detail && !error && <p className="muted">{t('page.loading')}</p>}
      {detail && (
        <>
          <ShipmentHeader detail={detail} />
          <div className="shipment-columns">
            <div className="card timeline-card" role="region" aria-labelledby="tracking-title">
              <h2 id="tracking-title">{t('page.tracking')}</h2>
              <TrackingTimeline detail={detail} />
            </div>
            <div className="doses-column" role="region" aria-labelledby="doses-title">
              <h2 id="doses-title">{t('page.doses')}</h2>
              {!canReceive && !canAdminister && (
                <p className="muted small">{t('page.followOnly')}</p>
              )}
              {detail.doses.length === 0 && <p className="muted">{t('page.noDoses')}</p>}
              {detail.doses.map((d) => (
                <DoseCard
                  key={d.orderId}
                  dose={d}
                  detail={detail}
                  unit={unit}
                  canReceive={canReceive}
                  canAdminister={canAdminister}
                  containers={containers}
                  onChange={setDetail}
                />
              ))}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function ShipmentHeader({ detail }: { detail: ShipmentDetail }) {
  const s = detail.shipment;
  const zone = s.hospitalZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const late = s.delayMinutes > 0;
  const { t } = useTranslation('hospital');
  return (
    <header className="shipment-header">
      <div className="record-title">
        <h1 id="shipment-title">{t('shipmentKey', { key: s.key })}</h1>
        <BadgeView badge={shipmentStatusBadge(s.status)} className="badge-large" />
      </div>
      <p className="muted subtitle">
        {s.siteName} → {s.hospitalName} · {modeText(s.mode)} · {t('page.timesIn', { zone })}
      </p>
      <dl className="figures-grid">
        <div>
          <dt>{t('page.departs')}</dt>
          <dd>{at(s.departAt)}</dd>
        </div>
        <div>
          <dt>{s.status === 'delivered' ? t('page.arrived') : t('page.expectedArrival')}</dt>
          <dd>
            {at(s.expectedArrivalAt)}
            <span className={`small block${late ? ' late' : ' muted'}`}>
              {delayText(s.delayMinutes)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('page.courier')}</dt>
          <dd>
            {s.courierName ?? <span className="muted">{t('page.notAssigned')}</span>}
            {s.vehicle && <span className="muted small block">{s.vehicle}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('page.doses')}</dt>
          <dd>
            {s.doses}
            <span className="muted small block">
              {t('dispensedPackages', { dispensed: s.dispensed, count: s.packages })}
            </span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
