import { describe, expect, it } from 'vitest';
import { parseDecimal } from './number-input.js';

describe('a typed number', () => {
  it('reads a decimal point or comma, and says blank or not a number', () => {
    expect(parseDecimal(' 12.5 ')).toBe(12.5);
    expect(parseDecimal('3,2')).toBe(3.2);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('  ')).toBeUndefined();
    expect(parseDecimal('12 mm')).toBeNaN();
    expect(parseDecimal('abc')).toBeNaN();
  });
});
