import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('map');

  useEffect(() => {
    let live = true;
    loadBaseMap().then(
      () => live && setBaseReady(true),
      () => live && setError(t('baseMapFailed')),
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
        setError(errorText(r.error, t('mapFailed')));
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
        <h1 id="map-title">{t('title')}</h1>
        {map && (
          <p className="muted small">
            {t('summary', {
              sites: map.sites.length,
              hospitals: map.hospitals.length,
              road: roadCount,
              air: airCount,
            })}
          </p>
        )}
      </div>
      <div className="card form-row map-controls">
        <label>
          {t('injectionDate')}
          <input
            type="date"
            value={date}
            required
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
        <label>
          {t('colourBy')}
          <select
            value={colourBy.kind === 'count' ? '' : colourBy.code}
            onChange={(e) =>
              setColourBy(
                e.target.value ? { kind: 'product', code: e.target.value } : { kind: 'count' },
              )
            }
          >
            <option value="">{t('productsInTimeCount')}</option>
            {products.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('place')}
          <select value={selectedId} onChange={(e) => setSelectedId(e.target.value)}>
            <option value="">{t('choosePlace')}</option>
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
          <legend>{t('lanes')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={showRoad}
              onChange={(e) => setShowRoad(e.target.checked)}
            />
            <span className="lane-swatch lane-road" aria-hidden="true" />{' '}
            {t('road', { count: roadCount })}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={showAir}
              onChange={(e) => setShowAir(e.target.checked)}
            />
            <span className="lane-swatch lane-air" aria-hidden="true" />{' '}
            {t('air', { count: airCount })}
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
              label={t('chartLabel', { date })}
              onClick={onChartClick}
              replaceMerge={REPLACE_SERIES}
              renderer="canvas"
            />
          ) : (
            <div className="map-placeholder" style={{ height: MAP_HEIGHT }}>
              <p className="muted">{t('loadingMap')}</p>
            </div>
          )}
          {busy && option && (
            <p className="map-busy" role="status">
              {t('workingOut', { date })}
            </p>
          )}
          {option && <p className="map-hint small">{t('zoomHint')}</p>}
          {view && (
            <ul className="map-legend" aria-label={t('legend')}>
              <li>
                <span className="legend-site" aria-hidden="true" /> {t('productionSite')}
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
              <h2 id="map-details-title">{t('details')}</h2>
              <p className="muted">{t('detailsHint')}</p>
              <p className="small muted">{t('reachRule')}</p>
              <p className="small muted">{t('attribution')}</p>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
