import type { RateGroups } from './bateman.js';
import type { ChainEdge, DecayChain } from './decay-chain.js';
import {
  add,
  dd,
  div,
  fromDecimalText,
  LN2,
  mul,
  mulNumber,
  neg,
  type DD,
} from './double-double.js';
import { packTerms, type FastTerms, type TermList } from './float-tier.js';

/**
 * The chain's exact solution (the recursion of bateman.ts) set up in double-double arithmetic
 * instead of 40-digit decimals, a hundred times cheaper, with a rigorous bound on every
 * coefficient's error. Each coefficient c̃ carries its magnitude M (the same recursion on absolute
 * values, in float64) and a count K of units U = 2^-104 with |c̃ − c| ≤ K·U·M:
 *
 *   c = a ± b     K = max(K_a, K_b) + ADD         M = M_a + M_b
 *   c = a · k     K = K_a + E_k + MUL             M = M_a·|k|   (E_k: k's relative error, in units)
 *   c = a / n     K = K_a + DIV                   M = M_a / n   (n a small integer)
 *
 * (1 / (λ_i − μ_g) is itself a division: its error is the gap's plus DIV), with the operation
 * bounds of Joldes, Muller & Popescu (ACM TOMS 44, 2017) rounded up with at least one unit to
 * spare for the second-order terms, which stay below 1e-22 units while every bound is below
 * MAX_COEF_ERROR. A rate gap λ_i − μ_g subtracts two rates known to E_μ units
 * each, so its relative error is E_μ·(λ_i + μ_g)/|λ_i − μ_g| + ADD units: large only for nearly
 * equal half-lives.
 *
 * Returns null, and the caller sets up in decimal arithmetic as before, when a magnitude or a
 * factor leaves the range where float64 and double-double cannot underflow or overflow, or when a
 * coefficient's bound exceeds MAX_COEF_ERROR of its magnitude (nearly equal half-lives: decimals
 * then keep the double-double tier as strong as ever).
 */

const U = 2 ** -104;
/** AccurateDWPlusDW: 3·2^-106 = 0.75 U. */
const ADD = 2;
/** DWTimesDW: 7·2^-106 = 1.75 U; a double-double times a float64: 3·2^-106. */
const MUL = 3;
/** DWDivDW2: 15·2^-106 + 56·2^-159 ≈ 3.75 U. */
const DIV = 6;
/** ln 2 in double-double (below 2^-107, tested) and a decimal text read by fromDecimalText. */
const CONSTANT = 1;
/** μ = ln 2 / T½: both inputs and the division. */
const MU = 2 * CONSTANT + DIV;
/** Beyond this a coefficient is set up in decimals (the double-double tier's own error is 1e-27). */
export const MAX_COEF_ERROR = 1e-27;
/** Magnitudes stay here, factors (rates, gaps) within 1e±60: no product under- or overflows. */
const MAG_MIN = 1e-200;
const MAG_MAX = 1e200;
const FACTOR_MIN = 1e-60;
const FACTOR_MAX = 1e60;
/**
 * Float64 magnitudes drift from the exact recursion by at most one float64 unit per operation
 * (its rounding, and the rounding of the factor's high word, whose own error is below 1e-27);
 * with `ops` operations the drift is below 2·ops·ε, kept under 1e-9, and the magnitudes handed on
 * are raised by MAG_SLACK.
 */
const MAG_SLACK = 1 + 2e-9;

interface Poly {
  coef: DD[];
  mag: number[];
  err: number[];
}

/** A factor with its float64 magnitude and relative error in units U. */
interface Factor {
  readonly value: DD;
  readonly mag: number;
  readonly err: number;
}

class Unfit extends Error {}

export function fastBateman(
  chain: DecayChain,
  groups: RateGroups,
  initialAtoms: ArrayLike<number>,
): FastTerms | null {
  try {
    return setUp(chain, groups, initialAtoms);
  } catch (e) {
    if (e instanceof Unfit) return null;
    throw e;
  }
}

