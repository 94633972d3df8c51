import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../builtin-dataset.js';
import { epochMillis } from '../units.js';
import { generatorModel, type GeneratorState } from './generator-model.js';
import { GENERATOR_TYPES, type GeneratorId } from './supply-data.js';

const data = builtinDataset();
const type = (id: GeneratorId) => GENERATOR_TYPES.find((g) => g.id === id)!;
const T0 = epochMillis(Date.UTC(2026, 8, 1, 0, 0));
const H = 3_600_000;
const MIN = 60_000;
const lambda = (name: string) => data.byName.get(name)!.lambda;

function model(state: Partial<GeneratorState> & { type: GeneratorState['type'] }) {
  const m = generatorModel(data, { parentBq: 1.85e9, calibratedAt: T0, ...state });
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}
function predict(m: ReturnType<typeof model>, t: number) {
  const p = m.predictElution(epochMillis(t));
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

describe('Ge-68/Ga-68 generator', () => {
  const ge = type('Ge-68/Ga-68');
  it('after full ingrowth yields parent activity × efficiency × λd/(λd − λp)', () => {
    const m = model({ type: ge, efficiency: 0.7 });
    const at = T0 + 24 * H;
    const p = predict(m, at);
    const [lp, ld] = [lambda('Ge-68'), lambda('Ga-68')];
    const expected = p.parentBq * 0.7 * (ld / (ld - lp));
    expect(p.eluateBq / expected - 1).toBeLessThan(1e-9);
    expect(Math.abs(p.eluateBq / expected - 1)).toBeLessThan(1e-9);
    // the transient-equilibrium factor is what separates it from parent × efficiency
    expect(p.eluateBq / (p.parentBq * 0.7)).toBeCloseTo(ld / (ld - lp), 12);
    expect(p.parentBq).toBeCloseTo(1.85e9 * Math.exp(-lp * 86_400), 0);
  });

  it('grows back to half its equilibrium 68 min after a complete elution', () => {
    const m = model({ type: ge, efficiency: 1, elutions: [{ at: epochMillis(T0 + 24 * H) }] });
    const half = predict(m, T0 + 24 * H + 67.84 * MIN); // Ga-68 half-life 67.84 min
    const full = predict(model({ type: ge, efficiency: 1 }), T0 + 24 * H + 67.84 * MIN);
    const [lp, ld] = [lambda('Ge-68'), lambda('Ga-68')];
    // exact: (1 − e^{−(λd−λp)t}) of the transient equilibrium; differs from ½ by the parent's decay
    const t = 67.84 * 60;
    expect(half.columnBq / full.columnBq).toBeCloseTo(1 - Math.exp(-(ld - lp) * t), 12);
    expect(Math.abs(half.columnBq / full.columnBq - 0.5)).toBeLessThan(1e-4);
  });

  it('re-estimates its efficiency from measured elutions, latest first', () => {
    const first = epochMillis(T0 + 24 * H);
    const second = epochMillis(T0 + 48 * H);
    const full = predict(model({ type: ge, efficiency: 1 }), first).columnBq;
    const m = model({ type: ge, elutions: [{ at: first, measuredBq: 0.6 * full }] });
    expect(m.efficiencyAt(epochMillis(first + H)).value).toBeCloseTo(0.6, 12);
    const at100 = m.predictElution(second);
    expect(at100.ok && at100.value.efficiency.basis).toBe('records');
    const col = m.columnAt(second);
    const m2 = model({
      type: ge,
      elutions: [
        { at: first, measuredBq: 0.6 * full },
        { at: second, measuredBq: 0.5 * col[m.daughterIndex]! * lambda('Ga-68') },
      ],
    });
    // weights 1 (latest) and ½: (0.5 + 0.3) / 1.5
    expect(m2.efficiencyAt(epochMillis(second + H)).value).toBeCloseTo(0.8 / 1.5, 9);
  });

  it('without records uses the nominal efficiency, lower with age', () => {
    const m = model({ type: ge });
    const young = predict(m, T0 + H).efficiency;
    const old = predict(m, T0 + 180 * 24 * H).efficiency;
    expect(young.basis).toBe('nominal');
    expect(young.value).toBeCloseTo(0.7, 3);
    expect(old.value).toBeLessThan(young.value);
  });

  it('predicts Ge-68 breakthrough against the Ph. Eur. limit, from a measurement when there is one', () => {
    const m = model({ type: ge, efficiency: 0.7 });
    const p = predict(m, T0 + 24 * H);
    expect(p.breakthroughBq).toBeCloseTo(p.parentBq * 5e-6, 3);
    expect(p.breakthroughLimit).toBe(1e-5);
    expect(p.breakthroughOk).toBe(true);
    const at = epochMillis(T0 + 24 * H);
    const bad = model({ type: ge, efficiency: 0.7, elutions: [{ at, breakthroughBq: 1e5 }] });
    const q = predict(bad, T0 + 48 * H);
    expect(q.breakthroughOk).toBe(false);
  });

  it('refuses elutions out of order and times before calibration', () => {
    const r = generatorModel(data, {
      type: ge,
      parentBq: 1e9,
      calibratedAt: T0,
      elutions: [{ at: epochMillis(T0 + 2 * H) }, { at: epochMillis(T0 + H) }],
    });
    expect(!r.ok && r.error.message).toBe('elutions[1]: before the previous elution');
    expect(model({ type: ge }).predictElution(epochMillis(T0 - H)).ok).toBe(false);
  });
});

describe('Th-228 → Ra-224 → Pb-212 benchtop generator', () => {
  it('Pb-212 grows back to transient equilibrium over days, as the chain predicts', () => {
    const th = type('Th-228/Pb-212');
    const m = model({ type: th, efficiency: 1, elutions: [{ at: epochMillis(T0) }] });
    const never = model({ type: th, efficiency: 1 });
    const ratio = (h: number) =>
      predict(m, T0 + h * H).columnBq / predict(never, T0 + h * H).columnBq;
    // Ra-224 stays on the column, so Pb-212 regrows with its own half-life (10.6 h)
    expect(ratio(10.627)).toBeCloseTo(0.5, 2);
    expect(ratio(24)).toBeGreaterThan(0.78);
    expect(ratio(72)).toBeGreaterThan(0.99);
    expect(ratio(72)).toBeLessThan(1);
    // Pb-212 with Th-228 at equilibrium: ≈ the Th-228 activity (λ's of the chain: ratio ≈ 1.005)
    const p = predict(model({ type: th, efficiency: 1 }), T0);
    expect(p.columnBq / p.parentBq).toBeGreaterThan(1);
    expect(p.columnBq / p.parentBq).toBeLessThan(1.01);
  });

  it('a Ra-224 generator has no equilibrium to return to: its parent decays away', () => {
    const ra = type('Ra-224/Pb-212');
    const m = model({ type: ra, efficiency: 1, elutions: [{ at: epochMillis(T0) }] });
    const day3 = predict(m, T0 + 72 * H);
    expect(day3.parentBq).toBeCloseTo(1.85e9 * Math.exp(-lambda('Ra-224') * 72 * 3600), -3);
    const [lp, ld] = [lambda('Ra-224'), lambda('Pb-212')];
    expect(day3.columnBq / day3.parentBq).toBeCloseTo(
      (ld / (ld - lp)) * (1 - Math.exp(-(ld - lp) * 72 * 3600)),
      3, // Rn-220 and Po-216 (56 s) sit between them
    );
  });
});
