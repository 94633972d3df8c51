import { useTranslation } from 'react-i18next';
import { dayClockIn } from '../zoned-time.js';
import { alertDosesText, alertKindText } from './alert-text.js';
import type { BatchDetail } from './batch-types.js';
import { serverText } from '../i18n/server-texts.js';

/** The quality alerts this batch sent to hospitals (a rejection, a failure after release). */
export function RecordAlerts({ detail }: { detail: BatchDetail }) {
  const { t } = useTranslation('batches');
  if (detail.alerts.length === 0) return null;
  return (
    <div className="card" role="region" aria-labelledby="record-alerts-title">
      <h2 id="record-alerts-title">{t('alerts.sentToHospitals')}</h2>
      <ul className="alerts">
        {detail.alerts.map((a) => (
          <li key={a.id} className={`alert alert-${a.kind}`}>
            <strong>{alertKindText(a.kind)}</strong> · {a.hospitalName} ·{' '}
            {dayClockIn(Date.parse(a.createdAt), detail.batch.siteZone)}
            <span className="block small">{serverText(a.message)}</span>
            <span className="block small muted">{alertDosesText(a.doses)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
