import { builtinDataset } from '@halflife/nuclear';
import { describe, expect, it } from 'vitest';
import { decayedActivity } from '../batch/dispensing.js';
import { estimateDoseRates } from '../distribution/dose-rate.js';
import { mixtureAt, type NuclideBq } from '../distribution/package-chain.js';
import {
  classifyPackage,
  includedDaughters,
  labelCategory,
  PROGENY_PARENTS,
  transportIndex,
  transportValues,
  vehicleTiRefusal,
} from './transport-classification.js';

const GBq = 1e9;
const MBq = 1e6;
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** 15 Jan 2026, 07:00 UTC: the dispatch time of the worked examples. */
const DISPATCH = Date.UTC(2026, 0, 15, 7, 0);

/**
 * Half-lives of the decay engine (seconds), which the hand arithmetic below uses:
 * F-18 6584.04 s (109.734 min), Pb-212 38257.2 s (10.627 h), Bi-212 3633 s (60.55 min),
 * Tl-208 183.18 s, Po-212 2.944e-7 s, Ac-225 857001.6 s (9.919 d).
 */
const T = {
  F18: 6584.04,
  Pb212: 38257.2,
  Bi212: 3633,
  Tl208: 183.18,
  Po212: 2.944e-7,
  Ac225: 857001.6,
};

const activityOf = (mix: readonly NuclideBq[], nuclide: string): number =>
  mix.find((m) => m.nuclide === nuclide)?.activityBq ?? 0;

/** Σ A/A2 with every member counted on its own: what the progeny rule forbids. */
const separateFraction = (mix: readonly NuclideBq[]): number =>
  mix.reduce((s, m) => s + m.activityBq / (transportValues(m.nuclide).a2Bq ?? Infinity), 0);

describe('transport values (SSR-6 Table 2)', () => {
  it('reads the derived table, with the default for an unlisted nuclide', () => {
    expect(transportValues('Lu-177')).toMatchObject({ a1Bq: 30e12, a2Bq: 0.7e12, listed: true });
    expect(transportValues('Ac-225')).toMatchObject({ a2Bq: 6e9, listed: true });
    expect(transportValues('Zr-89')).toMatchObject({ a2Bq: 0.02e12, listed: false });
  });

  it('the values the worked examples use: F-18 0.6, Pb-212 0.2, Bi-212 0.6, Tc-99m 4 TBq', () => {
    expect(transportValues('F-18')).toMatchObject({ a1Bq: 1e12, a2Bq: 0.6e12, listed: true });
    expect(transportValues('Pb-212')).toMatchObject({ a1Bq: 0.7e12, a2Bq: 0.2e12, listed: true });
    expect(transportValues('Bi-212')).toMatchObject({ a1Bq: 0.7e12, a2Bq: 0.6e12, listed: true });
    expect(transportValues('Tc-99m')).toMatchObject({ a1Bq: 10e12, a2Bq: 4e12, listed: true });
  });

  it('an unlisted alpha-only nuclide (Po-212) takes the alpha default: A1 0.2 TBq, A2 9e-5 TBq = 90 MBq', () => {
    expect(transportValues('Po-212')).toEqual({
      nuclide: 'Po-212',
      a1Bq: 0.2e12,
      a2Bq: 90 * MBq,
      exemptBqPerG: 0.1,
      exemptConsignmentBq: 1e3,
      listed: false,
    });
  });

  it('an unlisted alpha emitter with beta branches too (Bi-213 2.1% α, Tb-149 16.7% α) takes A2 9e-5 TBq with A1 0.1 TBq', () => {
    for (const n of ['Bi-213', 'Tb-149', 'Fr-221']) {
      expect(transportValues(n)).toMatchObject({ a1Bq: 0.1e12, a2Bq: 90 * MBq, listed: false });
    }
    // Ra-221: alpha and a 1e-12 carbon-14 cluster branch, no beta: A1 0.2 TBq.
    expect(transportValues('Ra-221')).toMatchObject({ a1Bq: 0.2e12, a2Bq: 90 * MBq });
  });

  it('a nuclide without decay data takes the no-data default: A1 1e-3 TBq, A2 9e-5 TBq', () => {
    expect(transportValues('Xx-1')).toEqual({
      nuclide: 'Xx-1',
      a1Bq: 1e9,
      a2Bq: 90 * MBq,
      exemptBqPerG: 0.1,
      exemptConsignmentBq: 1e3,
      listed: false,
    });
  });

  it('a 1 GBq Bi-213 dose (unlisted, not an (a) parent) is Type B: 1e9 / 9e7 = 11.1 A2', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'Bi-213', activityBq: 1 * GBq }],
      form: 'liquid',
    });
    expect(c.a2Fraction).toBeCloseTo(11.1111, 4);
    expect(c.category).toBe('type-b');
    expect(c.unlisted).toEqual(['Bi-213']);
  });

  it('an unlisted beta emitter (Tl-208, Lu-177m) takes the beta/gamma default: A2 0.02 TBq', () => {
    expect(transportValues('Tl-208')).toMatchObject({ a1Bq: 0.1e12, a2Bq: 0.02e12, listed: false });
    expect(transportValues('Lu-177m')).toMatchObject({ a2Bq: 0.02e12, listed: false });
  });

  it('the engine half-lives the hand arithmetic uses', () => {
    const hl = (n: string) => builtinDataset().byName.get(n)?.halfLife;
    expect(hl('F-18')).toBe(T.F18);
    expect(hl('Pb-212')).toBe(T.Pb212);
    expect(hl('Bi-212')).toBe(T.Bi212);
    expect(hl('Tl-208')).toBe(T.Tl208);
    expect(hl('Po-212')).toBe(T.Po212);
    expect(hl('Ac-225')).toBe(T.Ac225);
  });
});

