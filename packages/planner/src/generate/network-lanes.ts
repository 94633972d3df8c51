/**
 * Lanes from sites to hospitals, estimated from straight distance (geo.ts of @halflife/domain/demo):
 * a road lane wherever some product the site makes and the hospital uses can still be used on
 * arrival (its shelf life less QC and preparation, at most 8 h on the road), and scheduled air
 * freight from the two nearest air hubs beyond 600 km for products that fly (Lu-177).
 */
import { airMinutes, greatCircleKm, ROAD_DETOUR_FACTOR, roadMinutes } from '@halflife/domain/demo';
import type { LaneSpec, ProductSpec } from '../instance.js';
import { localInstant } from './local-time.js';
import type { PlaceHospital, PlaceSite } from './network-places.js';
import { productPlan } from './planning-products.js';

/** The longest road lane a courier drives in a day (as demo-lanes.ts; assumption, demo). */
export const MAX_ROAD_MINUTES = 8 * 60;
/** Below this great-circle distance the network does not fly (as demo-lanes.ts; assumption). */
export const MIN_AIR_KM = 600;
/** Scheduled departures of air lanes, local minutes (07:30 and 13:30; assumption, demo). */
export const AIR_DEPARTURES = [7 * 60 + 30, 13 * 60 + 30];
/** Dose packages per vehicle (assumption, demo). */
export const ROAD_CAPACITY = 24;
export const AIR_CAPACITY = 40;
/** Summed TI of one non-exclusive-use conveyance (IAEA SSR-6; not in facts.md, unconfirmed). */
export const MAX_TRANSPORT_INDEX = 50;

/** Road cost, CNY: call-out plus a rate per road km (as demo-lanes.ts; assumption, demo). */
const roadCost = (km: number): number => Math.round(150 + 4 * ROAD_DETOUR_FACTOR * km);
/** Air cost, CNY: ground legs, handling and dangerous-goods freight (as demo-lanes.ts). */
const airCost = (km: number): number => Math.round(1200 + 2.5 * km);

/** How long a product may travel by road: its usable life after QC and preparation, ≤ 8 h. */
export function roadReachMinutes(product: ProductSpec): number {
  const plan = productPlan(product.id);
  return Math.min(
    MAX_ROAD_MINUTES,
    product.shelfLifeMinutes - product.qcMinutes - plan.prepMarginMinutes,
  );
}

const usable = (hospital: PlaceHospital, code: string): boolean =>
  hospital.uses.has(productPlan(code).use);

export function networkLanes(
  dates: readonly string[],
  sites: readonly PlaceSite[],
  hospitals: readonly PlaceHospital[],
  products: ReadonlyMap<string, ProductSpec>,
): LaneSpec[] {
  const reach = new Map([...products.values()].map((p) => [p.id, roadReachMinutes(p)]));
  const departures = dates.flatMap((date) => AIR_DEPARTURES.map((m) => localInstant(date, m)));
  const lanes: LaneSpec[] = [];
  for (const hospital of hospitals) {
    const air: { site: PlaceSite; km: number }[] = [];
    for (const site of sites) {
      const wanted = site.products.filter((code) => usable(hospital, code));
      if (wanted.length === 0) continue;
      const km = greatCircleKm(site, hospital);
      const road = roadMinutes(km);
      if (wanted.some((code) => road <= (reach.get(code) ?? 0))) {
        lanes.push({
          id: `${site.id}--${hospital.id}--road`,
          site: site.id,
          hospital: hospital.id,
          mode: 'road',
          durationMinutes: Math.round(road),
          cost: roadCost(km),
          departures: null,
          vehicleCapacity: ROAD_CAPACITY,
          maxTransportIndex: MAX_TRANSPORT_INDEX,
        });
      }
      const flies = wanted.some((code) => productPlan(code).byAir);
      if (site.airHub && flies && km > MIN_AIR_KM) air.push({ site, km });
    }
    air.sort((a, b) => a.km - b.km);
    for (const { site, km } of air.slice(0, 2)) {
      lanes.push({
        id: `${site.id}--${hospital.id}--air`,
        site: site.id,
        hospital: hospital.id,
        mode: 'air',
        durationMinutes: Math.round(airMinutes(km)),
        cost: airCost(km),
        departures,
        vehicleCapacity: AIR_CAPACITY,
        maxTransportIndex: MAX_TRANSPORT_INDEX,
      });
    }
  }
  return lanes;
}
