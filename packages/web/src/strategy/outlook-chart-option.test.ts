import { describe, expect, it } from 'vitest';
import { outlookChartOption } from './outlook-chart-option.js';
import { backTestLines, gbq, probabilityText, riskOf, riskSummary } from './outlook-text.js';
import type { Outlook } from './outlook-types.js';

const week = (w: string, demand: number, supply: number, probability: number) => ({
  week: w,
  demand: {
    mean: demand,
    lower80: demand - 10,
    upper80: demand + 10,
    lower95: demand - 20,
    upper95: demand + 20,
  },
  forecast: demand - 5,
  known: 5,
  knownCycles: 1,
  scenario: 0,
  supply: { mean: supply, sd: 10 },
  probability,
  gap: demand - supply,
});

const outlook = {
  nuclide: 'Lu-177',
  site: null,
  from: '2026-11-30',
  weeks: 3,
  unit: 'GBq',
  history: {
    status: 'ok',
    message: '',
    weeks: 2,
    first: '2026-11-16',
    last: '2026-11-23',
    recordedWeeks: 0,
    importedWeeks: 0,
    syntheticWeeks: 2,
    synthetic: true,
    series: [
      { week: '2026-11-16', gbq: 90, doses: 10, source: 'synthetic' },
      { week: '2026-11-23', gbq: 95, doses: 11, source: 'synthetic' },
    ],
  },
  method: null,
  backTest: {
    status: 'ok',
    message: '',
    holdout: 26,
    trainedOn: 130,
    mape: 0.0714,
    smape: 0.0677,
    mase: 0.54,
    coverage80: 0.846,
    coverage95: 1,
    zeroWeeks: 0,
  },
  conversion: [],
  weekly: [
    week('2026-11-30', 100, 120, 0.1),
    week('2026-12-07', 110, 115, 0.3),
    week('2026-12-14', 130, 110, 0.8),
  ],
  shortfallWeeks: 1,
  supplyItems: [],
  allocation: null,
  notes: [],
  assumptions: [],
} as unknown as Outlook;

type Series = {
  id: string;
  name?: string;
  data: (number | null)[];
  markArea?: { data: unknown[] };
  lineStyle?: { type?: string };
};

describe('the outlook chart', () => {
  const option = outlookChartOption(outlook) as { xAxis: { data: string[] }; series: Series[] };
  const byId = (id: string) => option.series.find((s) => s.id === id)!;

  it('puts the history before the outlook weeks, marked synthetic', () => {
    expect(option.xAxis.data).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
    ]);
    expect(byId('history').data).toEqual([90, 95, null, null, null]);
    expect(byId('history').name).toBe('History (synthetic demo data)');
    expect(byId('history').lineStyle?.type).toBe('dashed');
    expect(byId('demand').data).toEqual([null, null, 100, 110, 130]);
  });

  it('draws each band as its lower edge plus its width', () => {
    expect(byId('demand80-base').data).toEqual([null, null, 90, 100, 120]);
    expect(byId('demand80').data).toEqual([null, null, 20, 20, 20]);
    expect(byId('supplyBand-base').data[2]).toBeCloseTo(120 - 19.6, 9);
    expect(byId('supplyBand').data[2]).toBeCloseTo(39.2, 9);
  });

  it('shades the weeks at risk: red from even odds, amber from one in five', () => {
    const shaded = byId('demand').markArea!.data as [
      { xAxis: number; itemStyle: { color: string } },
      { xAxis: number },
    ][];
    // Category indices: two weeks of history, then the outlook's weeks from 2.
    expect(shaded.map((s) => [s[0].xAxis, s[1].xAxis, s[0].itemStyle.color])).toEqual([
      [3, 4, 'rgba(217, 119, 6, 0.14)'],
      // The last week is shaded from the week before.
      [3, 4, 'rgba(220, 38, 38, 0.16)'],
    ]);
  });
});

describe('the outlook in words', () => {
  it('classes and writes the risk', () => {
    expect([riskOf(0.5), riskOf(0.49), riskOf(0.2), riskOf(0.19)]).toEqual([
      'short',
      'watch',
      'watch',
      'ok',
    ]);
    expect(riskSummary(outlook.weekly)).toBe(
      '1 week(s) more likely short than not, 1 more to watch (P ≥ 20%).',
    );
    expect([probabilityText(0.004), probabilityText(0.71), probabilityText(0.999)]).toEqual([
      '<1%',
      '71%',
      '>99%',
    ]);
    expect([gbq(2109), gbq(56.72), gbq(0.2357), gbq(0)]).toEqual(['2,109', '56.7', '0.236', '0']);
  });

  it('lists the back-test scores', () => {
    expect(backTestLines(outlook.backTest).map((l) => l.value)).toEqual([
      '7.1%',
      '6.8%',
      '0.54',
      '85%',
      '100%',
    ]);
    expect(backTestLines({ ...outlook.backTest, status: 'unavailable' })).toEqual([]);
  });
});
