import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A longitude/latitude box: west, south, east, north. */
export type Box = readonly [number, number, number, number];

/** Around China with its neighbours: what the map can show, so the rest of the world is not drawn. */
export const REGION: Box = [55, -12, 160, 62];

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

function overlaps(g: Geometry, [w, s, e, n]: Box): boolean {
  return positions(g).some(([x = NaN, y = NaN]) => x >= w && x <= e && y >= s && y <= n);
}

/**
 * The countries of a world-atlas topology (Natural Earth) as GeoJSON, keeping those with a point
 * inside `box`; each feature keeps its `name` property, which ECharts uses for regions.
 */
export function baseMapFeatures(
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>,
  box: Box = REGION,
): FeatureCollection<Geometry, { name: string }> {
  const all = feature(topology, topology.objects.countries);
  const features = all.features.filter(
    (f): f is Feature<Geometry, { name: string }> =>
      f.geometry !== null && overlaps(f.geometry, box),
  );
  return { type: 'FeatureCollection', features };
}
