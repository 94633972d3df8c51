import type { Decimal } from 'decimal.js';
import type { BatemanSolution } from './bateman.js';

/** Precision (significant digits) of the decimal tier's first try and its limit. */
export const START_PRECISION = 40;
/** decimal.js knows ln 10 to about 1025 digits, which bounds ln 2 and so every λ. */
export const MAX_PRECISION = 640;

/** Raised when even MAX_PRECISION digits cannot meet the accuracy contract (half-lives too close). */
export class NotConvergedError extends Error {
  readonly code = 'not-converged';
}

/**
 * Tier 3: member i's terms in decimal arithmetic at the solution's precision, with a bound that
 * is itself decimal (no underflow at any precision). `exps` caches e^(−μt) per group across the
 * members of one evaluation.
 */
export function evalDecimal(
  s: BatemanSolution,
  i: number,
  t: number,
  exps: Map<number, Decimal>,
): { value: number; bound: number } {
  const { D } = s;
  const m = s.members[i];
  if (!m) return { value: 0, bound: 0 };
  const tD = new D(t);
  const unit = new D(10).pow(1 - s.precision);
  let v = new D(0);
  let w = new D(0);
  m.coef.forEach((c, j) => {
    const g = m.group[j] as number;
    const mu = s.muExact[g] as Decimal;
    let e = exps.get(g);
    if (!e) {
      e = D.exp(mu.mul(tD).neg());
      exps.set(g, e);
    }
    const p = m.power[j] as number;
    const term = p === 0 ? e : e.mul(tD.pow(p));
    v = v.plus(c.mul(term));
    const weight = mu.mul(tD).plus(p + 6 + m.coef.length);
    w = w.plus((m.mag[j] as Decimal).mul(term).mul(weight.mul(unit).plus(s.coefRelError)));
  });
  // The bound is the computation's; rounding the exact sum to float64 (half an ulp, or less than
  // the smallest subnormal) is the representation of the result, not an error of the method.
  return { value: v.toNumber(), bound: w.toNumber() };
}
