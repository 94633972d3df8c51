import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard-test-fixture.js';
import { groupColours } from './group-colours.js';
import { cappedNote } from './outcomes-text.js';
import { percentTick, waterfallBars, waterfallChartOption } from './waterfall-chart-option.js';

type Option = {
  xAxis: { data: number[] };
  yAxis: { min: number; max: number };
  legend: { data: string[] };
  series: {
    id: string;
    stack: string;
    itemStyle: { color: string };
    data: ({ value: number; tip: string } | null)[];
    markLine?: { data: { yAxis: number; name: string }[] };
  }[];
};

const GROUPS = ['Lu-177 PSMA-617 + SoC', 'SoC'];

describe('the PSA waterfall', () => {
  const { bars, capped } = waterfallBars(dashboard().waterfall);

  it('sorts from the largest rise to the deepest fall, capping rises at +100%', () => {
    expect(bars.map((b) => [b.group, b.value, b.shown])).toEqual([
      ['SoC', 240, 100],
      ['Lu-177 PSMA-617 + SoC', 100, 100],
      ['SoC', 12.5, 12.5],
      ['Lu-177 PSMA-617 + SoC', -60, -60],
      ['Lu-177 PSMA-617 + SoC', -95, -95],
    ]);
    expect(capped).toBe(1);
    expect(cappedNote(1, 100)).toBe('1 rise above +100% is drawn at +100%.');
    expect(cappedNote(3, 100)).toBe('3 rises above +100% are drawn at +100%.');
    expect(cappedNote(0, 100)).toBe('');
  });

  it('draws a stacked bar series per group in its colour, with the PSA50 and PSA90 lines', () => {
    const colours = groupColours(GROUPS);
    const o = waterfallChartOption(bars, GROUPS, colours) as unknown as Option;
    expect(o.xAxis.data).toEqual([1, 2, 3, 4, 5]);
    expect(o.yAxis).toMatchObject({ min: -100, max: 100 });
    expect(o.legend.data).toEqual(GROUPS);
    const [treated, control] = o.series;
    expect(treated!.itemStyle.color).toBe(colours.get(GROUPS[0]!));
    expect(treated!.data.map((d) => d?.value ?? null)).toEqual([null, 100, null, -60, -95]);
    expect(control!.data.map((d) => d?.value ?? null)).toEqual([100, null, 12.5, null, null]);
    expect(control!.data[0]!.tip).toBe('SoC\n+240.0% (drawn at +100%)');
    expect(new Set(o.series.map((s) => s.stack))).toEqual(new Set(['waterfall']));
    expect(treated!.markLine!.data.map((m) => [m.yAxis, m.name])).toEqual([
      [-50, '−50% (PSA50)'],
      [-90, '−90% (PSA90)'],
    ]);
    expect(control!.markLine).toBeUndefined();
  });

  it('writes the axis in percent with a true minus', () => {
    expect([-50, 0, 75].map(percentTick)).toEqual(['−50%', '0%', '75%']);
  });
});
