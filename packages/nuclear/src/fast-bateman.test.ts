import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixtures.js';
import { rateGroups, solveBateman } from './bateman.js';
import { builtinDataset } from './builtin-dataset.js';
import { parseDatasetCsv } from './dataset-csv.js';
import type { Dataset } from './dataset.js';
import { decayChain } from './decay-chain.js';
import { toDecimal } from './double-double.js';
import { fastBateman, MAX_COEF_ERROR } from './fast-bateman.js';

function csv(text: string): Dataset {
  const parsed = parseDatasetCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const nubase = builtinDataset();
const icrp = csv(fixture('icrp107/icrp107.csv'));

function setUps(data: Dataset, roots: Record<string, number>) {
  const chain = decayChain(data, Object.keys(roots));
  const groups = rateGroups(chain);
  const initial = Float64Array.from(chain.members, (m) => roots[m.name] ?? 0);
  return {
    fast: fastBateman(chain, groups, initial),
    exact: solveBateman(chain, groups, initial, 80),
  };
}

/** Every term of the double-double set-up within its bound of the 80-digit one, magnitudes above. */
function expectWithinBounds(data: Dataset, roots: Record<string, number>): void {
  const { fast, exact } = setUps(data, roots);
  expect(fast).not.toBeNull();
  const f = fast!;
  exact.members.forEach((m, i) => {
    const terms = new Map<string, number>();
    for (let k = f.start[i] as number; k < (f.start[i + 1] as number); k++) {
      terms.set(`${f.group[k]}:${f.power[k]}`, k);
    }
    expect(terms.size).toBe(m.coef.length);
    m.coef.forEach((c, j) => {
      const k = terms.get(`${m.group[j]}:${m.power[j]}`) as number;
      const mag = m.mag[j] as Decimal;
      expect(f.mag[k]).toBeGreaterThanOrEqual(mag.toNumber());
      const error = toDecimal(exact.D, f.coefDD[k]!).minus(c).abs().div(mag).toNumber();
      expect(error).toBeLessThanOrEqual(f.coefRel[k] as number);
      expect(f.coefRel[k]).toBeLessThanOrEqual(MAX_COEF_ERROR);
    });
  });
}

describe('the double-double set-up', () => {
  it.each(['U-238', 'Th-232', 'U-235', 'Np-237', 'Pu-239', 'Am-241', 'Ac-225', 'Lu-177'])(
    'keeps every coefficient of %s (NUBASE2020) within its bound',
    (root) => expectWithinBounds(nubase, { [root]: 1 }),
  );

  it.each(['Ac-225', 'Th-228', 'Mo-99', 'Ta-182', 'Ra-223'])(
    'keeps every coefficient of %s (ICRP-107) within its bound',
    (root) => expectWithinBounds(icrp, { [root]: 1 }),
  );

  it('keeps a mixture whose roots descend from each other within its bounds', () => {
    expectWithinBounds(nubase, { 'Ra-226': 3e20, 'Pb-210': 5e12, 'Rn-222': 1 });
  });

  it('keeps equal half-lives (the t^k terms) within their bounds', () => {
    const equal = csv(
      'nuclide,half_life_s,daughter,mode,fraction\nA-1,100,B-1,B-,0.7\nA-1,100,C-1,B-,0.3\nB-1,100,C-1,B-,1\nC-1,100,D-1,B-,1\nD-1,inf,,,\n',
    );
    expectWithinBounds(equal, { 'A-1': 1e6 });
  });

  it('leaves half-lives 1 part in 1e12 apart to decimals (its bound would be too weak)', () => {
    const near = csv(
      'nuclide,half_life_s,daughter,mode,fraction\nA-1,100,B-1,B-,1\nB-1,100.0000000001,C-1,B-,1\nC-1,99.9999999999,D-1,B-,1\nD-1,inf,,,\n',
    );
    expect(setUps(near, { 'A-1': 1 }).fast).toBeNull();
  });

  it('leaves magnitudes beyond 1e±200 to decimals (no underflow in its bounds)', () => {
    const stiff = csv(
      'nuclide,half_life_s,daughter,mode,fraction\nA-1,1e30,B-1,B-,1\nB-1,1e-20,C-1,B-,1\nC-1,1e30,D-1,B-,1\nD-1,1e-20,E-1,B-,1\nE-1,inf,,,\n',
    );
    expect(setUps(stiff, { 'A-1': 1e-120 }).fast).toBeNull();
    expect(setUps(stiff, { 'A-1': 1 }).fast).not.toBeNull();
  });
});
