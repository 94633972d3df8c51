import { describe, expect, it } from 'vitest';
import { comparison } from './design-compare.js';
import { designMapOption, hospitalTooltip } from './design-map-option.js';
import { designView, productRows, unservedRows } from './design-result-data.js';
import { RESULT, RUN, SCENARIO } from './design-test-fixture.js';
import type { SolvedRun } from './design-types.js';

describe('the design’s result view', () => {
  it('classes hospitals by how much of their demand is served, with what they get and why not', () => {
    const view = designView(RUN);
    expect(view.hospitals.map((h) => [h.id, h.state])).toEqual([
      ['h1', 'partly'],
      ['h2', 'served'],
      ['h3', 'unserved'],
      ['h4', 'none'],
    ]);
    const h1 = view.hospitals[0]!;
    expect(h1.supplies.map((s) => `${s.productName} from ${s.siteName} ${s.mode}`)).toEqual([
      'Pb-212 PSMA from Beijing site road',
      'Lu-177 PSMA from Beijing site road',
    ]);
    expect(h1.gaps).toEqual([
      expect.objectContaining({
        productName: 'Lu-177 PSMA',
        reason: 'capacity',
        detail: 'every unit within reach is full',
      }),
    ]);
    expect(hospitalTooltip(view.hospitals[2]!)).toBe(
      '<strong>Hospital 3</strong><br>Lhasa · Not served<br>Pb-212 PSMA: Out of reach',
    );
  });

  it('draws one line per hospital and serving site, not for doses made on site, up to a limit', () => {
    const view = designView(RUN);
    expect(view.lines).toEqual([
      {
        hospitalId: 'h1',
        siteId: 'beijing',
        mode: 'road',
        coords: [
          [116.3, 40],
          [116.4, 39.9],
        ],
      },
    ]);
    expect(view.totalLines).toBe(1);
    expect(designView(RUN, 0).lines).toEqual([]);
    expect(
      view.sites.map((s) => [s.id, s.units, s.newUnits, s.hospitalsServed, s.technologies[0]!.use]),
    ).toEqual([
      ['beijing', 1, 0, 1, 0.4],
      ['at-h2', 1, 1, 1, 0.13],
    ]);
  });

  it('keeps 1,500 lines of a national design and turns it into an option', () => {
    const hospitals = Array.from({ length: 5_000 }, (_, i) => ({
      id: `h${i}`,
      name: `H${i}`,
      latitude: 20 + (i % 30),
      longitude: 100 + (i % 25),
      demand: { PB: 1 },
    }));
    const big: SolvedRun = {
      ...RUN,
      scenario: { ...SCENARIO, hospitals },
      result: {
        ...RESULT,
        unserved: [],
        assignments: hospitals.map((h) => ({ ...RESULT.assignments[0]!, hospital: h.id })),
      },
    };
    const view = designView(big);
    const option = designMapOption(view, { baseMap: 'test', selectedId: 'h7' }) as {
      series: { id: string; data: unknown[] }[];
    };
    expect(view.totalLines).toBe(5_000);
    expect(view.lines).toHaveLength(1_500);
    expect(option.series.find((s) => s.id === 'selected-lines')!.data).toHaveLength(1);
    expect(option.series.find((s) => s.id === 'hospitals-served')!.data).toHaveLength(5_000);
  });

  it('sizes sites by units and tells new units from existing ones', () => {
    const option = designMapOption(designView(RUN), { baseMap: 'test' }) as {
      series: { id: string; data: { name: string; symbolSize?: number }[] }[];
    };
    const series = (id: string) => option.series.find((s) => s.id === id)!.data;
    expect(series('sites-existing').map((d) => d.name)).toEqual(['Beijing site']);
    expect(series('sites-new').map((d) => [d.name, d.symbolSize])).toEqual([
      ['Hospital 2 (on site)', 15],
    ]);
    expect(series('hospitals-unserved').map((d) => d.name)).toEqual(['Hospital 3']);
  });

  it('tabulates products and unserved demand with names', () => {
    expect(productRows(RUN)).toEqual([
      {
        id: 'PB',
        name: 'Pb-212 PSMA',
        demandPerWeek: 5,
        servedShare: 0.8,
        withinShare: 0.8,
        gbqPerDose: 0.1325,
      },
      {
        id: 'LU',
        name: 'Lu-177 PSMA',
        demandPerWeek: 4,
        servedShare: 0.5,
        withinShare: 0.5,
        gbqPerDose: 7.9,
      },
    ]);
    expect(
      unservedRows(RUN).map((u) => `${u.hospitalName} · ${u.productName} · ${u.dosesPerWeek}`),
    ).toEqual(['Hospital 1 · Lu-177 PSMA · 2', 'Hospital 3 · Pb-212 PSMA · 1']);
  });

  it('compares designs side by side as the CLI does', () => {
    const other: SolvedRun = {
      ...RUN,
      id: 'run-2',
      name: 'Only Pb (demo data)',
      result: {
        ...RESULT,
        status: 'optimal',
        gap: 0,
        products: [RESULT.products[0]!],
        unserved: [],
      },
    };
    const table = comparison([RUN, other]);
    expect(table.names).toEqual(['Small', 'Only Pb']);
    const row = (key: string) => table.rows.find((r) => r.key === key)!;
    expect(row('status').values).toEqual(['Within the asked gap', 'Optimal']);
    expect(row('gap').values).toEqual(['0.57%', '0%']);
    expect(row('cost').values).toEqual(['19.75 M', '19.75 M']);
    expect(row('new-units').values).toEqual(['1', '1']);
    expect(row('unserved').values).toEqual(['3', '0']);
    expect(row('PB-within')).toEqual({
      key: 'PB-within',
      label: 'within 4 h',
      sub: true,
      values: ['80%', '80%'],
    });
    expect(row('LU-served').values).toEqual(['50%', '—']);
    expect(row('LU-gbq').values).toEqual(['7.9', '—']);
  });
});
