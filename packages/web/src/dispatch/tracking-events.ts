import { i18n } from '../i18n/i18n.js';
import { formatNumber } from '../units.js';
import { dayClockIn, formatHours } from '../zoned-time.js';
import type { ShipmentEvent } from './shipment-types.js';

/** A tracking event as the timeline says it: what happened, and the particulars. */
export interface EventView {
  readonly title: string;
  readonly detail: string;
  /** A delay that put doses out of tolerance, or anything else that needs a look. */
  readonly attention: boolean;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const number = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * What each kind of event says, from its detail (a JSON object the server writes: `package` for
 * packed, `vehicle`/`packages`/`transportIndexSum` for loaded, `signedBy` for picked up,
 * `reason`/`expectedArrivalAt`/`minutes`/`doses` for delayed, `packages` for delivered). Instants
 * are shown in `zone`.
 */
export function eventView(event: ShipmentEvent, zone: string): EventView {
  const d = event.detail;
  switch (event.kind) {
    case 'packed': {
      const orders = list(d['orders']).length;
      return {
        title: i18n.t('dispatch:event.packed'),
        detail: [
          text(d['package'])
            ? i18n.t('dispatch:event.packageCode', { code: text(d['package']) })
            : i18n.t('dispatch:event.aPackage'),
          orders > 0 ? i18n.t('dispatch:doseCount', { count: orders }) : '',
        ]
          .filter((p) => p !== '')
          .join(' · '),
        attention: false,
      };
    }
    case 'loaded': {
      const packages = list(d['packages']).length;
      const ti = number(d['transportIndexSum']);
      return {
        title: i18n.t('dispatch:event.loaded'),
        detail: [
          text(d['vehicle'])
            ? i18n.t('dispatch:event.onVehicle', { vehicle: text(d['vehicle']) })
            : '',
          packages > 0 ? i18n.t('dispatch:packagesScanned', { count: packages }) : '',
          ti === undefined ? '' : `Σ TI ${formatNumber(ti)}`,
        ]
          .filter((p) => p !== '')
          .join(' · '),
        attention: false,
      };
    }
    case 'picked-up':
      return {
        title: i18n.t('dispatch:event.pickedUp'),
        detail: i18n.t('dispatch:event.signedFor', { name: text(d['signedBy']) ?? event.by }),
        attention: false,
      };
    case 'delayed': {
      const eta = text(d['expectedArrivalAt']);
      const minutes = number(d['minutes']);
      const out = list(d['doses']).filter(
        (x) => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false,
      ).length;
      return {
        title: i18n.t('dispatch:event.delayed'),
        detail: [
          text(d['reason']) ?? i18n.t('dispatch:event.noReason'),
          eta
            ? i18n.t('dispatch:event.nowExpected', { time: dayClockIn(Date.parse(eta), zone) }) +
              (minutes !== undefined && minutes > 0
                ? i18n.t('dispatch:event.later', { duration: formatHours(minutes / 60) })
                : '')
            : '',
          out > 0 ? i18n.t('dispatch:dosesOut', { count: out }) : '',
        ]
          .filter((p) => p !== '')
          .join(' · '),
        attention: out > 0,
      };
    }
    case 'delivered': {
      const packages = list(d['packages']).length;
      return {
        title: i18n.t('dispatch:event.delivered'),
        detail: packages > 0 ? i18n.t('dispatch:packagesScanned', { count: packages }) : '',
        attention: false,
      };
    }
  }
}

const LIFECYCLE: Record<ShipmentEvent['kind'], number> = {
  packed: 0,
  loaded: 1,
  'picked-up': 2,
  delayed: 3,
  delivered: 4,
};

/** The events in time order; those at the same instant in the order a shipment passes them. */
export function timeline(events: readonly ShipmentEvent[]): ShipmentEvent[] {
  return events
    .map((e, k) => ({ e, k }))
    .sort(
      (a, b) =>
        Date.parse(a.e.at) - Date.parse(b.e.at) ||
        LIFECYCLE[a.e.kind] - LIFECYCLE[b.e.kind] ||
        a.k - b.k,
    )
    .map((x) => x.e);
}

/** The last time an event of `kind` happened, if it did. */
export function lastEventAt(
  events: readonly ShipmentEvent[],
  kind: ShipmentEvent['kind'],
): string | undefined {
  return events.filter((e) => e.kind === kind).at(-1)?.at;
}
