import { describe, expect, it } from 'vitest';
import { wasteContainer } from './waste-test-fixture.js';
import { logTick, wasteChartOption, wasteCurves } from './waste-chart-option.js';

type Series = {
  id: string;
  name: string;
  data: unknown[];
  markLine?: { data: { xAxis: number }[]; label: { formatter: string } };
};

const now = Date.parse('2026-12-05T04:00:00Z');

describe('waste chart', () => {
  const a = wasteContainer();
  const b = wasteContainer({
    code: 'W-9F8E7D6C',
    status: 'closed',
    releaseAfter: '2027-02-01T00:00:00.000Z',
    curve: [
      { at: '2026-12-04T00:00:00.000Z', activityBq: 2e9 },
      { at: '2027-02-01T00:00:00.000Z', activityBq: 2e6 },
    ],
  });
  const empty = wasteContainer({ code: 'W-00000000', curve: [{ at: a.openedAt, activityBq: 0 }] });

  it('draws one curve per container holding activity, in the unit chosen, gaps where empty', () => {
    const curves = wasteCurves([a, b, empty], 'MBq');
    expect(curves.map((c) => c.code)).toEqual(['W-1A2B3C4D', 'W-9F8E7D6C']);
    expect(curves[0]?.points[0]).toEqual([Date.parse('2026-12-05T01:00:00.000Z'), null]);
    expect(curves[0]?.points[1]?.[1]).toBeCloseTo(80.016, 6);
    expect(curves[1]?.points[0]?.[1]).toBeCloseTo(2000, 6);
    expect(wasteCurves([b], 'mCi')[0]?.points[0]?.[1]).toBeCloseTo(2e9 / 3.7e7, 6);
    expect(curves[0]?.colour).not.toBe(curves[1]?.colour);
  });

  it('marks each release date, a legend by code, a log axis and now', () => {
    const option = wasteChartOption(wasteCurves([a, b], 'MBq'), 'MBq', now) as {
      legend: { data: string[] };
      yAxis: { type: string; name: string };
      xAxis: { type: string };
      series: Series[];
    };
    expect(option.yAxis).toMatchObject({ type: 'log', name: 'MBq' });
    expect(option.xAxis.type).toBe('time');
    expect(option.legend.data).toEqual(['W-1A2B3C4D', 'W-9F8E7D6C']);
    const [first, second, nowLine] = option.series;
    expect(first?.markLine?.data).toEqual([
      { name: 'W-1A2B3C4D release', xAxis: Date.parse('2027-12-01T02:00:00.000Z') },
    ]);
    // A closed container's date is the one fixed when it was closed.
    expect(second?.markLine?.data[0]?.xAxis).toBe(Date.parse('2027-02-01T00:00:00.000Z'));
    expect(nowLine?.markLine?.data[0]?.xAxis).toBe(now);
    expect(option.legend.data).not.toContain('now');
  });

  it('draws no release line when the rule gives no date', () => {
    const noDate = wasteContainer({ earliest: { ...a.earliest, at: null } });
    const option = wasteChartOption(wasteCurves([noDate], 'MBq'), 'MBq', now) as {
      series: Series[];
    };
    expect(option.series[0]?.markLine).toBeUndefined();
  });

  it('labels a released container’s line as released', () => {
    const released = wasteContainer({ status: 'released', releasedAt: '2027-12-03T00:00:00.000Z' });
    const option = wasteChartOption(wasteCurves([released], 'MBq'), 'MBq', now) as {
      series: Series[];
    };
    expect(option.series[0]?.markLine?.label.formatter).toBe('W-1A2B3C4D released');
  });
});

describe('log axis ticks', () => {
  it('writes decades plainly, and far ones as powers of ten', () => {
    expect(logTick(0.01)).toBe('0.01');
    expect(logTick(1000)).toBe('1,000');
    expect(logTick(1e-4)).toBe('1e-4');
    expect(logTick(1e-8)).toBe('1e-8');
    expect(logTick(1e7)).toBe('1e7');
    expect(logTick(2.5e-5)).toBe('2.5e-5');
    expect(logTick(0)).toBe('');
  });
});
