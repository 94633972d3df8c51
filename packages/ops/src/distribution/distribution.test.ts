import { describe, expect, it } from 'vitest';
import { checkAdministration, type AdministrationInput } from './administration.js';
import { delayImpact, type DelayInput } from './delay.js';
import { estimateDoseRates, NEGLIGIBLE_SHARE, PACKAGING_CODES } from './dose-rate.js';
import { mixtureAt, sumMixtures, totalBq, type NuclideBq } from './package-chain.js';
import { checkReceipt, RECEIPT_TOLERANCE_PCT } from './receipt.js';

/**
 * Figures derived by hand with the decay engine's half-lives: F-18 6584.04 s (109.734 min),
 * Ga-68 4070.52 s (67.842 min), Lu-177 574067.52 s (6.6443 d), Lu-177m 13858560 s (160.4 d),
 * Pb-212 38257.2 s, Bi-212 3633 s.
 */
const MBq = 1e6;
const GBq = 1e9;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 15, 7, 0);

const activityOf = (mix: readonly NuclideBq[], nuclide: string): number =>
  mix.find((m) => m.nuclide === nuclide)?.activityBq ?? 0;

describe('mixtureAt: a mixture decayed with its daughters', () => {
  it('F-18 1000 MBq after 2 h: 1000 × 2^(−7200/6584.04) = 1000 × 2^−1.093554 = 468.606 MBq, no daughters (O-18 stable)', () => {
    const m = mixtureAt([{ nuclide: 'F-18', activityBq: 1000 * MBq }], T0, T0 + 2 * HOUR);
    expect(m.map((c) => c.nuclide)).toEqual(['F-18']);
    expect(m[0]!.activityBq / MBq).toBeCloseTo(468.6057, 3);
  });

  it('at the same time it returns the mixture unchanged', () => {
    const m = mixtureAt([{ nuclide: 'F-18', activityBq: 1000 * MBq }], T0, T0);
    expect(m.map((c) => c.nuclide)).toEqual(['F-18']);
    expect(m[0]!.activityBq / MBq).toBeCloseTo(1000, 9);
  });

  it('Lu-177 has no radioactive daughter (Hf-177 stable): 7.4 GBq after 1 d = 7.4 × 2^(−1/6.6443) = 6.66692 GBq', () => {
    const m = mixtureAt([{ nuclide: 'Lu-177', activityBq: 7.4 * GBq }], T0, T0 + DAY);
    expect(m.map((c) => c.nuclide)).toEqual(['Lu-177']);
    expect(m[0]!.activityBq / GBq).toBeCloseTo(6.66692, 5);
  });

  it('Pb-212 100 MBq after 1 h: Pb-212 100 × 2^(−3600/38257.2) = 93.6857 MBq; Bi-212 grows to 47.9205 MBq', () => {
    // λPb = 1.811808e-5 /s, λBi = 1.907920e-4 /s; λBi/(λBi − λPb) = 1.104927.
    // e^(−λPb·3600) = 0.9368565; e^(−λBi·3600) = 0.5031580.
    // A_Bi = 100 × 1.104927 × (0.9368565 − 0.5031580) = 47.9205 MBq.
    const m = mixtureAt([{ nuclide: 'Pb-212', activityBq: 100 * MBq }], T0, T0 + HOUR);
    expect(m.map((c) => c.nuclide)).toEqual(['Pb-212', 'Bi-212', 'Po-212', 'Tl-208']);
    expect(activityOf(m, 'Pb-212') / MBq).toBeCloseTo(93.68565, 4);
    expect(activityOf(m, 'Bi-212') / MBq).toBeCloseTo(47.92051, 4);
    expect(activityOf(m, 'Po-212') / activityOf(m, 'Bi-212')).toBeCloseTo(0.64046, 4);
  });

  it('Pb-212 reaches transient equilibrium: after 3 d Bi-212 / Pb-212 = λBi/(λBi − λPb) = 1.104927', () => {
    const m = mixtureAt([{ nuclide: 'Pb-212', activityBq: 100 * MBq }], T0, T0 + 3 * DAY);
    expect(activityOf(m, 'Bi-212') / activityOf(m, 'Pb-212')).toBeCloseTo(1.104927, 5);
  });

  it('Lu-177m feeds Lu-177 through its 22.7% IT branch: 20 kBq Lu-177m after 365 d', () => {
    // 365 d / 160.4 d = 2.275561 half-lives: Lu-177m 20000 × 2^−2.275561 = 4130.64 Bq.
    // Lu-177 (in transient equilibrium): 0.227 × 160.4/(160.4 − 6.6443) × 4130.64
    //   = 0.227 × 1.043213 × 4130.64 = 978.18 Bq.
    const m = mixtureAt([{ nuclide: 'Lu-177m', activityBq: 20e3 }], T0, T0 + 365 * DAY);
    expect(activityOf(m, 'Lu-177m')).toBeCloseTo(4130.64, 1);
    expect(activityOf(m, 'Lu-177')).toBeCloseTo(978.18, 1);
  });

  it('decays each member of a mixture on its own: F-18 100 MBq + Ga-68 100 MBq after 1 h', () => {
    // F-18 100 × 2^(−60/109.734) = 68.4548; Ga-68 100 × 2^(−60/67.842) = 54.1710.
    const m = mixtureAt(
      [
        { nuclide: 'F-18', activityBq: 100 * MBq },
        { nuclide: 'Ga-68', activityBq: 100 * MBq },
      ],
      T0,
      T0 + HOUR,
    );
    expect(activityOf(m, 'F-18') / MBq).toBeCloseTo(68.4548, 3);
    expect(activityOf(m, 'Ga-68') / MBq).toBeCloseTo(54.171, 3);
  });

  it('adds two entries of one nuclide and drops empty ones', () => {
    const m = mixtureAt(
      [
        { nuclide: 'F-18', activityBq: 100 * MBq },
        { nuclide: 'F-18', activityBq: 50 * MBq },
        { nuclide: 'Ga-68', activityBq: 0 },
      ],
      T0,
      T0,
    );
    expect(m).toEqual([{ nuclide: 'F-18', activityBq: 150 * MBq }]);
    expect(mixtureAt([], T0, T0 + HOUR)).toEqual([]);
  });

  it('decays forward only', () => {
    expect(() => mixtureAt([{ nuclide: 'F-18', activityBq: 1 }], T0, T0 - 1)).toThrow(/forward/);
  });
});

