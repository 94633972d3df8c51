import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { add, dd, exp, mul, toDecimal as exactly } from './double-double.js';

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
