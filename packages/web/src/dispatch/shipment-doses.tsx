import { useTranslation } from 'react-i18next';
import { deviationText } from '../batches/batch-figures.js';
import { serverText } from '../i18n/server-texts.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { doseName, orderStatusText, useText } from './shipment-status.js';
import type { ShipmentDetail, ShipmentDose } from './shipment-types.js';

/**
 * The shipment's doses: who ordered what for when, the batch and what was dispensed, the package
 * it is in, its activity when it can be used (the later of calibration and arrival) against the
 * order's tolerance, and what the hospital has done with it.
 */
export function ShipmentDoses(props: { detail: ShipmentDetail; unit: DisplayUnit }) {
  const { detail, unit } = props;
  const zone = detail.shipment.siteZone;
  const at = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const { t } = useTranslation('dispatch');
  return (
    <div className="card flush" role="region" aria-labelledby="doses-title">
      <div className="card-head padded">
        <h2 id="doses-title">{t('doses.title')}</h2>
      </div>
      {detail.doses.length === 0 ? (
        <p className="muted padded-x">{t('doses.none')}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data shipment-doses">
            <thead>
              <tr>
                <th scope="col">{t('doses.patientOrder')}</th>
                <th scope="col">{t('doses.product')}</th>
                <th scope="col" className="num">
                  {t('doses.ordered')}
                </th>
                <th scope="col">{t('doses.dispensed')}</th>
                <th scope="col">{t('doses.package')}</th>
                <th scope="col">{t('doses.atUse')}</th>
                <th scope="col">{t('doses.status')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.doses.map((d) => (
                <DoseRow key={d.orderId} d={d} unit={unit} at={at} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DoseRow(props: { d: ShipmentDose; unit: DisplayUnit; at: (iso: string) => string }) {
  const { d, unit, at } = props;
  const use = d.atUse;
  const { t } = useTranslation('dispatch');
  return (
    <tr className={use && !use.ok ? 'row-out' : undefined}>
      <th scope="row" className="nowrap">
        {d.patientRef ?? <span className="muted">{t('doses.noPatientRef')}</span>}
        <span className="muted small block mono" title={d.orderId}>
          {d.orderId.slice(0, 8)}
        </span>
      </th>
      <td>
        {d.productName}
        <span className="muted small block">{d.nuclide}</span>
      </td>
      <td className="num nowrap">
        {formatActivity(d.orderedBq, unit)}
        <span className="muted small block">
          {t('doses.toleranceAt', { tol: d.tolerancePct, time: at(d.calibrationAt) })}
        </span>
      </td>
      <td className="nowrap">
        {d.dispensedBq !== null && d.dispensedAt !== null ? (
          <>
            {formatActivity(d.dispensedBq, unit)}
            <span className="small block">{t('doses.at', { time: at(d.dispensedAt) })}</span>
          </>
        ) : (
          <span className="muted small">{t('doses.notDispensed')}</span>
        )}
        {d.batchNumber && <span className="muted small block">{d.batchNumber}</span>}
      </td>
      <td className="nowrap">
        {d.packageCode ? (
          <span className="mono">{d.packageCode}</span>
        ) : (
          <span className="muted small">{t('doses.notPacked')}</span>
        )}
      </td>
      <td className="nowrap" data-testid={`at-use-${doseName(d)}`}>
        {use ? (
          <>
            {formatActivity(use.activityBq, unit)}{' '}
            <span className={`badge ${use.ok ? 'tone-good' : 'tone-bad'}`}>
              {use.ok ? t('doses.ok') : t('doses.outOfTolerance')}
            </span>
            <span className="muted small block">
              {t('doses.deviationAt', { dev: deviationText(use.deviation), time: at(use.at) })}
            </span>
          </>
        ) : (
          <span className="muted small">—</span>
        )}
      </td>
      <td className="small">
        <span className={`status status-${d.orderStatus}`}>{orderStatusText(d.orderStatus)}</span>
        {(d.receipt || d.administration) && <span className="block">{useText(d)}</span>}
        {d.receipt && (
          <span className="muted block">
            {t('doses.measured', { amount: formatActivity(d.receipt.measuredBq, unit) })} ·{' '}
            {deviationText(d.receipt.deviation)}
            {d.receipt.reason ? ` · ${serverText(d.receipt.reason)}` : ''}
          </span>
        )}
        {d.administration && (
          <span className="muted block">
            {t('doses.amountAt', {
              amount: formatActivity(d.administration.administeredBq, unit),
              time: at(d.administration.administeredAt),
            })}
          </span>
        )}
      </td>
    </tr>
  );
}
