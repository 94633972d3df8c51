import { add, dd, exp as ddExp, mul, mulNumber, neg, type DD } from './double-double.js';
import { TINY, type FastTerms } from './float-tier.js';

/** Relative rounding of one double-double operation, with room to spare (2^-104 ≈ 4.9e-32). */
const DD_UNIT = 1e-31;
/** Relative error of the double-double exp above its subnormal range. */
const DD_EXP_ERROR = 1e-27;
/** e^-745 underflows to 0 in float64: a term whose exponential did is below this times its magnitude. */
const EXP_UNDERFLOW = 5e-324;

/**
 * Tier 2: member i's terms summed in double-double (~32 digits), with a rigorous bound. Any
 * intermediate near float64's underflow makes the bound infinite, so the decimal tier takes over.
 */
export function evalDoubleDouble(
  f: FastTerms,
  i: number,
  t: number,
  exps: (DD | undefined)[],
): { value: number; bound: number } {
  let sum = dd(0);
  let w = 0;
  const start = f.start[i] as number;
  const end = f.start[i + 1] as number;
  const tDD = dd(t);
  for (let k = start; k < end; k++) {
    const g = f.group[k] as number;
    let e = exps[g];
    if (!e) {
      // Past e^-746 the exponential is 0 in float64 too; skip the product, which could overflow.
      e = (f.mu[g] as number) * t > 746 ? dd(0) : ddExp(neg(mul(f.muDD[g] as DD, tDD)));
      exps[g] = e;
    }
    const p = f.power[k] as number;
    const mag = f.mag[k] as number;
    const powT = p === 0 ? 1 : Math.pow(t, p);
    if (e.hi === 0) {
      w += mag * powT * EXP_UNDERFLOW;
      continue;
    }
    const coef = f.coefDD[k] as DD;
    if (e.hi < TINY || (coef.hi !== 0 && Math.abs(coef.hi) < TINY))
      return { value: NaN, bound: Infinity };
    let term = mul(coef, e);
    for (let q = 0; q < p; q++) term = mulNumber(term, t);
    if (term.hi !== 0 && Math.abs(term.hi) < TINY) return { value: NaN, bound: Infinity };
    sum = add(sum, term);
    const x = e.hi * powT;
    const mut = (f.mu[g] as number) * t;
    // The coefficient's own error, exp, μ·t (and μ's own error), the powers of t and the summation.
    w +=
      mag *
      x *
      ((f.coefRel[k] as number) +
        DD_EXP_ERROR +
        DD_UNIT * (mut + p + end - start + 8) +
        (f.muRel[g] as number) * mut);
  }
  const value = sum.hi + sum.lo;
  return { value, bound: w + Math.abs(value) * Number.EPSILON };
}
