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

  it('keeps every country for a box as large as the world', () => {
    const map = baseMapFeatures(topology, [-180, -90, 180, 90]);
    expect(map.features.length).toBeGreaterThan(200);
  });
});