describe('the SSR-6 progeny rule (Table 2, footnote (a))', () => {
  it('lists the (a) parents of the transport README', () => {
    expect(PROGENY_PARENTS).toEqual(
      expect.arrayContaining(['Ge-68', 'Mo-99', 'Pb-212', 'Bi-212', 'Ra-224', 'Th-228', 'Ac-225']),
    );
    expect(PROGENY_PARENTS).not.toContain('Lu-177');
  });

  it('Pb-212 includes Bi-212, Po-212 and Tl-208; Bi-212 includes Po-212 and Tl-208', () => {
    expect(includedDaughters('Pb-212')).toEqual(['Bi-212', 'Po-212', 'Tl-208']);
    expect(includedDaughters('Bi-212')).toEqual(['Po-212', 'Tl-208']);
  });

  it('Ac-225 includes its short-lived chain but not Bi-209 (t½ 2e19 y, above 10 days)', () => {
    const d = includedDaughters('Ac-225');
    expect(d).toEqual(
      expect.arrayContaining(['Fr-221', 'At-217', 'Bi-213', 'Po-213', 'Tl-209', 'Pb-209']),
    );
    expect(d).not.toContain('Bi-209');
    expect(d).not.toContain('Ac-225');
  });

  it('Mo-99 includes Tc-99m (6.0 h) but not Tc-99 (2.1e5 y)', () => {
    expect(includedDaughters('Mo-99')).toContain('Tc-99m');
    expect(includedDaughters('Mo-99')).not.toContain('Tc-99');
  });

  it('a nuclide that is not an (a) parent includes nothing (Lu-177, Lu-177m, F-18)', () => {
    expect(includedDaughters('Lu-177')).toEqual([]);
    expect(includedDaughters('Lu-177m')).toEqual([]);
    expect(includedDaughters('F-18')).toEqual([]);
  });

  it('Pb-212 with its grown-in Bi-212 counts at Pb-212 values only: 100 MBq / 0.2 TBq = 5e-4 A2', () => {
    const c = classifyPackage({
      contents: [
        { nuclide: 'Pb-212', activityBq: 100 * MBq },
        { nuclide: 'Bi-212', activityBq: 90 * MBq },
      ],
      form: 'liquid',
    });
    // Not 100e6/2e11 + 90e6/6e11 = 5e-4 + 1.5e-4 = 6.5e-4: Bi-212 is in Pb-212's A2.
    expect(c.a2Fraction).toBeCloseTo(5e-4, 15);
    expect(c.reasons[0]).toBe("Bi-212 counted in Pb-212's values (SSR-6 Table 2, footnote (a))");
    expect(c.unlisted).toEqual([]);
  });

  it('a daughter without its parent in the package is counted on its own: Bi-212 90 MBq / 0.6 TBq = 1.5e-4 A2', () => {
    const c = classifyPackage({
      contents: [
        { nuclide: 'Pb-212', activityBq: 0 },
        { nuclide: 'Bi-212', activityBq: 90 * MBq },
      ],
      form: 'liquid',
    });
    expect(c.a2Fraction).toBeCloseTo(1.5e-4, 15);
    expect(c.category).toBe('type-a');
  });

  it('a true mixture sums its fractions: Lu-177 7.4 GBq + Lu-177m 1.48 MBq (0.02%)', () => {
    // 7.4e9 / 7e11 = 0.0105714; 1.48e6 / 2e10 (unlisted beta default) = 7.4e-5; Σ = 0.0106454.
    const c = classifyPackage({
      contents: [
        { nuclide: 'Lu-177', activityBq: 7.4 * GBq },
        { nuclide: 'Lu-177m', activityBq: 1.48 * MBq },
      ],
      form: 'liquid',
    });
    expect(c.a2Fraction).toBeCloseTo(0.0106454286, 9);
    expect(c.unlisted).toEqual(['Lu-177m']);
    expect(c.category).toBe('type-a');
  });
});

