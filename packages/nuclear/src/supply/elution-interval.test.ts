import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../builtin-dataset.js';
import { epochMillis } from '../units.js';
import { dailyYield, optimiseElutionInterval } from './elution-interval.js';
import { planElutions } from './elution-plan.js';
import { generatorReleases } from './supply-releases.js';
import { generatorModel } from './generator-model.js';
import { GENERATOR_TYPES, type GeneratorId } from './supply-data.js';

const data = builtinDataset();
const T0 = epochMillis(Date.UTC(2026, 8, 1));
const H = 3600;
const DAY = 86_400;
function model(id: GeneratorId) {
  const type = GENERATOR_TYPES.find((g) => g.id === id)!;
  const m = generatorModel(data, { type, parentBq: 1e9, calibratedAt: T0, efficiency: 0.8 });
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

describe('optimal elution interval', () => {
  it('with no cost per elution, eluting more often always yields more per day', () => {
    for (const id of ['Ra-224/Pb-212', 'Th-228/Pb-212', 'Ge-68/Ga-68'] as const) {
      const r = optimiseElutionInterval(model(id), T0);
      expect(r.optimum.intervalS).toBeLessThan(1.25 * H);
      const daily = r.table
        .filter((y) => [1, 6, 12, 24, 48].includes(y.intervalS / H))
        .map((y) => y.dailyBq);
      expect(daily).toHaveLength(5);
      for (let k = 1; k < daily.length; k++) expect(daily[k]).toBeLessThan(daily[k - 1]!);
    }
  });

  // Roberts et al.: about 16.5 h (Ra-224 generator) and 19.2 h (Th-228 generator), facts.md.
  // This model reproduces both only with a fixed cost of about 19 h per elution (docs/supply.md).
  it('with a 19 h cost per elution, the optima are near Roberts et al.’s 16.5 h and 19.2 h', () => {
    const options = { handlingSeconds: 19 * H, horizonSeconds: DAY, maxSeconds: 36 * H };
    const ra = optimiseElutionInterval(model('Ra-224/Pb-212'), T0, options).optimum.intervalS / H;
    const th = optimiseElutionInterval(model('Th-228/Pb-212'), T0, options).optimum.intervalS / H;
    expect(ra).toBeCloseTo(16.6, 0);
    expect(th).toBeCloseTo(19.1, 0);
    expect(Math.abs(ra - 16.5)).toBeLessThan(0.5);
    expect(Math.abs(th - 19.2)).toBeLessThan(0.5);
  });

  it('a Th-228 generator keeps its daily yield over a week; a Ra-224 generator loses it', () => {
    const week = { horizonSeconds: 7 * DAY };
    const day = { horizonSeconds: DAY };
    const th = model('Th-228/Pb-212');
    const ra = model('Ra-224/Pb-212');
    const ratio = (m: typeof th) =>
      dailyYield(m, T0, 12 * H, week).dailyBq / dailyYield(m, T0, 12 * H, day).dailyBq;
    expect(ratio(th)).toBeGreaterThan(0.95);
    expect(ratio(ra)).toBeLessThan(0.7);
  });
});

describe('planning a day of elutions', () => {
  it('meets each need with the earliest elution that covers it', () => {
    const m = model('Ge-68/Ga-68');
    const at = (h: number) => epochMillis(T0 + h * H * 1000);
    const plan = planElutions(
      m,
      [
        { by: at(9), activityBq: 0.5e9 },
        { by: at(12), activityBq: 0.4e9 },
        { by: at(15), activityBq: 0.6e9 },
      ],
      { from: at(8) },
    );
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.map((p) => p.met)).toEqual([true, true, true]);
    for (const p of plan.value) expect(p.atNeedBq).toBeGreaterThanOrEqual(p.need.activityBq);
    // at 08:00 the column holds 0.81 GBq at 80%, 0.44 GBq by 09:00: the first elution waits a little
    expect(plan.value[0]!.at).toBeGreaterThan(at(8));
    expect(plan.value[0]!.atNeedBq / 0.5e9).toBeLessThan(1.05);
    const tooMuch = planElutions(m, [{ by: at(9), activityBq: 5e9 }], { from: at(8) });
    expect(tooMuch.ok && tooMuch.value[0]!.met).toBe(false);
  });
});

describe('generator releases for the planner', () => {
  it('turns planned elutions into {at, activityBq}, each after the one before', () => {
    const m = model('Ge-68/Ga-68');
    const at = (h: number) => epochMillis(T0 + h * H * 1000);
    const supply = generatorReleases(m, 'Ga-68 generator 1', [at(8), at(8 + 68 / 60)], '+08:00');
    expect(supply.kind).toBe('generator');
    expect(supply.nuclide).toBe('Ga-68');
    expect(supply.releases.map((r) => r.at)).toEqual([
      '2026-09-01T16:00:00+08:00',
      '2026-09-01T17:08:00+08:00',
    ]);
    const [first, second] = supply.releases.map((r) => r.activityBq) as [number, number];
    const p = m.predictElution(at(8));
    expect(p.ok && first).toBeCloseTo(p.ok ? p.value.eluateBq : 0, 0);
    // 68 min after an 80% elution: ½ regrown plus the 20% left, decayed: 0.5 + 0.2·0.5 = 0.6 of 100%
    expect(second / (first / 0.8)).toBeCloseTo(0.8 * 0.6, 3);
  });
});
