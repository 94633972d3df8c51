import type { ElutionRow, GeneratorRow, IsotopeLotRow } from '@halflife/db';
import { describe, expect, it } from 'vitest';
import { siteDaySupply } from './site-supply.js';

/** A day's supply from hand-made records (no database): schedule, history, lots. */
const DAY = { start: '2026-11-23T16:00:00.000Z', end: '2026-11-24T16:00:00.000Z' };
// 05:00–22:00 in Asia/Shanghai.
const OPEN = [{ start: '2026-11-23T21:00:00.000Z', end: '2026-11-24T14:00:00.000Z' }];

const generator = (over: Partial<GeneratorRow> = {}): GeneratorRow => ({
  id: 'g1',
  site_id: 's1',
  equipment_id: null,
  type: 'Ge-68/Ga-68',
  parent_activity_bq: 1.85e9,
  calibrated_at: new Date('2026-11-01T01:00:00Z'),
  initial_state: 'equilibrium',
  label: 'Ge-68 test',
  serial: '',
  elution_interval_minutes: null,
  retired: false,
  created_by: 'u',
  created_at: new Date('2026-11-01T01:00:00Z'),
  ...over,
});

const elution = (at: string, over: Partial<ElutionRow> = {}): ElutionRow => ({
  id: `e-${at}`,
  generator_id: 'g1',
  at: new Date(at),
  measured_activity_bq: null,
  breakthrough_bq: null,
  breakthrough_passed: null,
  voided: false,
  recorded_by: 'u',
  created_at: new Date(at),
  ...over,
});

const times = (releases: readonly { at: string }[]) => releases.map((r) => r.at.slice(11, 16));

describe('siteDaySupply', () => {
  it('elutes every two daughter half-lives from opening with the nominal efficiency, less what the last took', () => {
    const day = siteDaySupply(
      { generators: [{ generator: generator(), elutions: [] }], lots: [], runs: [] },
      OPEN,
      DAY,
      'site',
    );
    const supply = day.supply[0];
    expect(supply).toMatchObject({ nuclide: 'Ga-68', kind: 'generator', label: 'Ge-68 test' });
    expect(times(supply?.releases ?? [])).toEqual([
      '21:00',
      '23:30',
      '02:00',
      '04:30',
      '07:00',
      '09:30',
      '12:00',
    ]);
    const [first, second] = supply?.releases ?? [];
    // The first elution takes the grown-in column; the next 2.5 h of regrowth (78.5%) plus the
    // third the elution left, decayed: about 0.85.
    expect((second?.activityBq ?? 0) / (first?.activityBq ?? 1)).toBeGreaterThan(0.8);
    expect((second?.activityBq ?? 0) / (first?.activityBq ?? 1)).toBeLessThan(0.9);
    expect(day.generators[0]).toMatchObject({ intervalMinutes: 150, efficiencyBasis: 'nominal' });
  });

  it('takes the day’s recorded elutions as measured and continues the schedule after the last', () => {
    const day = siteDaySupply(
      {
        generators: [
          {
            generator: generator({ elution_interval_minutes: 300 }),
            elutions: [
              elution('2026-11-24T00:00:00Z', { measured_activity_bq: 9e8 }),
              elution('2026-11-24T02:00:00Z', {
                measured_activity_bq: 4e8,
                breakthrough_passed: false,
              }),
            ],
          },
        ],
        lots: [],
        runs: [],
      },
      OPEN,
      DAY,
      'site',
    );
    const releases = day.generators[0]?.releases ?? [];
    // 00:00Z as measured; 02:00Z failed breakthrough; then every 5 h from 02:00Z.
    expect(releases.map((r) => [r.at.slice(11, 16), r.recorded])).toEqual([
      ['00:00', true],
      ['07:00', false],
      ['12:00', false],
    ]);
    expect(releases[0]?.activityBq).toBe(9e8);
    expect(day.notes.some((n) => n.includes('failed breakthrough'))).toBe(true);
  });

  it('gives nothing from a generator past its shelf life, and a lot once at the start of the day', () => {
    const lot: IsotopeLotRow = {
      id: 'l1',
      site_id: 's1',
      supplier: 'x',
      profile: 'Lu-177 no-carrier-added',
      nuclide: 'Lu-177',
      activity_bq: 100e9,
      reference_at: new Date('2026-11-16T16:00:00Z'),
      volume_ml: null,
      specific_activity_bq_per_g: null,
      carrier: 'no-carrier-added',
      impurities: {},
      expires_at: null,
      received_at: new Date('2026-11-17T02:00:00Z'),
      label: 'Lu lot',
      recorded_by: 'u',
      created_at: new Date('2026-11-17T02:00:00Z'),
    };
    const day = siteDaySupply(
      {
        generators: [
          {
            generator: generator({
              type: 'Mo-99/Tc-99m',
              calibrated_at: new Date('2026-11-01T01:00:00Z'),
            }),
            elutions: [],
          },
        ],
        lots: [lot],
        runs: [],
      },
      OPEN,
      DAY,
      'site',
    );
    expect(day.supply.find((s) => s.nuclide === 'Tc-99m')?.releases).toEqual([]);
    expect(day.notes.some((n) => n.includes('shelf life'))).toBe(true);
    const lu = day.supply.find((s) => s.nuclide === 'Lu-177');
    expect(lu?.releases).toHaveLength(1);
    expect(lu?.releases[0]?.at).toBe(DAY.start);
    // Seven days after its reference: about half (Lu-177 half-life 6.65 d).
    expect((lu?.releases[0]?.activityBq ?? 0) / 100e9).toBeCloseTo(2 ** (-7 / 6.647), 3);
  });
});
