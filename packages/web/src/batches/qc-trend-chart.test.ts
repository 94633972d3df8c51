import { describe, expect, it } from 'vitest';
import type { QcTrend } from './batch-types.js';
import { niceStep, shortBatch, trendChartData } from './qc-trend-chart-data.js';
import { qcTrendChartOption } from './qc-trend-chart-option.js';

const TREND: QcTrend = {
  product: 'GA68-PSMA11',
  test: 'ph',
  name: 'pH',
  unit: '',
  points: [
    { batch: '20261207-GA68-PSMA11-00001', at: '2026-12-06T21:00:00Z', value: 6 },
    { batch: '20261207-GA68-PSMA11-00003', at: '2026-12-06T23:40:00Z', value: 9.1 },
  ],
  centre: 7.55,
  ucl: 15.8,
  lcl: -0.7,
  specMin: 4,
  specMax: 8,
  signals: [{ batch: '20261207-GA68-PSMA11-00003', rule: 'out-of-specification' }],
};

describe('the QC control chart', () => {
  it('marks the signals, the open batch and every limit, and spans them all', () => {
    const d = trendChartData(TREND, '20261207-GA68-PSMA11-00003');
    expect(d.points.map((p) => [p.short, p.value, p.signals, p.current])).toEqual([
      ['12-07 #00001', 6, [], false],
      ['12-07 #00003', 9.1, ['out of specification'], true],
    ]);
    expect(d.lines.map((l) => [l.kind, l.value])).toEqual([
      ['spec-max', 8],
      ['ucl', 15.8],
      ['centre', 7.55],
      ['lcl', -0.7],
      ['spec-min', 4],
    ]);
    // -0.7 … 15.8 with a 10% margin, on steps of 5.
    expect([d.min, d.max]).toEqual([-5, 20]);
  });

  it('leaves out the limits a short history or a one-sided test does not have', () => {
    const d = trendChartData(
      {
        ...TREND,
        points: TREND.points.slice(0, 1),
        ucl: null,
        lcl: null,
        specMin: null,
        signals: [],
      },
      'other',
    );
    expect(d.lines.map((l) => l.kind)).toEqual(['spec-max', 'centre']);
    expect([d.min, d.max]).toEqual([5.5, 8.5]);
  });

  it('draws the results as a line with the limits as mark lines and signals in red', () => {
    const option = qcTrendChartOption(trendChartData(TREND, '20261207-GA68-PSMA11-00003'));
    const [series] = option['series'] as {
      type: string;
      data: { value: number; symbolSize: number; itemStyle: { color: string } }[];
      markLine: { data: { name: string; yAxis: number }[] };
    }[];
    expect(series?.type).toBe('line');
    expect(series?.data.map((p) => [p.value, p.itemStyle.color, p.symbolSize])).toEqual([
      [6, '#0f172a', 8],
      [9.1, '#dc2626', 13],
    ]);
    expect(series?.markLine.data.map((l) => [l.name, l.yAxis])).toEqual([
      ['spec max', 8],
      ['UCL', 15.8],
      ['centre', 7.55],
      ['LCL', -0.7],
      ['spec min', 4],
    ]);
    expect((option['xAxis'] as { data: string[] }).data).toEqual(['12-07 #00001', '12-07 #00003']);
  });

  it('rounds the axis to steps of 1, 2 or 5 times a power of ten', () => {
    expect([0.96, 0.48, 3.96, 0.0003, 12].map(niceStep)).toEqual([1, 0.5, 5, 0.0005, 20]);
    expect(niceStep(0)).toBe(1);
  });

  it('shortens batch numbers of the usual form only', () => {
    expect(shortBatch('20261207-F18-FDG-00002')).toBe('12-07 #00002');
    expect(shortBatch('B-17')).toBe('B-17');
  });
});
