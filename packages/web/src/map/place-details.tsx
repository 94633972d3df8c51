import { useTranslation } from 'react-i18next';
import { serverText } from '../i18n/server-texts.js';
import { durationText, hoursText, type PlaceDetails } from './map-details-data.js';

/** The details panel: a site's products and lanes, or a hospital's reach product by product. */
export function PlaceDetailsPanel({ details, date }: { details: PlaceDetails; date: string }) {
  const { t } = useTranslation('map');
  if (details.kind === 'site') {
    return (
      <div className="map-details-body">
        <p className="map-kind">{t('productionSite')}</p>
        <h2 id="map-details-title">{details.name}</h2>
        <p className="muted">{details.city}</p>
        <dl className="map-facts">
          <div>
            <dt>{t('roadLanes')}</dt>
            <dd>{details.roadLanes}</dd>
          </div>
          <div>
            <dt>{t('airLanes')}</dt>
            <dd>{details.airLanes}</dd>
          </div>
          <div>
            <dt>{t('hospitalsInTime')}</dt>
            <dd>{details.hospitalsServed}</dd>
          </div>
        </dl>
        {details.laneMinutes && (
          <p className="small muted">
            {t('laneRange', {
              from: durationText(details.laneMinutes.min),
              to: durationText(details.laneMinutes.max),
            })}
          </p>
        )}
        <h3>{t('makes')}</h3>
        <ul className="map-products">
          {details.products.map((p) => (
            <li key={p.code}>{p.name}</li>
          ))}
        </ul>
      </div>
    );
  }
  const none = details.reachable === 0;
  return (
    <div className="map-details-body">
      <p className="map-kind">{t('hospital')}</p>
      <h2 id="map-details-title">{details.name}</h2>
      <p className="muted">
        {t('hospitalLanes', {
          city: details.city,
          road: details.roadLanes,
          air: details.airLanes,
        })}
      </p>
      <p className={none ? 'map-verdict map-verdict-none' : 'map-verdict'}>
        {t('verdict', { reachable: details.reachable, total: details.total, date })}
      </p>
      <ul className="map-reach" aria-label={t('products')}>
        {details.reach.map((r) => (
          <li key={r.productCode} className={r.servable ? 'in-time' : 'not-in-time'}>
            <div className="map-reach-head">
              <span className="map-reach-name">{r.productName}</span>
              <span className="map-reach-hours">{r.servable ? hoursText(r) : t('notInTime')}</span>
            </div>
            {r.servable ? (
              <p className="small muted">
                {t('servableHours', {
                  servable: r.hoursServable,
                  checked: r.hoursChecked,
                  sites: r.sites.join(', '),
                })}
              </p>
            ) : (
              <p className="small map-reason">{r.reason && serverText(r.reason)}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