function setUp(
  chain: DecayChain,
  groups: RateGroups,
  initialAtoms: ArrayLike<number>,
): FastTerms | null {
  const count = groups.mu.length;
  const mu: DD[] = groups.halfLifeText.map((text) => {
    if (text === null) return dd(0);
    const t = fromDecimalText(text);
    if (!t) throw new Unfit();
    const m = div(LN2, t);
    factorInRange(m.hi);
    return m;
  });
  const muRel = Float64Array.from(groups.halfLifeText, (text) => (text === null ? 0 : MU * U));
  let ops = 0;

  const gaps = new Map<number, Factor>();
  /** 1 / (λ_i − μ_g). */
  const inverseGap = (gi: number, g: number): Factor => {
    const key = gi * count + g;
    let f = gaps.get(key);
    if (f) return f;
    let gap: DD;
    let err = MU;
    if (groups.halfLifeText[gi] === null) gap = neg(mu[g] as DD);
    else if (groups.halfLifeText[g] === null) gap = mu[gi] as DD;
    else {
      const [a, b] = [mu[gi] as DD, mu[g] as DD];
      gap = add(a, neg(b));
      err = (MU * (Math.abs(a.hi) + Math.abs(b.hi)) * (1 + 1e-12)) / Math.abs(gap.hi) + ADD;
    }
    if (!(err * U <= MAX_COEF_ERROR)) throw new Unfit();
    const value = div(dd(1), gap);
    f = { value, mag: Math.abs(value.hi), err: err * (1 + 2 * err * U) + DIV };
    factorInRange(f.mag);
    gaps.set(key, f);
    return f;
  };

  /** λ_p · f for an edge. */
  const feed = (edge: ChainEdge): Factor | null => {
    const m = mu[groups.groupOf[edge.from] as number] as DD;
    if (m.hi === 0) return null;
    if (edge.fraction === 1) return { value: m, mag: Math.abs(m.hi), err: MU };
    const f = fromDecimalText(String(edge.fraction));
    if (!f) throw new Unfit();
    const value = mul(m, f);
    factorInRange(value.hi);
    return { value, mag: Math.abs(value.hi), err: MU + CONSTANT + MUL };
  };

  const sourceOf = (solutions: readonly Map<number, Poly>[], i: number): Map<number, Poly> => {
    const source = new Map<number, Poly>();
    for (const edge of chain.parents[i] ?? []) {
      const parent = solutions[edge.from];
      if (!parent || parent.size === 0) continue;
      const k = feed(edge);
      if (!k) continue;
      for (const [g, poly] of parent) {
        let acc = source.get(g);
        if (!acc) source.set(g, (acc = { coef: [], mag: [], err: [] }));
        for (let l = 0; l < poly.coef.length; l++) {
          const c = mul(poly.coef[l] as DD, k.value);
          const m = (poly.mag[l] as number) * k.mag;
          const e = (poly.err[l] as number) + k.err + MUL;
          const prev = acc.coef[l];
          if (prev === undefined) {
            acc.coef[l] = c;
            acc.mag[l] = m;
            acc.err[l] = e;
          } else {
            acc.coef[l] = add(prev, c);
            acc.mag[l] = (acc.mag[l] as number) + m;
            acc.err[l] = Math.max(acc.err[l] as number, e) + ADD;
          }
        }
        ops += 2 * poly.coef.length;
      }
    }
    for (const poly of source.values()) fillHoles(poly);
    return source;
  };

  /** Σ a_l t^l e^(−μ t) with (λ − μ)·a_l = s_l − (l + 1)·a_{l+1}, from the highest power down. */
  const particular = (s: Poly, inv: Factor): Poly => {
    const top = s.coef.length - 1;
    const p: Poly = { coef: [], mag: [], err: [] };
    for (let l = top; l >= 0; l--) {
      let num = s.coef[l] as DD;
      let numMag = s.mag[l] as number;
      let numErr = s.err[l] as number;
      if (l < top) {
        num = add(num, neg(mulNumber(p.coef[l + 1] as DD, l + 1)));
        numMag += (p.mag[l + 1] as number) * (l + 1);
        numErr = Math.max(numErr, (p.err[l + 1] as number) + MUL) + ADD;
      }
      p.coef[l] = mul(num, inv.value);
      p.mag[l] = numMag * inv.mag;
      p.err[l] = numErr + inv.err + MUL;
    }
    ops += 3 * s.coef.length;
    return p;
  };

  const solutions: Map<number, Poly>[] = [];
  for (let i = 0; i < chain.members.length; i++) {
    const gi = groups.groupOf[i] as number;
    const n0 = initialAtoms[i] ?? 0;
    const own: Poly = { coef: [dd(n0)], mag: [Math.abs(n0)], err: [0] };
    const solution = new Map<number, Poly>();
    for (const [g, s] of sourceOf(solutions, i)) {
      if (g === gi) {
        // Resonant source: b_{l+1} = s_l / (l + 1).
        for (let l = 0; l < s.coef.length; l++) {
          own.coef[l + 1] = div(s.coef[l] as DD, dd(l + 1));
          own.mag[l + 1] = (s.mag[l] as number) / (l + 1);
          own.err[l + 1] = (s.err[l] as number) + DIV;
        }
        ops += s.coef.length;
        continue;
      }
      const p = particular(s, inverseGap(gi, g));
      solution.set(g, p);
      own.coef[0] = add(own.coef[0] as DD, neg(p.coef[0] as DD));
      own.mag[0] = (own.mag[0] as number) + (p.mag[0] as number);
      own.err[0] = Math.max(own.err[0] as number, p.err[0] as number) + ADD;
      ops++;
    }
    fillHoles(own);
    if (own.mag.some((m) => m !== 0)) solution.set(gi, own);
    for (const poly of solution.values()) for (const m of poly.mag) magnitudeInRange(m);
    solutions.push(solution);
  }
  if (2 * ops * Number.EPSILON > 1e-9) return null;
  return packTerms(termList(solutions), groups.mu, mu, muRel);
}

function termList(solutions: readonly Map<number, Poly>[]): TermList {
  const list: TermList = { start: [], group: [], power: [], coefDD: [], mag: [], coefRel: [] };
  for (const solution of solutions) {
    list.start.push(list.group.length);
    for (const [g, poly] of solution) {
      for (let l = 0; l < poly.coef.length; l++) {
        const m = poly.mag[l] as number;
        if (m === 0) continue;
        const rel = (poly.err[l] as number) * U;
        if (!(rel <= MAX_COEF_ERROR)) throw new Unfit();
        list.group.push(g);
        list.power.push(l);
        list.coefDD.push(poly.coef[l] as DD);
        list.mag.push(m * MAG_SLACK);
        list.coefRel.push(rel);
      }
    }
  }
  list.start.push(list.group.length);
  return list;
}

function fillHoles(p: Poly): void {
  for (let l = 0; l < p.coef.length; l++) {
    if (p.coef[l] !== undefined) continue;
    p.coef[l] = dd(0);
    p.mag[l] = 0;
    p.err[l] = 0;
  }
}

function magnitudeInRange(m: number): void {
  if (m !== 0 && !(m >= MAG_MIN && m <= MAG_MAX)) throw new Unfit();
}

function factorInRange(x: number): void {
  const a = Math.abs(x);
  if (!(a >= FACTOR_MIN && a <= FACTOR_MAX)) throw new Unfit();
}
