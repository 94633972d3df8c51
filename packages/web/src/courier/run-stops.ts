import { delayText } from '../dispatch/shipment-status.js';
import type { ShipmentEvent, ShipmentStatus, ShipmentSummary } from '../dispatch/shipment-types.js';
import { lastEventAt } from '../dispatch/tracking-events.js';
import { i18n } from '../i18n/i18n.js';

/** One stop of a courier's run: where, when it is due, and when it was done. */
export interface Stop {
  readonly n: number;
  readonly kind: 'pick-up' | 'delivery';
  readonly title: string;
  readonly place: string;
  /** The zone the stop's times are shown in: the site's, then the hospital's. */
  readonly zone: string;
  readonly dueLabel: string;
  readonly dueAt: string;
  /** The delay against the plan, for the delivery. */
  readonly note: string | undefined;
  /** When it was done, if it was (ISO). */
  readonly doneAt: string | undefined;
}

/** A run's stops in order: 1. pick-up at the site, 2. delivery at the hospital. */
export function runStops(s: ShipmentSummary, events: readonly ShipmentEvent[]): Stop[] {
  return [
    {
      n: 1,
      kind: 'pick-up',
      title: i18n.t('courier:stop.pickUpAt', { place: s.siteName }),
      place: s.siteName,
      zone: s.siteZone,
      dueLabel: i18n.t('courier:stop.plannedDeparture'),
      dueAt: s.departAt,
      note: undefined,
      doneAt: lastEventAt(events, 'picked-up'),
    },
    {
      n: 2,
      kind: 'delivery',
      title: i18n.t('courier:stop.deliveryAt', { place: s.hospitalName }),
      place: s.hospitalName,
      zone: s.hospitalZone,
      dueLabel:
        s.status === 'delivered'
          ? i18n.t('courier:stop.delivered')
          : i18n.t('courier:stop.expectedArrival'),
      dueAt: s.expectedArrivalAt,
      note: s.delayMinutes > 0 ? delayText(s.delayMinutes) : undefined,
      doneAt:
        s.status === 'delivered'
          ? (lastEventAt(events, 'delivered') ?? s.expectedArrivalAt)
          : undefined,
    },
  ];
}

/** A state the run has reached, with its time and the zone to show it in. */
export interface StateTime {
  readonly label: string;
  readonly at: string | undefined;
  readonly zone: string;
}

/** Loaded, picked up, delayed (the last report), delivered: when each happened, if it did. */
export function stateTimes(s: ShipmentSummary, events: readonly ShipmentEvent[]): StateTime[] {
  const delayed = lastEventAt(events, 'delayed');
  return [
    { label: i18n.t('courier:state.loaded'), at: lastEventAt(events, 'loaded'), zone: s.siteZone },
    {
      label: i18n.t('courier:state.pickedUp'),
      at: lastEventAt(events, 'picked-up'),
      zone: s.siteZone,
    },
    ...(delayed
      ? [{ label: i18n.t('courier:state.delayReported'), at: delayed, zone: s.hospitalZone }]
      : []),
    {
      label: i18n.t('courier:state.delivered'),
      at: lastEventAt(events, 'delivered'),
      zone: s.hospitalZone,
    },
  ];
}

/** What the courier does next on a run. */
export type NextStep = 'pick-up' | 'deliver' | 'done' | 'not-loaded';

export function nextStep(status: ShipmentStatus): NextStep {
  switch (status) {
    case 'planned':
    case 'packed':
      return 'not-loaded';
    case 'loaded':
      return 'pick-up';
    case 'in-transit':
      return 'deliver';
    case 'delivered':
      return 'done';
  }
}

/** A delay may be reported from loading until delivery. */
export function canReportDelay(status: ShipmentStatus): boolean {
  return status === 'loaded' || status === 'in-transit';
}

/**
 * The runs as the courier reads them: those still to do, by planned departure; then those
 * delivered, the latest first.
 */
export function sortRuns(runs: readonly ShipmentSummary[]): {
  active: ShipmentSummary[];
  delivered: ShipmentSummary[];
} {
  const active = runs
    .filter((r) => r.status !== 'delivered')
    .sort((a, b) => Date.parse(a.departAt) - Date.parse(b.departAt) || a.key.localeCompare(b.key));
  const delivered = runs
    .filter((r) => r.status === 'delivered')
    .sort((a, b) => Date.parse(b.expectedArrivalAt) - Date.parse(a.expectedArrivalAt));
  return { active, delivered };
}
