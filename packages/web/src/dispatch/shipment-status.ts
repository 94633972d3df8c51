import { localDateOf } from '@halflife/domain';
import type { Badge } from '../batches/batch-status.js';
import { clockIn, dayClockIn, formatHours } from '../zoned-time.js';
import type { ShipmentDose, ShipmentStatus, ShipmentSummary } from './shipment-types.js';

/** A shipment's statuses in the order it passes through them. */
export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'planned',
  'packed',
  'loaded',
  'in-transit',
  'delivered',
];

const STATUS: Record<ShipmentStatus, Badge> = {
  planned: {
    label: 'planned',
    tone: 'neutral',
    title: 'in the committed plan; nothing packed yet',
  },
  packed: { label: 'packed', tone: 'info', title: 'packages made; not loaded yet' },
  loaded: { label: 'loaded', tone: 'ok', title: 'on a vehicle, waiting for the courier to sign' },
  'in-transit': {
    label: 'in transit',
    tone: 'warn',
    title: 'picked up and signed for by the courier',
  },
  delivered: { label: 'delivered', tone: 'good', title: 'every package scanned at the hospital' },
};

/** A shipment's status as a badge. */
export function shipmentBadge(status: ShipmentStatus): Badge {
  return STATUS[status];
}

/** "on time", or "45 min late", "1 h 30 min late". */
export function delayText(minutes: number): string {
  return minutes <= 0 ? 'on time' : `${formatHours(minutes / 60)} late`;
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
  return d.patientRef ?? `order ${d.orderId.slice(0, 8)}`;
}

/** What the hospital has done with a dose: received (accepted, flagged, refused), administered. */
export function useText(d: Pick<ShipmentDose, 'receipt' | 'administration'>): string {
  if (d.administration) {
    return d.administration.possibleMedicalEvent
      ? 'administered · possible medical event'
      : 'administered';
  }
  if (d.receipt) return `received · ${d.receipt.status}`;
  return '—';
}
