import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DesignMap } from './design-map.js';
import { doses, gapSentence, gbq, millions, share, solverProgress } from './design-format.js';
import { productRows, unservedRows } from './design-result-data.js';
import { isSolved, type DesignRun, type DesignRunSummary, type SolvedRun } from './design-types.js';
import { serverText } from '../i18n/server-texts.js';

/** Unserved demands listed; the rest are counted. */
const UNSERVED_SHOWN = 200;

/** The opened scenario: its progress, or its design (figures, products, map, unserved demand). */
export function ResultView(props: { summary: DesignRunSummary; run: DesignRun | undefined }) {
  const { summary, run } = props;
  const { t } = useTranslation(['design', 'common']);
  return (
    <section
      className="card design-result"
      aria-labelledby="design-result-title"
      data-scenario={summary.id}
    >
      <h2 id="design-result-title">{t('result.title', { name: summary.name })}</h2>
      {summary.status === 'failed' && (
        <p className="error" role="alert">
          {t('result.failed', { error: serverText(summary.error ?? summary.progress.message) })}
        </p>
      )}
      {(summary.status === 'queued' || summary.status === 'running') && (
        <p className="muted" role="status">
          {solverProgress(summary.progress)} · {t('result.waiting')}
        </p>
      )}
      {summary.status === 'done' && !isSolved(run) && (
        <p className="muted">{t('common:loading')}</p>
      )}
      {isSolved(run) && <Solved run={run} />}
    </section>
  );
}

function Solved({ run }: { run: SolvedRun }) {
  const { t } = useTranslation('design', { keyPrefix: 'result' });
  const { t: tDesign } = useTranslation('design');
  const r = run.result;
  const products = useMemo(() => productRows(run), [run]);
  const unserved = useMemo(() => unservedRows(run), [run]);
  const newUnits = r.facilities.reduce((n, f) => n + f.newUnits, 0);
  const hours = String(r.reachHours);
  return (
    <div className="design-solved" data-design-result={run.id}>
      <p className="design-verdict">
        <span className="status status-ready">{t(`statusWord.${r.status}`)}</span> {gapSentence(r)}
      </p>
      <p className="muted small">
        {t('solvedIn', {
          seconds: r.seconds.toFixed(1),
          columns: r.model.columns,
          rows: r.model.rows,
        })}
      </p>
      <h3>{t('costs')}</h3>
      <dl className="figures design-costs" aria-label={t('costs')}>
        <div>
          <dt>{t('total')}</dt>
          <dd>{millions(r.costs.totalPerYear)}</dd>
        </div>
        <div>
          <dt>{t('units')}</dt>
          <dd>{millions(r.costs.unitsPerYear)}</dd>
        </div>
        <div>
          <dt>{t('isotope')}</dt>
          <dd>{millions(r.costs.isotopePerYear)}</dd>
        </div>
        <div>
          <dt>{t('transport')}</dt>
          <dd>{millions(r.costs.transportPerYear)}</dd>
        </div>
        <div>
          <dt>{r.objective === 'cost' ? t('unservedPenalty') : t('unservedWeight')}</dt>
          <dd>{millions(r.costs.unservedPerYear)}</dd>
        </div>
        <div>
          <dt>{t('newUnits')}</dt>
          <dd>{newUnits}</dd>
        </div>
      </dl>
      <h3 id="design-products-title">{t('products')}</h3>
      <table className="data design-products" aria-labelledby="design-products-title">
        <thead>
          <tr>
            <th scope="col">{t('product')}</th>
            <th scope="col" className="num">
              {t('demand')}
            </th>
            <th scope="col" className="num">
              {t('served')}
            </th>
            <th scope="col" className="num">
              {t('within', { hours })}
            </th>
            <th scope="col" className="num">
              {t('gbqPerDose')}
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id} data-product={p.id}>
              <th scope="row">{p.name}</th>
              <td className="num">{doses(p.demandPerWeek)}</td>
              <td className="num">{share(p.servedShare)}</td>
              <td className="num">{share(p.withinShare)}</td>
              <td className="num">{gbq(p.gbqPerDose)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DesignMap run={run} />
      <h3 id="design-unserved-title">{t('unserved', { n: unserved.length })}</h3>
      {unserved.length === 0 ? (
        <p className="muted">{t('noUnserved')}</p>
      ) : (
        <div className="design-table-wrap design-unserved">
          <table className="data" aria-labelledby="design-unserved-title">
            <thead>
              <tr>
                <th scope="col">{t('hospital')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col" className="num">
                  {t('doses')}
                </th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {unserved.slice(0, UNSERVED_SHOWN).map((u) => (
                <tr key={`${u.hospital}-${u.product}`} data-reason={u.reason}>
                  <td>{u.hospitalName}</td>
                  <td>{u.productName}</td>
                  <td className="num">{doses(u.dosesPerWeek)}</td>
                  <td>
                    <strong>{tDesign(`reason.${u.reason}`)}</strong>
                    <span className="small muted design-detail">{serverText(u.detail)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {unserved.length > UNSERVED_SHOWN && (
            <p className="muted small">{t('more', { n: unserved.length - UNSERVED_SHOWN })}</p>
          )}
        </div>
      )}
    </div>
  );
}
