import { useState } from 'react';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { anyDispensed, deviationText } from './batch-figures.js';
import { dispensable } from './batch-status.js';
import type { BatchDetail, Dose } from './batch-types.js';
import { DoseForm } from './dose-form.js';

/**
 * The batch's doses: who ordered what for when, and what was dispensed (measured, decayed to the
 * calibration time, its deviation and expiry). A released batch's undispensed doses each get a
 * form (batches.record); the server refuses one outside the order's tolerance, with the figures.
 */
export function DispensingPanel(props: {
  detail: BatchDetail;
  unit: DisplayUnit;
  canDispense: boolean;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail, unit } = props;
  const [open, setOpen] = useState<string | undefined>();
  const zone = detail.batch.siteZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const released = dispensable(detail.batch.status);
  const editable = props.canDispense && released;
  const base = `/api/batches/${detail.batch.id}`;
  const columns = editable ? 7 : 6;
  return (
    <div className="card flush" role="region" aria-labelledby="dispensing-title">
      <div className="card-head padded">
        <h2 id="dispensing-title">Doses and dispensing</h2>
        <p className="small documents">
          <a href={`${base}/certificate.pdf`} target="_blank" rel="noopener">
            Certificate of analysis (PDF)
          </a>
          {anyDispensed(detail.doses) && (
            <>
              {' · '}
              <a href={`${base}/labels.pdf`} target="_blank" rel="noopener">
                Labels of the dispensed doses (PDF)
              </a>
            </>
          )}
        </p>
      </div>
      {!released && detail.doses.length > 0 && (
        <p className="muted small padded-x">
          Doses are dispensed once the QP has released the batch (conditionally or finally).
        </p>
      )}
      {detail.doses.length === 0 ? (
        <p className="muted padded-x">No doses: the plan gave this batch no orders.</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data doses-table">
            <thead>
              <tr>
                <th scope="col">Hospital</th>
                <th scope="col">Patient</th>
                <th scope="col" className="num">
                  Ordered
                </th>
                <th scope="col">Calibration</th>
                <th scope="col">Status</th>
                <th scope="col">Dispensed</th>
                {editable && (
                  <th scope="col">
                    <span className="sr-only">Dispense</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {detail.doses.map((d) => (
                <DoseRow
                  key={d.orderId}
                  dose={d}
                  detail={detail}
                  unit={unit}
                  at={at}
                  base={base}
                  editable={editable}
                  columns={columns}
                  open={open === d.orderId}
                  onOpen={(o) => setOpen(o ? d.orderId : undefined)}
                  onChange={(next) => {
                    setOpen(undefined);
                    props.onChange(next);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DoseRow(props: {
  dose: Dose;
  detail: BatchDetail;
  unit: DisplayUnit;
  at: (iso: string) => string;
  base: string;
  editable: boolean;
  columns: number;
  open: boolean;
  onOpen: (open: boolean) => void;
  onChange: (d: BatchDetail) => void;
}) {
  const { dose: d, unit, at } = props;
  const x = d.dispensed;
  const who = d.patientRef ?? d.orderId.slice(0, 8);
  return (
    <>
      <tr>
        <th scope="row" className="hospital">
          {d.hospitalName}
        </th>
        <td className="nowrap">{d.patientRef ?? '—'}</td>
        <td className="num nowrap">
          {formatActivity(d.orderedBq, unit)}
          <span className="muted small block">±{d.tolerancePct}%</span>
        </td>
        <td className="nowrap">{at(d.calibrationAt)}</td>
        <td>
          <span className={`status status-${d.orderStatus}`}>
            {d.orderStatus.replace('_', ' ')}
          </span>
        </td>
        <td className="dispensed small" data-testid={`dispensed-${who}`}>
          {x ? (
            <>
              <span className="block">
                <strong>{formatActivity(x.measuredBq, unit)}</strong> at {at(x.measuredAt)} ·{' '}
                {x.volumeMl} mL {x.container}
              </span>
              <span className="block">
                {formatActivity(x.calibrationBq, unit)} at calibration ({deviationText(x.deviation)}
                )
              </span>
              <span className="muted block">
                expires {at(x.expiresAt)} · {x.dispensedBy} ·{' '}
                <a
                  href={`${props.base}/labels.pdf?orderId=${d.orderId}`}
                  target="_blank"
                  rel="noopener"
                >
                  label
                </a>
              </span>
            </>
          ) : (
            <span className="muted">not dispensed</span>
          )}
        </td>
        {props.editable && (
          <td className="actions">
            {!x && !props.open && (
              <button
                type="button"
                className="secondary"
                aria-label={`Dispense the dose for ${who}`}
                onClick={() => props.onOpen(true)}
              >
                Dispense…
              </button>
            )}
          </td>
        )}
      </tr>
      {props.open && (
        <tr className="dose-form-row">
          <td colSpan={props.columns}>
            <DoseForm
              detail={props.detail}
              dose={d}
              unit={unit}
              onDispensed={props.onChange}
              onCancel={() => props.onOpen(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
