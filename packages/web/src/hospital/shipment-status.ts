import type { Badge } from '../batches/batch-status.js';
import { i18n } from '../i18n/i18n.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import type { Receipt, ShipmentDose, ShipmentStatus } from './delivery-types.js';

/**
 * How the hospital's screens name a shipment's and a dose's state: badges (words and tone, a CSS
 * class `tone-<tone>`), delays, deviations, and what may be done with a dose now. Pure.
 */

// Shared with the producer's and the courier's screens: one status vocabulary for a shipment.
export {
  delayText,
  doseName,
  modeText,
  shipmentBadge as shipmentStatusBadge,
  timeOnDay,
} from '../dispatch/shipment-status.js';

/** A deviation (measured ÷ expected − 1) as "+2.0%" or "−12.5%". */
export function deviationPct(deviation: number): string {
  const pct = (deviation * 100).toFixed(1);
  return deviation >= 0 ? `+${pct}%` : `−${pct.slice(1)}%`;
}

/** Two calibrators each within ±5% may differ by 10% (@halflife/ops RECEIPT_TOLERANCE_PCT). */
export const RECEIPT_TOLERANCE_PCT = 10;

const RECEIPT_TONE: Record<Receipt['status'], Badge['tone']> = {
  accepted: 'good',
  flagged: 'warn',
  refused: 'bad',
};

/** A receipt's finding as a badge. */
export function receiptBadge(status: Receipt['status']): Badge {
  return {
    label: i18n.t(`hospital:receipt.${status}`),
    tone: RECEIPT_TONE[status],
    title: i18n.t(`hospital:receiptTitle.${status}`),
  };
}

/** "measured 98 MBq, expected 100 MBq (−2.0%)" in the unit shown. */
export function receiptFigures(
  r: Pick<Receipt, 'measuredBq' | 'expectedBq' | 'deviation'>,
  unit: DisplayUnit,
): string {
  return i18n.t('hospital:receiptFigures', {
    measured: formatActivity(r.measuredBq, unit),
    expected: formatActivity(r.expectedBq, unit),
    dev: deviationPct(r.deviation),
  });
}

/**
 * What a receipt's deviation means: within the ±10% two calibrators may differ by, or beyond it
 * (the server's RECEIPT_TOLERANCE_PCT); a refused dose says so.
 */
export function receiptVerdict(r: Pick<Receipt, 'status' | 'deviation'>): string {
  const beyond = Math.abs(r.deviation) * 100 > RECEIPT_TOLERANCE_PCT + 1e-9;
  const where = i18n.t(beyond ? 'hospital:outside' : 'hospital:within', {
    pct: RECEIPT_TOLERANCE_PCT,
  });
  return r.status === 'refused'
    ? ` — ${i18n.t('hospital:verdictRefused', { where })}`
    : ` — ${where}`;
}

/** Where a dose stands for the hospital, and so what may be done with it. */
export type DoseStage =
  'not-dispensed' | 'on-the-way' | 'to-receive' | 'to-administer' | 'refused' | 'administered';

export function doseStage(dose: ShipmentDose, shipment: ShipmentStatus): DoseStage {
  if (dose.administration) return 'administered';
  if (dose.receipt) return dose.receipt.status === 'refused' ? 'refused' : 'to-administer';
  if (dose.doseId === null) return 'not-dispensed';
  return shipment === 'delivered' ? 'to-receive' : 'on-the-way';
}

const STAGE_TONE: Record<DoseStage, Badge['tone']> = {
  'not-dispensed': 'neutral',
  'on-the-way': 'info',
  'to-receive': 'warn',
  'to-administer': 'ok',
  refused: 'bad',
  administered: 'good',
};

/** A dose's stage as a badge. */
export function doseStageBadge(stage: DoseStage): Badge {
  const label = i18n.t(`hospital:stage.${stage}`);
  const tone = STAGE_TONE[stage];
  return stage === 'to-receive' || stage === 'to-administer'
    ? { label, tone, title: i18n.t(`hospital:stageTitle.${stage}`) }
    : { label, tone };
}