describe('package classification, worked examples (figures derived by hand)', () => {
  it('a 7.4 GBq Lu-177 therapy dose (liquid) is Type A: 7.4e9 / 7e11 = 0.0106 A2', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'Lu-177', activityBq: 7.4 * GBq }],
      form: 'liquid',
    });
    expect(c.category).toBe('type-a');
    expect(c.a2Fraction).toBeCloseTo(0.010571, 5);
    expect(c.unNumber).toBe('UN 2915');
  });

  it('a 10 MBq Ac-225 dose is Type A: 1e7 / 6e9 = 1.67e-3 A2, above the 1e-4 A2 excepted limit', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'Ac-225', activityBq: 10 * MBq }],
      form: 'liquid',
    });
    expect(c.category).toBe('type-a');
    expect(c.a2Fraction).toBeCloseTo(1.6667e-3, 6);
  });

  it('a small Tc-99m vial is excepted when its surface reads ≤ 5 µSv/h: 300 MBq / 4 TBq = 7.5e-5 A2', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'Tc-99m', activityBq: 300 * MBq }],
      form: 'liquid',
      surfaceMSvPerH: 0.004,
    });
    expect(c.category).toBe('excepted');
    expect(c.unNumber).toBe('UN 2910');
    expect(c.label).toBeNull();
    const hot = classifyPackage({
      contents: [{ nuclide: 'Tc-99m', activityBq: 300 * MBq }],
      form: 'liquid',
      surfaceMSvPerH: 0.02,
      oneMetreMSvPerH: 0.0004,
    });
    expect(hot.category).toBe('type-a');
    expect(hot.label).toBe('II-YELLOW');
  });
});

