import { useState } from 'react';
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
          <dt>Ordered</dt>
          <dd>
            {formatActivity(d.orderedBq, unit)} ±{d.tolerancePct}%
            <span className="muted small block">at {at(d.calibrationAt)}</span>
          </dd>
        </div>
        <div>
          <dt>Dispensed</dt>
          <dd>
            {d.dispensedBq === null || d.dispensedAt === null ? (
              <span className="muted">not yet</span>
            ) : (
              <>
                {formatActivity(d.dispensedBq, unit)}
                <span className="muted small block">
                  at {at(d.dispensedAt)}
                  {d.batchNumber ? ` · ${d.batchNumber}` : ''}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Package</dt>
          <dd className="mono">{d.packageCode ?? <span className="muted">not packed</span>}</dd>
        </div>
        <div>
          <dt>At use</dt>
          <dd>
            {d.atUse ? (
              <>
                {formatActivity(d.atUse.activityBq, unit)}
                <span className={`small block${d.atUse.ok ? ' muted' : ' late'}`}>
                  at {at(d.atUse.at)} · {deviationPct(d.atUse.deviation)}
                  {d.atUse.ok ? '' : ' · outside tolerance'}
                </span>
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
        {d.expiresAt && (
          <div>
            <dt>Expires</dt>
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
          <span className="step-name">Receipt</span>
          <BadgeView badge={receiptBadge(d.receipt.status)} />
          <span className="small">
            {receiptFigures(d.receipt, unit)} at {at(d.receipt.measuredAt)}
            {receiptVerdict(d.receipt)}
          </span>
          {d.receipt.reason && d.receipt.status === 'refused' && (
            <span className="small block refusal">Reason: {d.receipt.reason}</span>
          )}
        </div>
      )}
      {d.administration && (
        <div className="dose-step">
          <span className="step-name">Administration</span>
          <span className="small">
            {d.administration.patientRef}: {formatActivity(d.administration.administeredBq, unit)}{' '}
            at {at(d.administration.administeredAt)} (prescribed{' '}
            {formatActivity(d.administration.prescribedBq, unit)},{' '}
            {deviationPct(d.administration.deviation)})
          </span>
          {d.administration.direction && (
            <span className="small block">
              Authorised user’s direction: {d.administration.direction}
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
        <p className="muted small">It can be received once the shipment is delivered.</p>
      )}
      {open === undefined && (
        <div className="dose-actions">
          {stage === 'to-receive' && props.canReceive && (
            <button
              type="button"
              className="primary"
              aria-label={`Receive the dose for ${who}`}
              onClick={() => setOpen('receive')}
            >
              Receive…
            </button>
          )}
          {stage === 'to-administer' && props.canAdminister && (
            <button
              type="button"
              className="primary"
              aria-label={`Administer the dose for ${who}`}
              onClick={() => setOpen('administer')}
            >
              Administer…
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
