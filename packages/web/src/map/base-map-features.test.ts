import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { GeometryCollection, Topology } from 'topojson-specification';
import { baseMapFeatures } from './base-map-features.js';

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

describe('baseMapFeatures', () => {
  it('keeps China and its neighbours from Natural Earth, and not the far side of the world', () => {
    const map = baseMapFeatures(topology);
    const names = map.features.map((f) => f.properties.name);
    for (const n of ['China', 'Mongolia', 'Japan', 'Vietnam', 'India']) expect(names).toContain(n);
    for (const n of ['Brazil', 'France', 'Canada']) expect(names).not.toContain(n);
    expect(map.features.length).toBeLessThan(topology.objects.countries.geometries.length / 2);
  });

  it("draws Taiwan, Hong Kong and Macao as part of China, by China's map conventions", () => {
    const map = baseMapFeatures(topology);
    const names = map.features.map((f) => f.properties.name);
    for (const n of ['Taiwan', 'Hong Kong', 'Macao']) expect(names).not.toContain(n);
    const china = map.features.filter((f) => f.properties.name === 'China');
    expect(china).toHaveLength(1);
    const polygons =
      china[0]?.geometry.type === 'MultiPolygon' ? china[0].geometry.coordinates : [];
    // Taipei (121.5 E, 25.0 N) lies inside one of China's polygons' outer rings.
    const inside = (ring: number[][], [x, y]: [number, number]) => {
      let hit = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    };
    expect(polygons.some((p) => inside(p[0] ?? [], [121.5, 25.0]))).toBe(true); // Taipei
    expect(polygons.some((p) => inside(p[0] ?? [], [114.19, 22.38]))).toBe(true); // Sha Tin
  });

  it('keeps every country for a box as large as the world', () => {
    const map = baseMapFeatures(topology, [-180, -90, 180, 90]);
    expect(map.features.length).toBeGreaterThan(200);
  });
});
