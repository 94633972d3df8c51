import * as echarts from 'echarts/core';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { baseMapFeatures } from './base-map-features.js';

/** The name the base map is registered under in ECharts. */
export const BASE_MAP = 'halflife-east-asia';

let loading: Promise<void> | undefined;

/**
 * Registers the base map once: Natural Earth 1:50m countries from the `world-atlas` package,
 * bundled by Vite as its own chunk (no tile server, no network beyond the app itself).
 */
export function loadBaseMap(): Promise<void> {
  loading ??= import('world-atlas/countries-50m.json').then((module) => {
    const json: unknown = module.default;
    if (!isCountries(json)) throw new Error('world-atlas: not the countries topology');
    // ECharts types GeoJSON its own way (its geometries a subset of the standard's); the features
    // are standard GeoJSON of polygons, which it draws.
    echarts.registerMap(BASE_MAP, baseMapFeatures(json) as never);
  });
  return loading;
}

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The bundled JSON is read as what it is, checked rather than cast. */
function isCountries(json: unknown): json is Countries {
  if (typeof json !== 'object' || json === null) return false;
  if (!('type' in json) || json.type !== 'Topology' || !('objects' in json)) return false;
  const { objects } = json;
  return typeof objects === 'object' && objects !== null && 'countries' in objects;
}
