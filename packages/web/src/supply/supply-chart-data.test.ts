import { describe, expect, it } from 'vitest';
import { nuclideTotals, releaseRows, supplyChartData } from './supply-chart-data.js';
import { supplyChartOption } from './supply-chart-option.js';
import { SUPPLY } from './supply-test-fixture.js';

describe('the day of supply', () => {
  const rows = releaseRows(SUPPLY);

  it('lists releases in time order with a running total per nuclide and marks recorded ones', () => {
    expect(rows.map((r) => [r.label, r.cumulativeBq, r.recorded])).toEqual([
      ['Lu lot', 3.7e11, false],
      ['G1', 1.2e9, true],
      ['G2', 2.2e9, false],
      ['G2', 3e9, false],
    ]);
  });

  it('totals each nuclide, largest first', () => {
    expect(nuclideTotals(rows)).toEqual([
      {
        nuclide: 'Lu-177',
        releases: 1,
        sources: 1,
        first: Date.parse('2026-11-23T16:00:00Z'),
        last: Date.parse('2026-11-23T16:00:00Z'),
        totalBq: 3.7e11,
      },
      {
        nuclide: 'Ga-68',
        releases: 3,
        sources: 2,
        first: Date.parse('2026-11-23T23:00:00Z'),
        last: Date.parse('2026-11-24T01:30:00Z'),
        totalBq: 3e9,
      },
    ]);
  });

  it('draws steps in the unit, one point per release time, held to the end of the day', () => {
    const data = supplyChartData(rows, SUPPLY, 'MBq');
    const ga = data.series.find((s) => s.name === 'Ga-68');
    expect(ga?.points).toEqual([
      [Date.parse('2026-11-23T23:00:00Z'), 2200],
      [Date.parse('2026-11-24T01:30:00Z'), 3000],
    ]);
    expect(ga?.until).toEqual([Date.parse('2026-11-24T16:00:00Z'), 3000]);
    expect(data.floor).toBe(2200);
    expect(supplyChartData(rows, SUPPLY, 'mCi').series[0]?.points[0]?.[1]).toBeCloseTo(1e4, 6);
  });

  it('makes a log-scale step chart on the site clock', () => {
    const option = supplyChartOption(supplyChartData(rows, SUPPLY, 'MBq'), 'MBq', () => 'hh');
    const series = option['series'] as { step: string; data: unknown[] }[];
    expect(series).toHaveLength(2);
    expect(series[0]?.step).toBe('end');
    expect((option['yAxis'] as { type: string; min: number }).min).toBe(1000);
  });
});
