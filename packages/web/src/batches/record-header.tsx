import { useTranslation } from 'react-i18next';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { BadgeView } from './badge-view.js';
import { yieldText } from './batch-figures.js';
import { statusBadge, verdictBadge } from './batch-status.js';
import type { BatchDetail } from './batch-types.js';
import { serverText } from '../i18n/server-texts.js';

/** The record's header: batch, product, site and line, planned times, status, yield, QC and deviations. */
export function RecordHeader({ detail, unit }: { detail: BatchDetail; unit: DisplayUnit }) {
  const { batch } = detail;
  const { t } = useTranslation('batches');
  const zone = batch.siteZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const critical = detail.deviations.filter((d) => d.classification === 'critical').length;
  const failing = detail.qc.tests.filter((t) => t.status === 'fail');
  return (
    <div className="card record-head" data-testid="record-head">
      <div className="record-title">
        <h1 id="batch-title">{batch.batchNumber}</h1>
        <BadgeView badge={statusBadge(batch.status)} className="badge-large" />
      </div>
      <p className="record-subtitle">
        <strong>{batch.productName}</strong> · {batch.siteName} · {batch.lineName}
        <span className="muted small">
          {' '}
          · {t('record.timesIn', { zone, version: detail.recipe.version })}
        </span>
      </p>
      {detail.voided && (
        <p role="alert" className="error">
          {t('record.void', { reason: serverText(detail.voided) })}
        </p>
      )}
      {batch.late && <p className="late">{t('record.late', { late: serverText(batch.late) })}</p>}
      <dl className="record-figures">
        <div>
          <dt>{t('record.plannedStart')}</dt>
          <dd>{at(batch.startAt)}</dd>
        </div>
        <div>
          <dt>{t('record.endOfSynthesis')}</dt>
          <dd>{at(batch.eosAt)}</dd>
        </div>
        <div>
          <dt>{t('record.release')}</dt>
          <dd>{at(batch.releaseAt)}</dd>
        </div>
        <div className="figure-wide">
          <dt>{t('record.yield')}</dt>
          <dd className="small-figure" data-testid="yield">
            {yieldText(detail, unit)}
          </dd>
        </div>
        <div className="figure-wide">
          <dt>{t('record.qc')}</dt>
          <dd>
            <BadgeView badge={verdictBadge(detail.qc.verdict)} />
            {failing.map((test) => (
              <span key={test.code} className="block small fail-text">
                {test.reason ?? t('qc.testFails', { name: test.name })}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('record.deviations')}</dt>
          <dd className={critical > 0 ? 'fail-text' : undefined}>
            {detail.deviations.length}
            {critical > 0 && (
              <span className="small"> · {t('record.critical', { n: critical })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('record.doses')}</dt>
          <dd>
            {detail.doses.length}
            <span className="muted small">
              {' '}
              ·{' '}
              {t('record.ordered', {
                amount: formatActivity(
                  detail.doses.reduce((s, d) => s + d.orderedBq, 0),
                  unit,
                ),
              })}
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
