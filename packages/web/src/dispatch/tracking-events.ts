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
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
        title: 'Packed',
        detail: [
          text(d['package']) ? `package ${text(d['package'])}` : 'a package',
          orders > 0 ? plural(orders, 'dose') : '',
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
        title: 'Loaded',
        detail: [
          text(d['vehicle']) ? `on ${text(d['vehicle'])}` : '',
          packages > 0 ? `${plural(packages, 'package')} scanned` : '',
          ti === undefined ? '' : `Σ TI ${formatNumber(ti)}`,
        ]
          .filter((p) => p !== '')
          .join(' · '),
        attention: false,
      };
    }
    case 'picked-up':
      return {
        title: 'Picked up',
        detail: `signed for by ${text(d['signedBy']) ?? event.by}`,
        attention: false,
      };
    case 'delayed': {
      const eta = text(d['expectedArrivalAt']);
      const minutes = number(d['minutes']);
      const out = list(d['doses']).filter(
        (x) => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false,
      ).length;
      return {
        title: 'Delayed',
        detail: [
          text(d['reason']) ?? 'no reason given',
          eta
            ? `now expected ${dayClockIn(Date.parse(eta), zone)}` +
              (minutes !== undefined && minutes > 0 ? ` (+${formatHours(minutes / 60)})` : '')
            : '',
          out > 0 ? `${plural(out, 'dose')} out of tolerance` : '',
        ]
          .filter((p) => p !== '')
          .join(' · '),
        attention: out > 0,
      };
    }
    case 'delivered': {
      const packages = list(d['packages']).length;
      return {
        title: 'Delivered',
        detail: packages > 0 ? `${plural(packages, 'package')} scanned` : '',
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
