import { describe, expect, it } from 'vitest';
import { failure, value } from '../test/results.js';
import {
  ACTIVITY_UNITS,
  atoms,
  becquerel,
  formatActivity,
  formatDuration,
  formatNumber,
  parseDuration,
  parseQuantity,
  SECONDS_PER_YEAR,
  siActivityUnit,
  type Quantity,
} from './units.js';

describe('parseQuantity', () => {
  it.each<[string, Quantity]>([
    ['7.4GBq', { kind: 'activity', bq: becquerel(7.4e9) }],
    ['100 kBq', { kind: 'activity', bq: becquerel(1e5) }],
    ['50mCi', { kind: 'activity', bq: becquerel(1.85e9) }],
    ['1µCi', { kind: 'activity', bq: becquerel(37_000) }],
    // U+03BC GREEK SMALL LETTER MU, which keyboards produce as often as U+00B5 MICRO SIGN
    ['1\u03bcCi', { kind: 'activity', bq: becquerel(37_000) }],
    ['1uCi', { kind: 'activity', bq: becquerel(37_000) }],
    ['3 nCi', { kind: 'activity', bq: becquerel(111) }],
    ['2 TBq', { kind: 'activity', bq: becquerel(2e12) }],
    ['.5 MBq', { kind: 'activity', bq: becquerel(5e5) }],
    ['2 mg', { kind: 'mass', grams: 0.002 }],
    ['1 ug', { kind: 'mass', grams: 1e-6 }],
    ['1e15 atoms', { kind: 'atoms', atoms: atoms(1e15) }],
    ['1e15 num', { kind: 'atoms', atoms: atoms(1e15) }],
    ['250 atom', { kind: 'atoms', atoms: atoms(250) }],
  ])('reads %j', (text, expected) => {
    expect(value(parseQuantity(text))).toEqual(expected);
  });

  it.each([
    ['7.4gbq', 7.4e9],
    ['7.4 GBQ', 7.4e9],
    ['100 KBQ', 1e5],
    ['50 mci', 1.85e9],
  ])('forgives the case of activity units: %j', (text, bq) => {
    expect(value(parseQuantity(text))).toEqual({ kind: 'activity', bq });
  });

  it('uses the exact definition of the curie: 1 Ci = 3.7e10 Bq', () => {
    expect(ACTIVITY_UNITS.Ci).toBe(3.7e10);
    expect(ACTIVITY_UNITS.mCi).toBe(3.7e7);
    expect(ACTIVITY_UNITS['µCi']).toBe(3.7e4);
    expect(ACTIVITY_UNITS.nCi).toBe(37);
    expect(value(parseQuantity('1 Ci'))).toEqual({ kind: 'activity', bq: 37_000_000_000 });
    expect(value(parseQuantity('27 mCi'))).toEqual({ kind: 'activity', bq: 999_000_000 });
  });

  it('refuses a negative amount, naming the value', () => {
    const e = failure(parseQuantity('-5 GBq'));
    expect(e.code).toBe('bad-quantity');
    expect(e.message).toContain('-5');
    expect(e.message).toMatch(/non-negative/);
  });

  it('refuses NaN and Infinity as amounts', () => {
    const nan = failure(parseQuantity('NaN GBq'));
    expect(nan.code).toBe('bad-quantity');
    expect(nan.message).toContain('"NaN GBq"');
    expect(failure(parseQuantity('Infinity Bq')).code).toBe('bad-quantity');
    const huge = failure(parseQuantity('1e400 Bq'));
    expect(huge.code).toBe('bad-quantity');
    expect(huge.message).toContain('Infinity');
  });

  it('refuses an unknown unit, naming it and listing the known ones', () => {
    const e = failure(parseQuantity('5 Gq'));
    expect(e.code).toBe('bad-unit');
    expect(e.message).toContain('"Gq"');
    expect(e.message).toContain('GBq');
    expect(e.message).toContain('mCi');
  });

  it('refuses an integer without a unit', () => {
    const e = failure(parseQuantity('100'));
    expect(e.code).toBe('bad-quantity');
    expect(e.message).toContain('expected a number and a unit');
    expect(failure(parseQuantity('')).code).toBe('bad-quantity');
    expect(failure(parseQuantity('GBq')).code).toBe('bad-quantity');
  });

  it('refuses a decimal without a unit as a missing unit, not as unit ".4"', () => {
    const e = failure(parseQuantity('7.4'));
    expect(e.code).toBe('bad-quantity');
    expect(e.message).toContain('expected a number and a unit');
  });

  it('does not read millibecquerel as megabecquerel, nor megacurie as millicurie', () => {
    expect(failure(parseQuantity('5 mBq')).message).toContain('millibecquerel');
    expect(failure(parseQuantity('1 MCi')).message).toContain('megacurie');
    expect(value(parseQuantity('5 MBq'))).toEqual({ kind: 'activity', bq: 5e6 });
    expect(value(parseQuantity('5 mCi'))).toEqual({ kind: 'activity', bq: 5 * 3.7e7 });
  });
});