describe('sumMixtures and totalBq', () => {
  it('adds nuclide by nuclide and totals', () => {
    const s = sumMixtures([
      [
        { nuclide: 'F-18', activityBq: 100 },
        { nuclide: 'Ga-68', activityBq: 5 },
      ],
      [{ nuclide: 'F-18', activityBq: 20 }],
      [],
    ]);
    expect(s).toEqual([
      { nuclide: 'F-18', activityBq: 120 },
      { nuclide: 'Ga-68', activityBq: 5 },
    ]);
    expect(totalBq(s)).toBe(125);
    expect(totalBq([])).toBe(0);
  });
});

describe('estimateDoseRates: Γ·A·2^(−lead/HVL) at 1 m, ÷ d² at the surface (d = 0.09 m)', () => {
  it('knows the two packagings', () => {
    expect(PACKAGING_CODES).toEqual(['type-a-case', 'excepted-box']);
  });

  it('F-18 1000 MBq unshielded: 0.1351 × 1000 = 135.1 µSv/h at 1 m; 0.1351 / 0.0081 = 16.679 mSv/h at the surface', () => {
    const e = estimateDoseRates([{ nuclide: 'F-18', activityBq: 1000 * MBq }], 'type-a-case', 0);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.1351, 10);
    expect(e.surfaceMSvPerH).toBeCloseTo(16.67901, 5);
    expect(e.basis).toBe('estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m');
  });

  it('F-18 1000 MBq behind one HVL (4.95 mm) halves: 67.55 µSv/h at 1 m', () => {
    const e = estimateDoseRates([{ nuclide: 'F-18', activityBq: 1000 * MBq }], 'type-a-case', 4.95);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.06755, 10);
  });

  it('Lu-177 7.4 GBq behind 3 mm: 0.004865 × 7400 × 2^(−3/0.54) = 0.76547 µSv/h at 1 m', () => {
    const e = estimateDoseRates([{ nuclide: 'Lu-177', activityBq: 7.4 * GBq }], 'type-a-case', 3);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.00076547, 8);
    expect(e.surfaceMSvPerH).toBeCloseTo(0.094502, 6);
  });

  it('sums a mixture; Ga-68 (no sourced HVL) counts unshielded and the basis says so', () => {
    // F-18 1000 MBq × 0.1351 × 2^(−10/4.95) = 135.1 × 0.246524 = 33.3053 µSv/h;
    // Ga-68 200 MBq × 0.129 = 25.8 µSv/h unshielded; Σ = 59.1053 µSv/h at 1 m.
    const e = estimateDoseRates(
      [
        { nuclide: 'F-18', activityBq: 1000 * MBq },
        { nuclide: 'Ga-68', activityBq: 200 * MBq },
      ],
      'type-a-case',
      10,
    );
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.0591053, 7);
    expect(e.basis).toContain('no half-value layer for Ga-68: unshielded');
  });

  it('a member below 0.1% of the activity does not stop an estimate (Tc-99 in a Tc-99m vial)', () => {
    expect(NEGLIGIBLE_SHARE).toBe(1e-3);
    const vial = mixtureAt([{ nuclide: 'Tc-99m', activityBq: 300 * MBq }], T0, T0 + 6 * HOUR);
    expect(vial.map((c) => c.nuclide)).toContain('Tc-99');
    const e = estimateDoseRates(vial, 'excepted-box', 0);
    // Tc-99m 300 × 2^(−21600/21623.76) = 150.1143 MBq × 0.0141 = 2.116611 µSv/h.
    expect(e.noConstant).toEqual([]);
    expect(e.oneMetreMSvPerH).toBeCloseTo(0.002116611, 9);
  });

  it('returns null and the members without a constant for the Pb-212 chain', () => {
    const m = mixtureAt([{ nuclide: 'Pb-212', activityBq: 100 * MBq }], T0, T0 + HOUR);
    const e = estimateDoseRates(m, 'type-a-case', 5);
    expect(e.oneMetreMSvPerH).toBeNull();
    expect(e.surfaceMSvPerH).toBeNull();
    expect(e.noConstant).toEqual(['Pb-212', 'Bi-212', 'Po-212', 'Tl-208']);
    expect(e.basis).toBe(
      'no sourced dose-rate constant for Pb-212, Bi-212, Po-212, Tl-208: measure the package',
    );
  });

  it('returns null for Ac-225 alone', () => {
    const e = estimateDoseRates([{ nuclide: 'Ac-225', activityBq: 10 * MBq }], 'type-a-case', 0);
    expect(e.oneMetreMSvPerH).toBeNull();
    expect(e.noConstant).toEqual(['Ac-225']);
  });

  it('returns null for an empty package and throws on an unknown packaging', () => {
    expect(estimateDoseRates([], 'type-a-case', 0).oneMetreMSvPerH).toBeNull();
    expect(() => estimateDoseRates([], 'crate', 0)).toThrow('packaging: unknown crate');
  });
});

