import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { comparison } from './design-compare.js';
import type { SolvedRun } from './design-types.js';

/** Finished scenarios side by side: costs, new units, unserved doses, and product by product. */
export function CompareCard(props: { runs: readonly SolvedRun[]; loading: boolean }) {
  const { t, i18n } = useTranslation('design', { keyPrefix: 'compare' });
  // Worked out again when the language changes: the rows' labels are words.
  const language = i18n.language;
  const table = useMemo(() => comparison(props.runs), [props.runs, language]);
  return (
    <section className="card flush design-compare" aria-labelledby="design-compare-title">
      <div className="card-head">
        <h2 id="design-compare-title">{t('title')}</h2>
        {props.loading && <p className="muted small">{t('loading')}</p>}
      </div>
      <div className="design-table-wrap">
        <table className="data" aria-labelledby="design-compare-title">
          <thead>
            <tr>
              <td />
              {table.names.map((name, i) => (
                <th key={props.runs[i]!.id} scope="col" className="num">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-row={row.key} className={row.sub ? 'design-sub' : undefined}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={props.runs[i]!.id} className="num">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
