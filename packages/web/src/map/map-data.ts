import { i18n } from '../i18n/i18n.js';
import type { components } from '../api/schema.js';

/** What the map screen draws, worked out from GET /api/network/map by pure functions. */

export type NetworkMap = components['schemas']['NetworkMap'];
export type MapSite = components['schemas']['MapSite'];
export type MapHospital = components['schemas']['MapHospital'];
export type MapLane = components['schemas']['MapLane'];
export type ProductReach = components['schemas']['ProductReach'];

/** Colour hospitals by how many products reach them, or by whether one product does. */
export type ColourBy =
  { readonly kind: 'count' } | { readonly kind: 'product'; readonly code: string };

/** One colour class of hospitals, with its legend label. */
export interface ReachBucket {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export const COLOURS = {
  none: '#dc2626',
  few: '#f59e0b',
  most: '#4ade80',
  all: '#15803d',
  site: '#1e3a8a',
  road: '#475569',
  air: '#7c3aed',
} as const;

const products = (n: number) => i18n.t('map:bucket.products', { count: n });

/** The classes for `total` products: none (a warning), a few, most, all; empty ranges left out. */
export function reachBuckets(colourBy: ColourBy, total: number): ReachBucket[] {
  if (colourBy.kind === 'product') {
    return [
      { key: 'none', label: i18n.t('map:bucket.notInTime'), colour: COLOURS.none },
      { key: 'all', label: i18n.t('map:bucket.inTime'), colour: COLOURS.all },
    ];
  }
  const half = Math.floor(total / 2);
  const range = (from: number, to: number) =>
    from === to ? products(from) : i18n.t('map:bucket.range', { from, to });
  return [
    { key: 'none', label: i18n.t('map:bucket.noProduct'), colour: COLOURS.none },
    ...(half >= 1 ? [{ key: 'few', label: range(1, half), colour: COLOURS.few }] : []),
    ...(half + 1 <= total - 1
      ? [{ key: 'most', label: range(half + 1, total - 1), colour: COLOURS.most }]
      : []),
    ...(total > 0
      ? [{ key: 'all', label: i18n.t('map:bucket.all', { count: total }), colour: COLOURS.all }]
      : []),
  ];
}

/** How many products can reach a hospital in time. */
export const reachableCount = (h: MapHospital): number => h.reach.filter((r) => r.servable).length;

/** The bucket key of one hospital. */
export function bucketOf(h: MapHospital, colourBy: ColourBy): string {
  if (colourBy.kind === 'product') {
    return h.reach.some((r) => r.productCode === colourBy.code && r.servable) ? 'all' : 'none';
  }
  const n = reachableCount(h);
  const total = h.reach.length;
  if (n === 0) return 'none';
  if (n === total) return 'all';
  return n <= Math.floor(total / 2) ? 'few' : 'most';
}

/** A place on the map: [longitude, latitude] and what identifies it. */
export interface MapPoint {
  readonly id: string;
  readonly kind: 'site' | 'hospital';
  readonly name: string;
  readonly city: string;
  readonly value: [number, number];
  /** Hospitals: products in time, of all. */
  readonly reachable?: number;
  readonly total?: number;
}

export interface LaneLine {
  readonly siteId: string;
  readonly hospitalId: string;
  readonly mode: 'road' | 'air';
  readonly coords: [[number, number], [number, number]];
  readonly durationMinutes: number;
}

export interface MapView {
  readonly sites: MapPoint[];
  readonly buckets: (ReachBucket & { readonly hospitals: MapPoint[] })[];
  readonly lanes: LaneLine[];
  readonly productCount: number;
}

/** Products of the map in the order the server gives them: code and name. */
export function productsOf(map: NetworkMap): { code: string; name: string }[] {
  return (map.hospitals[0]?.reach ?? []).map((r) => ({ code: r.productCode, name: r.productName }));
}

/** Everything the chart needs, grouped by colour class. */
export function mapView(map: NetworkMap, colourBy: ColourBy): MapView {
  const total = productsOf(map).length;
  const buckets = reachBuckets(colourBy, total).map((b) => ({ ...b, hospitals: [] as MapPoint[] }));
  const byKey = new Map(buckets.map((b) => [b.key, b]));
  for (const h of map.hospitals) {
    byKey.get(bucketOf(h, colourBy))?.hospitals.push({
      id: h.id,
      kind: 'hospital',
      name: h.name,
      city: h.city,
      value: [h.longitude, h.latitude],
      reachable: reachableCount(h),
      total: h.reach.length,
    });
  }
  const sites = new Map(map.sites.map((s) => [s.id, s]));
  const hospitals = new Map(map.hospitals.map((h) => [h.id, h]));
  const lanes = map.lanes.flatMap((l): LaneLine[] => {
    const s = sites.get(l.siteId);
    const h = hospitals.get(l.hospitalId);
    if (!s || !h) return [];
    return [
      {
        siteId: l.siteId,
        hospitalId: l.hospitalId,
        mode: l.mode,
        durationMinutes: l.durationMinutes,
        coords: [
          [s.longitude, s.latitude],
          [h.longitude, h.latitude],
        ],
      },
    ];
  });
  return {
    sites: map.sites.map((s) => ({
      id: s.id,
      kind: 'site',
      name: s.name,
      city: s.city,
      value: [s.longitude, s.latitude],
    })),
    buckets,
    lanes,
    productCount: total,
  };
}

/** The places for the keyboard: sites, then hospitals grouped by city, each by name. */
export function placeGroups(
  map: NetworkMap,
): { label: string; places: { id: string; label: string }[] }[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const cities = new Map<string, MapHospital[]>();
  for (const h of map.hospitals) cities.set(h.city, [...(cities.get(h.city) ?? []), h]);
  return [
    {
      label: i18n.t('map:productionSites'),
      places: [...map.sites]
        .sort(byName)
        .map((s) => ({ id: s.id, label: `${s.name} · ${s.city}` })),
    },
    ...[...cities.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([city, list]) => ({
        label: i18n.t('map:hospitalsIn', { city }),
        places: [...list].sort(byName).map((h) => ({ id: h.id, label: h.name })),
      })),
  ];
}

/** The number of hospitals in each class (for the legend). */
export function bucketCounts(view: MapView): { key: string; count: number }[] {
  return view.buckets.map((b) => ({ key: b.key, count: b.hospitals.length }));
}
