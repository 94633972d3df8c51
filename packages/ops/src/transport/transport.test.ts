import { describe, expect, it } from 'vitest';
import {
  classifyPackage,
  labelCategory,
  transportIndex,
  transportValues,
  vehicleTiRefusal,
} from './transport-classification.js';

const GBq = 1e9;
const MBq = 1e6;

describe('transport values (SSR-6 Table 2)', () => {
  it('reads the derived table, with the default for an unlisted nuclide', () => {
    expect(transportValues('Lu-177')).toMatchObject({ a1Bq: 30e12, a2Bq: 0.7e12, listed: true });
    expect(transportValues('Ac-225')).toMatchObject({ a2Bq: 6e9, listed: true });
    expect(transportValues('Zr-89')).toMatchObject({ a2Bq: 0.02e12, listed: false });
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

  it('sums fractions over a mixture (Pb-212 with its grown-in Bi-212)', () => {
    const pb = transportValues('Pb-212').a2Bq!;
    const bi = transportValues('Bi-212').a2Bq!;
    const c = classifyPackage({
      contents: [
        { nuclide: 'Pb-212', activityBq: 100 * MBq },
        { nuclide: 'Bi-212', activityBq: 90 * MBq },
      ],
      form: 'liquid',
    });
    expect(c.a2Fraction).toBeCloseTo((100 * MBq) / pb + (90 * MBq) / bi, 12);
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
