import { Decimal } from 'decimal.js';
import type { DecayChain } from './decay-chain.js';

/**
 * The exact solution of dN/dt = L·N for a decay chain (a DAG), written as a sum of terms
 * c · t^p · e^(−μ t) per member: the Bateman solution, generalised to equal decay constants
 * (which give the t^p factors) and computed in decimal arithmetic of a chosen precision.
 *
 * Alongside each coefficient it keeps a magnitude: the same recursion run on absolute values.
 * The magnitude bounds every cancellation that a coefficient or a sum of terms can suffer, and
 * so gives a rigorous bound on the rounding error of any evaluation (see decay-solver.ts).
 */

export type DecimalCtor = typeof Decimal;

/** A chain's distinct decay constants. Members whose half-lives are equal (exactly) share a group. */
export interface RateGroups {
  readonly groupOf: Int32Array;
  /** Half-life of each group as an exact decimal, or null for stable (μ = 0). */
  readonly halfLife: readonly (Decimal | null)[];
  /** The same as the dataset writes it (seconds). */
  readonly halfLifeText: readonly (string | null)[];
  /** Decay constant of each group in float64. */
  readonly mu: Float64Array;
}

/** The terms of one member: parallel arrays. */
export interface MemberTerms {
  readonly group: number[];
  readonly power: number[];
  readonly coef: Decimal[];
  readonly mag: Decimal[];
}

export interface BatemanSolution {
  readonly precision: number;
  readonly D: DecimalCtor;
  readonly groups: RateGroups;
  /** Decay constant of each group at this precision. */
  readonly muExact: readonly Decimal[];
  /** Terms of each member for the whole inventory. */
  readonly members: readonly MemberTerms[];
  /** Bound on the error of any coefficient, as a multiple of its magnitude. */
  readonly coefRelError: Decimal;
}

export function rateGroups(chain: DecayChain): RateGroups {
  const keys = new Map<string, number>();
  const halfLife: (Decimal | null)[] = [];
  const halfLifeText: (string | null)[] = [];
  const mu: number[] = [];
  const groupOf = new Int32Array(chain.members.length);
  chain.members.forEach((m, i) => {
    const exact = m.halfLifeText === null ? null : new Decimal(m.halfLifeText);
    const key = exact === null ? 'stable' : exact.toString();
    let g = keys.get(key);
    if (g === undefined) {
      g = halfLife.length;
      keys.set(key, g);
      halfLife.push(exact);
      halfLifeText.push(m.halfLifeText);
      mu.push(m.lambda);
    }
    groupOf[i] = g;
  });
  return { groupOf, halfLife, halfLifeText, mu: Float64Array.from(mu) };
}

/** A polynomial in t that multiplies e^(−μ t), with the magnitudes of its coefficients. */
interface Poly {
  coef: Decimal[];
  mag: Decimal[];
}

/**
 * Solves the chain for an initial inventory (atoms per member; most members are 0).
 * Members are in topological order, so one pass over them suffices.
 */
