import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  add,
  dd,
  div,
  exactDecimal,
  exp,
  fromDecimalText,
  LN2,
  mul,
  toDecimal as exactly,
} from './double-double.js';

const D = Decimal.clone({ precision: 50 });
const toDecimal = (x: { hi: number; lo: number }) => exactly(D, x);

describe('double-double arithmetic', () => {
  it('keeps 1 + 1e-20 that float64 loses', () => {
    const s = add(dd(1), dd(1e-20));
    expect(toDecimal(s).minus(1).toNumber()).toBeCloseTo(1e-20, 33);
  });

  it('multiplies to ~32 digits', () => {
    const third = dd(1 / 3, 1 / 3 / 2 ** 54);
    const p = mul(third, third);
    const want = toDecimal(third).times(toDecimal(third));
    expect(toDecimal(p).minus(want).div(want).abs().toNumber()).toBeLessThan(1e-31);
  });

  it.each([-600, -40.5, -1, -1e-3, -1e-12, 0, 1e-9, 0.5, 3, 100, 700])('exp(%d) to 1e-28', (x) => {
    const got = toDecimal(exp(dd(x)));
    const want = D.exp(exactly(D, dd(x)));
    expect(got.minus(want).div(want).abs().toNumber()).toBeLessThan(1e-28);
  });

  it('loses the low word to subnormals only near the float64 underflow', () => {
    const want = D.exp(-700);
    expect(
      toDecimal(exp(dd(-700)))
        .minus(want)
        .div(want)
        .abs()
        .toNumber(),
    ).toBeLessThan(1e-12);
  });

  it('underflows to 0 where float64 would', () => {
    expect(exp(dd(-800)).hi).toBe(0);
  });
});

describe('double-double exp at the edges', () => {
  it('answers NaN for NaN and +∞ and 0 for −∞, without looping', () => {
    expect(exp(dd(NaN)).hi).toBeNaN();
    expect(exp(dd(Infinity)).hi).toBeNaN();
    expect(exp(dd(-Infinity)).hi).toBe(0);
  });
});

describe('double-double division, ln 2 and decimal texts (the fast set-up relies on their bounds)', () => {
  const D80 = Decimal.clone({ precision: 80 });
  const exact80 = (x: { hi: number; lo: number }) => exactly(D80, x);
  const relative = (got: Decimal, want: Decimal) => got.minus(want).div(want).abs().toNumber();

  it('divides within 15·2^-106 (Joldes, Muller & Popescu)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const ah = next() * 10 ** Math.floor(next() * 60 - 30);
      const a = dd(ah, ah * (next() - 0.5) * 2 ** -53);
      const bh = next() * 10 ** Math.floor(next() * 60 - 30);
      const b = dd(bh, bh * (next() - 0.5) * 2 ** -53);
      const want = exact80(a).div(exact80(b));
      expect(relative(exact80(div(a, b)), want)).toBeLessThan(15 * 2 ** -106);
    }
  });

  it('knows ln 2 to 2^-107', () => {
    expect(relative(exact80(LN2), D80.ln(2))).toBeLessThan(2 ** -107);
  });

  it.each([
    '609.8',
    '0.000000000000000000000139',
    '140838561095040000',
    '1767187860480000000000000000',
    '5.5e-7',
    '9.299991339104066e-7',
    '0.9999994559980959',
    '1e-30',
    '1E+40',
    '3.1415926535897932384626433832795028841971',
  ])('reads %s to 2^-106', (text) => {
    const x = fromDecimalText(text);
    expect(x).not.toBeNull();
    expect(relative(exact80(x!), new D80(text))).toBeLessThan(2 ** -106);
  });

  it('reads zero, and refuses other texts and magnitudes beyond 1e±280', () => {
    expect(fromDecimalText('0.000')).toEqual(dd(0));
    for (const text of ['', '.', '-1', 'inf', '1e300', '1e-300', '1.2.3']) {
      expect(fromDecimalText(text)).toBeNull();
    }
  });

  it('writes a float64 as its exact decimal', () => {
    expect(exactDecimal(D80, 0.1).toString()).toBe(
      '0.1000000000000000055511151231257827021181583404541015625',
    );
    expect(exactDecimal(D80, 2 ** 70).toString()).toBe('1.180591620717411303424e+21');
    expect(exactDecimal(D80, 5e-324).mul(new D80(2).pow(1074)).toNumber()).toBe(1);
  });
});
