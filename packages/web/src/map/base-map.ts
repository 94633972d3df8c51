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
    const topology = module.default as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    echarts.registerMap(BASE_MAP, baseMapFeatures(topology) as never);
  });
  return loading;
}
