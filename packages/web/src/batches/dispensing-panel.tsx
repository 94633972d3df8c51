import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { anyDispensed, deviationText } from './batch-figures.js';
import { dispensable, orderStatusText } from './batch-status.js';
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
  const { t } = useTranslation('batches');
  const zone = detail.batch.siteZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const released = dispensable(detail.batch.status);
  const editable = props.canDispense && released;
  const base = `/api/batches/${detail.batch.id}`;
  const columns = editable ? 7 : 6;
  return (
    <div className="card flush" role="region" aria-labelledby="dispensing-title">
      <div className="card-head padded">
        <h2 id="dispensing-title">{t('dispensing.title')}</h2>
        <p className="small documents">
          <a
            href={`${base}/certificate.pdf?lang=${currentLocale()}`}
            target="_blank"
            rel="noopener"
          >
            {t('dispensing.certificate')}
          </a>
          {anyDispensed(detail.doses) && (
            <>
              {' · '}
              <a href={`${base}/labels.pdf?lang=${currentLocale()}`} target="_blank" rel="noopener">
                {t('dispensing.labels')}
              </a>
            </>
          )}
        </p>
      </div>
      {!released && detail.doses.length > 0 && (
        <p className="muted small padded-x">{t('dispensing.notReleased')}</p>
      )}
      {detail.doses.length === 0 ? (
        <p className="muted padded-x">{t('dispensing.noDoses')}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data doses-table">
            <thead>
              <tr>
                <th scope="col">{t('dispensing.hospital')}</th>
                <th scope="col">{t('dispensing.patient')}</th>
                <th scope="col" className="num">
                  {t('dispensing.ordered')}
                </th>
                <th scope="col">{t('dispensing.calibration')}</th>
                <th scope="col">{t('dispensing.status')}</th>
                <th scope="col">{t('dispensing.dispensed')}</th>
                {editable && (
                  <th scope="col">
                    <span className="sr-only">{t('dispensing.dispense')}</span>
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
  const { t } = useTranslation('batches');
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
          <span className={`status status-${d.orderStatus}`}>{orderStatusText(d.orderStatus)}</span>
        </td>
        <td className="dispensed small" data-testid={`dispensed-${who}`}>
          {x ? (
            <>
              <span className="block">
                <Trans
                  ns="batches"
                  i18nKey="dispensing.measuredAt"
                  values={{
                    amount: formatActivity(x.measuredBq, unit),
                    time: at(x.measuredAt),
                    volume: x.volumeMl,
                    container: t(`container.${x.container}`),
                  }}
                  components={{ b: <strong /> }}
                />
              </span>
              <span className="block">
                {t('dispensing.atCalibration', {
                  amount: formatActivity(x.calibrationBq, unit),
                  difference: deviationText(x.deviation),
                })}
              </span>
              <span className="muted block">
                {t('dispensing.expires', { time: at(x.expiresAt) })} · {x.dispensedBy} ·{' '}
                <a
                  href={`${props.base}/labels.pdf?orderId=${d.orderId}&lang=${currentLocale()}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('dispensing.label')}
                </a>
              </span>
            </>
          ) : (
            <span className="muted">{t('dispensing.notDispensed')}</span>
          )}
        </td>
        {props.editable && (
          <td className="actions">
            {!x && !props.open && (
              <button
                type="button"
                className="secondary"
                aria-label={t('dispensing.dispenseFor', { who })}
                onClick={() => props.onOpen(true)}
              >
                {t('dispensing.dispenseOpen')}
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
