/**
 * The demo network's supply records (issue 6), derived from the demo sites' equipment: a generator
 * row for each generator on the equipment list and a bulk lot for each lot the therapy hot cell
 * receives. Pure and deterministic (no randomness: the seeded network stays as it was). Demo data:
 * calibration and delivery days are assumptions, the activities those of the equipment list.
 */
import type { DemoSite } from './demo-types.js';
import { addDays, isoWeekday } from '../calendar.js';

export interface DemoGenerator {
  readonly siteKey: string;
  /** The equipment row it is (by name, at the site). */
  readonly equipmentName: string;
  /** A GENERATOR_TYPES id of @halflife/nuclear. */
  readonly type: string;
  readonly parentActivityBq: number;
  /** Local wall time 'YYYY-MM-DDTHH:MM' in the site's zone. */
  readonly calibratedLocal: string;
  readonly label: string;
  readonly serial: string;
  readonly elutionIntervalMinutes: number | null;
}

export interface DemoLot {
  readonly siteKey: string;
  readonly supplier: string;
  /** A LOT_PROFILES kind of @halflife/nuclear. */
  readonly profile: string;
  readonly nuclide: string;
  readonly carrier: 'carrier-added' | 'no-carrier-added';
  readonly activityBq: number;
  /** Reference and receipt, local 'YYYY-MM-DDTHH:MM'; the label's expiry as well. */
  readonly referenceLocal: string;
  readonly expiresLocal: string;
  readonly volumeMl: number;
  readonly label: string;
}

export interface DemoSupply {
  readonly generators: DemoGenerator[];
  readonly lots: DemoLot[];
}

const TYPE_OF_PARENT: Readonly<Record<string, string>> = {
  'Ge-68': 'Ge-68/Ga-68',
  'Mo-99': 'Mo-99/Tc-99m',
  'Ra-224': 'Ra-224/Pb-212',
  'Th-228': 'Th-228/Pb-212',
  'W-188': 'W-188/Re-188',
  'Ac-225': 'Ac-225/Bi-213',
};

/** The latest date strictly before `date` that falls on one of `weekdays` (ISO, 1 = Monday). */
function lastDelivery(date: string, weekdays: readonly number[]): string {
  for (let k = 1; k <= 7; k++) {
    const day = addDays(date, -k);
    if (weekdays.includes(isoWeekday(day))) return day;
  }
  return addDays(date, -7);
}

/** '-2' for 'Ge-68/Ga-68 generator 2': serials stay unique when a site has several. */
const serialSuffix = (name: string): string => {
  const n = /\s(\d+)$/.exec(name);
  return n ? `-${n[1]}` : '';
};

const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];

/** The supply records of the demo sites for orders on local date `date`. */
export function demoSupply(sites: readonly DemoSite[], date: string): DemoSupply {
  const generators: DemoGenerator[] = [];
  const lots: DemoLot[] = [];
  sites.forEach((site, i) => {
    const city = site.key.replace(/^site-/, '');
    for (const e of site.equipment) {
      const c = e.capacity;
      if (e.kind === 'generator' && typeof c['parent'] === 'string') {
        const type = TYPE_OF_PARENT[c['parent']];
        const activity = c['parentActivityBq'];
        if (type === undefined || typeof activity !== 'number') continue;
        const deliveries = numbers(c['deliveryWeekdays']);
        // Ge-68 columns last a year: calibrated two to four weeks ago. Mo-99 arrives on its
        // delivery days; a Ra-224 generator the day before (it lasts a week).
        const calibrated =
          type === 'Ge-68/Ga-68'
            ? `${addDays(date, -(14 + 7 * (i % 3)))}T09:00`
            : deliveries.length > 0
              ? `${lastDelivery(date, deliveries)}T06:00`
              : `${addDays(date, -1)}T08:00`;
        const hours = c['optimalElutionIntervalHours'];
        generators.push({
          siteKey: site.key,
          equipmentName: e.name,
          type,
          parentActivityBq: activity,
          calibratedLocal: calibrated,
          label: `${e.name} (demo)`,
          serial: `DEMO-${c['parent'].replace('-', '')}-${city.toUpperCase()}${serialSuffix(e.name)}`,
          // Tc-99m is eluted at opening and every 6 h after, as a busy SPECT pharmacy does
          // (assumption, demo); others keep their own interval or the default.
          elutionIntervalMinutes:
            typeof hours === 'number'
              ? Math.round(hours * 60)
              : type === 'Mo-99/Tc-99m'
                ? 360
                : null,
        });
      }
      if (e.kind === 'hot_cell' && Array.isArray(c['bulkLots'])) {
        for (const lot of c['bulkLots'] as { nuclide?: unknown; activityBq?: unknown }[]) {
          const spec = lotSpec(lot.nuclide, i);
          if (spec === undefined || typeof lot.activityBq !== 'number') continue;
          const days = numbers((lot as { deliveryWeekdays?: unknown }).deliveryWeekdays);
          const received = lastDelivery(date, days.length > 0 ? days : [1]);
          lots.push({
            siteKey: site.key,
            supplier: 'Demo Isotope Supplier (demo data)',
            profile: spec.profile,
            nuclide: spec.nuclide,
            carrier: spec.carrier,
            activityBq: lot.activityBq,
            referenceLocal: `${received}T10:00`,
            expiresLocal: `${addDays(received, spec.shelfDays)}T10:00`,
            volumeMl: 1,
            label: `${spec.nuclide} lot ${received} ${city} (demo)`,
          });
        }
      }
    }
  });
  return { generators, lots };
}

/** Lu-177: carrier-added at every other site (to show its Lu-177m), else no-carrier-added. */
function lotSpec(
  nuclide: unknown,
  siteIndex: number,
):
  | {
      profile: string;
      nuclide: string;
      carrier: 'carrier-added' | 'no-carrier-added';
      shelfDays: number;
    }
  | undefined {
  if (nuclide === 'Lu-177') {
    const ca = siteIndex % 2 === 0;
    return {
      profile: ca ? 'Lu-177 carrier-added' : 'Lu-177 no-carrier-added',
      nuclide,
      carrier: ca ? 'carrier-added' : 'no-carrier-added',
      shelfDays: 7,
    };
  }
  if (nuclide === 'Ac-225') {
    return { profile: 'Ac-225 accelerator', nuclide, carrier: 'no-carrier-added', shelfDays: 14 };
  }
  return undefined;
}
