import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeView } from '../batches/badge-view.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { AdministerForm } from './administer-form.js';
import type { ShipmentDetail, ShipmentDose, WasteContainer } from './delivery-types.js';
import { DoseFindings } from './dose-findings.js';
import { ReceiveForm } from './receive-form.js';
import {
  deviationPct,
  doseName,
  doseStage,
  doseStageBadge,
  receiptBadge,
  receiptFigures,
  receiptVerdict,
} from './shipment-status.js';

/** The last change made to this dose here: its result is announced (a live region). */
export interface DoseOutcome {
  readonly kind: 'receipt' | 'administration';
}

/**
 * One dose of the shipment: ordered, dispensed, its package and activity at use; its receipt and
 * administration when recorded; and the form for the next step when the caller may take it.
 */
export function DoseCard(props: {
  dose: ShipmentDose;
  detail: ShipmentDetail;
  unit: DisplayUnit;
  canReceive: boolean;
  canAdminister: boolean;
  containers: readonly WasteContainer[];
  onChange: (d: ShipmentDetail) => void;
}) {
  const { dose: d, detail, unit } = props;
  const zone = detail.shipment.hospitalZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const stage = doseStage(d, detail.shipment.status);
  const [open, setOpen] = useState<'receive' | 'administer' | undefined>();
  const [outcome, setOutcome] = useState<DoseOutcome | undefined>();
  const who = doseName(d);
  const titleId = `dose-${d.orderId}`;
  const { t } = useTranslation('hospital');
  const done = (kind: DoseOutcome['kind']) => (next: ShipmentDetail) => {
    setOpen(undefined);
    setOutcome({ kind });
    props.onChange(next);
  };

  return (
    <article className="card dose-card" aria-labelledby={titleId}>
      <div className="dose-head">
        <h3 id={titleId} className="dose-title">
          {who} · {d.productName}
        </h3>
        <BadgeView badge={doseStageBadge(stage)} />
      </div>
      <dl className="dose-figures">
        <div>
          <dt>{t('dose.ordered')}</dt>
          <dd>
            {formatActivity(d.orderedBq, unit)} ±{d.tolerancePct}%
            <span className="muted small block">{t('dose.at', { time: at(d.calibrationAt) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('dose.dispensed')}</dt>
          <dd>
            {d.dispensedBq === null || d.dispensedAt === null ? (
              <span className="muted">{t('dose.notYet')}</span>
            ) : (
              <>
                {formatActivity(d.dispensedBq, unit)}
                <span className="muted small block">
                  {t('dose.at', { time: at(d.dispensedAt) })}
                  {d.batchNumber ? ` · ${d.batchNumber}` : ''}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('dose.package')}</dt>
          <dd className="mono">
            {d.packageCode ?? <span className="muted">{t('dose.notPacked')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('dose.atUse')}</dt>
          <dd>
            {d.atUse ? (
              <>
                {formatActivity(d.atUse.activityBq, unit)}
                <span className={`small block${d.atUse.ok ? ' muted' : ' late'}`}>
                  {t('dose.at', { time: at(d.atUse.at) })} · {deviationPct(d.atUse.deviation)}
                  {d.atUse.ok ? '' : ` · ${t('dose.outsideTolerance')}`}
                </span>
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
        {d.expiresAt && (
          <div>
            <dt>{t('dose.expires')}</dt>
            <dd>{at(d.expiresAt)}</dd>
          </div>
        )}
      </dl>

      {d.receipt && (
        <div
          className={`dose-step${outcome?.kind === 'receipt' ? ` outcome outcome-${d.receipt.status}` : ''}`}
          role={
            outcome?.kind === 'receipt'
              ? d.receipt.status === 'accepted'
                ? 'status'
                : 'alert'
              : undefined
          }
        >
          <span className="step-name">{t('dose.receipt')}</span>
          <BadgeView badge={receiptBadge(d.receipt.status)} />
          <span className="small">
            {t('dose.figuresAt', {
              figures: receiptFigures(d.receipt, unit),
              time: at(d.receipt.measuredAt),
            })}
            {receiptVerdict(d.receipt)}
          </span>
          {d.receipt.reason && d.receipt.status === 'refused' && (
            <span className="small block refusal">
              {t('dose.reason', { reason: d.receipt.reason })}
            </span>
          )}
        </div>
      )}
      {d.administration && (
        <div className="dose-step">
          <span className="step-name">{t('dose.administration')}</span>
          <span className="small">
            {t('dose.administered', {
              patient: d.administration.patientRef,
              given: formatActivity(d.administration.administeredBq, unit),
              time: at(d.administration.administeredAt),
              prescribed: formatActivity(d.administration.prescribedBq, unit),
              dev: deviationPct(d.administration.deviation),
            })}
          </span>
          {d.administration.direction && (
            <span className="small block">
              {t('dose.direction', { direction: d.administration.direction })}
            </span>
          )}
          <DoseFindings
            findings={d.administration.findings}
            possibleMedicalEvent={d.administration.possibleMedicalEvent}
            live={outcome?.kind === 'administration'}
          />
        </div>
      )}
      {stage === 'on-the-way' && props.canReceive && (
        <p className="muted small">{t('dose.receivable')}</p>
      )}
      {open === undefined && (
        <div className="dose-actions">
          {stage === 'to-receive' && props.canReceive && (
            <button
              type="button"
              className="primary"
              aria-label={t('dose.receiveFor', { who })}
              onClick={() => setOpen('receive')}
            >
              {t('dose.receive')}
            </button>
          )}
          {stage === 'to-administer' && props.canAdminister && (
            <button
              type="button"
              className="primary"
              aria-label={t('dose.administerFor', { who })}
              onClick={() => setOpen('administer')}
            >
              {t('dose.administer')}
            </button>
          )}
        </div>
      )}
      {open === 'receive' && (
        <ReceiveForm
          dose={d}
          zone={zone}
          unit={unit}
          onDone={done('receipt')}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {open === 'administer' && (
        <AdministerForm
          dose={d}
          zone={zone}
          unit={unit}
          containers={props.containers}
          onDone={done('administration')}
          onCancel={() => setOpen(undefined)}
        />
      )}
    </article>
  );
}
