import { useTranslation } from 'react-i18next';
import { formatActivity, type DisplayUnit } from '../units.js';
import { lotProfileText } from './lot-chart-data.js';
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
  const { t } = useTranslation('supply');
  return (
    <div className="card flush" role="region" aria-labelledby="lots-title">
      <div className="card-head supply-card-head">
        <h2 id="lots-title">{t('lots.title')}</h2>
        {lots && lots.length > 0 && <p className="muted small">{t('lots.dayHint')}</p>}
      </div>
      {!lots && <p className="muted supply-empty">{t('lots.loading')}</p>}
      {lots && lots.length === 0 && <p className="muted supply-empty">{t('lots.none')}</p>}
      {lots && lots.length > 0 && (
        <div className="table-scroll-x">
          <table className="data supply-table">
            <thead>
              <tr>
                <th scope="col">{t('lots.lot')}</th>
                <th scope="col" className="num">
                  {t('lots.atReference')}
                </th>
                <th scope="col" className="num">
                  {t('lots.onTheDay')}
                </th>
                <th scope="col">{t('lots.received')}</th>
                <th scope="col">{t('lots.labelExpiry')}</th>
                <th scope="col">
                  <span className="sr-only">{t('lots.details')}</span>
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
                        {l.nuclide} · {lotProfileText(l.profile)} · {t(`carrier.${l.carrier}`)}
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
                        <span className="muted">{t('lots.notHeld')}</span>
                      )}
                    </td>
                    <td className="when">{dayClockIn(Date.parse(l.receivedAt), zone)}</td>
                    <td className="when">
                      {l.expiresAt ? dayClockIn(Date.parse(l.expiresAt), zone) : '—'}
                    </td>
                    <td className="actions">
                      <PanelToggle
                        open={selected}
                        what={t('lots.what', { label: l.label })}
                        openText={t('lots.decay')}
                        closeText={t('lots.hideDecay')}
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