describe('checkReceipt: the hospital measures the dose against the dispensed activity, decayed (±10%)', () => {
  // F-18 370 MBq dispensed 07:00, measured 08:30: 370 × 2^(−5400/6584.04) = 370 × 0.566377 = 209.5595 MBq.
  const base = {
    nuclide: 'F-18',
    dispensedBq: 370 * MBq,
    dispensedAt: T0,
    measuredAt: T0 + 90 * MINUTE,
  };

  it('expects 209.56 MBq; 225 MBq measured is +7.4%: accepted', () => {
    expect(RECEIPT_TOLERANCE_PCT).toBe(10);
    const r = checkReceipt({ ...base, measuredBq: 225 * MBq });
    expect(r.expectedBq / MBq).toBeCloseTo(209.5595, 3);
    expect(r.deviation).toBeCloseTo(0.0736806, 7);
    expect(r.withinTolerance).toBe(true);
    expect(r.message).toBe('measured 225.0 MBq, expected 209.6 MBq (7.4%)');
  });

  it('185 MBq measured is −11.7%: flagged', () => {
    const r = checkReceipt({ ...base, measuredBq: 185 * MBq });
    expect(r.deviation).toBeCloseTo(-0.117196, 5);
    expect(r.withinTolerance).toBe(false);
    expect(r.message).toBe('measured 185.0 MBq, expected 209.6 MBq (-11.7%): outside ±10%');
  });

  it('exactly ±10% is still accepted', () => {
    const expected = 370 * MBq * Math.pow(2, -5400 / 6584.04);
    expect(checkReceipt({ ...base, measuredBq: expected * 1.1 }).withinTolerance).toBe(true);
    expect(checkReceipt({ ...base, measuredBq: expected * 0.9 }).withinTolerance).toBe(true);
    expect(checkReceipt({ ...base, measuredBq: expected * 1.101 }).withinTolerance).toBe(false);
  });
});

