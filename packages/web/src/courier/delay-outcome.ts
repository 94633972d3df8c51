import { deviationText } from '../batches/batch-figures.js';
import { i18n } from '../i18n/i18n.js';
import { doseName } from '../dispatch/shipment-status.js';
import type { ShipmentDetail, ShipmentDose } from '../dispatch/shipment-types.js';
import { formatActivity, type DisplayUnit } from '../units.js';

/** What a delay report answered: the doses now out of tolerance, and how many alerts went out. */
export interface DelayOutcome {
  readonly doses: readonly ShipmentDose[];
  readonly alerts: number;
}

/** The doses the reply names as out of tolerance, found on the shipment it returns. */
export function delayOutcome(reply: {
  shipment: ShipmentDetail;
  outOfTolerance: readonly string[];
  alerts: number;
}): DelayOutcome {
  const named = new Set(reply.outOfTolerance);
  return { doses: reply.shipment.doses.filter((d) => named.has(d.orderId)), alerts: reply.alerts };
}

/** "P-0001 · Ga-68 PSMA-11: 120 MBq at use (−25.0%; tolerance ±10%)". */
export function doseAtUseText(d: ShipmentDose, unit: DisplayUnit): string {
  const head = `${doseName(d)} · ${d.productName}`;
  if (!d.atUse) return head;
  return i18n.t('courier:doseAtUse', {
    head,
    amount: formatActivity(d.atUse.activityBq, unit),
    dev: deviationText(d.atUse.deviation),
    tol: d.tolerancePct,
  });
}
