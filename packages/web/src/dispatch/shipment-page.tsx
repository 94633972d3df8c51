import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type Me } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { LoadForm } from './load-form.js';
import { PackForm } from './pack-form.js';
import { PackageCard } from './package-card.js';
import { ReplacementPanel } from './replacement-panel.js';
import { ShipmentDoses } from './shipment-doses.js';
import {
  beforeLoading,
  delayText,
  dispensedText,
  outOfTolerance,
  shipmentBadge,
  unpackedDoses,
} from './shipment-status.js';
import type { ShipmentDetail } from './shipment-types.js';
import { TrackingPanel } from './tracking-panel.js';
import { tiSum, tiSumText } from './transport.js';

/**
 * One shipment: its figures, doses, packing, packages, loading, papers and tracking. Every change
 * answers with the whole shipment again, which replaces the page's copy.
 */
export function ShipmentPage(props: {
  id: string;
  unit: DisplayUnit;
  me: Me;
  navigate: (p: string) => void;
  onBack: () => void;
}) {
  const { id, unit, me } = props;
  const [detail, setDetail] = useState<ShipmentDetail | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(async () => {
    const r = await api.GET('/api/shipments/{id}', { params: { path: { id } } });
    if (r.data) setDetail(r.data);
    setError(r.data ? undefined : errorText(r.error, 'the shipment could not be loaded'));
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const back = (
    <a
      className="back"
      href="/dispatch"
      onClick={(e) => {
        e.preventDefault();
        props.onBack();
      }}
    >
      ← Shipments
    </a>
  );
  if (!detail) {
    return (
      <section className="dispatch shipment-page" aria-label="Shipment">
        {back}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p className="muted">Loading the shipment…</p>
        )}
      </section>
    );
  }

  const s = detail.shipment;
  const zone = s.siteZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const canDispatch = me.capabilities['shipments.dispatch'] !== undefined;
  const canPlan = me.capabilities['plans.run'] !== undefined;
  const open = beforeLoading(s.status);
  const toPack = unpackedDoses(detail.doses);
  const ti = tiSum(detail.packages);
  const delayed = s.delayMinutes > 0 || detail.events.some((e) => e.kind === 'delayed');
  const late = outOfTolerance(detail.doses);
  const papers = `/api/shipments/${s.id}/papers.pdf`;

  return (
    <section className="dispatch shipment-page" aria-labelledby="shipment-title">
      {back}
      <div className="shipment-title">
        <h1 id="shipment-title">
          Shipment <span className="mono">{s.key}</span>
        </h1>
        <BadgeView badge={shipmentBadge(s.status)} className="badge-large" />
        {detail.packages.length > 0 && (
          <a className="papers" href={papers} target="_blank" rel="noopener">
            Shipping papers (PDF)
          </a>
        )}
      </div>
      <p className="shipment-subtitle">
        {s.siteName} → {s.hospitalName}{' '}
        <span className="muted">
          · {s.mode === 'air' ? 'by air' : 'by road'} · times in {zone}
        </span>
      </p>
      <dl className="shipment-figures">
        <div>
          <dt>Depart</dt>
          <dd>{at(s.departAt)}</dd>
        </div>
        <div>
          <dt>Arrive (planned)</dt>
          <dd>{at(s.arriveAt)}</dd>
        </div>
        <div>
          <dt>Expected arrival</dt>
          <dd>
            {at(s.expectedArrivalAt)}
            <span className={`block small ${s.delayMinutes > 0 ? 'late' : 'muted'}`}>
              {delayText(s.delayMinutes)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Vehicle · courier</dt>
          <dd>
            {s.vehicle ?? '—'}
            <span className="block small muted">{s.courierName ?? 'no courier yet'}</span>
          </dd>
        </div>
        <div>
          <dt>Doses dispensed</dt>
          <dd>{dispensedText(s)}</dd>
        </div>
        <div>
          <dt>Packages · TI</dt>
          <dd>
            {s.packages}
            <span className="block small muted">
              {detail.packages.length > 0 ? tiSumText(ti) : 'nothing packed'}
            </span>
          </dd>
        </div>
      </dl>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <ShipmentDoses detail={detail} unit={unit} />

      {canPlan && delayed && late.length > 0 && (
        <ReplacementPanel shipment={s} doses={late} unit={unit} navigate={props.navigate} />
      )}

      {canDispatch && open && (
        <PackForm detail={detail} doses={toPack} unit={unit} onChange={setDetail} />
      )}

      <div className="card" role="region" aria-labelledby="packages-title">
        <div className="card-head">
          <h2 id="packages-title">Packages</h2>
        </div>
        {detail.packages.length === 0 ? (
          <p className="muted">
            Nothing packed yet
            {canDispatch && open ? ': pack the dispensed doses above.' : '.'}
          </p>
        ) : (
          <div className="packages">
            {detail.packages.map((p) => (
              <PackageCard
                key={p.id}
                pkg={p}
                unit={unit}
                zone={zone}
                canMeasure={canDispatch && open}
                onChange={setDetail}
              />
            ))}
          </div>
        )}
      </div>

      {canDispatch && s.status === 'packed' && (
        <LoadForm detail={detail} unpacked={toPack.length} onChange={setDetail} />
      )}

      <TrackingPanel detail={detail} />
    </section>
  );
}
