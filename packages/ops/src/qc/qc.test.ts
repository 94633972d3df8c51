import { describe, expect, it } from 'vitest';
import { evaluateQc, halfLifeIdentity, type QcResult } from './qc-evaluation.js';
import { limitText, QC_SPECIFICATIONS, specificationFor } from './qc-specification.js';

/** The eight demo products (packages/domain/src/demo/demo-products.ts). */
const DEMO_PRODUCTS = [
  'AC225-PSMA617',
  'F18-DCFPYL',
  'F18-FDG',
  'GA68-PSMA11',
  'LU177-DOTATATE',
  'LU177-PSMA617',
  'PB212-PSMA',
  'TC99M-MDP',
];
const FIRST_SHIPPED = ['GA68-PSMA11', 'F18-FDG', 'LU177-PSMA617'];

const ga = () => {
  const spec = specificationFor('GA68-PSMA11', '2026-12-07');
  if (!spec) throw new Error('no Ga-68 PSMA-11 specification');
  return spec;
};

/** Every pre-release test of the Ga-68 PSMA-11 specification, within its limits. */
const GOOD_BEFORE: QcResult[] = [
  { code: 'appearance', passed: true },
  { code: 'ph', value: 4.5 },
  { code: 'rcp', value: 97.2 },
  { code: 'half-life', value: 67.9 },
  { code: 'rnp', value: 99.9 },
  { code: 'endotoxin', value: 2 },
  { code: 'filter-integrity', value: 55 },
];

describe('QC specifications', () => {
  it('ship for the demo products, every test with a source and a basis, limits that read well', () => {
    expect(QC_SPECIFICATIONS.map((s) => s.product).sort()).toEqual(DEMO_PRODUCTS);
    for (const spec of QC_SPECIFICATIONS)
      for (const test of spec.tests) expect(test.source.length).toBeGreaterThan(10);
    const byCode = new Map(ga().tests.map((t) => [t.code, t]));
    expect(limitText(byCode.get('ph')!)).toBe('4–8');
    expect(limitText(byCode.get('rcp')!)).toBe('≥ 90 %');
    expect(limitText(byCode.get('endotoxin')!)).toBe('≤ 10.9 EU/mL');
    expect(byCode.get('sterility')?.timing).toBe('after-release');
    expect(byCode.get('ge68')?.timing).toBe('after-release');
    expect(byCode.get('rcp')?.basis).toBe('in-house');
    // What no source gives is said, not invented.
    expect(specificationFor('LU177-PSMA617', '2026-12-07')?.notSourced).toContain(
      'radiochemical purity release limit (not published)',
    );
  });

  it('cover the other demo products with the tests a release needs, every limit sourced or listed as not', () => {
    // The specifications first shipped (GA68-PSMA11, F18-FDG, LU177-PSMA617) keep their tests.
    for (const product of DEMO_PRODUCTS.filter((p) => !FIRST_SHIPPED.includes(p))) {
      const spec = specificationFor(product, '2026-12-07');
      if (!spec) throw new Error(`no specification for ${product}`);
      const codes = spec.tests.map((t) => t.code);
      expect(codes).toEqual(
        expect.arrayContaining([
          'appearance',
          'half-life',
          'endotoxin',
          'filter-integrity',
          'sterility',
        ]),
      );
      expect(new Set(codes).size).toBe(codes.length);
      const byCode = new Map(spec.tests.map((t) => [t.code, t]));
      expect(byCode.get('sterility')?.timing).toBe('after-release');
      expect(byCode.get('half-life')).toMatchObject({ kind: 'range', unit: 'min' });
      expect(spec.notSourced.length).toBeGreaterThan(0);
      // A borrowed limit says so; an in-house window says it is an assumption.
      for (const t of spec.tests) {
        if (t.basis === 'in-house') expect(t.source).toMatch(/^in-house: .*assumption/);
        if (t.basis === 'literature') expect(t.source).toMatch(/borrowed|PMC|Pharmaceuticals/);
      }
    }
    // Where no source gave RCP, none is invented.
    for (const product of ['AC225-PSMA617', 'PB212-PSMA', 'TC99M-MDP']) {
      const spec = specificationFor(product, '2026-12-07');
      expect(spec?.tests.map((t) => t.code)).not.toContain('rcp');
      expect(spec?.notSourced.join(' ')).toMatch(/radiochemical purity/);
    }
    expect(limitText(specificationFor('F18-DCFPYL', '2026-12-07')!.tests[1]!)).toBe('4.8–8.5');
  });

  it('read each in-house half-life window as NUBASE2020 ± 5 %', () => {
    let windows = 0;
    for (const spec of QC_SPECIFICATIONS) {
      const t = spec.tests.find((t) => t.code === 'half-life');
      if (t?.kind !== 'range' || !t.source.startsWith('in-house: NUBASE2020')) continue;
      const nubase = halfLifeIdentity(
        spec.nuclide,
        { at: 0, activityBq: 2e9 },
        { at: 3_600_000, activityBq: 1e9 },
      ).referenceMinutes;
      expect(t.min).toBeCloseTo(nubase * 0.95, 1);
      expect(t.max).toBeCloseTo(nubase * 1.05, 1);
      windows += 1;
    }
    expect(windows).toBe(4); // Lu-177 DOTATATE, Ac-225, Pb-212, Tc-99m
  });

  it('are found by product and date: none before they take effect, none for an unknown product', () => {
    expect(specificationFor('GA68-PSMA11', '2025-12-31')).toBeUndefined();
    expect(specificationFor('I131-NAI', '2026-12-07')).toBeUndefined();
    expect(specificationFor('GA68-PSMA11', '2027-01-01')?.version).toBe(1);
  });
});

