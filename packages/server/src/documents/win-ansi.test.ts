import { describe, expect, it } from 'vitest';
import { printable, unprintable, winAnsiChar } from './win-ansi.js';

describe('win-ansi', () => {
  it('substitutes the symbols WinAnsi lacks and refuses what it cannot print', () => {
    expect(printable('≥ 95 %, ≤ 8, \u22125, 9:30\u202fAM')).toBe('>= 95 %, <= 8, -5, 9:30 AM');
    expect(unprintable('Müller — 5 µL, 37 °C, ±2 %, €, “quoted”')).toBeUndefined();
    expect(unprintable('a\tb')).toMatch(/U\+0009/);
    expect(unprintable('Ga-68 β+')).toMatch(/U\+03B2/);
  });

  it('reads the bytes 0x80–0x9F back as their characters', () => {
    expect(winAnsiChar(0x97)).toBe('—');
    expect(winAnsiChar(0x80)).toBe('€');
    expect(winAnsiChar(0xfc)).toBe('ü');
  });
});
