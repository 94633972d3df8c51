import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('supply');
  return (
    <div className="card flush" role="region" aria-labelledby="generators-title">
      <div className="card-head supply-card-head">
        <h2 id="generators-title">{t('generators.title')}</h2>
        <p className="muted small">
          {rows.length > 0 && t('generators.inService', { n: rows.length })}
          {t('generators.nextHint', { date: props.date })}
        </p>
      </div>
      {props.loading && <p className="muted supply-empty">{t('generators.loading')}</p>}
      {!props.loading && rows.length === 0 && (
        <p className="muted supply-empty">{t('generators.none')}</p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll-x">
          <table className="data supply-table">
            <thead>
              <tr>
                <th scope="col">{t('generators.generator')}</th>
                <th scope="col" className="num wide-only">
                  {t('generators.parentNow')}
                </th>
                <th scope="col" className="num">
                  {t('generators.efficiency')}
                </th>
                <th scope="col">{t('generators.lastElution')}</th>
                <th scope="col" className="num">
                  {t('generators.eluateNow')}
                </th>
                <th scope="col" className="num">
                  {t('generators.nextElution')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('generators.yieldCurve')}</span>
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
                        {t('generators.every', {
                          type: r.type,
                          interval: formatHours(r.intervalMinutes / 60),
                        })}
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
                      <span className="muted small block">{t(`basis.${r.efficiencyBasis}`)}</span>
                    </td>
                    <td>
                      {r.lastElution
                        ? dayClockIn(Date.parse(r.lastElution), zone)
                        : t('generators.noneRecorded')}
                    </td>
                    <td className="num">
                      {r.eluateNowBq === undefined ? '—' : formatActivity(r.eluateNowBq, unit)}
                      <span className="muted small block">{r.daughter}</span>
                    </td>
                    <td className="num">
                      {r.next ? formatActivity(r.next.activityBq, unit) : '—'}
                      {r.next && (
                        <span className="muted small block">
                          {t('generators.at', { time: clockIn(Date.parse(r.next.at), zone) })}
                        </span>
                      )}
                    </td>
                    <td className="actions">
                      <PanelToggle
                        open={selected}
                        what={t('generators.what', { label: r.label })}
                        openText={t('generators.yieldCurve')}
                        closeText={t('generators.hideCurve')}
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
