import { dayClockIn } from '../zoned-time.js';
import type { ShipmentDetail } from './delivery-types.js';
import { trackingTimeline } from './tracking-timeline.js';

/** The shipment's tracking events and the stages to come, in the hospital's zone. */
export function TrackingTimeline({ detail }: { detail: ShipmentDetail }) {
  const zone = detail.shipment.hospitalZone;
  const time = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const items = trackingTimeline(detail, time);
  return (
    <ol className="timeline" aria-label="Tracking events">
      {items.map((i) => (
        <li key={i.key} className={`timeline-item timeline-${i.state}`}>
          <span className="timeline-marker" aria-hidden="true" />
          <div>
            <span className="timeline-label">
              {i.label}
              {i.state === 'pending' && <span className="sr-only"> (to come)</span>}
            </span>
            {i.at && (
              <time className="timeline-time" dateTime={i.at}>
                {i.state === 'pending' ? `expected ${time(i.at)}` : time(i.at)}
              </time>
            )}
            <span className="small block timeline-text">{i.text}</span>
            {i.by && <span className="muted small block">by {i.by}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
