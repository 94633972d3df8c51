import { describe, expect, it } from 'vitest';
import { specificationFor, type SpecTest } from './qc-specification.js';
import { qcTrend } from './qc-trend.js';

const test = (code: string): SpecTest => {
  const t = specificationFor('GA68-PSMA11', '2026-12-07')?.tests.find((t) => t.code === code);
  if (!t) throw new Error(`no test ${code}`);
  return t;
};
const DAY = 86_400_000;
const series = (values: readonly number[]) =>
  values.map((value, k) => ({ batch: `B${String(k + 1).padStart(2, '0')}`, at: k * DAY, value }));

describe('QC trend (Shewhart individuals chart)', () => {
  it('matches a hand-worked chart: centre, sigma, limits, rules 1 and 4, out of specification', () => {
    // pH of 11 batches, specification 4–8:
    //   5 4 5 4 5 4 5 4 9 9 9
    // centre = (4·5 + 4·4 + 3·9) / 11 = 63 / 11 = 5.727 27
    // moving ranges: seven of 1, then |9 − 4| = 5, 0, 0 → sum 12 over 10 → MR̄ = 1.2
    // sigma = MR̄ / d2 = 1.2 / 1.128 = 1.063 83
    // UCL = 5.727 27 + 3 × 1.063 83 = 8.918 76; LCL = 5.727 27 − 3.191 49 = 2.535 78
    // Rule 4: B01–B08 all below the centre → the 8th, B08, signals.
    // Rule 1: 9 > 8.918 76 → B09, B10, B11; and 9 > 8, the specification's maximum.
    const chart = qcTrend(series([5, 4, 5, 4, 5, 4, 5, 4, 9, 9, 9]), test('ph'));
    expect(chart.centre).toBeCloseTo(5.72727, 5);
    expect(chart.sigma).toBeCloseTo(1.06383, 5);
    expect(chart.ucl).toBeCloseTo(8.91876, 5);
    expect(chart.lcl).toBeCloseTo(2.53578, 5);
    expect([chart.specMin, chart.specMax]).toEqual([4, 8]);
    expect(chart.signals).toEqual([
      { batch: 'B08', rule: 'run-of-8' },
      { batch: 'B09', rule: 'beyond-3-sigma' },
      { batch: 'B09', rule: 'out-of-specification' },
      { batch: 'B10', rule: 'beyond-3-sigma' },
      { batch: 'B10', rule: 'out-of-specification' },
      { batch: 'B11', rule: 'beyond-3-sigma' },
      { batch: 'B11', rule: 'out-of-specification' },
    ]);
  });

  it('shows a process in control without signals, whatever the order the points come in', () => {
    // RCP 97, 99, 98 (≥ 90 %): centre 98; moving ranges 2, 1 → MR̄ 1.5; sigma 1.5 / 1.128 = 1.329 79;
    // limits 98 ± 3.989 36 = 94.010 64 … 101.989 36.
    const points = series([97, 99, 98]);
    const chart = qcTrend([points[2]!, points[0]!, points[1]!], test('rcp'));
    expect(chart.points.map((p) => p.batch)).toEqual(['B01', 'B02', 'B03']);
    expect(chart.centre).toBe(98);
    expect(chart.sigma).toBeCloseTo(1.32979, 5);
    expect(chart.ucl).toBeCloseTo(101.98936, 5);
    expect(chart.lcl).toBeCloseTo(94.01064, 5);
    expect(chart.specMin).toBe(90);
    expect(chart.specMax).toBeUndefined();
    expect(chart.signals).toEqual([]);
  });

  it('counts a run of 8 on one side only, the 8th and each later point; a point on the centre ends it', () => {
    // 0 × 8 then 10 × 8: centre 5; runs of 8 below (B08) and above (B16).
    const split = qcTrend(
      series([...Array<number>(8).fill(0), ...Array<number>(8).fill(10)]),
      test('endotoxin'),
    );
    expect(split.centre).toBe(5);
    expect(split.signals.filter((s) => s.rule === 'run-of-8').map((s) => s.batch)).toEqual([
      'B08',
      'B16',
    ]);
    // 0 × 7, 5, 10 × 7: centre (0 + 5 + 70) / 15 = 5, so B08 sits on the line: no run reaches 8.
    const broken = qcTrend(
      series([...Array<number>(7).fill(0), 5, ...Array<number>(7).fill(10)]),
      test('endotoxin'),
    );
    expect(broken.centre).toBe(5);
    expect(broken.signals.filter((s) => s.rule === 'run-of-8')).toEqual([]);
    // 0 × 10: every point sits on the centre line, sigma 0, no signal at all.
    const flat = qcTrend(series(Array<number>(10).fill(0)), test('endotoxin'));
    expect([flat.sigma, flat.ucl, flat.lcl, flat.signals]).toEqual([0, 0, 0, []]);
  });

  it('has a centre but no limits with fewer than 2 points, and names out-of-specification batches', () => {
    const one = qcTrend(series([12]), test('endotoxin'));
    expect(one).toEqual({
      points: series([12]),
      centre: 12,
      ucl: undefined,
      lcl: undefined,
      sigma: undefined,
      specMax: 10.9,
      signals: [{ batch: 'B01', rule: 'out-of-specification' }],
    });
    const none = qcTrend([], test('endotoxin'));
    expect([none.centre, none.ucl, none.signals]).toEqual([undefined, undefined, []]);
  });

  it('refuses an observation and a point without a number', () => {
    expect(() => qcTrend(series([1, 2]), test('sterility'))).toThrow(/observation: no chart/);
    expect(() => qcTrend(series([1, Number.NaN]), test('ph'))).toThrow(/points\[1\] \(B02\)/);
  });
});
