import { Decimal } from 'decimal.js';
import { decayChain, type Dataset } from '../src/index.js';

/**
 * An independent check of the decay engine: N(t) = exp(L·t)·N0 by scaling and squaring of a
 * Taylor series in decimal arithmetic, the method the reference's cross-check uses. It shares no
 * code with the Bateman solution (only the list of chain members). The 2^s growth of rounding
 * error in the squarings is covered by the working precision.
 */
export function expmAtoms(
  data: Dataset,
  inventory: ReadonlyMap<string, number>,
  t: number,
  precision = 70,
): Map<string, number> {
  const D = Decimal.clone({ precision, minE: -9e15, maxE: 9e15 });
  const members = decayChain(data, [...inventory.keys()]).members;
  const n = members.length;
  const index = new Map(members.map((m, i) => [m.name, i]));
  const ln2 = D.ln(2);
  const lambda = members.map((m) => (m.halfLifeText === null ? new D(0) : ln2.div(m.halfLifeText)));
  const tD = new D(t);
  // A = L·t, lower triangular in chain order.
  const A = zeros(n, D);
  members.forEach((m, j) => {
    const lt = (lambda[j] as Decimal).mul(tD);
    (A[j] as Decimal[])[j] = lt.neg();
    for (const b of m.branches) {
      const i = b.daughter === null ? undefined : index.get(b.daughter);
      if (i !== undefined) (A[i] as Decimal[])[j] = lt.mul(b.fraction);
    }
  });
  const norm = Decimal.max(...lambda)
    .mul(tD)
    .mul(4);
  const s = norm.lte(1) ? 0 : Math.ceil(Math.log2(norm.toNumber()) + 1);
  const scaled = A.map((row) => row.map((x) => x.div(new D(2).pow(s))));
  let E = taylor(scaled, D, precision);
  for (let k = 0; k < s; k++) E = multiply(E, E, D);
  const out = new Map<string, number>();
  members.forEach((m, i) => {
    let v = new D(0);
    for (const [name, count] of inventory) {
      v = v.plus(((E[i] as Decimal[])[index.get(name) as number] as Decimal).mul(count));
    }
    out.set(m.name, v.toNumber());
  });
  return out;
}

function zeros(n: number, D: typeof Decimal): Decimal[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => new D(0)));
}

function multiply(X: Decimal[][], Y: Decimal[][], D: typeof Decimal): Decimal[][] {
  const n = X.length;
  const Z = zeros(n, D);
  // Lower triangular: Z[i][j] = Σ_{k=j..i} X[i][k]·Y[k][j].
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let acc = new D(0);
      for (let k = j; k <= i; k++) {
        const x = (X[i] as Decimal[])[k] as Decimal;
        if (x.isZero()) continue;
        acc = acc.plus(x.mul((Y[k] as Decimal[])[j] as Decimal));
      }
      (Z[i] as Decimal[])[j] = acc;
    }
  }
  return Z;
}

function taylor(A: Decimal[][], D: typeof Decimal, precision: number): Decimal[][] {
  const n = A.length;
  const E = zeros(n, D);
  for (let i = 0; i < n; i++) (E[i] as Decimal[])[i] = new D(1);
  let term = E.map((row) => row.slice());
  const tiny = new D(10).pow(-precision - 5);
  for (let k = 1; k < 400; k++) {
    term = multiply(term, A, D).map((row) => row.map((x) => x.div(k)));
    let biggest = new D(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const x = (term[i] as Decimal[])[j] as Decimal;
        (E[i] as Decimal[])[j] = ((E[i] as Decimal[])[j] as Decimal).plus(x);
        if (x.abs().gt(biggest)) biggest = x.abs();
      }
    }
    if (biggest.lt(tiny)) break;
  }
  return E;
}
