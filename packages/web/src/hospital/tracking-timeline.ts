import { i18n } from '../i18n/i18n.js';
import type { ShipmentDetail, ShipmentEvent, ShipmentStatus } from './delivery-types.js';
import { delayText, modeText } from './shipment-status.js';

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

function eventItem(e: ShipmentEvent, k: number, time: (iso: string) => string): TimelineItem {
  const d = e.detail;
  const base = { key: `${e.kind}-${k}`, at: e.at, by: e.by === '' ? null : e.by };
  switch (e.kind) {
    case 'packed': {
      const orders = Array.isArray(d['orders']) ? d['orders'].length : undefined;
      const what = str(d['package'])
        ? i18n.t('hospital:timeline.packageCode', { code: str(d['package']) })
        : i18n.t('hospital:timeline.aPackage');
      return {
        ...base,
        label: i18n.t('hospital:timeline.packed'),
        state: 'done',
        text:
          orders === undefined ? what : `${what} · ${i18n.t('hospital:doses', { count: orders })}`,
      };
    }
    case 'loaded': {
      const ti = num(d['transportIndexSum']);
      const vehicle = str(d['vehicle']);
      return {
        ...base,
        label: i18n.t('hospital:timeline.loaded'),
        state: 'done',
        text: [
          vehicle
            ? i18n.t('hospital:timeline.vehicle', { vehicle })
            : i18n.t('hospital:timeline.intoVehicle'),
          ti === undefined ? '' : `TI ${ti}`,
        ]
          .filter((s) => s !== '')
          .join(' · '),
      };
    }
    case 'picked-up':
      return {
        ...base,
        label: i18n.t('hospital:timeline.pickedUp'),
        state: 'done',
        text: i18n.t('hospital:timeline.handOver', { name: str(d['signedBy']) ?? e.by }),
      };
    case 'delayed': {
      const expected = str(d['expectedArrivalAt']);
      const minutes = num(d['minutes']);
      const doses = Array.isArray(d['doses']) ? (d['doses'] as unknown[]) : [];
      const out = doses.filter(
        (x) => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false,
      ).length;
      const parts = [
        str(d['reason']) ?? i18n.t('hospital:timeline.delayReported'),
        expected ? i18n.t('hospital:timeline.nowExpected', { time: time(expected) }) : '',
        minutes === undefined || minutes === 0
          ? ''
          : `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} min`,
        out > 0 ? i18n.t('hospital:dosesOutside', { count: out }) : '',
      ];
      return {
        ...base,
        label: i18n.t('hospital:timeline.delayed'),
        state: 'delay',
        text: parts.filter(Boolean).join(' · '),
      };
    }
    case 'delivered': {
      const packages = Array.isArray(d['packages']) ? d['packages'].length : undefined;
      return {
        ...base,
        label: i18n.t('hospital:timeline.delivered'),
        state: 'done',
        text:
          packages === undefined
            ? i18n.t('hospital:timeline.arrived')
            : i18n.t('hospital:packagesScanned', { count: packages }),
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
    label: i18n.t('hospital:timeline.planned'),
    at: null,
    by: null,
    state: 'done',
    text: i18n.t('hospital:timeline.plannedText', {
      site: s.siteName,
      by: modeText(s.mode),
      depart: time(s.departAt),
      due: time(s.arriveAt),
    }),
  };
  const events = [...detail.events]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((e, k) => eventItem(e, k, time));
  const pending: TimelineItem[] = [];
  const still = (key: string, label: string, at: string | null, text: string) =>
    pending.push({ key: `pending-${key}`, label, at, by: null, state: 'pending', text });
  const label = (key: 'packed' | 'loaded' | 'pickedUp' | 'delivered') =>
    i18n.t(`hospital:timeline.${key}`);
  const notYet = i18n.t('hospital:timeline.notYet');
  if (rank < RANK.packed) still('packed', label('packed'), null, notYet);
  if (rank < RANK.loaded) still('loaded', label('loaded'), null, notYet);
  if (rank < RANK['in-transit']) {
    still('picked-up', label('pickedUp'), s.departAt, i18n.t('hospital:timeline.plannedDeparture'));
  }
  if (rank < RANK.delivered) {
    still('delivered', label('delivered'), s.expectedArrivalAt, delayText(s.delayMinutes));
  }
  return [planned, ...events, ...pending];
}
