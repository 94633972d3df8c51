import { useTranslation } from 'react-i18next';
import { comparisonText, endpointRows, groupSizeText } from './outcomes-text.js';
import { colourOf } from './group-colours.js';
import type { Dashboard } from './outcomes-types.js';

/** Each endpoint per group, with its exact 95% interval; the comparisons beneath. */
export function EndpointTable(props: {
  dashboard: Dashboard;
  colours: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('outcomes');
  const d = props.dashboard;
  const rows = endpointRows(d);
  return (
    <section className="card" aria-labelledby="endpoints-title">
      <h2 id="endpoints-title">{t('table.title')}</h2>
      <div className="table-scroll-x">
        <table className="data endpoint-table" aria-labelledby="endpoints-title">
          <thead>
            <tr>
              <th scope="col">{t('table.endpoint')}</th>
              {d.groups.map((g) => (
                <th key={g.group} scope="col">
                  <span
                    className="group-swatch"
                    style={{ background: colourOf(props.colours, g.group) }}
                    aria-hidden="true"
                  />
                  {g.group}
                  <span className="block muted small">{groupSizeText(g.patients)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-endpoint={r.key}>
                <th scope="row">
                  {r.label}
                  {r.note && <span className="block muted small">{r.note}</span>}
                </th>
                {r.cells.map((c, i) => (
                  <td key={d.groups[i]?.group ?? i}>
                    {c.value}
                    {c.note && <span className="block muted small">{c.note}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small comparison">
        {comparisonText(d.rpfsComparison, 'rpfs')}
        <br />
        {comparisonText(d.osComparison, 'os')}
      </p>
      <p className="muted small chart-caption">{t('table.caption')}</p>
    </section>
  );
}
