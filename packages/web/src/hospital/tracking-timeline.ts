import type { ShipmentDetail, ShipmentEvent, ShipmentStatus } from './delivery-types.js';
import { delayText } from './shipment-status.js';

/**
 * A shipment's tracking as a timeline: the plan, each event with its time and who recorded it
 * (packed, loaded, picked up, delayed, delivered), then the stages still to come with the time
 * they are expected. Times are written by `time` (the hospital's zone on screen). Pure.
 */
export interface TimelineItem {
  readonly key: string;
  readonly label: string;
  /** ISO instant, or null when the stage has no time yet. */
  readonly at: string | null;
  readonly by: string | null;
  readonly text: string;
  /** done: recorded; delay: a reported delay; pending: still to come. */
  readonly state: 'done' | 'delay' | 'pending';
}

const RANK: Record<ShipmentStatus, number> = {
  planned: 0,
  packed: 1,
  loaded: 2,
  'in-transit': 3,
  delivered: 4,
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function eventItem(e: ShipmentEvent, k: number, time: (iso: string) => string): TimelineItem {
  const d = e.detail;
  const base = { key: `${e.kind}-${k}`, at: e.at, by: e.by === '' ? null : e.by };
  switch (e.kind) {
    case 'packed': {
      const orders = Array.isArray(d['orders']) ? d['orders'].length : undefined;
      const what = str(d['package']) ? `package ${str(d['package'])}` : 'a package';
      return {
        ...base,
        label: 'Packed',
        state: 'done',
        text: orders === undefined ? what : `${what} · ${plural(orders, 'dose')}`,
      };
    }
    case 'loaded': {
      const ti = num(d['transportIndexSum']);
      const vehicle = str(d['vehicle']);
      return {
        ...base,
        label: 'Loaded',
        state: 'done',
        text: [
          vehicle ? `vehicle ${vehicle}` : 'into a vehicle',
          ti === undefined ? '' : `TI ${ti}`,
        ]
          .filter((s) => s !== '')
          .join(' · '),
      };
    }
    case 'picked-up':
      return {
        ...base,
        label: 'Picked up',
        state: 'done',
        text: `hand-over signed by ${str(d['signedBy']) ?? e.by}`,
      };
    case 'delayed': {
      const expected = str(d['expectedArrivalAt']);
      const minutes = num(d['minutes']);
      const doses = Array.isArray(d['doses']) ? (d['doses'] as unknown[]) : [];
      const out = doses.filter(
        (x) => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false,
      ).length;
      const parts = [
        str(d['reason']) ?? 'delay reported',
        expected ? `now expected ${time(expected)}` : '',
        minutes === undefined || minutes === 0
          ? ''
          : `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} min`,
        out > 0 ? `${plural(out, 'dose')} outside tolerance at use` : '',
      ];
      return { ...base, label: 'Delayed', state: 'delay', text: parts.filter(Boolean).join(' · ') };
    }
    case 'delivered': {
      const packages = Array.isArray(d['packages']) ? d['packages'].length : undefined;
      return {
        ...base,
        label: 'Delivered',
        state: 'done',
        text: packages === undefined ? 'at the hospital' : `${plural(packages, 'package')} scanned`,
      };
    }
  }
}

export function trackingTimeline(
  detail: Pick<ShipmentDetail, 'shipment' | 'events'>,
  time: (iso: string) => string,
): TimelineItem[] {
  const s = detail.shipment;
  const rank = RANK[s.status];
  const planned: TimelineItem = {
    key: 'planned',
    label: 'Planned',
    at: null,
    by: null,
    state: 'done',
    text: `from ${s.siteName} by ${s.mode}: departs ${time(s.departAt)}, due ${time(s.arriveAt)}`,
  };
  const events = [...detail.events]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((e, k) => eventItem(e, k, time));
  const pending: TimelineItem[] = [];
  const still = (key: string, label: string, at: string | null, text: string) =>
    pending.push({ key: `pending-${key}`, label, at, by: null, state: 'pending', text });
  if (rank < RANK.packed) still('packed', 'Packed', null, 'not yet');
  if (rank < RANK.loaded) still('loaded', 'Loaded', null, 'not yet');
  if (rank < RANK['in-transit']) still('picked-up', 'Picked up', s.departAt, 'planned departure');
  if (rank < RANK.delivered) {
    still('delivered', 'Delivered', s.expectedArrivalAt, delayText(s.delayMinutes));
  }
  return [planned, ...events, ...pending];
}
