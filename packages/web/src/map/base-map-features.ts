import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
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

const nameOf = (g: { properties?: object | null }): string =>
  g.properties && 'name' in g.properties && typeof g.properties.name === 'string'
    ? g.properties.name
    : '';

/**
 * Map units Natural Earth draws apart that China's standard maps (标准地图, the conventions of
 * China's map regulations) draw as part of China; the product's users are in China.
 */
export const PARTS_OF_CHINA: readonly string[] = ['China', 'Taiwan', 'Hong Kong', 'Macao'];

/**
 * The countries of a world-atlas topology (Natural Earth) as GeoJSON, keeping those with a point
 * inside `box`; each feature keeps its `name` property, which ECharts uses for regions. China is
 * one feature with Taiwan, Hong Kong and Macao (their shared arcs dissolved, no border drawn).
 */
export function baseMapFeatures(
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>,
  box: Box = REGION,
): FeatureCollection<Geometry, { name: string }> {
  const { geometries } = topology.objects.countries;
  const china = geometries.filter((g) => PARTS_OF_CHINA.includes(nameOf(g)));
  const others = feature(topology, {
    type: 'GeometryCollection',
    geometries: geometries.filter((g) => !china.includes(g)),
  });
  const chinaFeature: Feature<Geometry, { name: string }> = {
    type: 'Feature',
    properties: { name: 'China' },
    geometry: merge(topology, china as never),
  };
  const features = [...others.features, chinaFeature].filter(
    (f): f is Feature<Geometry, { name: string }> =>
      f.geometry !== null && overlaps(f.geometry, box),
  );
  return { type: 'FeatureCollection', features };
}