describe('(a) F-18 FDG: six 370 MBq doses calibrated for 08:00, one Type A case dispatched at 07:00', () => {
  // Each dose at 07:00: 370 × 2^(60 / 109.734) = 370 × 2^0.546777 = 370 × 1.460818 = 540.50 MBq.
  // Six doses: 2220 × 1.460818 = 3243.02 MBq.
  const calibration = DISPATCH + HOUR;
  const perDose = decayedActivity('F-18', 370 * MBq, calibration, DISPATCH);
  const contents = [{ nuclide: 'F-18', activityBq: 6 * perDose }];
  // 30 mm lead per pot, HVL 4.95 mm: 2^(−30/4.95) = 2^−6.060606 = 0.0149822.
  // At 1 m: 0.1351 µSv·m²/(MBq·h) × 3243.02 MBq × 0.0149822 = 6.5642 µSv/h = 0.0065642 mSv/h.
  // At the case surface (0.09 m from the centre): 0.0065642 / 0.09² = 0.0065642 / 0.0081 = 0.81039 mSv/h.
  const estimate = estimateDoseRates(contents, 'type-a-case', 30);

  it('holds 3243.02 MBq at dispatch: 6 × 370 × 2^(60/109.734)', () => {
    expect(perDose / MBq).toBeCloseTo(540.503, 3);
    expect((6 * perDose) / MBq).toBeCloseTo(3243.017, 3);
  });

  it('is 5.405e-3 A2: 3.24302e9 / 6e11, above 1e-4 A2 (liquid, excepted) → Type A, UN 2915', () => {
    const c = classifyPackage({ contents, form: 'liquid' });
    expect(c.a2Fraction).toBeCloseTo(5.40503e-3, 8);
    expect(c.category).toBe('type-a');
    expect(c.unNumber).toBe('UN 2915');
  });

  it('estimates 0.0065642 mSv/h at 1 m and 0.81039 mSv/h at the surface behind 30 mm lead', () => {
    expect(estimate.oneMetreMSvPerH).toBeCloseTo(0.0065642, 7);
    expect(estimate.surfaceMSvPerH).toBeCloseTo(0.81039, 5);
    expect(estimate.noConstant).toEqual([]);
    expect(estimate.basis).toBe('estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m, 30 mm lead');
  });

  it('TI = ⌈0.65642⌉ to a tenth = 0.7; the surface 0.81 mSv/h > 0.5 makes it III-YELLOW (not II)', () => {
    const c = classifyPackage({
      contents,
      form: 'liquid',
      oneMetreMSvPerH: estimate.oneMetreMSvPerH ?? undefined,
      surfaceMSvPerH: estimate.surfaceMSvPerH ?? undefined,
    });
    expect(c.transportIndex).toBe(0.7);
    expect(c.label).toBe('III-YELLOW');
    expect(c.exclusiveUse).toBe(false);
  });

  it('with 40 mm lead: 2^(−40/4.95) = 0.0036935 → 1.6182 µSv/h at 1 m (TI 0.2), 0.19978 mSv/h surface: II-YELLOW', () => {
    const e = estimateDoseRates(contents, 'type-a-case', 40);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.0016182, 7);
    expect(e.surfaceMSvPerH).toBeCloseTo(0.19978, 5);
    const c = classifyPackage({
      contents,
      form: 'liquid',
      oneMetreMSvPerH: e.oneMetreMSvPerH ?? undefined,
      surfaceMSvPerH: e.surfaceMSvPerH ?? undefined,
    });
    expect(c.transportIndex).toBe(0.2);
    expect(c.label).toBe('II-YELLOW');
  });
});

