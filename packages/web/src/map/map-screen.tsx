import { useEffect, useMemo, useState } from 'react';
import { api, errorText, type WorkingDay } from '../api/client.js';
import { EChart, type EChartClick } from '../charts/echart.js';
import type { DisplayUnit } from '../units.js';
import { BASE_MAP, loadBaseMap } from './base-map.js';
import { mapChartOption } from './map-chart-option.js';
import {
  mapView,
  placeGroups,
  productsOf,
  type ColourBy,
  type MapPoint,
  type NetworkMap,
} from './map-data.js';
import { placeDetails } from './map-details-data.js';
import { PlaceDetailsPanel } from './place-details.js';
import './map.css';

const REPLACE_SERIES = ['series'];
const MAP_HEIGHT = 540;

/**
 * The network map: production sites, hospitals coloured by which products can reach them in time
 * on a date (the planner's rules, from GET /api/network/map), lanes by road and air; a click or
 * the place list opens a place's details. Activities are not shown, so the unit is not used.
 */
export function MapScreen(props: { unit: DisplayUnit; day: WorkingDay }) {
  const [date, setDate] = useState(props.day.date);
  const [map, setMap] = useState<NetworkMap | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [baseReady, setBaseReady] = useState(false);
  const [colourBy, setColourBy] = useState<ColourBy>({ kind: 'count' });
  const [showRoad, setShowRoad] = useState(true);
  const [showAir, setShowAir] = useState(false);
  const [selectedId, setSelectedId] = useState('');

  useEffect(() => {
    let live = true;
    loadBaseMap().then(
      () => live && setBaseReady(true),
      () => live && setError('the base map could not be loaded'),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setBusy(true);
    void api.GET('/api/network/map', { params: { query: { date } } }).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.data) {
        setMap(r.data);
        setError(undefined);
      } else {
        setError(errorText(r.error, 'the map could not be loaded'));
      }
    });
    return () => {
      live = false;
    };
  }, [date]);

  const products = useMemo(() => (map ? productsOf(map) : []), [map]);
  const view = useMemo(() => map && mapView(map, colourBy), [map, colourBy]);
  const option = useMemo(
    () =>
      view && baseReady
        ? mapChartOption(view, { baseMap: BASE_MAP, showRoad, showAir, selectedId })
        : undefined,
    [view, baseReady, showRoad, showAir, selectedId],
  );
  const groups = useMemo(() => (map ? placeGroups(map) : []), [map]);
  const details = map && selectedId ? placeDetails(map, selectedId) : undefined;
  const roadCount = map?.lanes.filter((l) => l.mode === 'road').length ?? 0;
  const airCount = (map?.lanes.length ?? 0) - roadCount;

  function onChartClick(click: EChartClick) {
    const place = (click.data as { place?: MapPoint } | undefined)?.place;
    if (place) setSelectedId(place.id);
  }

  return (
    <section aria-labelledby="map-title" className="map-screen">
      <div className="map-title-row">
        <h1 id="map-title">Network map</h1>
        {map && (
          <p className="muted small">
            {map.sites.length} production sites · {map.hospitals.length} hospitals · {roadCount}{' '}
            road and {airCount} air lanes
          </p>
        )}
      </div>
      <div className="card form-row map-controls">
        <label>
          Injection date
          <input
            type="date"
            value={date}
            required
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
        <label>
          Colour hospitals by
          <select
            value={colourBy.kind === 'count' ? '' : colourBy.code}
            onChange={(e) =>
              setColourBy(
                e.target.value ? { kind: 'product', code: e.target.value } : { kind: 'count' },
              )
            }
          >
            <option value="">Products in time (count)</option>
            {products.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Place
          <select value={selectedId} onChange={(e) => setSelectedId(e.target.value)}>
            <option value="">Choose a site or hospital…</option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <fieldset className="map-toggles">
          <legend>Lanes</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={showRoad}
              onChange={(e) => setShowRoad(e.target.checked)}
            />
            <span className="lane-swatch lane-road" aria-hidden="true" /> Road ({roadCount})
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={showAir}
              onChange={(e) => setShowAir(e.target.checked)}
            />
            <span className="lane-swatch lane-air" aria-hidden="true" /> Air ({airCount})
          </label>
        </fieldset>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="map-layout">
        <div className="card flush map-card">
          {option ? (
            <EChart
              option={option}
              height={MAP_HEIGHT}
              label={`Map of the network on ${date}: production sites, hospitals coloured by the products that reach them in time, and lanes`}
              onClick={onChartClick}
              replaceMerge={REPLACE_SERIES}
            />
          ) : (
            <div className="map-placeholder" style={{ height: MAP_HEIGHT }}>
              <p className="muted">Loading the map…</p>
            </div>
          )}
          {busy && option && (
            <p className="map-busy" role="status">
              Working out reach for {date}…
            </p>
          )}
          {option && <p className="map-hint small">Scroll or pinch to zoom · drag to pan</p>}
          {view && (
            <ul className="map-legend" aria-label="Legend">
              <li>
                <span className="legend-site" aria-hidden="true" /> Production site
              </li>
              {view.buckets.map((b) => (
                <li key={b.key}>
                  <span
                    className="legend-dot"
                    style={{ background: b.colour }}
                    aria-hidden="true"
                  />{' '}
                  {b.label} <span className="muted">({b.hospitals.length})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <aside className="card map-details" aria-labelledby="map-details-title" aria-live="polite">
          {details ? (
            <PlaceDetailsPanel details={details} date={date} />
          ) : (
            <div className="map-details-body">
              <h2 id="map-details-title">Details</h2>
              <p className="muted">
                Click a site or hospital on the map, or choose one from the Place list, to see what
                reaches it in time.
              </p>
              <p className="small muted">
                A product reaches a hospital in time when the planner could serve a standard dose
                for an injection on the hour inside its receiving hours, judged one dose at a time.
              </p>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