describe('checkAdministration: Pluvicto 7.4 GBq prescribed, label ±10%', () => {
  const at = T0 + 2 * HOUR;
  const pluvicto = (beforeGBq: number, extra: Partial<AdministrationInput> = {}) =>
    checkAdministration({
      nuclide: 'Lu-177',
      prescribedBq: 7.4 * GBq,
      labelTolerancePct: 10,
      beforeBq: beforeGBq * GBq,
      beforeAt: at,
      residueBq: 0,
      residueAt: at,
      administeredAt: at,
      ...extra,
    });

  it('7.9 GBq before − 0.2 GBq residue = 7.7 GBq: +4.1%, within, no refusal', () => {
    const c = pluvicto(7.9, { residueBq: 0.2 * GBq });
    expect(c.administeredBq / GBq).toBeCloseTo(7.7, 9);
    expect(c.deviation).toBeCloseTo(0.3 / 7.4, 9);
    expect(c.outsideLabel).toBe(false);
    expect(c.needsDirection).toBe(false);
    expect(c.possibleMedicalEvent).toBe(false);
    expect(c.refusal).toBeUndefined();
    expect(c.findings).toEqual([
      'administered 7700.0 MBq at the time of administration (7900.0 MBq before − 200.0 MBq residue), +4.1% from the prescribed 7400.0 MBq',
    ]);
  });

  it('8.288 GBq (+12%) is outside the label: refused on the direction field until the authorised user directs', () => {
    const c = pluvicto(8.288);
    expect(c.deviation).toBeCloseTo(0.12, 9);
    expect(c.outsideLabel).toBe(true);
    expect(c.outsideTwentyPercent).toBe(false);
    expect(c.needsDirection).toBe(true);
    expect(c.possibleMedicalEvent).toBe(false);
    expect(c.refusal).toEqual({
      field: 'direction',
      message: "outside the label's ±10%: record the authorised user's direction to give it",
    });
    expect(pluvicto(8.288, { direction: '   ' }).refusal?.field).toBe('direction');
    const directed = pluvicto(8.288, { direction: 'Dr A: give 8.29 GBq (patient weight)' });
    expect(directed.refusal).toBeUndefined();
    expect(directed.needsDirection).toBe(true);
  });

  it('−12% (6.512 GBq) needs a direction too', () => {
    expect(pluvicto(6.512).refusal?.field).toBe('direction');
  });

  it('9.25 GBq (+25%) is beyond 20%: a possible medical event (10 CFR 35.3045)', () => {
    const c = pluvicto(9.25);
    expect(c.deviation).toBeCloseTo(0.25, 9);
    expect(c.outsideTwentyPercent).toBe(true);
    expect(c.possibleMedicalEvent).toBe(true);
    expect(c.findings).toContain('more than 20% from the prescribed dosage (10 CFR 35.63)');
    expect(c.findings.some((f) => f.startsWith('possible medical event'))).toBe(true);
    expect(c.refusal?.field).toBe('direction');
    const under = pluvicto(5.55);
    expect(under.deviation).toBeCloseTo(-0.25, 9);
    expect(under.possibleMedicalEvent).toBe(true);
  });

  it('exactly 20% (8.88 GBq) is a possible medical event (≥ 20%) but not "more than 20%"', () => {
    const c = pluvicto(8.88);
    expect(c.possibleMedicalEvent).toBe(true);
    expect(c.outsideTwentyPercent).toBe(false);
  });

  it('refuses a residue measured before the administration', () => {
    const c = pluvicto(7.6, { residueBq: 0.1 * GBq, residueAt: at - MINUTE });
    expect(c.refusal?.field).toBe('residueAt');
    expect(c.refusal?.message).toBe('the residue is measured before the administration');
  });

  it('refuses a syringe measured after the administration, and a residue not below the dose', () => {
    expect(pluvicto(7.4, { beforeAt: at + MINUTE }).refusal?.field).toBe('beforeAt');
    expect(pluvicto(7.4, { residueBq: 7.4 * GBq }).refusal?.field).toBe('residueBq');
  });

  it('decay-corrects both measurements to the administration: Ga-68 measured 30 min before, residue 15 min after', () => {
    // Before: 200 × 2^(−1800/4070.52) = 200 × 0.7360094 = 147.2019 MBq at administration.
    // Residue: 10 × 2^(+900/4070.52) = 10 × 1.1656236 = 11.6562 MBq at administration.
    // Administered: 147.2019 − 11.6562 = 135.5456 MBq; 135.5456 / 150 − 1 = −9.64%: within ±10%.
    const c = checkAdministration({
      nuclide: 'Ga-68',
      prescribedBq: 150 * MBq,
      labelTolerancePct: 10,
      beforeBq: 200 * MBq,
      beforeAt: at - 30 * MINUTE,
      residueBq: 10 * MBq,
      residueAt: at + 15 * MINUTE,
      administeredAt: at,
    });
    expect(c.administeredBq / MBq).toBeCloseTo(135.5456, 3);
    expect(c.deviation).toBeCloseTo(-0.0963624, 6);
    expect(c.outsideLabel).toBe(false);
    expect(c.refusal).toBeUndefined();
    expect(c.findings[0]).toBe(
      'administered 135.5 MBq at the time of administration (147.2 MBq before − 11.7 MBq residue), -9.6% from the prescribed 150.0 MBq',
    );
  });
});

