import { durationText, hoursText, type PlaceDetails } from './map-details-data.js';

/** The details panel: a site's products and lanes, or a hospital's reach product by product. */
export function PlaceDetailsPanel({ details, date }: { details: PlaceDetails; date: string }) {
  if (details.kind === 'site') {
    return (
      <div className="map-details-body">
        <p className="map-kind">Production site</p>
        <h2 id="map-details-title">{details.name}</h2>
        <p className="muted">{details.city}</p>
        <dl className="map-facts">
          <div>
            <dt>Road lanes</dt>
            <dd>{details.roadLanes}</dd>
          </div>
          <div>
            <dt>Air lanes</dt>
            <dd>{details.airLanes}</dd>
          </div>
          <div>
            <dt>Hospitals in time</dt>
            <dd>{details.hospitalsServed}</dd>
          </div>
        </dl>
        {details.laneMinutes && (
          <p className="small muted">
            Lanes take {durationText(details.laneMinutes.min)} to{' '}
            {durationText(details.laneMinutes.max)} door to door.
          </p>
        )}
        <h3>Makes</h3>
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
      <p className="map-kind">Hospital</p>
      <h2 id="map-details-title">{details.name}</h2>
      <p className="muted">
        {details.city} · {details.roadLanes} road and {details.airLanes} air lanes
      </p>
      <p className={none ? 'map-verdict map-verdict-none' : 'map-verdict'}>
        {details.reachable} of {details.total} products can reach it in time on {date}
      </p>
      <ul className="map-reach" aria-label="Products">
        {details.reach.map((r) => (
          <li key={r.productCode} className={r.servable ? 'in-time' : 'not-in-time'}>
            <div className="map-reach-head">
              <span className="map-reach-name">{r.productName}</span>
              <span className="map-reach-hours">{r.servable ? hoursText(r) : 'not in time'}</span>
            </div>
            {r.servable ? (
              <p className="small muted">
                Injection on the hour, {r.hoursServable} of {r.hoursChecked} hours; from{' '}
                {r.sites.join(', ')}
              </p>
            ) : (
              <p className="small map-reason">{r.reason}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
