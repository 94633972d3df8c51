import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/echart.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { nuclideTotals, releaseRows, supplyChartData } from './supply-chart-data.js';
import { nuclideColour, supplyChartOption } from './supply-chart-option.js';
import type { SiteSupply } from './supply-types.js';
import { clockIn, dateIn } from '../zoned-time.js';
import { serverText } from '../i18n/server-texts.js';

/** "Supply for <date>": the day's releases per nuclide as a chart, totals and every release. */
export function DaySupply(props: {
  supply: SiteSupply | undefined;
  date: string;
  unit: DisplayUnit;
  zone: string;
  error: string | undefined;
}) {
  const { supply, unit, zone } = props;
  const { t } = useTranslation('supply');
  const rows = useMemo(() => (supply ? releaseRows(supply) : []), [supply]);
  const totals = useMemo(() => nuclideTotals(rows), [rows]);
  const option = useMemo(() => {
    if (!supply || rows.length === 0) return undefined;
    const clock = (ms: number) => clockIn(ms, zone);
    return supplyChartOption(supplyChartData(rows, supply, unit), unit, clock);
  }, [supply, rows, unit, zone, t]);
  const title = t('day.title', { date: dateIn(Date.parse(`${props.date}T12:00:00Z`), 'UTC') });

  return (
    <div className="card" aria-labelledby="day-supply-title" role="region">
      <div className="card-head">
        <h2 id="day-supply-title">{title}</h2>
        {supply && supply.boughtAsNeeded.length > 0 && (
          <p className="muted small supply-bought">
            {t('day.boughtAsNeeded', { list: supply.boughtAsNeeded.join(', ') })}
          </p>
        )}
      </div>
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      {!supply && !props.error && <p className="muted">{t('day.loading')}</p>}
      {supply && rows.length === 0 && <p className="muted">{t('day.none')}</p>}
      {supply && option && (
        <div className="supply-day-grid">
          <div>
            <p className="muted small chart-caption">{t('day.caption', { unit })}</p>
            <EChart
              option={option}
              height={300}
              label={t('day.chartLabel', {
                date: props.date,
                totals: totals
                  .map((x) => `${x.nuclide} ${formatActivity(x.totalBq, unit)}`)
                  .join(', '),
              })}
            />
          </div>
          <table className="data supply-totals">
            <caption className="sr-only">{t('day.totalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('day.nuclide')}</th>
                <th scope="col" className="num">
                  {t('day.releases')}
                </th>
                <th scope="col" className="num">
                  {t('day.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((n, i) => (
                <tr key={n.nuclide}>
                  <th scope="row">
                    <span
                      className="swatch"
                      style={{ background: nuclideColour(n.nuclide, i) }}
                      aria-hidden="true"
                    />
                    {n.nuclide}
                    <span className="muted small block times">
                      {clockIn(n.first, zone)}
                      {n.last !== n.first && ` – ${clockIn(n.last, zone)}`}
                    </span>
                  </th>
                  <td className="num">
                    {n.releases}
                    {n.sources > 1 && (
                      <span className="muted small"> {t('day.fromSources', { n: n.sources })}</span>
                    )}
                  </td>
                  <td className="num">{formatActivity(n.totalBq, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {supply && rows.length > 0 && (
        <details className="supply-releases">
          <summary>{t('day.allReleases', { n: rows.length })}</summary>
          <div className="scroll-table">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('day.time')}</th>
                  <th scope="col">{t('day.nuclide')}</th>
                  <th scope="col">{t('day.source')}</th>
                  <th scope="col">{t('day.kind')}</th>
                  <th scope="col" className="num">
                    {t('day.activity')}
                  </th>
                  <th scope="col" className="num">
                    {t('day.releasedSoFar')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.label}|${r.at}`}>
                    <td>{clockIn(r.at, zone)}</td>
                    <td>{r.nuclide}</td>
                    <td>{r.label}</td>
                    <td>
                      {t(`kind.${r.kind}`)}
                      {r.recorded && <span className="tag">{t('day.recorded')}</span>}
                    </td>
                    <td className="num">{formatActivity(r.activityBq, unit)}</td>
                    <td className="num">{formatActivity(r.cumulativeBq, unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {supply && supply.notes.length > 0 && (
        <ul className="supply-notes small muted">
          {supply.notes.map((n) => (
            <li key={n}>{serverText(n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