describe('delayImpact: Ga-68 150 MBq ordered for 10:00 (±10%), dispensed at 09:00', () => {
  const calibrationAt = Date.UTC(2026, 0, 15, 10, 0);
  // Dispensed at 09:00 so as to hold exactly 150 MBq at 10:00: 150 × 2^(3600/4070.52) = 276.91 MBq.
  const input: DelayInput = {
    nuclide: 'Ga-68',
    orderedBq: 150 * MBq,
    calibrationAt,
    tolerancePct: 10,
    dispensedBq: 150 * MBq * Math.pow(2, 3600 / 4070.52),
    dispensedAt: calibrationAt - HOUR,
    expiresAt: calibrationAt + 4 * HOUR,
    arrivalAt: calibrationAt - 30 * MINUTE,
  };

  it('arriving before calibration changes nothing: used at 10:00 with 150 MBq', () => {
    const d = delayImpact(input);
    expect(d.useAt).toBe(calibrationAt);
    expect(d.activityBq / MBq).toBeCloseTo(150, 6);
    expect(d.deviation).toBeCloseTo(0, 9);
    expect(d.withinTolerance).toBe(true);
    expect(d.expired).toBe(false);
  });

  it('2 h late (12:00): 150 × 2^(−7200/4070.52) = 150 × 0.2934495 = 44.017 MBq, −70.7%: outside', () => {
    const d = delayImpact({ ...input, arrivalAt: calibrationAt + 2 * HOUR });
    expect(d.useAt).toBe(calibrationAt + 2 * HOUR);
    expect(d.activityBq / MBq).toBeCloseTo(44.0174, 3);
    expect(d.deviation).toBeCloseTo(-0.7065505, 6);
    expect(d.withinTolerance).toBe(false);
    expect(d.expired).toBe(false);
  });

  it('−10% is reached after 4070.52 × log2(1/0.9) = 618.73 s: 10 min late is within, 11 min is not', () => {
    expect(delayImpact({ ...input, arrivalAt: calibrationAt + 10 * MINUTE }).withinTolerance).toBe(
      true,
    );
    expect(delayImpact({ ...input, arrivalAt: calibrationAt + 11 * MINUTE }).withinTolerance).toBe(
      false,
    );
  });

  it('arriving after expiry is expired and never within tolerance', () => {
    const d = delayImpact({ ...input, arrivalAt: calibrationAt + 5 * HOUR });
    expect(d.expired).toBe(true);
    expect(d.withinTolerance).toBe(false);
  });
});
