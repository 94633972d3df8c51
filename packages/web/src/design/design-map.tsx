import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartClick } from '../charts/echart.js';
import { BASE_MAP, loadBaseMap } from '../map/base-map.js';
import '../map/map.css';
import { doses, gbq, minutes, share } from './design-format.js';
import {
  DESIGN_COLOURS,
  designMapOption,
  fromText,
  HOSPITAL_STATES,
  siteUnitsText,
  stateLabel,
} from './design-map-option.js';
import { designView, type HospitalView, type SiteView } from './design-result-data.js';
import type { SolvedRun } from './design-types.js';
import { serverText } from '../i18n/server-texts.js';

const MAP_HEIGHT = 520;
const REPLACE_SERIES = ['series'];

/** The design on the base map, with a place list and a panel for the chosen hospital or site. */
export function DesignMap({ run }: { run: SolvedRun }) {
  const { t, i18n } = useTranslation('design', { keyPrefix: 'map' });
  const [baseReady, setBaseReady] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [selectedId, setSelectedId] = useState('');
  useEffect(() => {
    let live = true;
    loadBaseMap().then(
      () => live && setBaseReady(true),
      () => live && setError(t('baseMapFailed')),
    );
    return () => {
      live = false;
    };
  }, [t]);
  const view = useMemo(() => designView(run), [run]);
  // Drawn again when the language changes: the series' names are words.
  const language = i18n.language;
  const option = useMemo(
    () => (baseReady ? designMapOption(view, { baseMap: BASE_MAP, selectedId }) : undefined),
    [view, baseReady, selectedId, language],
  );
  const hospital = view.hospitals.find((h) => h.id === selectedId);
  const site = view.sites.find((s) => s.id === selectedId);
  const counts = Object.fromEntries(
    HOSPITAL_STATES.map((s) => [s, view.hospitals.filter((h) => h.state === s).length]),
  );

  function onClick(click: EChartClick) {
    const place = (click.data as { place?: { kind: string; h?: HospitalView; s?: SiteView } })
      ?.place;
    const id = place?.h?.id ?? place?.s?.id;
    if (id) setSelectedId(id);
  }

  return (
    <div className="design-map">
      <div className="map-title-row">
        <h3>{t('title')}</h3>
        <label className="design-place">
          {t('place')}
          <select value={selectedId} onChange={(e) => setSelectedId(e.target.value)}>
            <option value="">{t('choosePlace')}</option>
            <optgroup label={t('sitesGroup')}>
              {view.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('hospitalsGroup')}>
              {view.hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
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
              label={t('label', { name: run.name })}
              onClick={onClick}
              replaceMerge={REPLACE_SERIES}
              renderer="canvas"
            />
          ) : (
            <div className="map-placeholder" style={{ height: MAP_HEIGHT }}>
              <p className="muted">{t('loading')}</p>
            </div>
          )}
          {option && <p className="map-hint small">{t('hint')}</p>}
          <ul className="map-legend" aria-label={t('legend')}>
            <li>
              <span className="legend-site" aria-hidden="true" /> {t('siteExisting')}
            </li>
            <li>
              <span className="legend-site design-legend-new" aria-hidden="true" /> {t('siteNew')}
            </li>
            {HOSPITAL_STATES.filter((s) => counts[s]! > 0).map((s) => (
              <li key={s} data-state={s}>
                <span
                  className="legend-dot"
                  style={{ background: DESIGN_COLOURS[s] }}
                  aria-hidden="true"
                />{' '}
                {stateLabel(s)} <span className="muted">({counts[s]})</span>
              </li>
            ))}
            {view.totalLines > view.lines.length && (
              <li className="muted">
                {t('linesCapped', { shown: view.lines.length, total: view.totalLines })}
              </li>
            )}
          </ul>
        </div>
        <aside
          className="card map-details"
          aria-labelledby="design-details-title"
          aria-live="polite"
        >
          {hospital ? (
            <HospitalPanel h={hospital} />
          ) : site ? (
            <SitePanel s={site} />
          ) : (
            <div className="map-details-body">
              <h2 id="design-details-title">{t('details')}</h2>
              <p className="muted">{t('detailsHint')}</p>
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}

function HospitalPanel({ h }: { h: HospitalView }) {
  const { t } = useTranslation('design');
  return (
    <div className="map-details-body" data-place={h.id}>
      <p className="map-kind">{t('result.hospital')}</p>
      <h2 id="design-details-title">{h.name}</h2>
      <p className="muted">
        {h.city} · {stateLabel(h.state)}
      </p>
      {h.supplies.length > 0 && (
        <>
          <h3>{t('map.gets')}</h3>
          <ul className="map-reach" aria-label={t('map.gets')}>
            {h.supplies.map((s) => (
              <li key={`${s.product}-${s.siteId}`} className="in-time">
                <div className="map-reach-head">
                  <span className="map-reach-name">{s.productName}</span>
                  <span className="map-reach-hours">
                    {t('map.dosesWeek', { doses: doses(s.dosesPerWeek) })}
                  </span>
                </div>
                <p className="small muted">
                  {fromText(s.siteName, s.mode, minutes(s.transportMinutes))};{' '}
                  {t('map.startGbq', { gbq: gbq(s.startGbqPerDose) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {h.gaps.length > 0 && (
        <>
          <h3>{t('map.missing')}</h3>
          <ul className="map-reach" aria-label={t('map.missing')}>
            {h.gaps.map((g) => (
              <li key={g.product} className="not-in-time">
                <div className="map-reach-head">
                  <span className="map-reach-name">{g.productName}</span>
                  <span className="map-reach-hours">
                    {t('map.dosesWeek', { doses: doses(g.dosesPerWeek) })}
                  </span>
                </div>
                <p className="small">
                  <strong className="map-reason">{t(`reason.${g.reason}`)}:</strong>{' '}
                  {serverText(g.detail)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SitePanel({ s }: { s: SiteView }) {
  const { t } = useTranslation('design', { keyPrefix: 'map' });
  return (
    <div className="map-details-body" data-place={s.id}>
      <p className="map-kind">{s.newUnits > 0 ? t('siteNew') : t('siteExisting')}</p>
      <h2 id="design-details-title">{s.name}</h2>
      <p className="muted">
        {s.city} · {siteUnitsText(s.units, s.newUnits)} ·{' '}
        {t('servesHospitals', { n: s.hospitalsServed })}
      </p>
      <ul className="map-products">
        {s.technologies.map((u) => (
          <li key={u.technology}>
            {t('unitLine', {
              technology: u.technology,
              existing: u.existing,
              added: u.added,
              use: share(u.use),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
