import { useTranslation } from 'react-i18next';
import { BadgeView } from './badge-view.js';
import { verdictBadge } from './batch-status.js';
import type { BatchDetail } from './batch-types.js';
import { QcCsvImport } from './qc-csv-import.js';
import { QcTestRow } from './qc-test-row.js';
import { QcTrendPanel } from './qc-trend-panel.js';

/**
 * QC against the batch's specification: each test with its limit, timing, result and status, an
 * entry form per pending test and a replace-with-reason per entered one, a CSV import
 * (qc.record), and a control chart of a numeric test over the product's recent batches.
 */
export function QcPanel(props: {
  detail: BatchDetail;
  canRecord: boolean;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail, canRecord } = props;
  const { qc } = detail;
  const closed = detail.batch.status === 'rejected' || detail.voided !== null;
  const editable = canRecord && !closed;
  const failing = qc.tests.filter((test) => test.status === 'fail');
  const { t } = useTranslation('batches');
  return (
    <div className="card" role="region" aria-labelledby="qc-title">
      <div className="card-head">
        <h2 id="qc-title">{t('qc.title')}</h2>
        <p className="muted small">
          {t('qc.specification', {
            version: qc.specificationVersion,
            product: detail.batch.productCode,
          })}
        </p>
      </div>
      <div className={`verdict tone-${verdictBadge(qc.verdict).tone}`} data-testid="qc-verdict">
        <BadgeView badge={verdictBadge(qc.verdict)} className="badge-large" />
        {failing.length > 0 && (
          <span className="verdict-reasons">
            {failing
              .map((test) => test.reason ?? t('qc.testFails', { name: test.name }))
              .join(' · ')}
          </span>
        )}
      </div>
      {qc.notSourced.length > 0 && (
        <p className="muted small">{t('qc.notSourced', { tests: qc.notSourced.join(', ') })}</p>
      )}
      <div className="table-scroll-x">
        <table className="data qc-table">
          <thead>
            <tr>
              <th scope="col">{t('qc.test')}</th>
              <th scope="col">{t('qc.limit')}</th>
              <th scope="col">{t('qc.timing')}</th>
              <th scope="col">{t('qc.result')}</th>
              <th scope="col">{t('qc.status')}</th>
              <th scope="col">{t('qc.entered')}</th>
              {editable && (
                <th scope="col">
                  <span className="sr-only">{t('qc.change')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {qc.tests.map((test) => (
              <QcTestRow
                key={`${test.code}-${test.enteredAt ?? 'pending'}`}
                detail={detail}
                test={test}
                editable={editable}
                onChange={props.onChange}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className={editable ? 'qc-bottom' : 'qc-bottom trend-only'}>
        {editable && <QcCsvImport detail={detail} onChange={props.onChange} />}
        <QcTrendPanel detail={detail} />
      </div>
    </div>
  );
}
