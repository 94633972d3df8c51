import { localDateOf } from '@halflife/domain';
import type { Badge } from '../batches/batch-status.js';
import { i18n } from '../i18n/i18n.js';
import { clockIn, dayClockIn, formatHours } from '../zoned-time.js';
import { en } from './messages.js';
import type { ShipmentDose, ShipmentStatus, ShipmentSummary } from './shipment-types.js';

/** A shipment's statuses in the order it passes through them. */
export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'planned',
  'packed',
  'loaded',
  'in-transit',
  'delivered',
];

const TONE: Record<ShipmentStatus, Badge['tone']> = {
  planned: 'neutral',
  packed: 'info',
  loaded: 'ok',
  'in-transit': 'warn',
  delivered: 'good',
};

/** A shipment's status as a badge. */
export function shipmentBadge(status: ShipmentStatus): Badge {
  return {
    label: i18n.t(`dispatch:status.${status}`),
    tone: TONE[status],
    title: i18n.t(`dispatch:statusTitle.${status}`),
  };
}

/** The mode of a shipment: "by road", "by air". */
export function modeText(mode: 'road' | 'air'): string {
  return i18n.t(`dispatch:mode.${mode}`);
}

/** An order's status as the API names it ("not_planned"), in words ("not planned"). */
export function orderStatusText(status: string): string {
  return Object.hasOwn(en.orderStatus, status)
    ? i18n.t(`dispatch:orderStatus.${status as keyof typeof en.orderStatus}`)
    : status.replace('_', ' ');
}

/** "on time", or "45 min late", "1 h 30 min late". */
export function delayText(minutes: number): string {
  return minutes <= 0
    ? i18n.t('dispatch:onTime')
    : i18n.t('dispatch:late', { duration: formatHours(minutes / 60) });
}

/**
 * An instant in the zone, as short as the day allows: "14:30" on `day` (a local date), "6 Dec
 * 02:10" on another.
 */
export function timeOnDay(iso: string, zone: string, day: string): string {
  const ms = Date.parse(iso);
  return localDateOf(ms, zone) === day ? clockIn(ms, zone) : dayClockIn(ms, zone);
}

/** "3/4": the doses dispensed of those the shipment carries. */
export function dispensedText(s: Pick<ShipmentSummary, 'doses' | 'dispensed'>): string {
  return `${s.dispensed}/${s.doses}`;
}

/** Whether packages may still be made or measured: nothing is on a vehicle yet. */
export function beforeLoading(status: ShipmentStatus): boolean {
  return status === 'planned' || status === 'packed';
}

/** The doses dispensed but in no package yet: what the pack form offers. */
export function unpackedDoses(doses: readonly ShipmentDose[]): ShipmentDose[] {
  return doses.filter((d) => d.dispensedBq !== null && d.packageCode === null);
}

/** The doses a delay put out of tolerance at their time of use. */
export function outOfTolerance(doses: readonly ShipmentDose[]): ShipmentDose[] {
  return doses.filter((d) => d.atUse !== null && !d.atUse.ok);
}

/** How a dose is named on screen: its patient reference, else the start of its order's id. */
export function doseName(d: Pick<ShipmentDose, 'patientRef' | 'orderId'>): string {
  return d.patientRef ?? i18n.t('dispatch:doseName', { id: d.orderId.slice(0, 8) });
}

/** What the hospital has done with a dose: received (accepted, flagged, refused), administered. */
export function useText(d: Pick<ShipmentDose, 'receipt' | 'administration'>): string {
  if (d.administration) {
    return d.administration.possibleMedicalEvent
      ? i18n.t('dispatch:administeredEvent')
      : i18n.t('dispatch:administered');
  }
  if (d.receipt) {
    return i18n.t('dispatch:received', {
      status: i18n.t(`dispatch:receiptStatus.${d.receipt.status}`),
    });
  }
  return '—';
}
