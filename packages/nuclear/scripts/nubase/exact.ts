/**
 * Exact decimals. Every half-life and intensity is the exact value of its decimal text
 * (CONVENTIONS.md, introduction); fractions are rounded to float64 once, at the end.
 */
import { Decimal } from 'decimal.js';

/**
 * PRECISION significant digits: every half-life and intensity below is a short decimal, so their
 * products and sums are exact; quotients (fractions) carry that many digits until the float64 rounding.
 * toExpNeg/toExpPos make toString() print plain notation.
 */
export const PRECISION = 80;
export const Exact = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Exact = Decimal;

export const ZERO: Exact = new Exact(0);
export const HUNDRED: Exact = new Exact(100);
export const sum = (xs: readonly Exact[]): Exact => xs.reduce((acc, x) => acc.add(x), ZERO);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** The exact value of a decimal literal such as `6.0066`, `5.3e-10` or `-12`. */
export function parseDecimal(text: string): Exact {
  if (!DECIMAL.test(text)) throw new Error(`not a decimal number: "${text}"`);
  return new Exact(text);
}
