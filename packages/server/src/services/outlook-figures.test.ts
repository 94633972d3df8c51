import { describe, expect, it } from 'vitest';
import { outlookFigures, type OutlookInput } from './outlook-figures.js';
import { historySeries } from './outlook-history.js';

/** The outlook's pure parts: the history as forecast, and the known cycles in the allocation. */
const conversion = [
  { productCode: 'LU-A', use: 'therapeutic', doseGBq: 7.4, nuclideGBqPerDose: 8, basis: '' },
  { productCode: 'DX-B', use: 'diagnostic', doseGBq: 0.2, nuclideGBqPerDose: 2, basis: '' },
];

describe('the history the outlook forecasts', () => {
  it('takes recorded orders from their first week on, imported weeks before, and marks the source', () => {
    const { series } = historySeries(
      [
        { productCode: 'LU-A', weekStart: '2026-11-09', doses: 3 },
        { productCode: 'LU-A', weekStart: '2026-11-16', doses: 4 },
      ],
      [
        {
          productCode: 'LU-A',
          weekStart: '2026-10-26',
          doses: 1,
          siteId: 's',
          synthetic: true,
          source: 'demo',
        },
        // Replaced by the recorded orders of that week:
        {
          productCode: 'LU-A',
          weekStart: '2026-11-09',
          doses: 99,
          siteId: 's',
          synthetic: false,
          source: 'csv',
        },
        {
          productCode: 'DX-B',
          weekStart: '2026-11-09',
          doses: 5,
          siteId: 's',
          synthetic: false,
          source: 'csv',
        },
      ],
      conversion,
    );
    expect(series).toEqual([
      { week: '2026-10-26', gbq: 8, doses: 1, source: 'synthetic' },
      { week: '2026-11-02', gbq: 0, doses: 0, source: 'orders' },
      { week: '2026-11-09', gbq: 3 * 8 + 5 * 2, doses: 8, source: 'imported' },
      { week: '2026-11-16', gbq: 32, doses: 4, source: 'orders' },
    ]);
  });
});

describe('the allocation of the worst week', () => {
  const weeks = ['2027-01-04', '2027-01-11'];
  const input: OutlookInput = {
    nuclide: 'Lu-177',
    site: null,
    from: weeks[0]!,
    weeks,
    holdout: 4,
    growthPct: 0,
    extraWeekly: 1,
    history: Array.from({ length: 10 }, (_, t) => ({
      week: `w${t}`,
      gbq: 100,
      doses: 10,
      source: 'imported' as const,
    })),
    offset: 1,
    conversion,
    shares: [
      { productCode: 'LU-A', use: 'therapeutic', share: 0.5 },
      { productCode: 'DX-B', use: 'diagnostic', share: 0.5 },
    ],
    known: [
      { gbq: 0, cycles: 0, byProduct: [] },
      { gbq: 40, cycles: 5, byProduct: [{ productCode: 'LU-A', inProgress: 32, first: 8 }] },
    ],
    notes: [],
    assumptions: [],
  };
  const supply = {
    items: [
      {
        siteId: 's',
        siteName: 'S',
        kind: 'lot-contract' as const,
        label: 'L',
        basis: '',
        meanBq: [200e9, 60e9],
        varianceBq2: [0, 0],
      },
    ],
    notes: [],
  };

  it('serves cycles under way first, then first cycles, the forecast, and the scenario last', () => {
    const o = outlookFigures(input, supply);
    // Forecast 100 (constant history), known 40 of it; extra dose a week at the mix 5 GBq.
    expect(o.weekly[1]).toMatchObject({ forecast: 60, known: 40, scenario: 5, probability: 1 });
    expect(o.weekly[1]!.demand.mean).toBe(105);
    expect(o.weekly[0]!.probability).toBe(0);
    expect(o.allocation?.week).toBe('2027-01-11');
    expect(o.allocation?.allocations.map((a) => [a.id, a.allocated, a.basis])).toEqual([
      ['cycles-under-way:LU-A', 32, 'full'],
      ['first-cycles:LU-A', 8, 'full'],
      ['forecast:LU-A', 20, 'partial'],
      ['forecast:DX-B', 0, 'none'],
      ['scenario:extra', 0, 'none'],
    ]);
  });

  it('gives no allocation when no week is more likely short than not', () => {
    const plenty = { ...supply, items: [{ ...supply.items[0]!, meanBq: [500e9, 500e9] }] };
    expect(outlookFigures(input, plenty).allocation).toBeNull();
  });
});
