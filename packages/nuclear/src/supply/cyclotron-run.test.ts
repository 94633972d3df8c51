import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../builtin-dataset.js';
import { epochMillis } from '../units.js';
import { cyclotronRun } from './cyclotron-run.js';
import { cyclotronReleases } from './supply-releases.js';
import { CYCLOTRON_TARGETS } from './supply-data.js';

const data = builtinDataset();
const EOB = epochMillis(Date.UTC(2026, 10, 23, 6, 0));
const target = (id: string) => CYCLOTRON_TARGETS.find((t) => t.id === id)!;
const lambda = (n: string) => data.byName.get(n)!.lambda;

describe('cyclotron runs', () => {
  it('A = Y_sat · I · (1 − e^(−λt)): half saturation after one half-life, 1 − 2^−1.5 after 1.5', () => {
    const f18 = target('F-18 from O-18 water');
    const T = data.byName.get('F-18')!.halfLife;
    const run = (t: number) =>
      cyclotronRun(data, {
        target: f18,
        beamCurrentUA: 20,
        bombardmentSeconds: t,
        endOfBombardment: EOB,
      });
    const one = run(T);
    const two = run(1.5 * T);
    if (!one.ok || !two.ok) throw new Error('run refused');
    expect(one.value.saturationFactor).toBeCloseTo(0.5, 12);
    expect(two.value.saturationFactor).toBeCloseTo(1 - 2 ** -1.5, 12);
    expect(one.value.eobBq).toBeCloseTo(f18.saturationYieldBqPerUA.value * 20 * 0.5, 0);
    const r90 = run(90 * 60);
    expect(r90.ok && r90.value.saturationFactor).toBeCloseTo(
      1 - Math.exp(-lambda('F-18') * 5400),
      12,
    );
    // facts.md: about 60 GBq per 90-min run (Alagona et al. 1994) — the assumed yield agrees at 20 µA
    expect(r90.ok && r90.value.eobBq / 1e9).toBeGreaterThan(50);
    expect(r90.ok && r90.value.eobBq / 1e9).toBeLessThan(70);
  });

  it('decays through synthesis and keeps the radiochemical yield', () => {
    const r = cyclotronRun(data, {
      target: target('F-18 from O-18 water'),
      beamCurrentUA: 40,
      bombardmentSeconds: 3600,
      endOfBombardment: EOB,
      synthesisSeconds: 1800,
      radiochemicalYield: 0.6,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.productBq / r.value.eobBq).toBeCloseTo(
      0.6 * Math.exp(-lambda('F-18') * 1800),
      10,
    );
    const releases = cyclotronReleases([r.value], 'cyclotron A', '+08:00');
    expect(releases).toEqual({
      nuclide: 'F-18',
      kind: 'cyclotron',
      label: 'cyclotron A',
      releases: [{ at: '2026-11-23T14:30:00+08:00', activityBq: r.value.productBq }],
    });
  });

  it('grows I-123 from Xe-123 after bombardment', () => {
    const r = cyclotronRun(data, {
      target: target('I-123 from Xe-124'),
      beamCurrentUA: 20,
      bombardmentSeconds: 6 * 3600,
      endOfBombardment: EOB,
      synthesisSeconds: 6.6 * 3600,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.productAt(EOB)).toBe(0);
    // A_I = A_Xe · λI/(λI − λXe) · (e^(−λXe t) − e^(−λI t)) (Xe-123 2.08 h → I-123 13.2 h)
    const [lx, li, t] = [lambda('Xe-123'), lambda('I-123'), 6.6 * 3600];
    const expected = (li / (li - lx)) * (Math.exp(-lx * t) - Math.exp(-li * t)) * r.value.eobBq;
    expect(r.value.productBq / expected).toBeCloseTo(1, 9);
  });

  it('refuses a beam current or a bombardment beyond the target’s limits', () => {
    const f18 = target('F-18 from O-18 water');
    const high = cyclotronRun(data, {
      target: f18,
      beamCurrentUA: 80,
      bombardmentSeconds: 3600,
      endOfBombardment: EOB,
    });
    expect(!high.ok && high.error).toEqual({
      code: 'beam-current-limit',
      message: "F-18 from O-18 water: beam current 80 µA is above the target's limit of 60 µA",
    });
    const long = cyclotronRun(data, {
      target: f18,
      beamCurrentUA: 20,
      bombardmentSeconds: 5 * 3600,
      endOfBombardment: EOB,
    });
    expect(!long.ok && long.error.code).toBe('bombardment-time-limit');
  });
});
