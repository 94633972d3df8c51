import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/echart.js';
import { colourOf } from './group-colours.js';
import { atRiskTable, KM_GRID, KM_HEIGHT, kmAxis, kmChartOption } from './km-chart-option.js';
import { atRiskLabel, kmLabel } from './outcomes-text.js';
import type { Dashboard, SurvivalEndpoint } from './outcomes-types.js';

/**
 * One endpoint's Kaplan–Meier curves by group, a switch for the 95% band, and the numbers at risk
 * beneath, each under its month on the time axis.
 */
export function KmCard(props: {
  dashboard: Dashboard;
  endpoint: SurvivalEndpoint;
  colours: ReadonlyMap<string, string>;
}) {
  const { dashboard: d, endpoint, colours } = props;
  const { t, i18n } = useTranslation('outcomes');
  const [showCi, setShowCi] = useState(false);
  const titleId = useId();
  const axis = useMemo(
    () =>
      kmAxis(
        d.groups.map((g) => g[endpoint]),
        d.atRiskMonths,
      ),
    [d, endpoint],
  );
  const option = useMemo(
    () => kmChartOption(d.groups, endpoint, axis, colours, showCi),
    // The option holds words (axis names, tooltips): made again when the language changes.
    [d, endpoint, axis, colours, showCi, i18n.language],
  );
  const table = atRiskTable(d.groups, endpoint, d.atRiskMonths, axis.max);
  const gutter = { width: KM_GRID.left };
  return (
    <section className="card km-card" aria-labelledby={titleId} data-endpoint={endpoint}>
      <div className="km-head">
        <h2 id={titleId}>{t(`km.names.${endpoint}`)}</h2>
        <label className="check">
          <input type="checkbox" checked={showCi} onChange={(e) => setShowCi(e.target.checked)} />
          {t('km.band')}
        </label>
      </div>
      <EChart option={option} height={KM_HEIGHT} label={kmLabel(endpoint, d.groups)} />
      <div
        className="at-risk"
        role="table"
        aria-label={atRiskLabel(endpoint)}
        style={{ paddingLeft: KM_GRID.left, paddingRight: KM_GRID.right }}
      >
        <div role="row" className="at-risk-row at-risk-months">
          <span role="rowheader" className="at-risk-label" style={gutter}>
            {t('km.months')}
          </span>
          {table.columns.map((c) => (
            <span
              key={c.month}
              role="columnheader"
              className="at-risk-cell"
              style={{ left: `${c.leftPct}%` }}
            >
              {c.month}
            </span>
          ))}
        </div>
        {table.rows.map((r) => (
          <div key={r.group} role="row" className="at-risk-row">
            <span role="rowheader" className="at-risk-label" title={r.group} style={gutter}>
              <span
                className="group-swatch"
                style={{ background: colourOf(colours, r.group) }}
                aria-hidden="true"
              />
              {r.group}
            </span>
            {table.columns.map((c, i) => (
              <span
                key={c.month}
                role="cell"
                className="at-risk-cell"
                style={{ left: `${c.leftPct}%` }}
              >
                {r.counts[i] ?? '—'}
              </span>
            ))}
          </div>
        ))}
      </div>
      <p className="muted small chart-caption">{t('km.caption')}</p>
    </section>
  );
}