describe('(b) Pb-212: a 200 MBq dose, freshly purified (no Bi-212 at dispatch), on a 4 h trip', () => {
  const start = [{ nuclide: 'Pb-212', activityBq: 200 * MBq }];
  const arrival = mixtureAt(start, DISPATCH, DISPATCH + 4 * HOUR);
  // λPb = ln2/38257.2 = 1.811808e-5 /s; λBi = ln2/3633 = 1.907920e-4 /s; t = 14400 s.
  // e^(−λPb·t) = e^(−0.260900) = 0.7703576; e^(−λBi·t) = e^(−2.747404) = 0.0640940.
  // λBi/(λBi − λPb) = 1.104927.
  const lPb = Math.LN2 / T.Pb212;
  const lBi = Math.LN2 / T.Bi212;
  const lTl = Math.LN2 / T.Tl208;
  const t = 4 * 3600;

  it('arrives with Pb-212 154.072 MBq = 200 × 0.7703576', () => {
    expect(activityOf(arrival, 'Pb-212') / MBq).toBeCloseTo(154.0715, 3);
    expect(activityOf(arrival, 'Pb-212') / MBq).toBeCloseTo(200 * Math.exp(-lPb * t), 6);
  });

  it('Bi-212 grows to 156.074 MBq = 200 × 1.104927 × (0.7703576 − 0.0640940)', () => {
    const bateman = 200 * (lBi / (lBi - lPb)) * (Math.exp(-lPb * t) - Math.exp(-lBi * t));
    expect(bateman).toBeCloseTo(156.0739, 3);
    expect(activityOf(arrival, 'Bi-212') / MBq).toBeCloseTo(bateman, 4);
  });

  it('Po-212 (64.046% of Bi-212, t½ 0.3 µs: in equilibrium) = 0.64046 × 156.074 = 99.959 MBq', () => {
    expect(activityOf(arrival, 'Po-212') / MBq).toBeCloseTo(0.64046 * 156.0739, 3);
    expect(activityOf(arrival, 'Po-212') / MBq).toBeCloseTo(99.959, 3);
  });

  it('Tl-208 (35.94% of Bi-212) = 56.117 MBq by the three-member Bateman sum (≈ 0.3594 × 156.07 = 56.09)', () => {
    const l = [lPb, lBi, lTl] as const;
    const term = (i: 0 | 1 | 2) =>
      Math.exp(-l[i] * t) / l.filter((_, j) => j !== i).reduce((p, lj) => p * (lj - l[i]), 1);
    const bateman = 0.3594 * 200 * lBi * lTl * (term(0) + term(1) + term(2));
    expect(bateman).toBeCloseTo(56.117, 3);
    expect(activityOf(arrival, 'Tl-208') / MBq).toBeCloseTo(bateman, 4);
  });

  it('under the progeny rule it is Type A at dispatch (1e-3 A2) and on arrival (154.07e6 / 2e11 = 7.704e-4 A2)', () => {
    const atDispatch = classifyPackage({ contents: start, form: 'liquid' });
    expect(atDispatch.a2Fraction).toBeCloseTo(1e-3, 12);
    expect(atDispatch.category).toBe('type-a');
    const atArrival = classifyPackage({ contents: arrival, form: 'liquid' });
    expect(atArrival.a2Fraction).toBeCloseTo(7.703576e-4, 9);
    expect(atArrival.category).toBe('type-a');
    expect(atArrival.unlisted).toEqual([]);
    expect(atArrival.reasons[0]).toBe(
      "Bi-212, Po-212, Tl-208 counted in Pb-212's values (SSR-6 Table 2, footnote (a))",
    );
  });

  it('counted separately the daughters would make it Type B on arrival: Σ = 1.1145 A2', () => {
    // Pb-212 154.072e6/2e11 = 7.704e-4; Bi-212 156.074e6/6e11 = 2.601e-4;
    // Po-212 99.959e6/9e7 (unlisted alpha default) = 1.11066; Tl-208 56.117e6/2e10 = 2.806e-3.
    expect(separateFraction(start)).toBeCloseTo(1e-3, 12);
    expect(separateFraction(arrival)).toBeCloseTo(1.11449, 4);
    expect(activityOf(arrival, 'Po-212') / transportValues('Po-212').a2Bq!).toBeCloseTo(1.11066, 4);
  });

  it('counted separately the package would cross 1 A2 about 2 h 05 min into the trip', () => {
    const at = (minutes: number) =>
      separateFraction(mixtureAt(start, DISPATCH, DISPATCH + minutes * MINUTE));
    expect(at(124)).toBeLessThan(1);
    expect(at(125)).toBeGreaterThan(1);
    // Under the rule: 200 × 2^(−125/637.62) = 174.588 MBq → 174.588e6 / 2e11 = 8.7294e-4 A2: Type A.
    const rule = classifyPackage({
      contents: mixtureAt(start, DISPATCH, DISPATCH + 125 * MINUTE),
      form: 'liquid',
    });
    expect(rule.category).toBe('type-a');
    expect(rule.a2Fraction).toBeCloseTo(8.7294e-4, 8);
  });

  it('has no sourced dose-rate constant for the Pb-212 chain: the package must be measured', () => {
    const e = estimateDoseRates(arrival, 'type-a-case', 10);
    expect(e.oneMetreMSvPerH).toBeNull();
    expect(e.surfaceMSvPerH).toBeNull();
    expect(e.noConstant).toEqual(['Pb-212', 'Bi-212', 'Po-212', 'Tl-208']);
  });
});

