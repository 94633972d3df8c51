import { useTranslation } from 'react-i18next';
import { dayClockIn } from '../zoned-time.js';
import type { ShipmentDetail } from './delivery-types.js';
import { trackingTimeline } from './tracking-timeline.js';

/** The shipment's tracking events and the stages to come, in the hospital's zone. */
export function TrackingTimeline({ detail }: { detail: ShipmentDetail }) {
  const zone = detail.shipment.hospitalZone;
  const time = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const items = trackingTimeline(detail, time);
  const { t } = useTranslation('hospital');
  return (
    <ol className="timeline" aria-label={t('timeline.events')}>
      {items.map((i) => (
        <li key={i.key} className={`timeline-item timeline-${i.state}`}>
          <span className="timeline-marker" aria-hidden="true" />
          <div>
            <span className="timeline-label">
              {i.label}
              {i.state === 'pending' && <span className="sr-only">{t('timeline.toCome')}</span>}
            </span>
            {i.at && (
              <time className="timeline-time" dateTime={i.at}>
                {i.state === 'pending' ? t('timeline.expected', { time: time(i.at) }) : time(i.at)}
              </time>
            )}
            <span className="small block timeline-text">{i.text}</span>
            {i.by && <span className="muted small block">{t('timeline.by', { name: i.by })}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
