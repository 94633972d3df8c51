import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, errorText, type Me } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import { currentLocale } from '../i18n/i18n.js';
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
  modeText,
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
  const { t } = useTranslation('dispatch');

  const load = useCallback(async () => {
    const r = await api.GET('/api/shipments/{id}', { params: { path: { id } } });
    if (r.data) setDetail(r.data);
    setError(r.data ? undefined : errorText(r.error, t('page.loadFailed')));
  }, [id, t]);
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
      {t('page.back')}
    </a>
  );
  if (!detail) {
    return (
      <section className="dispatch shipment-page" aria-label={t('page.region')}>
        {back}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p className="muted">{t('page.loading')}</p>
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
  const papers = `/api/shipments/${s.id}/papers.pdf?lang=${currentLocale()}`;

  return (
    <section className="dispatch shipment-page" aria-labelledby="shipment-title">
      {back}
      <div className="shipment-title">
        <h1 id="shipment-title">
          <Trans
            ns="dispatch"
            i18nKey="page.title"
            values={{ key: s.key }}
            components={{ mono: <span className="mono" /> }}
          />
        </h1>
        <BadgeView badge={shipmentBadge(s.status)} className="badge-large" />
        {detail.packages.length > 0 && (
          <a className="papers" href={papers} target="_blank" rel="noopener">
            {t('page.papers')}
          </a>
        )}
      </div>
      <p className="shipment-subtitle">
        {s.siteName} → {s.hospitalName}{' '}
        <span className="muted">
          · {modeText(s.mode)} · {t('page.timesIn', { zone })}
        </span>
      </p>
      <dl className="shipment-figures">
        <div>
          <dt>{t('page.depart')}</dt>
          <dd>{at(s.departAt)}</dd>
        </div>
        <div>
          <dt>{t('page.arrivePlanned')}</dt>
          <dd>{at(s.arriveAt)}</dd>
        </div>
        <div>
          <dt>{t('page.expectedArrival')}</dt>
          <dd>
            {at(s.expectedArrivalAt)}
            <span className={`block small ${s.delayMinutes > 0 ? 'late' : 'muted'}`}>
              {delayText(s.delayMinutes)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('page.vehicleCourier')}</dt>
          <dd>
            {s.vehicle ?? '—'}
            <span className="block small muted">{s.courierName ?? t('page.noCourier')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('page.dosesDispensed')}</dt>
          <dd>{dispensedText(s)}</dd>
        </div>
        <div>
          <dt>{t('page.packagesTi')}</dt>
          <dd>
            {s.packages}
            <span className="block small muted">
              {detail.packages.length > 0 ? tiSumText(ti) : t('page.nothingPacked')}
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
          <h2 id="packages-title">{t('page.packages')}</h2>
        </div>
        {detail.packages.length === 0 ? (
          <p className="muted">
            {canDispatch && open ? t('page.nothingPackedPack') : t('page.nothingPackedYet')}
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
