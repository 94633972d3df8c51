import { describe, expect, it } from 'vitest';
import { licenceSummary, lotChartData } from './lot-chart-data.js';
import { lotChartOption } from './lot-chart-option.js';
import type { LotDetail } from './supply-types.js';

const LOT: LotDetail = {
  id: '00000000-0000-4000-8000-000000000002',
  siteId: '00000000-0000-4000-8000-0000000000aa',
  supplier: 'Supplier',
  profile: 'Lu-177 carrier-added',
  nuclide: 'Lu-177',
  carrier: 'carrier-added',
  activityBq: 3.7e11,
  referenceAt: '2026-11-23T02:00:00Z',
  volumeMl: 1,
  specificActivityBqPerG: null,
  impurities: {},
  expiresAt: '2026-11-30T02:00:00Z',
  receivedAt: '2026-11-23T02:00:00Z',
  label: 'Lu lot',
  recordedBy: 'x',
  createdAt: 'x',
  at: '2026-11-24T02:00:00Z',
  activityNowBq: 3.3e11,
  draws: [],
  remainingNowBq: 3.3e11,
  activities: [],
  impurityRatios: [{ nuclide: 'Lu-177m', atReference: 2e-4, now: 2.2e-4 }],
  curve: [
    { at: '2026-11-23T02:00:00Z', activityBq: 3.7e11, ratios: { 'Lu-177m': 2e-4 } },
    { at: '2026-11-30T02:00:00Z', activityBq: 1.8e11, ratios: { 'Lu-177m': 4e-4 } },
  ],
  expiry: { at: '2026-11-30T02:00:00Z', reason: 'label' },
  licence: {
    held: [],
    exceeded: [
      { nuclide: 'Lu-177m', activityBq: 7e7, limitBq: null },
      { nuclide: 'Lu-177', activityBq: 5e11, limitBq: 4e11 },
    ],
  },
  waste: {
    residueFraction: 0.01,
    longestLived: 'Lu-177m',
    halfLivesUntil: '2031-04-15T00:00:00Z',
    clearanceAt: null,
    noClearanceLevel: ['Lu-177m'],
    storeUntil: '2031-04-15T00:00:00Z',
  },
};

describe('a lot', () => {
  it('gives its activity in the unit and each impurity ratio in %', () => {
    const d = lotChartData(LOT, 'MBq');
    expect(d.activity[1]).toEqual([Date.parse('2026-11-30T02:00:00Z'), 1.8e5]);
    expect(d.ratios).toEqual([
      {
        nuclide: 'Lu-177m',
        points: [
          [Date.parse('2026-11-23T02:00:00Z'), 0.02],
          [Date.parse('2026-11-30T02:00:00Z'), 0.04],
        ],
      },
    ]);
    expect(d.expiry).toBe(Date.parse('2026-11-30T02:00:00Z'));
  });

  it('puts impurities on a second axis, and has one axis without them', () => {
    const option = lotChartOption(lotChartData(LOT, 'MBq'), 'MBq', () => '');
    expect(option['yAxis']).toHaveLength(2);
    const bare = {
      ...LOT,
      impurityRatios: [],
      curve: LOT.curve.map((p) => ({ ...p, ratios: {} })),
    };
    expect(lotChartOption(lotChartData(bare, 'MBq'), 'MBq', () => '')['yAxis']).toHaveLength(1);
  });

  it('tells limits passed from nuclides with no licence limit', () => {
    const s = licenceSummary(LOT);
    expect(s.overLimit.map((e) => e.nuclide)).toEqual(['Lu-177']);
    expect(s.unlicensed).toEqual(['Lu-177m']);
  });
});
