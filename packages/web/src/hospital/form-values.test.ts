import { describe, expect, it } from 'vitest';
import { localInstant, parseAmount } from './form-values.js';

describe('form values', () => {
  it('reads amounts with a decimal point or comma', () => {
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount(' 12,5 ')).toBe(12.5);
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('1e3')).toBe(1000);
    expect(parseAmount('.5')).toBe(0.5);
  });

  it('refuses empty or unreadable amounts', () => {
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('   ')).toBeUndefined();
    expect(parseAmount('12 MBq')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('1.2.3')).toBeUndefined();
  });

  it('reads a local date and time in the place’s zone', () => {
    expect(localInstant('2026-12-05T09:30', 'Asia/Shanghai')).toBe(
      '2026-12-05T09:30:00[Asia/Shanghai]',
    );
    expect(localInstant('2026-12-05T09:30:15', 'Europe/Paris')).toBe(
      '2026-12-05T09:30:15[Europe/Paris]',
    );
  });

  it('refuses what is not a date and time', () => {
    expect(localInstant('', 'Asia/Shanghai')).toBeUndefined();
    expect(localInstant('2026-12-05', 'Asia/Shanghai')).toBeUndefined();
    expect(localInstant('2026-13-05T09:30', 'Asia/Shanghai')).toBeUndefined();
    expect(localInstant('2026-12-05T24:30', 'Asia/Shanghai')).toBeUndefined();
  });
});
