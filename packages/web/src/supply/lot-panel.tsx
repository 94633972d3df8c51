import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorText } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { licenceSummary, lotChartData } from './lot-chart-data.js';
import { lotChartOption } from './lot-chart-option.js';
import type { LotDetail } from './supply-types.js';
import { dateIn, dayClockIn } from '../zoned-time.js';

/** A bulk lot: its decay and impurity ratios, expiry, the site's licence and the waste it leaves. */
export function LotPanel(props: {
  id: string;
  unit: DisplayUnit;
  zone: string;
  onClose: () => void;
}) {
  const { unit, zone } = props;
  const [lot, setLot] = useState<LotDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const host = useRef<HTMLDivElement>(null);
  // Braces matter: Chromium's scrollIntoView now returns a promise, and an effect that returns
  // anything but a function breaks React's unmount ("destroy is not a function").
  useEffect(() => {
    void host.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  useEffect(() => {
    let live = true;
    void api.GET('/api/lots/{id}', { params: { path: { id: props.id } } }).then((r) => {
      if (!live) return;
      setLot(r.data);
      setError(r.data ? undefined : errorText(r.error, 'the lot could not be loaded'));
    });
    return () => {
      live = false;
    };
  }, [props.id]);

  const option = useMemo(() => {
    if (!lot) return undefined;
    const clock = (ms: number) => dayClockIn(ms, zone).replace(/^(\d+ \w+) 00:00$/, '$1');
    return lotChartOption(lotChartData(lot, unit), unit, clock);
  }, [lot, unit, zone]);
  const licence = lot ? licenceSummary(lot) : undefined;

  return (
    <div ref={host} className="card supply-panel" role="region" aria-labelledby="lot-title">
      <div className="card-head">
        <h2 id="lot-title">{lot ? lot.label : 'Lot'}</h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!lot && !error && <p className="muted">Loading the lot…</p>}
      {lot && licence && (
        <>
          <dl className="supply-figures">
            <div>
              <dt>{lot.nuclide} now</dt>
              <dd>{formatActivity(lot.activityNowBq, unit)}</dd>
            </div>
            <div>
              <dt>Left to draw</dt>
              <dd>
                {formatActivity(lot.remainingNowBq, unit)}
                <span className="muted small">
                  {' '}
                  {lot.draws.length === 0
                    ? 'no batch has drawn from it'
                    : `after ${lot.draws.length} batch draw${lot.draws.length === 1 ? '' : 's'}`}
                </span>
              </dd>
            </div>
            {lot.impurityRatios.map((r) => (
              <div key={r.nuclide}>
                <dt>
                  {r.nuclide} / {lot.nuclide}
                </dt>
                <dd>
                  {formatNumber(r.now * 100)}%
                  <span className="muted small"> was {formatNumber(r.atReference * 100)}%</span>
                </dd>
              </div>
            ))}
            <div>
              <dt>Expires ({lot.expiry.reason ?? 'no expiry'})</dt>
              <dd>{lot.expiry.at ? dayClockIn(Date.parse(lot.expiry.at), zone) : '—'}</dd>
            </div>
            <div>
              <dt>Store waste until</dt>
              <dd>{dateIn(Date.parse(lot.waste.storeUntil), zone)}</dd>
            </div>
          </dl>
          <div className="supply-panel-grid">
            <div className="supply-chart">
              <h3>Decay{lot.impurityRatios.length > 0 ? ' and impurity ratio' : ''}</h3>
              {option && (
                <EChart
                  option={option}
                  height={300}
                  label={`${lot.nuclide} activity of ${lot.label} over time${lot.impurityRatios
                    .map((r) => `, with the ${r.nuclide} ratio`)
                    .join('')}`}
                />
              )}
              <p className="muted small">
                {lot.profile}, {lot.carrier}, from {lot.supplier}. Reference{' '}
                {formatActivity(lot.activityBq, unit)} at{' '}
                {dayClockIn(Date.parse(lot.referenceAt), zone)}.
              </p>
            </div>
            <aside className="supply-side">
              <section aria-labelledby="licence-title">
                <h3 id="licence-title">Licence</h3>
                {licence.overLimit.length === 0 ? (
                  <p className="ok small">
                    Within the site’s licence limits for every limited nuclide.
                  </p>
                ) : (
                  <ul className="small plain">
                    {licence.overLimit.map((e) => (
                      <li key={e.nuclide} className="error">
                        {e.nuclide}: {formatActivity(e.activityBq, unit)} held, limit{' '}
                        {formatActivity(e.limitBq ?? 0, unit)}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="muted small">
                  {lot.licence.held.length} nuclides held at the site now, this lot’s included.
                </p>
                {licence.unlicensed.length > 0 && (
                  <details className="small">
                    <summary>{licence.unlicensed.length} with no licence limit at the site</summary>
                    <p className="muted">{licence.unlicensed.join(', ')}</p>
                  </details>
                )}
              </section>
              <section aria-labelledby="waste-title">
                <h3 id="waste-title">Waste</h3>
                <p className="small">
                  A residue of {formatNumber(lot.waste.residueFraction * 100)}% of the lot (an
                  assumption): stored until {dateIn(Date.parse(lot.waste.storeUntil), zone)}, ten
                  half-lives of {lot.waste.longestLived}, the longest-lived nuclide present
                  {lot.waste.clearanceAt
                    ? `; below clearance levels on ${dateIn(Date.parse(lot.waste.clearanceAt), zone)}`
                    : ''}
                  .
                </p>
                {lot.waste.noClearanceLevel.length > 0 && (
                  <p className="muted small">
                    No clearance level in the data for {lot.waste.noClearanceLevel.length} nuclide
                    {lot.waste.noClearanceLevel.length === 1 ? '' : 's'}: the half-lives rule only.
                  </p>
                )}
              </section>
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
