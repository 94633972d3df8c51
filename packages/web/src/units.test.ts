import { describe, expect, it } from 'vitest';
import { formatActivity, formatHalfLife, formatNumber, fromBq, toBq } from './units.js';

describe('activity units', () => {
  it('converts MBq and mCi through becquerel', () => {
    expect(toBq(1, 'mCi')).toBe(3.7e7);
    expect(fromBq(3.7e7, 'MBq')).toBeCloseTo(37, 12);
    expect(fromBq(toBq(12.5, 'mCi'), 'mCi')).toBeCloseTo(12.5, 12);
  });

  it('formats four significant digits, scientific outside the readable range', () => {
    expect(formatNumber(7400)).toBe('7,400');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1.5e9)).toBe('1.500e9');
    expect(formatNumber(2e-5)).toBe('2.000e-5');
    expect(formatNumber(0)).toBe('0');
    expect(formatActivity(7.4e9, 'MBq')).toBe('7,400 MBq');
    expect(formatActivity(7.4e9, 'mCi')).toBe('200 mCi');
  });

  it('names half-lives in a readable unit', () => {
    expect(formatHalfLife(6.647 * 86400)).toBe('6.647 d');
    expect(formatHalfLife(4062.6)).toBe('1.129 h');
    expect(formatHalfLife(45.6)).toBe('45.6 s');
    expect(formatHalfLife(null)).toBe('stable');
  });
});
