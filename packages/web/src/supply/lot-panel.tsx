import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { licenceSummary, lotChartData, lotProfileText } from './lot-chart-data.js';
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
  const { t } = useTranslation('supply');
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
      setError(r.data ? undefined : errorText(r.error, t('lot.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [props.id]);

  const option = useMemo(() => {
    if (!lot) return undefined;
    // Midnight reads as the day alone ("24 Nov", "11月24日").
    const clock = (ms: number) => dayClockIn(ms, zone).replace(/ 00:00$/, '');
    return lotChartOption(lotChartData(lot, unit), unit, clock);
  }, [lot, unit, zone, t]);
  const licence = lot ? licenceSummary(lot) : undefined;

  return (
    <div ref={host} className="card supply-panel" role="region" aria-labelledby="lot-title">
      <div className="card-head">
        <h2 id="lot-title">{lot ? lot.label : t('lot.title')}</h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!lot && !error && <p className="muted">{t('lot.loading')}</p>}
      {lot && licence && (
        <>
          <dl className="supply-figures">
            <div>
              <dt>{t('lot.nuclideNow', { nuclide: lot.nuclide })}</dt>
              <dd>{formatActivity(lot.activityNowBq, unit)}</dd>
            </div>
            <div>
              <dt>{t('lot.leftToDraw')}</dt>
              <dd>
                {formatActivity(lot.remainingNowBq, unit)}
                <span className="muted small">
                  {' '}
                  {lot.draws.length === 0
                    ? t('lot.noDraws')
                    : t('lot.draws', { count: lot.draws.length })}
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
                  <span className="muted small">
                    {' '}
                    {t('lot.was', { value: formatNumber(r.atReference * 100) })}
                  </span>
                </dd>
              </div>
            ))}
            <div>
              <dt>
                {t('lot.expires', { reason: t(`lot.expiryReason.${lot.expiry.reason ?? 'none'}`) })}
              </dt>
              <dd>{lot.expiry.at ? dayClockIn(Date.parse(lot.expiry.at), zone) : '—'}</dd>
            </div>
            <div>
              <dt>{t('lot.storeWasteUntil')}</dt>
              <dd>{dateIn(Date.parse(lot.waste.storeUntil), zone)}</dd>
            </div>
          </dl>
          <div className="supply-panel-grid">
            <div className="supply-chart">
              <h3>{t(lot.impurityRatios.length > 0 ? 'lot.decayAndRatio' : 'lot.decay')}</h3>
              {option && (
                <EChart
                  option={option}
                  height={300}
                  label={t('lot.chartLabel', {
                    nuclide: lot.nuclide,
                    label: lot.label,
                    ratios: lot.impurityRatios
                      .map((r) => t('lot.chartRatio', { nuclide: r.nuclide }))
                      .join(''),
                  })}
                />
              )}
              <p className="muted small">
                {t('lot.reference', {
                  profile: lotProfileText(lot.profile),
                  carrier: t(`carrier.${lot.carrier}`),
                  supplier: lot.supplier,
                  amount: formatActivity(lot.activityBq, unit),
                  time: dayClockIn(Date.parse(lot.referenceAt), zone),
                })}
              </p>
            </div>
            <aside className="supply-side">
              <section aria-labelledby="licence-title">
                <h3 id="licence-title">{t('lot.licence')}</h3>
                {licence.overLimit.length === 0 ? (
                  <p className="ok small">{t('lot.withinLimits')}</p>
                ) : (
                  <ul className="small plain">
                    {licence.overLimit.map((e) => (
                      <li key={e.nuclide} className="error">
                        {t('lot.overLimit', {
                          nuclide: e.nuclide,
                          held: formatActivity(e.activityBq, unit),
                          limit: formatActivity(e.limitBq ?? 0, unit),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="muted small">{t('lot.heldCount', { n: lot.licence.held.length })}</p>
                {licence.unlicensed.length > 0 && (
                  <details className="small">
                    <summary>{t('lot.unlicensed', { n: licence.unlicensed.length })}</summary>
                    <p className="muted">{licence.unlicensed.join(', ')}</p>
                  </details>
                )}
              </section>
              <section aria-labelledby="waste-title">
                <h3 id="waste-title">{t('lot.waste')}</h3>
                <p className="small">
                  {t('lot.wasteText', {
                    pct: formatNumber(lot.waste.residueFraction * 100),
                    until: dateIn(Date.parse(lot.waste.storeUntil), zone),
                    nuclide: lot.waste.longestLived,
                    clearanceNote: lot.waste.clearanceAt
                      ? t('lot.clearanceOn', {
                          date: dateIn(Date.parse(lot.waste.clearanceAt), zone),
                        })
                      : '',
                  })}
                </p>
                {lot.waste.noClearanceLevel.length > 0 && (
                  <p className="muted small">
                    {t('lot.noClearance', { count: lot.waste.noClearanceLevel.length })}
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
