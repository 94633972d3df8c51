import { describe, expect, it } from 'vitest';
import type { GeneratorYield } from './supply-types.js';
import { yieldChartData, yieldWindow } from './yield-chart-data.js';
import { yieldChartOption } from './yield-chart-option.js';

const H = 3_600_000;
const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('the yield window', () => {
  it('runs from 12 h ago to 24 h ahead, near 300 points', () => {
    const w = yieldWindow(NOW, '2026-11-01T00:00:00Z', undefined);
    expect(w.from).toBe(new Date(NOW - 12 * H).toISOString());
    expect(w.to).toBe(new Date(NOW + 24 * H).toISOString());
    expect(w.step).toBe(480);
  });

  it('reaches back to just before an older last elution, a week at most, never before calibration', () => {
    expect(
      yieldWindow(NOW, '2026-11-01T00:00:00Z', new Date(NOW - 30 * H).toISOString()).from,
    ).toBe(new Date(NOW - 32 * H).toISOString());
    expect(yieldWindow(NOW, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z').from).toBe(
      new Date(NOW - 7 * 24 * H).toISOString(),
    );
    expect(yieldWindow(NOW, '2026-11-23T08:00:00Z', undefined).from).toBe(
      '2026-11-23T08:00:00.000Z',
    );
  });
});

const Y: GeneratorYield = {
  generatorId: '00000000-0000-4000-8000-000000000001',
  daughter: 'Ga-68',
  points: [
    {
      at: '2026-11-23T08:00:00Z',
      eluateBq: 1.2e9,
      columnBq: 1.7e9,
      parentBq: 1.7e9,
      efficiency: 0.7,
    },
    { at: '2026-11-23T10:00:00Z', eluateBq: 7e8, columnBq: 1e9, parentBq: 1.7e9, efficiency: 0.7 },
  ],
  elutions: [
    { at: '2026-11-20T09:00:00Z', measuredActivityBq: 1.1e9, predictedColumnBq: 1.7e9 },
    { at: '2026-11-23T09:00:00Z', measuredActivityBq: 1.1e9, predictedColumnBq: 1.7e9 },
    { at: '2026-11-23T09:30:00Z', measuredActivityBq: null, predictedColumnBq: 4e8 },
  ],
};

describe('the yield curve', () => {
  it('converts to the unit and keeps the elutions inside the window, measured or not', () => {
    const d = yieldChartData(Y, 'MBq', NOW);
    expect(d.eluate).toEqual([
      [Date.parse('2026-11-23T08:00:00Z'), 1200],
      [NOW, 700],
    ]);
    expect(d.elutions).toEqual([
      { value: [Date.parse('2026-11-23T09:00:00Z'), 1100], measured: true },
      { value: [Date.parse('2026-11-23T09:30:00Z'), 400], measured: false },
    ]);
    expect(d.max).toBe(1700);
  });

  it('draws the eluate, the column, elution markers and a now line', () => {
    const option = yieldChartOption(yieldChartData(Y, 'MBq', NOW), 'MBq', () => '');
    const series = option['series'] as { name: string; type: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['Ga-68 eluate', 'line'],
      ['On the column', 'line'],
      ['Recorded elution', 'scatter'],
      ['Now', 'line'],
    ]);
    expect(series[2]?.data).toHaveLength(2);
    expect(series[3]?.data).toEqual([
      [NOW, 0],
      [NOW, 1785],
    ]);
  });
});