export function solveBateman(
  chain: DecayChain,
  groups: RateGroups,
  initialAtoms: ArrayLike<number>,
  precision: number,
): BatemanSolution {
  const D = Decimal.clone({
    precision,
    rounding: Decimal.ROUND_HALF_EVEN,
    minE: -9e15,
    maxE: 9e15,
  });
  const ln2 = D.ln(2);
  const muExact = groups.halfLife.map((h) => (h === null ? new D(0) : ln2.div(h)));
  // λ_i − μ_g, computed as ln2 · (T_g − T_i) / (T_i · T_g) so that near-equal rates lose nothing.
  const rateGap = (gi: number, g: number): Decimal => {
    const ti = groups.halfLife[gi] ?? null;
    const tg = groups.halfLife[g] ?? null;
    if (ti === null) return (muExact[g] as Decimal).neg();
    if (tg === null) return muExact[gi] as Decimal;
    return ln2.mul(new D(tg).minus(ti)).div(new D(ti).mul(tg));
  };

  const n = chain.members.length;
  const solutions: Map<number, Poly>[] = [];
  for (let i = 0; i < n; i++) {
    const gi = groups.groupOf[i] as number;
    const source = sourceOf(chain, groups, solutions, muExact, i, D);
    const own: Poly = {
      coef: [new D(initialAtoms[i] ?? 0)],
      mag: [new D(Math.abs(initialAtoms[i] ?? 0))],
    };
    const solution = new Map<number, Poly>();
    for (const [g, s] of source) {
      if (g === gi) {
        // Resonant source: b_{l+1} = s_l / (l + 1).
        for (let l = 0; l < s.coef.length; l++) {
          own.coef[l + 1] = (s.coef[l] as Decimal).div(l + 1);
          own.mag[l + 1] = (s.mag[l] as Decimal).div(l + 1);
        }
        continue;
      }
      const gap = rateGap(gi, g);
      const p = particular(s, gap, D);
      solution.set(g, p);
      own.coef[0] = (own.coef[0] as Decimal).minus(p.coef[0] as Decimal);
      own.mag[0] = (own.mag[0] as Decimal).plus(p.mag[0] as Decimal);
    }
    fillHoles(own, D);
    if (!isZeroPoly(own)) solution.set(gi, own);
    solutions.push(solution);
  }

  const members = solutions.map(toTerms);
  // Each coefficient passes through a few roundings per chain level and one per incoming edge and
  // term summed; 16·(members + edges + 2) units of the last place covers them with room to spare.
  const edges = chain.parents.reduce((sum, e) => sum + e.length, 0);
  const coefRelError = new D(10).pow(1 - precision).mul(16 * (n + edges + 2));
  return { precision, D, groups, muExact, members, coefRelError };
}

/** Σ over parents p of λ_p · f_pi · N_p(t), grouped by exponential. */
function sourceOf(
  chain: DecayChain,
  groups: RateGroups,
  solutions: readonly Map<number, Poly>[],
  muExact: readonly Decimal[],
  i: number,
  D: DecimalCtor,
): Map<number, Poly> {
  const source = new Map<number, Poly>();
  for (const edge of chain.parents[i] ?? []) {
    const parent = solutions[edge.from];
    if (!parent || parent.size === 0) continue;
    const k = (muExact[groups.groupOf[edge.from] as number] as Decimal).mul(edge.fraction);
    for (const [g, poly] of parent) {
      const acc = source.get(g) ?? { coef: [], mag: [] };
      poly.coef.forEach((c, l) => {
        acc.coef[l] = (acc.coef[l] ?? new D(0)).plus(c.mul(k));
        acc.mag[l] = (acc.mag[l] ?? new D(0)).plus((poly.mag[l] as Decimal).mul(k));
      });
      source.set(g, acc);
    }
  }
  for (const poly of source.values()) fillHoles(poly, D);
  return source;
}

/**
 * The particular solution Σ a_l t^l e^(−μ t) of N' + λ N = Σ s_l t^l e^(−μ t) with λ − μ = gap ≠ 0:
 * gap · a_l = s_l − (l + 1) a_{l+1}, from the highest power down.
 */
function particular(s: Poly, gap: Decimal, D: DecimalCtor): Poly {
  const top = s.coef.length - 1;
  const coef: Decimal[] = new Array<Decimal>(top + 1);
  const mag: Decimal[] = new Array<Decimal>(top + 1);
  const absGap = gap.abs();
  for (let l = top; l >= 0; l--) {
    const next = l < top ? (coef[l + 1] as Decimal).mul(l + 1) : new D(0);
    const nextMag = l < top ? (mag[l + 1] as Decimal).mul(l + 1) : new D(0);
    coef[l] = (s.coef[l] as Decimal).minus(next).div(gap);
    mag[l] = (s.mag[l] as Decimal).plus(nextMag).div(absGap);
  }
  return { coef, mag };
}

function fillHoles(p: Poly, D: DecimalCtor): void {
  for (let l = 0; l < p.coef.length; l++) {
    p.coef[l] ??= new D(0);
    p.mag[l] ??= new D(0);
  }
}

function isZeroPoly(p: Poly): boolean {
  return p.mag.every((m) => m.isZero());
}

function toTerms(solution: Map<number, Poly>): MemberTerms {
  const terms: MemberTerms = { group: [], power: [], coef: [], mag: [] };
  for (const [g, poly] of solution) {
    poly.coef.forEach((c, l) => {
      const m = poly.mag[l] as Decimal;
      if (m.isZero()) return;
      terms.group.push(g);
      terms.power.push(l);
      terms.coef.push(c);
      terms.mag.push(m);
    });
  }
  return terms;
}
