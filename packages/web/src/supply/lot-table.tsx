import { formatActivity, type DisplayUnit } from '../units.js';
import { PanelToggle } from './panel-toggle.js';
import type { Lot, SiteSupply } from './supply-types.js';
import { dayClockIn } from '../zoned-time.js';

/** The site's bulk lots; a row's button opens its decay, impurities, licence and waste. */
export function LotTable(props: {
  lots: readonly Lot[] | undefined;
  supply: SiteSupply | undefined;
  unit: DisplayUnit;
  zone: string;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { lots, unit, zone } = props;
  return (
    <div className="card flush" role="region" aria-labelledby="lots-title">
      <div className="card-head supply-card-head">
        <h2 id="lots-title">Bulk lots</h2>
        {lots && lots.length > 0 && (
          <p className="muted small">
            Activity on the day: as the plan takes it, at the start of the day
          </p>
        )}
      </div>
      {!lots && <p className="muted supply-empty">Loading lots…</p>}
      {lots && lots.length === 0 && (
        <p className="muted supply-empty">No bulk lots at this site.</p>
      )}
      {lots && lots.length > 0 && (
        <div className="table-scroll-x">
          <table className="data supply-table">
            <thead>
              <tr>
                <th scope="col">Lot</th>
                <th scope="col" className="num">
                  At reference
                </th>
                <th scope="col" className="num">
                  On the day
                </th>
                <th scope="col">Received</th>
                <th scope="col">Label expiry</th>
                <th scope="col">
                  <span className="sr-only">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lots.map((l) => {
                const selected = l.id === props.selectedId;
                const onDay = props.supply?.lots.find((x) => x.id === l.id);
                return (
                  <tr key={l.id} aria-selected={selected}>
                    <th scope="row">
                      <span className="row-title">{l.label}</span>
                      <span className="muted small">
                        {l.nuclide} · {l.profile} · {l.carrier}
                      </span>
                    </th>
                    <td className="num">
                      {formatActivity(l.activityBq, unit)}
                      <span className="muted small block">
                        {dayClockIn(Date.parse(l.referenceAt), zone)}
                      </span>
                    </td>
                    <td className="num">
                      {onDay ? (
                        formatActivity(onDay.activityBq, unit)
                      ) : (
                        <span className="muted">not held</span>
                      )}
                    </td>
                    <td className="when">{dayClockIn(Date.parse(l.receivedAt), zone)}</td>
                    <td className="when">
                      {l.expiresAt ? dayClockIn(Date.parse(l.expiresAt), zone) : '—'}
                    </td>
                    <td className="actions">
                      <PanelToggle
                        open={selected}
                        what={`the decay of ${l.label}`}
                        openText="Decay"
                        closeText="Hide decay"
                        onToggle={() => props.onSelect(selected ? undefined : l.id)}
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
