import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard-test-fixture.js';
import { groupColours } from './group-colours.js';
import {
  armColours,
  SWIMMER_ROWS,
  swimmerChartOption,
  swimmerKey,
  swimmerRows,
} from './swimmer-chart-option.js';
import type { Swimmer } from './outcomes-types.js';

type Option = {
  legend: { data: string[] };
  xAxis: { max: number };
  yAxis: { data: string[]; inverse: boolean };
  dataZoom: { startValue?: number; endValue?: number }[];
  series: {
    id: string;
    type: string;
    data: ({ value: number | number[]; tip: string; itemStyle?: { color: string } } | null)[];
    itemStyle?: { color: string };
  }[];
};

const swimmers = dashboard().swimmers!;
const colours = groupColours(['Lu-177 PSMA-617 + SoC', 'SoC']);

describe('the swimmer plot', () => {
  const rows = swimmerRows(swimmers);
  const o = swimmerChartOption(rows, colours) as unknown as Option;
  const series = (id: string) => o.series.find((s) => s.id === id)!;

  it('puts the longest follow-up on top, one bar per patient in its arm’s colour', () => {
    expect(o.yAxis).toMatchObject({ data: ['SYN-LUPSMA-001', 'SYN-LUPSMA-002'], inverse: true });
    expect(o.xAxis.max).toBe(12);
    expect(o.legend.data).toEqual(['Lu-177 PSMA-617 + SoC', 'SoC']);
    expect(series('arm-SoC').data.map((d) => d?.value ?? null)).toEqual([null, 9.1]);
    expect(series('arm-SoC').itemStyle!.color).toBe(colours.get('SoC'));
    expect(series('arm-Lu-177 PSMA-617 + SoC').data[0]!.tip).toBe(
      'SYN-LUPSMA-001 · Lu-177 PSMA-617 + SoC\nfollowed 11.2 mo, ongoing\nbest response PR — partial response\n3 cycles',
    );
  });

  it('marks cycles, response, progression, death and the ongoing arrow on their rows', () => {
    expect(series('cycles').data.map((d) => d!.value)).toEqual([
      [0, 0],
      [1.38, 0],
      [2.76, 0],
    ]);
    expect(series('response').data.map((d) => [d!.value, d!.itemStyle!.color])).toEqual([
      [[2.1, 0], '#16a34a'],
    ]);
    expect(series('progression').data.map((d) => d!.value)).toEqual([[2.7, 1]]);
    expect(series('death').data.map((d) => d!.value)).toEqual([[9.1, 1]]);
    expect(series('ongoing').data.map((d) => d!.value)).toEqual([[11.2, 0]]);
  });

  it('shows a window of rows at a time', () => {
    const many: Swimmer[] = Array.from({ length: 80 }, (_, i) => ({
      ...swimmers[0]!,
      ref: `SYN-${String(i).padStart(3, '0')}`,
      endAt: 80 - i,
    }));
    const big = swimmerChartOption(swimmerRows(many), colours) as unknown as Option;
    expect(big.dataZoom[0]).toMatchObject({ startValue: 0, endValue: SWIMMER_ROWS - 1 });
    expect(o.dataZoom[0]).toMatchObject({ startValue: 0, endValue: 1 });
  });

  it('colours by the dashboard’s groups when grouped by arm, else by arm name', () => {
    expect(armColours(swimmers, 'arm', colours)).toBe(colours);
    const byVolume = armColours(
      swimmers,
      'diseaseVolume',
      groupColours(['high volume', 'low volume']),
    );
    expect([...byVolume.keys()]).toEqual(['Lu-177 PSMA-617 + SoC', 'SoC']);
    expect(swimmerKey().map((k) => k.label)).toContain('Still followed');
  });
});