describe('(c) Ac-225: 10 MBq, pure at preparation, dispatched one day later with its daughters grown in', () => {
  // 86400 / 857001.6 = 0.1008166 half-lives: 10 × 2^−0.1008166 = 9.32505 MBq Ac-225.
  const contents = mixtureAt(
    [{ nuclide: 'Ac-225', activityBq: 10 * MBq }],
    DISPATCH - 24 * HOUR,
    DISPATCH,
  );

  it('holds Ac-225 9.32505 MBq with Fr-221, At-217 and Bi-213 at about the same activity', () => {
    expect(activityOf(contents, 'Ac-225') / MBq).toBeCloseTo(9.32505, 5);
    for (const d of ['Fr-221', 'At-217', 'Bi-213']) {
      expect(activityOf(contents, d) / activityOf(contents, 'Ac-225')).toBeCloseTo(1, 2);
    }
  });

  it('is Type A at Ac-225 values only: 9.32505e6 / 6e9 = 1.55418e-3 A2; nothing reported unlisted', () => {
    const c = classifyPackage({ contents, form: 'liquid' });
    expect(c.a2Fraction).toBeCloseTo(1.554175e-3, 9);
    expect(c.category).toBe('type-a');
    // The 7e-16 Bq of Bi-209 (t½ 2e19 y) the engine grows in is negligible, not "unlisted".
    expect(c.unlisted).toEqual([]);
  });

  it('counted separately it would be 0.4151 A2, 267 × more (four alpha emitters at 90 MBq each), still Type A', () => {
    // Fr-221 9.3282/90 = 0.10365; At-217 9.3277/90 = 0.10364; Bi-213 9.3569/90 = 0.10397;
    // Po-213 (0.9791 × Bi-213 + Rn-217's feed) 9.1625/90 = 0.10181; Pb-209 9.4076/2e4 = 4.70e-4;
    // Ac-225 1.554e-3; the rest < 2e-5. Σ = 0.41511.
    expect(activityOf(contents, 'Po-213') / transportValues('Po-213').a2Bq!).toBeCloseTo(
      0.10181,
      4,
    );
    expect(separateFraction(contents)).toBeCloseTo(0.41511, 4);
  });

  it('has no sourced dose-rate constant: measure the package', () => {
    const e = estimateDoseRates(contents, 'type-a-case', 5);
    expect(e.oneMetreMSvPerH).toBeNull();
    expect(e.noConstant).toContain('Ac-225');
  });
});

describe('(d) Lu-177: a 7.4 GBq therapy dose in 3 mm lead', () => {
  // 2^(−3/0.54) = 2^−5.5556 = 0.0212623. At 1 m: 0.004865 × 7400 × 0.0212623 = 0.76547 µSv/h.
  // Surface: 0.00076547 / 0.0081 = 0.094502 mSv/h.
  const contents = [{ nuclide: 'Lu-177', activityBq: 7.4 * GBq }];
  const e = estimateDoseRates(contents, 'type-a-case', 3);

  it('estimates 0.00076547 mSv/h at 1 m and 0.094502 mSv/h at the surface', () => {
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.00076547, 8);
    expect(e.surfaceMSvPerH).toBeCloseTo(0.094502, 6);
  });

  it('is Type A (0.010571 A2), TI ⌈0.0765⌉ = 0.1, II-YELLOW', () => {
    const c = classifyPackage({
      contents,
      form: 'liquid',
      oneMetreMSvPerH: e.oneMetreMSvPerH ?? undefined,
      surfaceMSvPerH: e.surfaceMSvPerH ?? undefined,
    });
    expect(c.a2Fraction).toBeCloseTo(0.0105714, 7);
    expect(c.category).toBe('type-a');
    expect(c.transportIndex).toBe(0.1);
    expect(c.label).toBe('II-YELLOW');
  });
});

