import { describe, expect, it } from 'vitest';
import { patientDetail } from './patient-test-fixture.js';
import {
  COLOURS,
  GRADE_COLOURS,
  timelineChartOption,
  timelineKey,
} from './timeline-chart-option.js';
import { patientTimeline } from './timeline-data.js';

type Item = {
  value: number[];
  tip: string;
  itemStyle?: { color: string };
  label?: { formatter: string };
};
type Series = {
  id: string;
  type: string;
  xAxisIndex: number;
  yAxisIndex: number;
  data: Item[];
  symbolSize?: number;
  itemStyle?: { color: string };
  markLine?: { data: { name: string; xAxis: number }[] };
};
type Option = {
  useUTC: boolean;
  xAxis: { min: number; max: number; gridIndex: number }[];
  yAxis: { type: string; data?: string[]; min?: number; max?: number; gridIndex: number }[];
  series: Series[];
};

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const timeline = (p = patientDetail(), today = '2026-12-05') =>
  patientTimeline(p, today, 'MBq', 'Asia/Shanghai');
const optionOf = (t = timeline()) => timelineChartOption(t) as unknown as Option;
const series = (o: Option, id: string) => o.series.find((s) => s.id === id);

describe('the timeline chart', () => {
  it('shares one calendar axis, in UTC, between the lanes and the measurements', () => {
    const o = optionOf();
    expect(o.useUTC).toBe(true);
    expect(o.xAxis.map((x) => [x.gridIndex, x.min, x.max])).toEqual([
      [0, utc('2026-11-08'), utc('2027-08-10')],
      [1, utc('2026-11-08'), utc('2027-08-10')],
    ]);
    expect(o.yAxis[0]).toMatchObject({
      type: 'category',
      data: ['PET', 'Cycles', 'Adverse events', 'Outcome'],
    });
    expect(o.yAxis[1]).toMatchObject({ type: 'log', min: 1, max: 100, gridIndex: 1 });
    expect(o.yAxis[2]).toMatchObject({ type: 'value', min: 0, gridIndex: 1 });
  });

  it('puts each mark in its lane: PET, windows and cycles by state, AEs by grade', () => {
    const o = optionOf();
    expect(series(o, 'pet')!.data.map((d) => d.value)).toEqual([[utc('2026-11-22'), 0]]);
    expect(series(o, 'pet')!.data[0]!.itemStyle).toEqual({ color: COLOURS.pet });
    expect(series(o, 'cycle-window')!.data.map((d) => d.value)[1]).toEqual([
      utc('2027-01-26'),
      utc('2027-02-09'),
      1,
    ]);
    expect(series(o, 'cycle-ordered')!.data.map((d) => d.value)).toEqual([
      [utc('2026-12-15'), 1, 1],
    ]);
    expect(series(o, 'cycle-planned')!.data.map((d) => d.value[2])).toEqual([2, 3, 4, 5, 6]);
    expect(series(o, 'cycle-given')).toBeUndefined();
    expect(series(o, 'ae-1')).toMatchObject({
      itemStyle: { color: GRADE_COLOURS[0] },
      symbolSize: 10,
    });
    expect(series(o, 'ae-1')!.data.map((d) => d.value)).toEqual([[utc('2026-12-01'), 2]]);
  });

  it('draws the PSA on the log axis and the lesions on the right, responses labelled', () => {
    const o = optionOf();
    expect(series(o, 'psa')).toMatchObject({ xAxisIndex: 1, yAxisIndex: 1 });
    expect(series(o, 'psa')!.data.map((d) => d.value)).toEqual([
      [utc('2026-11-23'), 42],
      [utc('2026-12-01'), 8.4],
    ]);
    const sld = series(o, 'sld')!;
    expect(sld).toMatchObject({ xAxisIndex: 1, yAxisIndex: 2 });
    expect(sld.data.map((d) => [d.value[1], d.label?.formatter])).toEqual([
      [50, 'BL'],
      [32, 'PR'],
    ]);
    expect(sld.data[1]!.itemStyle).toEqual({ color: '#16a34a' });
  });

  it('marks today, progression and death across the measurements', () => {
    const p = patientDetail({
      deathOn: '2027-03-01',
      endpoints: { ...patientDetail().endpoints, radiographicProgressionOn: '2027-02-01' },
    });
    const o = optionOf(timeline(p));
    expect(series(o, 'marks')!.markLine!.data.map((m) => [m.name, m.xAxis])).toEqual([
      ['progression', utc('2027-02-01')],
      ['death', utc('2027-03-01')],
    ]);
    expect(series(o, 'death')!.data.map((d) => d.value)).toEqual([[utc('2027-03-01'), 3]]);
    expect(series(optionOf(), 'marks')!.markLine!.data.map((m) => m.name)).toEqual(['today']);
  });

  it('keys only the marks the patient has', () => {
    expect(timelineKey(timeline()).map((k) => k.label)).toEqual([
      'PET scan (filled: positive)',
      'Cycle window (±days)',
      'Cycle planned',
      'Cycle ordered',
      'AE grade 1',
      'PSA (ng/mL, log scale)',
      'Sum of target lesions (mm) with RECIST response',
    ]);
  });
});
