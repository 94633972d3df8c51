/*
 * Small dense symmetric matrices (a handful of covariates or groups), written here so the package
 * needs no linear-algebra dependency.
 */

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/** An n×n matrix of zeros. */
export function zeroMatrix(n: number): Matrix {
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}

/** The entry (i, j) of a matrix, with `noUncheckedIndexedAccess` satisfied (0 if absent). */
export function at(m: readonly (readonly number[])[], i: number, j: number): number {
  return m[i]?.[j] ?? 0;
}

/** The product of a matrix and a vector. */
export function multiply(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));
}

/** The result of {@link generalizedInverse}. */
export interface GeneralizedInverse {
  /** A symmetric generalized inverse: the inverse of the kept block, zeros elsewhere. */
  readonly inverse: Matrix;
  /** The number of columns kept: the numerical rank. */
  readonly rank: number;
  /** For each column, whether it was kept (false: a linear combination of earlier columns). */
  readonly kept: readonly boolean[];
}

/**
 * A generalized inverse of a symmetric positive semi-definite matrix by Cholesky decomposition
 * with a tolerance, in the manner of Therneau's cholesky2/chinv2 in R's survival package: column i
 * is dropped when the part of its diagonal not explained by the earlier kept columns is at most
 * `tolerance` × its diagonal (so it is, numerically, a linear combination of them, or zero). The
 * kept block is inverted as L⁻ᵀL⁻¹; dropped rows and columns of the inverse are zero.
 */
export function generalizedInverse(
  a: readonly (readonly number[])[],
  tolerance = 1e-10,
): GeneralizedInverse {
  const n = a.length;
  const l = zeroMatrix(n);
  const kept: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const diagonal = at(a, i, i);
    let s = diagonal;
    for (let k = 0; k < i; k++) s -= at(l, i, k) ** 2;
    const keep = Number.isFinite(s) && diagonal > 0 && s > tolerance * diagonal;
    kept.push(keep);
    if (!keep) continue;
    const li = l[i] as number[];
    li[i] = Math.sqrt(s);
    for (let j = i + 1; j < n; j++) {
      let t = at(a, j, i);
      for (let k = 0; k < i; k++) t -= at(l, j, k) * at(l, i, k);
      (l[j] as number[])[i] = t / Math.sqrt(s);
    }
  }
  // Invert the lower-triangular factor column by column (forward substitution on unit vectors).
  const lInverse = zeroMatrix(n);
  for (let c = 0; c < n; c++) {
    if (!kept[c]) continue;
    for (let i = c; i < n; i++) {
      if (!kept[i]) continue;
      let t = i === c ? 1 : 0;
      for (let k = c; k < i; k++) t -= at(l, i, k) * at(lInverse, k, c);
      (lInverse[i] as number[])[c] = t / at(l, i, i);
    }
  }
  const inverse = zeroMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let t = 0;
      for (let k = i; k < n; k++) t += at(lInverse, k, i) * at(lInverse, k, j);
      (inverse[i] as number[])[j] = t;
      (inverse[j] as number[])[i] = t;
    }
  }
  return { inverse, rank: kept.filter(Boolean).length, kept };
}