describe('evaluating a batch', () => {
  it('is pending until every pre-release test has a result', () => {
    const e = evaluateQc(ga(), GOOD_BEFORE.slice(0, 3));
    expect(e.verdict).toBe('pending');
    expect(e.tests.filter((t) => t.status === 'pending').map((t) => t.code)).toContain('half-life');
  });

  it('allows a conditional release when the pre-release tests pass and sterility is outstanding', () => {
    const e = evaluateQc(ga(), GOOD_BEFORE);
    expect(e.verdict).toBe('conditional');
    expect(e.tests.filter((t) => t.status === 'pending').map((t) => t.code)).toEqual([
      'ge68',
      'sterility',
    ]);
  });

  it('is complete when the post-release tests pass too', () => {
    const e = evaluateQc(ga(), [
      ...GOOD_BEFORE,
      { code: 'ge68', value: 0.0001 },
      { code: 'sterility', passed: true },
    ]);
    expect(e.verdict).toBe('complete');
    expect(e.tests.every((t) => t.status === 'pass')).toBe(true);
  });

  it('names an out-of-specification result with its figures, before or after release', () => {
    const ph = evaluateQc(ga(), [...GOOD_BEFORE, { code: 'ph', value: 8.4 }]);
    expect(ph.verdict).toBe('out-of-specification');
    expect(ph.tests.find((t) => t.code === 'ph')?.reason).toBe('pH 8.4 is above 8');
    const sterility = evaluateQc(ga(), [
      ...GOOD_BEFORE,
      { code: 'sterility', passed: false, note: 'growth on day 5' },
    ]);
    expect(sterility.verdict).toBe('out-of-specification');
    expect(sterility.tests.find((t) => t.code === 'sterility')?.reason).toBe(
      'Sterility (USP <71>): growth on day 5 (expected sterile)',
    );
    const rcp = evaluateQc(ga(), [...GOOD_BEFORE, { code: 'rcp', value: 89.9 }]);
    expect(rcp.tests.find((t) => t.code === 'rcp')?.reason).toBe(
      'Radiochemical purity (TLC) 89.9 is below 90',
    );
  });

  it('refuses a result of the wrong kind, a non-number, and names results the specification lacks', () => {
    const e = evaluateQc(ga(), [
      ...GOOD_BEFORE,
      { code: 'appearance', value: 1 },
      { code: 'ph', value: Number.NaN },
      { code: 'colour', value: 3 },
    ]);
    expect(e.verdict).toBe('out-of-specification');
    expect(e.tests.find((t) => t.code === 'appearance')?.reason).toMatch(/observation/);
    expect(e.tests.find((t) => t.code === 'ph')?.reason).toMatch(/not a measurement/);
    expect(e.unknown).toEqual(['colour']);
  });

  it('counts the latest result of a test (a re-test after a correction)', () => {
    const e = evaluateQc(ga(), [
      ...GOOD_BEFORE,
      { code: 'ph', value: 9 },
      { code: 'ph', value: 5 },
    ]);
    expect(e.tests.find((t) => t.code === 'ph')?.status).toBe('pass');
  });
});

describe('half-life identity from two dose-calibrator readings', () => {
  const at = (minutes: number) => Date.UTC(2026, 11, 7, 6, 0) + minutes * 60_000;

  it('reads Ga-68 from readings 30 minutes apart, within the specification', () => {
    // Ga-68: NUBASE2020 67.842 min. 1000 MBq decays to 1000 × 2^(−30/67.842) MBq in 30 min.
    const second = 1000e6 * 2 ** (-30 / 67.842);
    const id = halfLifeIdentity(
      'Ga-68',
      { at: at(0), activityBq: 1000e6 },
      { at: at(30), activityBq: second },
    );
    expect(id.measuredMinutes).toBeCloseTo(67.842, 6);
    expect(id.referenceMinutes).toBeCloseTo(67.842, 3);
    expect(Math.abs(id.deviation)).toBeLessThan(1e-3);
    const e = evaluateQc(ga(), [...GOOD_BEFORE, { code: 'half-life', value: id.measuredMinutes }]);
    expect(e.tests.find((t) => t.code === 'half-life')?.status).toBe('pass');
  });

  it('shows an F-18 sample mislabelled as Ga-68 as out of specification', () => {
    const second = 1000e6 * 2 ** (-30 / 109.77);
    const id = halfLifeIdentity(
      'Ga-68',
      { at: at(0), activityBq: 1000e6 },
      { at: at(30), activityBq: second },
    );
    expect(id.measuredMinutes).toBeCloseTo(109.77, 4);
    const e = evaluateQc(ga(), [...GOOD_BEFORE, { code: 'half-life', value: id.measuredMinutes }]);
    expect(e.verdict).toBe('out-of-specification');
  });

  it('refuses readings that cannot give a half-life', () => {
    const r = (m: number, bq: number) => ({ at: at(m), activityBq: bq });
    expect(() => halfLifeIdentity('Ga-68', r(0, 1e9), r(0.5, 0.99e9))).toThrow(/at least a minute/);
    expect(() => halfLifeIdentity('Ga-68', r(0, 1e9), r(30, 1e9))).toThrow(/lower than the first/);
    expect(() => halfLifeIdentity('Ga-68', r(0, 0), r(30, 1e9))).toThrow(/positive/);
    expect(() => halfLifeIdentity('Ga-999', r(0, 1e9), r(30, 0.5e9))).toThrow(/nuclide/);
    expect(() => halfLifeIdentity('Pb-208', r(0, 1e9), r(30, 0.5e9))).toThrow(/stable/);
  });
});
