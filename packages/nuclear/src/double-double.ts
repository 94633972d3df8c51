import type { Decimal } from 'decimal.js';

/**
 * Double-double arithmetic: a value is hi + lo with |lo| ≤ ulp(hi)/2, about 32 significant digits.
 * Only what the decay engine's second tier needs (exact transformations of Knuth and Dekker, and
 * exp by argument reduction, a Taylor series and squaring, as in Hida, Li & Bailey's QD library).
 */
export interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

export function dd(hi: number, lo = 0): DD {
  return { hi, lo };
}

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ca = SPLITTER * a;
  const ahi = ca - (ca - a);
  const alo = a - ahi;
  const cb = SPLITTER * b;
  const bhi = cb - (cb - b);
  const blo = b - bhi;
  return { hi: p, lo: ahi * bhi - p + ahi * blo + alo * bhi + alo * blo };
}

export function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

export function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

export function mulNumber(a: DD, b: number): DD {
  const p = twoProd(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}

/**
 * a / b: Joldes, Muller & Popescu's DWDivDW2 (ACM TOMS 44, 2017, algorithm 17), relative error
 * at most 15·2^-106 + 56·2^-159.
 */
export function div(a: DD, b: DD): DD {
  const th = a.hi / b.hi;
  const r = mulNumberFP1(b, th);
  const piH = a.hi - r.hi; // exact (Sterbenz)
  const deltaL = a.lo - r.lo;
  const delta = piH + deltaL;
  const tl = delta / b.hi;
  return quickTwoSum(th, tl);
}

/** DWTimesFP1 of the same paper (algorithm 7): x · y for a float64 y. */
function mulNumberFP1(x: DD, y: number): DD {
  const c = twoProd(x.hi, y);
  const cl2 = x.lo * y;
  const t = quickTwoSum(c.hi, cl2);
  return quickTwoSum(t.hi, t.lo + c.lo);
}

export function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

export const LN2: DD = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };
const INV_FACTORIALS: DD[] = (() => {
  // 1/k! for k = 3…15, each to double-double precision by dividing in double-double.
  const out: DD[] = [];
  let f: DD = dd(0.5);
  for (let k = 3; k <= 15; k++) {
    f = divNumber(f, k);
    out.push(f);
  }
  return out;
})();

/** a / b for a float64 b (Hida, Li & Bailey); relative error a few 2^-106. */
export function divNumber(a: DD, b: number): DD {
  const q1 = a.hi / b;
  const p = twoProd(q1, b);
  const s = twoSum(a.hi, -p.hi);
  const q2 = (s.hi + s.lo - p.lo + a.lo) / b;
  return quickTwoSum(q1, q2);
}

/**
 * e^x to about 1e-28 relative for −600 ≤ x ≤ 709. Below that the low word becomes subnormal and
 * precision fades towards float64's; below −745 the result is 0, as in float64.
 */
export function exp(x: DD): DD {
  if (Number.isNaN(x.hi) || x.hi === Infinity) return dd(NaN);
  if (x.hi < -745.2) return dd(0);
  if (x.hi === 0 && x.lo === 0) return dd(1);
  const k = Math.round(x.hi / LN2.hi);
  // r = (x − k·ln2) / 1024, so |r| ≤ ln2/2048 and the series converges in a dozen terms.
  const r = mulNumber(add(x, neg(mulNumber(LN2, k))), 1 / 1024);
  // e^r − 1 = r + r²/2 + r³/3! + …
  let sum = add(r, mulNumber(mul(r, r), 0.5));
  let power = mul(r, r);
  for (const inv of INV_FACTORIALS) {
    power = mul(power, r);
    const term = mul(power, inv);
    sum = add(sum, term);
    if (Math.abs(term.hi) < 1e-34) break;
  }
  // (1 + s)² − 1 = 2s + s², ten times, keeps the small quantity small.
  for (let i = 0; i < 10; i++) sum = add(mulNumber(sum, 2), mul(sum, sum));
  const result = add(sum, dd(1));
  return scale(result, k);
}

/** a · 2^k without overflow of the intermediate power. */
function scale(a: DD, k: number): DD {
  let out = a;
  let rest = k;
  while (rest !== 0) {
    const step = Math.max(-1000, Math.min(1000, rest));
    const f = Math.pow(2, step);
    out = { hi: out.hi * f, lo: out.lo * f };
    rest -= step;
  }
  return out;
}

/** The exact value of a float64 as a decimal (m · 2^e = m · 5^−e · 10^e, built from its digits). */
export function exactDecimal(D: typeof Decimal, x: number): Decimal {
  if (x === 0 || !Number.isFinite(x)) return new D(x);
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const digits = BigInt(m) * 5n ** BigInt(-e);
  return new D(`${digits}e${e}`);
}

/** A decimal to double-double: hi the nearest float64, lo the nearest float64 to the rest. */
export function fromDecimal(D: typeof Decimal, c: Decimal): DD {
  const hi = c.toNumber();
  if (!Number.isFinite(hi) || hi === 0) return dd(hi);
  return dd(hi, c.minus(exactDecimal(D, hi)).toNumber());
}

/** The exact value of a double-double as a decimal. */
export function toDecimal(D: typeof Decimal, x: DD): Decimal {
  return exactDecimal(D, x.hi).plus(exactDecimal(D, x.lo));
}

/** The bits of a positive bigint. */
function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** x · 2^e2 as a double-double: hi the nearest float64, lo the nearest float64 to the rest. */
function fromBigInt(x: bigint, e2: number): DD {
  const hi = Number(x);
  const lo = Number(x - BigInt(hi));
  const f = Math.pow(2, e2);
  return { hi: hi * f, lo: lo * f };
}

/**
 * A decimal text ("609.8", "1.2e-7") as a double-double, relative error below 2^-106 + 2^-119,
 * without decimal arithmetic. Null for other texts or magnitudes outside 1e-280…1e280.
 */
export function fromDecimalText(text: string): DD | null {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  const digits = ((m[1] ?? '') + frac).replace(/^0+/, '');
  if (digits === '') return m[1] || frac ? dd(0) : null;
  const e10 = Number(m[3] ?? 0) - frac.length; // the value is digits · 10^e10
  const top = e10 + digits.length; // the value lies in [10^(top−1), 10^top)
  if (!(top > -280 && top < 280)) return null;
  const n = BigInt(digits);
  if (e10 >= 0) return fromBigInt(n * 10n ** BigInt(e10), 0);
  // n / 10^k, scaled by 2^s so that the (truncated) quotient has at least 120 bits.
  const den = 10n ** BigInt(-e10);
  const s = Math.max(0, 121 + bitLength(den) - bitLength(n));
  return fromBigInt((n << BigInt(s)) / den, -s);
}
