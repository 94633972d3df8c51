import { i18n } from '../i18n/i18n.js';
import { productsOf, reachableCount, type NetworkMap, type ProductReach } from './map-data.js';

/** What the details panel shows for the place chosen on the map or in the list. */
export type PlaceDetails =
  | {
      readonly kind: 'site';
      readonly id: string;
      readonly name: string;
      readonly city: string;
      readonly products: { code: string; name: string }[];
      readonly roadLanes: number;
      readonly airLanes: number;
      /** Hospitals this site could serve in time with at least one product. */
      readonly hospitalsServed: number;
      /** Shortest and longest lane, minutes. */
      readonly laneMinutes: { min: number; max: number } | null;
    }
  | {
      readonly kind: 'hospital';
      readonly id: string;
      readonly name: string;
      readonly city: string;
      readonly reachable: number;
      readonly total: number;
      readonly reach: ProductReach[];
      readonly roadLanes: number;
      readonly airLanes: number;
    };

/** The details of site or hospital `id`, or undefined when the map has no such place. */
export function placeDetails(map: NetworkMap, id: string): PlaceDetails | undefined {
  const site = map.sites.find((s) => s.id === id);
  if (site) {
    const lanes = map.lanes.filter((l) => l.siteId === id);
    const names = new Map(productsOf(map).map((p) => [p.code, p.name]));
    const minutes = lanes.map((l) => l.durationMinutes);
    return {
      kind: 'site',
      id,
      name: site.name,
      city: site.city,
      products: site.products.map((code) => ({ code, name: names.get(code) ?? code })),
      roadLanes: lanes.filter((l) => l.mode === 'road').length,
      airLanes: lanes.filter((l) => l.mode === 'air').length,
      hospitalsServed: map.hospitals.filter((h) =>
        h.reach.some((r) => r.servable && r.sites.includes(site.name)),
      ).length,
      laneMinutes:
        minutes.length === 0 ? null : { min: Math.min(...minutes), max: Math.max(...minutes) },
    };
  }
  const hospital = map.hospitals.find((h) => h.id === id);
  if (!hospital) return undefined;
  const lanes = map.lanes.filter((l) => l.hospitalId === id);
  return {
    kind: 'hospital',
    id,
    name: hospital.name,
    city: hospital.city,
    reachable: reachableCount(hospital),
    total: hospital.reach.length,
    reach: hospital.reach,
    roadLanes: lanes.filter((l) => l.mode === 'road').length,
    airLanes: lanes.filter((l) => l.mode === 'air').length,
  };
}

/** "08:00–18:00" for a servable product, the earliest alone when it is one hour. */
export function hoursText(r: ProductReach): string {
  if (!r.servable || r.earliest === null) return '—';
  return r.latest === null || r.latest === r.earliest ? r.earliest : `${r.earliest}–${r.latest}`;
}

/** Minutes as "45 min" or "3 h 20 min". */
export function durationText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return i18n.t('map:minutes', { m });
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? i18n.t('map:hours', { h }) : i18n.t('map:hoursMinutes', { h, m: m % 60 });
}
