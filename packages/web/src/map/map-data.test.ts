import { describe, expect, it } from 'vitest';
import { mapChartOption, placeTooltip } from './map-chart-option.js';
import { bucketOf, mapView, placeGroups, reachBuckets, type MapPoint } from './map-data.js';
import { durationText, hoursText, placeDetails } from './map-details-data.js';
import { FIXTURE_MAP, H_ALL, H_NONE, H_ONE, SITE_A, SITE_B } from './map-test-fixture.js';

describe('reach classes', () => {
  it('splits the products into none, a few, most and all', () => {
    expect(reachBuckets({ kind: 'count' }, 8).map((b) => b.label)).toEqual([
      'No product in time',
      '1–4 products',
      '5–7 products',
      'All 8 products',
    ]);
    expect(reachBuckets({ kind: 'count' }, 2).map((b) => b.label)).toEqual([
      'No product in time',
      '1 product',
      'All 2 products',
    ]);
    expect(reachBuckets({ kind: 'product', code: 'GA' }, 8).map((b) => b.label)).toEqual([
      'Not in time',
      'In time',
    ]);
  });

  it('puts each hospital in its class, with none in the warning colour', () => {
    const [all, one, none] = FIXTURE_MAP.hospitals;
    expect(bucketOf(all!, { kind: 'count' })).toBe('all');
    expect(bucketOf(one!, { kind: 'count' })).toBe('few');
    expect(bucketOf(none!, { kind: 'count' })).toBe('none');
    expect(bucketOf(one!, { kind: 'product', code: 'FDG' })).toBe('all');
    expect(bucketOf(one!, { kind: 'product', code: 'GA' })).toBe('none');
    const view = mapView(FIXTURE_MAP, { kind: 'count' });
    const none0 = view.buckets.find((b) => b.key === 'none')!;
    expect(none0.colour).toBe('#dc2626');
    expect(none0.hospitals.map((h) => h.id)).toEqual([H_NONE]);
    expect(view.buckets.flatMap((b) => b.hospitals)).toHaveLength(3);
  });

  it('draws lanes from site to hospital, longitude first', () => {
    const view = mapView(FIXTURE_MAP, { kind: 'count' });
    expect(view.lanes).toHaveLength(4);
    expect(view.lanes[0]!.coords).toEqual([
      [116.4, 39.9],
      [116.3, 39.95],
    ]);
    expect(view.sites.map((s) => s.value)).toEqual([
      [116.4, 39.9],
      [104.1, 30.7],
    ]);
  });
});

describe('the place list', () => {
  it('lists sites, then hospitals by city and name', () => {
    const groups = placeGroups(FIXTURE_MAP);
    expect(groups.map((g) => g.label)).toEqual([
      'Production sites',
      'Hospitals · Beijing',
      'Hospitals · Lhasa',
    ]);
    expect(groups[1]!.places.map((p) => p.id)).toEqual([H_ONE, H_ALL]);
    expect(groups[0]!.places[0]!.label).toBe('Beijing Radiopharmacy · Beijing');
  });
});

describe('place details', () => {
  it('gives a site its products, lanes and the hospitals it serves in time', () => {
    const d = placeDetails(FIXTURE_MAP, SITE_B);
    expect(d).toMatchObject({
      kind: 'site',
      name: 'Chengdu Radiopharmacy',
      products: [{ code: 'FDG', name: 'F-18 FDG' }],
      roadLanes: 0,
      airLanes: 2,
      hospitalsServed: 1,
      laneMinutes: { min: 260, max: 300 },
    });
    expect(placeDetails(FIXTURE_MAP, SITE_A)).toMatchObject({ roadLanes: 2, hospitalsServed: 2 });
  });

  it('gives a hospital its reach per product, with hours or the reason', () => {
    const d = placeDetails(FIXTURE_MAP, H_ONE);
    expect(d).toMatchObject({
      kind: 'hospital',
      reachable: 1,
      total: 2,
      roadLanes: 1,
      airLanes: 1,
    });
    if (d?.kind !== 'hospital') throw new Error('expected a hospital');
    expect(hoursText(d.reach[0]!)).toBe('08:00–17:00');
    expect(hoursText(d.reach[1]!)).toBe('—');
    expect(d.reach[1]!.reason).toMatch(/shelf life/);
    expect(placeDetails(FIXTURE_MAP, 'nowhere')).toBeUndefined();
  });

  it('writes durations as a person would', () => {
    expect(durationText(45)).toBe('45 min');
    expect(durationText(120)).toBe('2 h');
    expect(durationText(200)).toBe('3 h 20 min');
  });
});

describe('mapChartOption', () => {
  const view = mapView(FIXTURE_MAP, { kind: 'count' });
  type Series = { id: string; data: { coords?: unknown; place?: MapPoint }[] };
  const series = (o: ReturnType<typeof mapChartOption>) => o['series'] as Series[];
  const byId = (o: ReturnType<typeof mapChartOption>, id: string) =>
    series(o).find((s) => s.id === id)!;

  it('draws road lanes, hides air lanes when asked, and a series per class', () => {
    const o = mapChartOption(view, { baseMap: 'm', showRoad: true, showAir: false });
    expect(byId(o, 'lanes').data).toHaveLength(2);
    expect(byId(o, 'selected-lanes').data).toHaveLength(0);
    expect(byId(o, 'sites').data).toHaveLength(2);
    expect(series(o).filter((s) => s.id.startsWith('hospitals-'))).toHaveLength(3);
    expect((o['geo'] as { map: string }).map).toBe('m');
    const both = mapChartOption(view, { baseMap: 'm', showRoad: true, showAir: true });
    expect(byId(both, 'lanes').data).toHaveLength(4);
  });

  it('rings the chosen place and draws its own lanes, air ones too', () => {
    const o = mapChartOption(view, {
      baseMap: 'm',
      showRoad: false,
      showAir: false,
      selectedId: H_ONE,
    });
    expect(byId(o, 'lanes').data).toHaveLength(0);
    expect(byId(o, 'selected-lanes').data).toHaveLength(2);
    expect(byId(o, 'selected').data).toHaveLength(1);
  });

  it('escapes names in tooltips', () => {
    const none = view.buckets.find((b) => b.key === 'none')!.hospitals[0]!;
    expect(placeTooltip(none)).toBe(
      '<strong>Lhasa People &#60;Hospital&#62;</strong><br>Lhasa · 0 of 2 products in time',
    );
    expect(placeTooltip(view.sites[0]!)).toMatch(/production site$/);
  });
});
