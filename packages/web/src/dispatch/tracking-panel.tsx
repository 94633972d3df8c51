import { Trans, useTranslation } from 'react-i18next';
import { dayClockIn } from '../zoned-time.js';
import type { ShipmentDetail } from './shipment-types.js';
import { eventView, timeline } from './tracking-events.js';

/**
 * Tracking: what happened to the shipment, in order, in the site's zone — packed, loaded, picked
 * up (with the courier's printed name), delayed (reason and new arrival), delivered.
 */
export function TrackingPanel(props: { detail: ShipmentDetail }) {
  const { detail } = props;
  const zone = detail.shipment.siteZone;
  const events = timeline(detail.events);
  const { t } = useTranslation('dispatch');
  return (
    <div className="card" role="region" aria-labelledby="tracking-title">
      <div className="card-head">
        <h2 id="tracking-title">{t('tracking.title')}</h2>
        <p className="muted small">{t('tracking.timesIn', { zone })}</p>
      </div>
      {events.length === 0 ? (
        <p className="muted">{t('tracking.nothing')}</p>
      ) : (
        <ol className="timeline" aria-label={t('tracking.events')}>
          {events.map((e, k) => {
            const view = eventView(e, zone);
            return (
              <li
                key={`${e.kind}-${e.at}-${k}`}
                className={`timeline-item event-${e.kind}${view.attention ? ' attention-item' : ''}`}
              >
                <time dateTime={e.at} className="timeline-time">
                  {dayClockIn(Date.parse(e.at), zone)}
                </time>
                <div>
                  <strong>{view.title}</strong>
                  {view.detail && <span> · {view.detail}</span>}
                  <span className="muted small block">{t('tracking.by', { name: e.by })}</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {detail.signature && (
        <p className="small signature-line">
          <Trans
            ns="dispatch"
            i18nKey="tracking.signed"
            values={{
              name: detail.signature.printedName,
              time: dayClockIn(Date.parse(detail.signature.at), zone),
            }}
            components={{ b: <strong /> }}
          />
        </p>
      )}
    </div>
  );
}
