import { describe, expect, it } from 'vitest';
import { dashboard } from './dashboard-test-fixture.js';
import { groupColours } from './group-colours.js';
import {
  atRiskTable,
  kmAxis,
  kmChartOption,
  kmSteps,
  kmTooltip,
  survivalAt,
} from './km-chart-option.js';

type Series = {
  id: string;
  name: string;
  type: string;
  step?: string;
  stack?: string;
  data: number[][];
  lineStyle?: { color?: string; type?: string };
};
type Option = {
  xAxis: { min: number; max: number; interval: number };
  yAxis: { min: number; max: number };
  legend: { data: string[] };
  series: Series[];
};

const d = dashboard();
const [treated, control] = d.groups as [(typeof d.groups)[0], (typeof d.groups)[0]];
const colours = groupColours(d.groups.map((g) => g.group));

describe('Kaplan–Meier curves', () => {
  it('carries each curve flat to its last follow-up, bands where the interval is unknown', () => {
    expect(kmSteps(treated.rpfs)).toEqual([
      [0, 1, 1, 1],
      [2, 0.8, 0.6, 0.95],
      [5, 0.6, 0.4, 0.8],
      [7.5, 0.4, 0.2, 0.6],
      [9.5, 0.4, 0.2, 0.6],
    ]);
    // After the last event, no censoring: the curve ends at 0 with no band.
    expect(kmSteps(control.rpfs).at(-1)).toEqual([4, 0, 0, 0]);
  });

  it('reads the survival at a time from the steps', () => {
    expect(survivalAt(treated.rpfs, 0)).toBe(1);
    expect(survivalAt(treated.rpfs, 3)).toBe(0.8);
    expect(survivalAt(treated.rpfs, 5)).toBe(0.6);
    expect(survivalAt(treated.rpfs, 20)).toBe(0.4);
  });

  it('runs the time axis in at-risk steps past the longest follow-up', () => {
    expect(kmAxis([treated.rpfs, control.rpfs], d.atRiskMonths)).toEqual({ max: 12, step: 3 });
    expect(kmAxis([control.rpfs], [0, 3, 6, 9, 12, 15])).toEqual({ max: 15, step: 3 });
  });

  it('draws steps, censoring ticks, the median and, on request, the 95% band', () => {
    const o = kmChartOption(
      d.groups,
      'rpfs',
      { max: 12, step: 3 },
      colours,
      true,
    ) as unknown as Option;
    expect(o.xAxis).toMatchObject({ min: 0, max: 12, interval: 3 });
    expect(o.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(o.legend.data).toEqual(['Lu-177 PSMA-617 + SoC', 'SoC']);
    const s = (id: string) => o.series.find((x) => x.id === id)!;
    const g = 'Lu-177 PSMA-617 + SoC';
    expect(s(`${g}:curve`)).toMatchObject({ type: 'line', step: 'end', name: g });
    expect(s(`${g}:curve`).data).toEqual([
      [0, 1],
      [2, 0.8],
      [5, 0.6],
      [7.5, 0.4],
      [9.5, 0.4],
    ]);
    expect(s(`${g}:censored`).data).toEqual([
      [3, 0.8],
      [9.5, 0.4],
    ]);
    expect(s(`${g}:median`).data).toEqual([
      [0, 0.5],
      [7.5, 0.5],
      [7.5, 0],
    ]);
    expect(s(`${g}:ci-lower`).data[1]).toEqual([2, 0.6]);
    expect(s(`${g}:ci`).data[1]![1]).toBeCloseTo(0.35, 10);
    expect(s(`${g}:ci`).stack).toBe(s(`${g}:ci-lower`).stack);
    // Every series of a group carries its name, so the legend hides the group whole.
    expect(new Set(o.series.map((x) => x.name))).toEqual(new Set(['Lu-177 PSMA-617 + SoC', 'SoC']));
    const noBand = kmChartOption(
      d.groups,
      'os',
      { max: 12, step: 3 },
      colours,
      false,
    ) as unknown as Option;
    expect(noBand.series.some((x) => x.id.endsWith(':ci'))).toBe(false);
    // OS not reached in the treated arm: no median line.
    expect(noBand.series.some((x) => x.id === `${g}:median`)).toBe(false);
  });

  it('tells each group’s survival at the month pointed at', () => {
    expect(kmTooltip(d.groups, 'rpfs')([{ axisValue: 3 }])).toBe(
      'rPFS at 3.0 months<br/>Lu-177 PSMA-617 + SoC: 80%<br/>SoC: 50%',
    );
  });

  it('places the numbers at risk under their months', () => {
    expect(atRiskTable(d.groups, 'os', d.atRiskMonths, 12)).toEqual({
      columns: [
        { month: 0, leftPct: 0 },
        { month: 3, leftPct: 25 },
        { month: 6, leftPct: 50 },
        { month: 9, leftPct: 75 },
      ],
      rows: [
        { group: 'Lu-177 PSMA-617 + SoC', counts: [4, 3, 2, 1] },
        { group: 'SoC', counts: [2, 2, 1, 0] },
      ],
    });
  });
});