describe('(e) Tc-99m: a 300 MBq vial, 7.5e-5 A2 (limit for liquid 1e-4 A2 = 400 MBq)', () => {
  const contents = [{ nuclide: 'Tc-99m', activityBq: 300 * MBq }];

  it('in 3 mm lead: 0.0141 × 300 × 2^−10 = 0.0041309 µSv/h at 1 m, 0.00051 mSv/h surface → excepted, UN 2910', () => {
    const e = estimateDoseRates(contents, 'excepted-box', 3);
    expect(e.oneMetreMSvPerH).toBeCloseTo(4.1309e-6, 10);
    expect(e.surfaceMSvPerH).toBeCloseTo(5.0998e-4, 8);
    const c = classifyPackage({
      contents,
      form: 'liquid',
      surfaceMSvPerH: e.surfaceMSvPerH ?? undefined,
      oneMetreMSvPerH: e.oneMetreMSvPerH ?? undefined,
    });
    expect(c.a2Fraction).toBeCloseTo(7.5e-5, 12);
    expect(c.category).toBe('excepted');
    expect(c.unNumber).toBe('UN 2910');
    expect(c.label).toBeNull();
  });

  it('unshielded: 0.0141 × 300 = 4.23 µSv/h at 1 m (TI 0.5), 0.52222 mSv/h surface → Type A, III-YELLOW', () => {
    const e = estimateDoseRates(contents, 'excepted-box', 0);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.00423, 9);
    expect(e.surfaceMSvPerH).toBeCloseTo(0.522222, 6);
    const c = classifyPackage({
      contents,
      form: 'liquid',
      surfaceMSvPerH: e.surfaceMSvPerH ?? undefined,
      oneMetreMSvPerH: e.oneMetreMSvPerH ?? undefined,
    });
    expect(c.category).toBe('type-a');
    expect(c.transportIndex).toBe(0.5);
    expect(c.label).toBe('III-YELLOW');
  });

  it('400 MBq is exactly 1e-4 A2 (still excepted); 401 MBq is Type A', () => {
    const at = (mbq: number) =>
      classifyPackage({ contents: [{ nuclide: 'Tc-99m', activityBq: mbq * MBq }], form: 'liquid' });
    expect(at(400).category).toBe('excepted');
    expect(at(401).category).toBe('type-a');
  });

  it('the same 300 MBq as a solid is well within 1e-3 A2; a gas likewise', () => {
    expect(classifyPackage({ contents, form: 'solid' }).category).toBe('excepted');
    expect(classifyPackage({ contents, form: 'gas' }).category).toBe('excepted');
  });
});

describe('Type B and refusals', () => {
  it('above A2 is Type B, UN 2916: F-18 700 GBq / 600 GBq = 1.1667 A2', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'F-18', activityBq: 700 * GBq }],
      form: 'liquid',
    });
    expect(c.category).toBe('type-b');
    expect(c.a2Fraction).toBeCloseTo(1.166667, 6);
    expect(c.unNumber).toBe('UN 2916');
  });

  it('a surface above 10 mSv/h leaves the package without a label and says why', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'F-18', activityBq: 10 * GBq }],
      form: 'liquid',
      surfaceMSvPerH: 12,
      oneMetreMSvPerH: 0.2,
    });
    expect(c.label).toBeNull();
    expect(c.reasons).toContain('not transportable: surface 12 mSv/h is above 10 mSv/h');
  });

  it('TI above 10 needs exclusive use: 0.15 mSv/h at 1 m → TI 15', () => {
    const c = classifyPackage({
      contents: [{ nuclide: 'F-18', activityBq: 100 * GBq }],
      form: 'liquid',
      surfaceMSvPerH: 1.5,
      oneMetreMSvPerH: 0.15,
    });
    expect(c.transportIndex).toBe(15);
    expect(c.label).toBe('III-YELLOW');
    expect(c.exclusiveUse).toBe(true);
  });
});

describe('transport index and labels', () => {
  it('rounds the TI up to the next tenth; ≤ 0.05 is 0', () => {
    expect(transportIndex(0.0004)).toBe(0);
    expect(transportIndex(0.0011)).toBe(0.2);
    expect(transportIndex(0.012)).toBe(1.2);
    expect(transportIndex(0.01)).toBe(1);
  });

  it('takes the higher category of TI and surface dose rate', () => {
    expect(labelCategory(0, 0.004)).toEqual({ label: 'I-WHITE', exclusiveUse: false });
    expect(labelCategory(0, 0.1)).toEqual({ label: 'II-YELLOW', exclusiveUse: false });
    expect(labelCategory(1.2, 0.1)).toEqual({ label: 'III-YELLOW', exclusiveUse: false });
    expect(labelCategory(12, 1)).toEqual({ label: 'III-YELLOW', exclusiveUse: true });
    expect(labelCategory(1, 11)).toHaveProperty('refused');
  });

  it('refuses a vehicle whose transport indexes add up to more than 50', () => {
    expect(vehicleTiRefusal([10, 10, 10, 10, 10])).toBeUndefined();
    expect(vehicleTiRefusal([10, 10, 10, 10, 10.1])).toBe(
      'the transport indexes add up to 50.1, above 50',
    );
  });
});
