import { describe, expect, it } from 'vitest';
import type { DecayResponse } from '../api/client.js';
import { decayChartData } from './decay-chart-data.js';

const response: DecayResponse = {
  seconds: 86400,
  members: [],
  curve: {
    times: [0, 43200, 86400],
    activities: { 'Ga-68': [3.7e7, 1e3, 0], 'Zn-68': [0, 0, 0] },
  },
};

describe('decay chart data', () => {
  it('converts units and time, leaves zero activity undrawn and skips members that never show', () => {
    const data = decayChartData(response, 'mCi');
    expect(data.timeUnit).toBe('h');
    expect(data.series.map((s) => s.name)).toEqual(['Ga-68']);
    expect(data.series[0]?.points).toEqual([
      [0, 1],
      [12, 1e3 / 3.7e7],
      [24, null],
    ]);
    expect(data.floor).toBeCloseTo(1e3 / 3.7e7, 15);
  });

  it('has no series without a curve', () => {
    expect(decayChartData({ seconds: 0, members: [] }, 'MBq').series).toEqual([]);
  });
});
