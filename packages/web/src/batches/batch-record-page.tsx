import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import type { BatchDetail } from './batch-types.js';
import { DeviationPanel } from './deviation-panel.js';
import { DispensingPanel } from './dispensing-panel.js';
import { QcPanel } from './qc-panel.js';
import { RecordAlerts } from './record-alerts.js';
import { RecordHeader } from './record-header.js';
import { ReleasePanel } from './release-panel.js';
import { StepList } from './step-list.js';

/**
 * One batch record on one page: the header, the recipe's steps, deviations, QC, the QP's release
 * and dispensing. Every change posts to the API, which answers with the whole record again.
 */
export function BatchRecordPage(props: {
  id: string;
  unit: DisplayUnit;
  me: Me;
  onBack: () => void;
}) {
  const { id, unit, me } = props;
  const [detail, setDetail] = useState<BatchDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t } = useTranslation('batches');

  useEffect(() => {
    let live = true;
    void api.GET('/api/batches/{id}', { params: { path: { id } } }).then((r) => {
      if (!live) return;
      setDetail(r.data);
      setError(r.data ? undefined : errorText(r.error, t('record.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [id]);

  const can = (action: string) => me.capabilities[action as keyof Me['capabilities']] !== undefined;

  return (
    <section className="batches batch-record" aria-labelledby="batch-title">
      <a
        className="back"
        href="/batches"
        onClick={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        {t('record.back')}
      </a>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!detail && !error && <p className="muted">{t('record.loading')}</p>}
      {detail && (
        <>
          <RecordHeader detail={detail} unit={unit} />
          <StepList
            detail={detail}
            unit={unit}
            canRecord={can('batches.record')}
            onChange={setDetail}
          />
          <DeviationPanel detail={detail} canRecord={can('batches.record')} onChange={setDetail} />
          <QcPanel detail={detail} canRecord={can('qc.record')} onChange={setDetail} />
          <ReleasePanel
            detail={detail}
            canRelease={can('batches.release')}
            signer={me}
            onChange={setDetail}
          />
          <DispensingPanel
            detail={detail}
            unit={unit}
            canDispense={can('batches.record')}
            onChange={setDetail}
          />
          <RecordAlerts detail={detail} />
        </>
      )}
    </section>
  );
}
