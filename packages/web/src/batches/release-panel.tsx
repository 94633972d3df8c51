import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Me } from '../api/client.js';
import { dayClockIn } from '../zoned-time.js';
import { BadgeView } from './badge-view.js';
import { decisions, type Decision } from './batch-figures.js';
import {
  deviationBadge,
  meaningLabel,
  signatureBadge,
  statusBadge,
  verdictBadge,
} from './batch-status.js';
import type { BatchDetail } from './batch-types.js';
import { SignDialog } from './sign-dialog.js';
import { serverText } from '../i18n/server-texts.js';

/**
 * Release: what the QP decides on (deviations and the QC verdict, prominently), the three
 * decisions with the server's reason when one may not be signed now (batches.release only), and
 * the signatures with whether each still holds.
 */
export function ReleasePanel(props: {
  detail: BatchDetail;
  canRelease: boolean;
  signer: Me;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail, canRelease } = props;
  const [signing, setSigning] = useState<Decision | undefined>();
  const zone = detail.batch.siteZone;
  const { t } = useTranslation('batches');
  return (
    <div className="card release" role="region" aria-labelledby="release-title">
      <div className="card-head">
        <h2 id="release-title">{t('release.title')}</h2>
        <BadgeView badge={statusBadge(detail.batch.status)} />
      </div>
      <div className="release-facts">
        <div>
          <span className="muted small block">{t('release.verdict')}</span>
          <BadgeView badge={verdictBadge(detail.qc.verdict)} />
        </div>
        <div>
          <span className="muted small block">{t('release.deviations')}</span>
          {detail.deviations.length === 0 ? (
            <span>{t('release.none')}</span>
          ) : (
            detail.deviations.map((d) => (
              <BadgeView
                key={d.id}
                badge={{ ...deviationBadge(d.classification), title: d.description }}
              />
            ))
          )}
        </div>
      </div>
      {canRelease && (
        <div className="decisions" role="group" aria-label={t('release.decisions')}>
          {decisions(detail).map((d) => (
            <div key={d.meaning} className={`decision${d.refusal ? ' refused' : ''}`}>
              <h3 className="decision-name">{d.label}</h3>
              <p className="small">{d.text}</p>
              {d.refusal && (
                <p className="small refusal">
                  <strong>{t('release.notNow')}</strong> {d.refusal}
                </p>
              )}
              <button
                type="button"
                className={d.meaning === 'rejection' ? 'secondary danger' : 'primary'}
                disabled={d.refusal !== undefined}
                title={d.refusal}
                onClick={() => setSigning(d)}
              >
                {t(`release.open.${d.meaning}`)}
              </button>
            </div>
          ))}
        </div>
      )}
      <h3>{t('release.signatures')}</h3>
      {detail.signatures.length === 0 ? (
        <p className="muted small">{t('release.noSignature')}</p>
      ) : (
        <ul className="signatures">
          {detail.signatures.map((s) => (
            <li key={s.id} className={s.valid ? undefined : 'broken'}>
              <div>
                <Trans
                  ns="batches"
                  i18nKey="release.signedBy"
                  values={{
                    meaning: meaningLabel(s.meaning),
                    name: s.printedName,
                    time: dayClockIn(Date.parse(s.signedAt), zone),
                  }}
                  components={{ b: <strong /> }}
                />
                <BadgeView badge={signatureBadge(s)} className="signature-badge" />
              </div>
              <div className="small muted">{serverText(s.meaningText)}</div>
              {s.reason && <div className="small">{t('release.reason', { reason: s.reason })}</div>}
              <div className="small muted">
                {t('release.contentHash')}{' '}
                <code title={s.contentHash}>{s.contentHash.slice(0, 16)}…</code>
              </div>
            </li>
          ))}
        </ul>
      )}
      {signing && (
        <SignDialog
          detail={detail}
          decision={signing}
          signer={props.signer}
          onSigned={(d) => {
            setSigning(undefined);
            props.onChange(d);
          }}
          onClose={() => setSigning(undefined)}
        />
      )}
    </div>
  );
}
