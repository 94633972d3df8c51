import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { PanelToggle } from './panel-toggle.js';
import type { GeneratorRow } from './supply-rows.js';
import { clockIn, dayClockIn, formatHours } from '../zoned-time.js';

/** The site's generators in service; a row's button opens its yield curve. */
export function GeneratorTable(props: {
  rows: readonly GeneratorRow[];
  loading: boolean;
  unit: DisplayUnit;
  zone: string;
  date: string;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { rows, unit, zone } = props;
  return (
    <div className="card flush" role="region" aria-labelledby="generators-title">
      <div className="card-head supply-card-head">
        <h2 id="generators-title">Generators</h2>
        <p className="muted small">
          {rows.length > 0 && `${rows.length} in service · `}“Next” is the first elution of{' '}
          {props.date} on the regular schedule
        </p>
      </div>
      {props.loading && <p className="muted supply-empty">Loading generators…</p>}
      {!props.loading && rows.length === 0 && (
        <p className="muted supply-empty">No generators in service at this site.</p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll-x">
          <table className="data supply-table">
            <thead>
              <tr>
                <th scope="col">Generator</th>
                <th scope="col" className="num wide-only">
                  Parent now
                </th>
                <th scope="col" className="num">
                  Efficiency
                </th>
                <th scope="col">Last elution</th>
                <th scope="col" className="num">
                  Eluate now
                </th>
                <th scope="col" className="num">
                  Next elution
                </th>
                <th scope="col">
                  <span className="sr-only">Yield curve</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const selected = r.id === props.selectedId;
                return (
                  <tr key={r.id} aria-selected={selected}>
                    <th scope="row">
                      <span className="row-title">{r.label}</span>
                      <span className="muted small">
                        {r.type} · every {formatHours(r.intervalMinutes / 60)}
                      </span>
                      {r.warnings.map((w) => (
                        <span key={w} className="tag tag-warn">
                          {w}
                        </span>
                      ))}
                    </th>
                    <td className="num wide-only">
                      {r.parentNowBq === undefined ? '—' : formatActivity(r.parentNowBq, unit)}
                      <span className="muted small block">{r.parent}</span>
                    </td>
                    <td className="num">
                      {formatNumber(r.efficiency * 100)}%
                      <span className="muted small block">{r.efficiencyBasis}</span>
                    </td>
                    <td>
                      {r.lastElution
                        ? dayClockIn(Date.parse(r.lastElution), zone)
                        : 'none recorded'}
                    </td>
                    <td className="num">
                      {r.eluateNowBq === undefined ? '—' : formatActivity(r.eluateNowBq, unit)}
                      <span className="muted small block">{r.daughter}</span>
                    </td>
                    <td className="num">
                      {r.next ? formatActivity(r.next.activityBq, unit) : '—'}
                      {r.next && (
                        <span className="muted small block">
                          at {clockIn(Date.parse(r.next.at), zone)}
                        </span>
                      )}
                    </td>
                    <td className="actions">
                      <PanelToggle
                        open={selected}
                        what={`the yield curve of ${r.label}`}
                        openText="Yield curve"
                        closeText="Hide curve"
                        onToggle={() => props.onSelect(selected ? undefined : r.id)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
