/**
 * Demo transport lanes, all estimated from straight distance (see geo.ts), never from a timetable:
 * a road lane from every site to every hospital within 8 h by road, and an air lane from every
 * air-hub site to every hospital more than 600 km away.
 */
import type { DemoHospital, DemoLane, DemoSite } from './demo-types.js';
import { airMinutes, greatCircleKm, roadMinutes, ROAD_DETOUR_FACTOR } from './geo.js';

/** The longest road lane a courier drives in a day (assumption, demo). */
export const MAX_ROAD_MINUTES = 8 * 60;
/** Below this great-circle distance the producer does not fly (assumption, demo). */
export const MIN_AIR_KM = 600;
/** Scheduled domestic departures used for air lanes, local time at the site (assumption, demo). */
export const AIR_DEPARTURES: readonly string[] = ['07:30', '13:30'];

/** Road cost, CNY: a fixed call-out plus a rate per road km (assumption, demo). */
export const roadLaneCost = (km: number): number => Math.round(150 + 4 * ROAD_DETOUR_FACTOR * km);
/** Air cost, CNY: ground legs and handling plus dangerous-goods air freight (assumption, demo). */
export const airLaneCost = (km: number): number => Math.round(1200 + 2.5 * km);

const ROAD_NOTE =
  'road time estimated from distance: 1.3 × great circle at 70 km/h plus 20 min handling ' +
  '(assumption, demo)';
const AIR_NOTE =
  'air time estimated from distance: 2 × 45 min ground legs, 60 min airport handling, ' +
  'flight at 750 km/h (assumption, demo)';

export function demoLanes(
  sites: readonly DemoSite[],
  hospitals: readonly DemoHospital[],
  airHubSiteKeys: readonly string[],
): DemoLane[] {
  const lanes: DemoLane[] = [];
  for (const site of sites) {
    const hub = airHubSiteKeys.includes(site.key);
    for (const hospital of hospitals) {
      const km = greatCircleKm(site, hospital);
      const road = roadMinutes(km);
      if (road <= MAX_ROAD_MINUTES) {
        lanes.push({
          siteKey: site.key,
          hospitalKey: hospital.key,
          mode: 'road',
          durationMinutes: Math.round(road),
          cost: roadLaneCost(km),
          departures: null,
          estimated: true,
          note: ROAD_NOTE,
        });
      }
      if (hub && km > MIN_AIR_KM) {
        lanes.push({
          siteKey: site.key,
          hospitalKey: hospital.key,
          mode: 'air',
          durationMinutes: Math.round(airMinutes(km)),
          cost: airLaneCost(km),
          departures: [...AIR_DEPARTURES],
          estimated: true,
          note: AIR_NOTE,
        });
      }
    }
  }
  return lanes;
}
