import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type WorkingDay } from '../api/client.js';
import { dayClockIn } from '../zoned-time.js';
import { alertDosesText, alertKindText } from './alert-text.js';
import type { QualityAlert } from './batch-types.js';
import './batches.css';
import { serverText } from '../i18n/server-texts.js';

/**
 * A hospital's quality alerts, newest first: a batch its doses came from was rejected, or failed
 * a test after release (GET /api/alerts answers the caller's own).
 */
export function AlertsScreen({ day }: { day: WorkingDay }) {
  const [alerts, setAlerts] = useState<QualityAlert[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t } = useTranslation('batches');
  useEffect(() => {
    let live = true;
    void api.GET('/api/alerts').then((r) => {
      if (!live) return;
      setAlerts(r.data?.alerts ?? []);
      setError(r.data ? undefined : errorText(r.error, t('alerts.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="alerts-title" className="batches alerts-screen">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p className="muted small">{t('alerts.intro', { zone: day.zone })}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {alerts === undefined && !error && <p className="muted">{t('alerts.loading')}</p>}
      {alerts?.length === 0 && <p className="card muted">{t('alerts.none')}</p>}
      {alerts && alerts.length > 0 && (
        <ul className="alerts">
          {alerts.map((a) => (
            <li key={a.id} className={`card alert alert-${a.kind}`}>
              <div className="alert-head">
                <strong>{alertKindText(a.kind)}</strong>
                <span className="muted small">
                  {t('alerts.meta', {
                    batchNumber: a.batchNumber,
                    product: a.productCode,
                    time: dayClockIn(Date.parse(a.createdAt), day.zone),
                  })}
                </span>
              </div>
              <p>{serverText(a.message)}</p>
              <p className="small muted">
                {a.hospitalName} · {alertDosesText(a.doses)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