describe('parseDuration', () => {
  it.each([
    ['10d', 864_000],
    ['68min', 4080],
    ['68 min', 4080],
    ['1.5 h', 5400],
    ['2y', 2 * 365.2422 * 86400],
    ['1w', 604_800],
    ['1us', 1e-6],
    ['1µs', 1e-6],
    ['500ms', 0.5],
    ['30 s', 30],
    ['3 days', 259_200],
    ['2 hours', 7200],
  ])('reads %j as %d s', (text, s) => {
    expect(value(parseDuration(text))).toBe(s);
  });

  it('uses the 365.2422-day year', () => {
    expect(SECONDS_PER_YEAR).toBe(365.2422 * 86400);
    expect(SECONDS_PER_YEAR).toBeCloseTo(31_556_926.08, 6);
    expect(value(parseDuration('2y'))).toBeCloseTo(63_113_852.16, 6);
  });

  it('refuses negative, unitless and unknown durations', () => {
    const negative = failure(parseDuration('-1d'));
    expect(negative.code).toBe('bad-time');
    expect(negative.message).toContain('"-1d"');
    expect(failure(parseDuration('10')).code).toBe('bad-time');
    expect(failure(parseDuration('soon')).code).toBe('bad-time');
    const unknown = failure(parseDuration('1 fortnight'));
    expect(unknown.code).toBe('bad-unit');
    expect(unknown.message).toContain('"fortnight"');
  });

  it('refuses a decimal without a unit as a missing unit', () => {
    const e = failure(parseDuration('1.5'));
    expect(e.code).toBe('bad-time');
    expect(e.message).toContain('expected a number and a unit');
  });
});

describe('formatNumber', () => {
  it.each([
    [0, 6, '0'],
    [Math.PI, 6, '3.14159'],
    [Math.PI, 3, '3.14'],
    [7.4, 5, '7.4'],
    [123_456_789, 6, '123457000'],
    [0.001, 6, '0.001'],
    [1e15, 6, '1e+15'],
    [-2.5e10, 6, '-2.5e+10'],
    [1.23456789e-5, 6, '1.23457e-5'],
  ])('formatNumber(%d, %d) = %j', (x, digits, text) => {
    expect(formatNumber(x, digits)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [Infinity, 'stable'],
    [864_000, '10 d'],
    [3600, '1 h'],
    [4080, '1.1333 h'],
    [0.5, '500 ms'],
    [1e-6, '1 µs'],
    [2 * SECONDS_PER_YEAR, '2 y'],
    [5000 * SECONDS_PER_YEAR, '5 ky'],
    [4.468e9 * SECONDS_PER_YEAR, '4.468e+9 y'],
  ])('formatDuration(%d) = %j', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe('activity display', () => {
  it('picks an SI unit with a mantissa between 1 and 1000', () => {
    expect(siActivityUnit(7.4e9)).toBe('GBq');
    expect(siActivityUnit(999)).toBe('Bq');
    expect(siActivityUnit(1000)).toBe('kBq');
    expect(siActivityUnit(2e15)).toBe('PBq');
    expect(formatActivity(7.4e9, 'GBq')).toBe('7.4 GBq');
    expect(formatActivity(3.7e10, 'mCi')).toBe('1000 mCi');
  });
});
