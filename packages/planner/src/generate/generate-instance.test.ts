import { describe, expect, it } from 'vitest';
import { parseInstance } from '../instance-schema.js';
import { generateInstance } from './generate-instance.js';
import type { Tier } from './tiers.js';

const DATE = '2026-11-24';

function sizes(tier: Tier, seed: number) {
  const started = performance.now();
  const instance = generateInstance({ tier, seed, date: DATE });
  const ms = performance.now() - started;
  return {
    instance,
    ms,
    counts: {
      sites: instance.sites.length,
      lines: instance.sites.reduce((n, s) => n + s.lines.length, 0),
      hospitals: instance.hospitals.length,
      lanes: instance.lanes.length,
      orders: instance.orders.length,
      products: instance.products.length,
    },
  };
}

describe('generateInstance', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    for (const tier of ['S', 'M', 'L', 'G'] as const) {
      const a = generateInstance({ tier, seed: 7, date: DATE });
      expect(generateInstance({ tier, seed: 7, date: DATE })).toEqual(a);
      expect(generateInstance({ tier, seed: 8, date: DATE })).not.toEqual(a);
    }
  });

  it('meets the tier sizes', () => {
    for (const seed of [1, 2, 3, 4]) {
      const s = sizes('S', seed);
      const m = sizes('M', seed);
      const l = sizes('L', seed);
      for (const [tier, z] of [
        ['S', s],
        ['M', m],
        ['L', l],
      ] as const) {
        console.log(
          `tier ${tier} seed ${seed}: ${JSON.stringify(z.counts)}, ${z.ms.toFixed(0)} ms`,
        );
      }
      expect(s.counts.sites).toBeGreaterThanOrEqual(1);
      expect(s.counts.sites).toBeLessThanOrEqual(2);
      expect(s.counts.orders).toBeLessThanOrEqual(60);
      expect(s.counts.orders).toBeGreaterThanOrEqual(40);
      expect(s.instance.products.map((p) => p.id)).toEqual(['GA68-PSMA11']);
      expect(m.counts.sites).toBeGreaterThanOrEqual(3);
      expect(m.counts.sites).toBeLessThanOrEqual(6);
      expect(m.counts.orders).toBeGreaterThanOrEqual(360);
      expect(m.counts.orders).toBeLessThanOrEqual(440);
      expect(m.counts.products).toBeGreaterThanOrEqual(2);
      expect(m.counts.products).toBeLessThanOrEqual(4);
      expect(l.counts.sites).toBe(40);
      expect(l.counts.hospitals).toBeGreaterThanOrEqual(1150);
      expect(l.counts.hospitals).toBeLessThanOrEqual(1210);
      expect(l.counts.orders).toBeGreaterThanOrEqual(4800);
      expect(l.counts.orders).toBeLessThanOrEqual(5200);
      expect(l.counts.products).toBe(6);
      expect(l.instance.lanes.some((lane) => lane.mode === 'air')).toBe(true);
    }
  });

  it('passes parseInstance in every tier', () => {
    for (const tier of ['S', 'M', 'L', 'G'] as const) {
      for (const seed of [1, 2, 3]) {
        const result = parseInstance(generateInstance({ tier, seed, date: DATE }));
        expect(result.ok ? [] : result.errors).toEqual([]);
      }
    }
  });

  it('feeds tier G from Ge-68/Ga-68 generators eluted every 2 h, predicted by the supply model', () => {
    const g = generateInstance({ tier: 'G', seed: 1, date: DATE });
    expect(g.products.map((p) => p.id)).toEqual(['GA68-PSMA11']);
    const generators = g.sites.flatMap((s) => s.supply);
    expect(generators.length).toBeGreaterThanOrEqual(g.sites.length);
    for (const supply of generators) {
      expect(supply).toMatchObject({ nuclide: 'Ga-68', kind: 'generator' });
      expect(supply.releases.map((r) => r.at.slice(11, 16))).toEqual([
        '06:00',
        '08:00',
        '10:00',
        '12:00',
        '14:00',
        '16:00',
        '18:00',
      ]);
      // Overnight ingrowth gives the most; 2 h (1.76 Ga-68 half-lives) regrows 71% of it, and
      // the 30% an elution leaves on the column adds 0.3 × 0.29: about 0.80.
      const [first, second] = supply.releases.map((r) => r.activityBq);
      expect(first).toBeGreaterThan(0.3e9);
      expect(first).toBeLessThan(1.85e9 * 0.7);
      expect(second! / first!).toBeGreaterThan(0.75);
      expect(second! / first!).toBeLessThan(0.85);
    }
  });

  it('writes local times with +08:00, air departures at 07:30 and 13:30, Lu-177 as a lot', () => {
    const l = generateInstance({ tier: 'L', seed: 1, date: DATE });
    expect(l.horizon).toEqual({
      start: '2026-11-24T00:00:00+08:00',
      end: '2026-11-25T00:00:00+08:00',
    });
    expect(l.orders.every((o) => o.calibrationAt.endsWith('+08:00'))).toBe(true);
    const air = l.lanes.find((lane) => lane.mode === 'air');
    expect(air?.departures).toEqual(['2026-11-24T07:30:00+08:00', '2026-11-24T13:30:00+08:00']);
    const lots = l.sites.flatMap((s) => s.supply);
    expect(lots.length).toBeGreaterThan(0);
    expect(lots.every((s) => s.nuclide === 'Lu-177' && s.kind === 'lot')).toBe(true);
    expect(lots[0]?.releases[0]?.at).toBe('2026-11-23T14:00:00+08:00');
    expect(l.orders.some((o) => o.priority === 10)).toBe(true);
    expect(l.sources?.length).toBeGreaterThan(5);
  });

  it('places a few Ga-68 orders beyond practical reach (a case for unserved reasons)', () => {
    const s = generateInstance({ tier: 'S', seed: 1, date: DATE });
    const site = s.sites[0];
    const far = s.orders.filter(
      (o) =>
        !s.lanes.some(
          (lane) =>
            lane.hospital === o.hospital && lane.site === site?.id && lane.durationMinutes <= 120,
        ),
    );
    expect(far.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a malformed date', () => {
    expect(() => generateInstance({ tier: 'S', seed: 1, date: '2026-13-01' })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});
