import { useMemo } from 'react';
import { EChart } from '../charts/echart.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { nuclideTotals, releaseRows, supplyChartData } from './supply-chart-data.js';
import { nuclideColour, supplyChartOption } from './supply-chart-option.js';
import type { SiteSupply } from './supply-types.js';
import { clockIn, dateIn } from '../zoned-time.js';

const KIND: Record<SiteSupply['supply'][number]['kind'], string> = {
  generator: 'Elution',
  lot: 'Lot',
  cyclotron: 'Cyclotron EOB',
};

/** "Supply for <date>": the day's releases per nuclide as a chart, totals and every release. */
export function DaySupply(props: {
  supply: SiteSupply | undefined;
  date: string;
  unit: DisplayUnit;
  zone: string;
  error: string | undefined;
}) {
  const { supply, unit, zone } = props;
  const rows = useMemo(() => (supply ? releaseRows(supply) : []), [supply]);
  const totals = useMemo(() => nuclideTotals(rows), [rows]);
  const option = useMemo(() => {
    if (!supply || rows.length === 0) return undefined;
    const clock = (ms: number) => clockIn(ms, zone);
    return supplyChartOption(supplyChartData(rows, supply, unit), unit, clock);
  }, [supply, rows, unit, zone]);
  const title = `Supply for ${dateIn(Date.parse(`${props.date}T12:00:00Z`), 'UTC')}`;

  return (
    <div className="card" aria-labelledby="day-supply-title" role="region">
      <div className="card-head">
        <h2 id="day-supply-title">{title}</h2>
        {supply && supply.boughtAsNeeded.length > 0 && (
          <p className="muted small supply-bought">
            Bought as needed (no record): {supply.boughtAsNeeded.join(', ')}
          </p>
        )}
      </div>
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      {!supply && !props.error && <p className="muted">Loading the day’s supply…</p>}
      {supply && rows.length === 0 && (
        <p className="muted">No releases: this site has no supply records for the day.</p>
      )}
      {supply && option && (
        <div className="supply-day-grid">
          <div>
            <p className="muted small chart-caption">
              Activity released so far per nuclide ({unit}, log scale), each release counted at its
              release time; elutions on the site’s regular schedule, as a plan of the day takes
              them.
            </p>
            <EChart
              option={option}
              height={300}
              label={`Activity released during ${props.date} per nuclide: ${totals
                .map((t) => `${t.nuclide} ${formatActivity(t.totalBq, unit)}`)
                .join(', ')}`}
            />
          </div>
          <table className="data supply-totals">
            <caption className="sr-only">Releases per nuclide</caption>
            <thead>
              <tr>
                <th scope="col">Nuclide</th>
                <th scope="col" className="num">
                  Releases
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t, i) => (
                <tr key={t.nuclide}>
                  <th scope="row">
                    <span
                      className="swatch"
                      style={{ background: nuclideColour(t.nuclide, i) }}
                      aria-hidden="true"
                    />
                    {t.nuclide}
                    <span className="muted small block times">
                      {clockIn(t.first, zone)}
                      {t.last !== t.first && ` – ${clockIn(t.last, zone)}`}
                    </span>
                  </th>
                  <td className="num">
                    {t.releases}
                    {t.sources > 1 && <span className="muted small"> from {t.sources}</span>}
                  </td>
                  <td className="num">{formatActivity(t.totalBq, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {supply && rows.length > 0 && (
        <details className="supply-releases">
          <summary>All {rows.length} releases of the day</summary>
          <div className="scroll-table">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Nuclide</th>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Activity
                  </th>
                  <th scope="col" className="num">
                    Released so far
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
                      {KIND[r.kind]}
                      {r.recorded && <span className="tag">recorded</span>}
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
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
