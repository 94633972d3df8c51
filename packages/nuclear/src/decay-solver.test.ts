import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expmAtoms } from '../test/expm-oracle.js';
import { fixture } from '../test/fixtures.js';
import { builtinDataset } from './builtin-dataset.js';
import { parseDatasetCsv } from './dataset-csv.js';
import type { Dataset } from './dataset.js';
import { clearDecayCache, decayAt, MAX_CACHED_PARENTS, parentSolver } from './decay-cache.js';
import { decaySolver } from './decay-solver.js';
import { inventoryOf } from './inventory.js';
import { seconds, SECONDS_PER_YEAR, type Seconds } from './units.js';

const data = builtinDataset();

function solverFor(amounts: Record<string, number>, unit = 'Bq', d: Dataset = data) {
  const inventory = inventoryOf(d, amounts, unit);
  if (!inventory.ok) throw new Error(inventory.error.message);
  return decaySolver(d, inventory.value);
}

function valueOf(solver: ReturnType<typeof solverFor>, t: number, name: string) {
  const state = solver.at(seconds(t));
  const i = state.members.findIndex((m) => m.name === name);
  return { atoms: state.atoms[i] as number, activity: state.activities[i] as number };
}

function csv(text: string): Dataset {
  const parsed = parseDatasetCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The reference tolerance: 1e-9 relative, or 1e-9 of the largest value for values below 1e-9 of it. */
function withinContract(got: ArrayLike<number>, want: ArrayLike<number>): boolean {
  const largest = Math.max(...Array.from(want));
  return Array.from(want).every((w, i) => {
    const limit = w >= 1e-9 * largest ? 1e-9 * w : 1e-9 * largest;
    return Math.abs((got[i] as number) - w) <= limit;
  });
}

describe('decay of one nuclide and of a parent–daughter pair', () => {
  it('halves F-18 every half-life', () => {
    const f18 = solverFor({ 'F-18': 1e9 });
    const half = data.byName.get('F-18')?.halfLife as number;
    expect(rel(valueOf(f18, half, 'F-18').activity, 5e8)).toBeLessThan(1e-14);
    expect(rel(valueOf(f18, 10 * half, 'F-18').activity, 1e9 / 1024)).toBeLessThan(1e-13);
  });

  it('returns the inventory itself at t = 0', () => {
    const s = solverFor({ 'Ac-225': 1e6 });
    const state = s.at(seconds(0));
    expect(rel(state.activities[0] as number, 1e6)).toBeLessThan(1e-15);
    expect([...state.atoms.slice(1)].every((v) => v === 0)).toBe(true);
  });

  it('grows Ga-68 into a Ge-68 source as the Bateman equation says', () => {
    const ge = solverFor({ 'Ge-68': 1.85e9 });
    const [l1, l2] = [Math.LN2 / 23418720, Math.LN2 / 4070.52];
    const n0 = 1.85e9 / l1;
    for (const t of [60, 4070.52, 86400, 3e7]) {
      const expected = ((n0 * l1) / (l2 - l1)) * (Math.exp(-l1 * t) - Math.exp(-l2 * t));
      expect(rel(valueOf(ge, t, 'Ga-68').atoms, expected)).toBeLessThan(1e-12);
    }
  });
});

describe('equal and near-equal half-lives', () => {
  const equal = csv(
    'nuclide,half_life_s,daughter,mode,fraction\nA-1,100,B-1,B-,1\nB-1,100,C-1,B-,1\nC-1,100,D-1,B-,1\nD-1,inf,,,\n',
  );

  it('solves a chain of identical half-lives exactly (the t^k e^(−λt) terms)', () => {
    const s = solverFor({ 'A-1': 1e6 }, 'num', equal);
    const l = Math.LN2 / 100;
    for (const t of [1e-6, 1, 100, 1000, 1e4]) {
      const x = l * t;
      const e = Math.exp(-x);
      const state = s.at(seconds(t));
      const [a, b, c, d] = state.atoms as unknown as number[];
      expect(rel(a as number, 1e6 * e)).toBeLessThan(1e-13);
      if (e > 1e-200) {
        expect(rel(b as number, 1e6 * x * e)).toBeLessThan(1e-12);
        expect(rel(c as number, (1e6 * x * x * e) / 2)).toBeLessThan(1e-12);
      }
      const rest = 1e6 * (1 - e * (1 + x + (x * x) / 2));
      expect(Math.abs((d as number) - rest)).toBeLessThan(1e-6 + 1e-12 * rest);
    }
  });

  it('agrees with the equal case when half-lives differ by 1 part in 1e12', () => {
    const near = csv(
      'nuclide,half_life_s,daughter,mode,fraction\nA-1,100,B-1,B-,1\nB-1,100.0000000001,C-1,B-,1\nC-1,99.9999999999,D-1,B-,1\nD-1,inf,,,\n',
    );
    const [s1, s2] = [
      solverFor({ 'A-1': 1e6 }, 'num', equal),
      solverFor({ 'A-1': 1e6 }, 'num', near),
    ];
    for (const t of [1e-3, 50, 500]) {
      const [x, y] = [s1.at(seconds(t)).atoms, s2.at(seconds(t)).atoms];
      expect(withinContract(y, x)).toBe(true);
    }
    // The near-equal constants make the float64 Bateman sum useless: the exact path must answer.
    expect(s2.stats.doubleDouble + s2.stats.exact).toBeGreaterThan(0);
  });
});

describe('against an independent matrix exponential (decimal scaling and squaring)', () => {
  const icrp = csv(fixture('icrp107/icrp107.csv'));
  it.each([
    ['NUBASE2020', { 'Th-228': 1e6 }, 30 * 86400],
    ['NUBASE2020', { 'U-238': 1e6 }, 1e-6],
    ['NUBASE2020', { 'Ra-226': 1e6, 'Pb-210': 5e5 }, 1600 * SECONDS_PER_YEAR],
    ['ICRP-107', { 'Ac-225': 1e6 }, 10 * 86400],
    ['ICRP-107', { 'Th-228': 1e6, 'Ra-224': 2e6 }, 3.66 * 86400],
    ['ICRP-107', { 'Mo-99': 1e10 }, 86400],
    ['ICRP-107', { 'Ta-182': 1e6 }, 100 * 86400],
  ] as const)('%s %j after %d s', (which, inv, t) => {
    const d = which === 'ICRP-107' ? icrp : data;
    const s = solverFor(inv, 'Bq', d);
    const state = s.at(seconds(t));
    const inventory = inventoryOf(d, inv, 'Bq');
    if (!inventory.ok) throw new Error(inventory.error.message);
    const oracle = expmAtoms(d, inventory.value, t);
    const largest = Math.max(...oracle.values());
    state.members.forEach((m, i) => {
      const want = oracle.get(m.name) as number;
      const got = state.atoms[i] as number;
      const limit = want >= 1e-9 * largest ? 1e-10 * want : 1e-10 * largest;
      expect(Math.abs(got - want), m.name).toBeLessThanOrEqual(limit);
    });
  });
});

describe('number of decays in an interval', () => {
  it('is N0·(1 − e^(−λt)) for one nuclide and counts every decay that feeds a daughter', () => {
    const s = solverFor({ 'Lu-177': 7.4e9 });
    const l = Math.LN2 / 574067.52;
    const n0 = 7.4e9 / l;
    for (const t of [1, 86400, 1e7]) {
      expect(rel(s.decays(seconds(t))[0] as number, -n0 * Math.expm1(-l * t))).toBeLessThan(1e-12);
    }
    // Hf-177 atoms equal Lu-177 decays: every decay makes one.
    const t = seconds(3 * 86400);
    expect(rel(s.at(t).atoms[1] as number, s.decays(t)[0] as number)).toBeLessThan(1e-12);
  });

  it('sums branch by branch in the Pb-212 chain', () => {
    const s = solverFor({ 'Pb-212': 1e6 });
    const t = seconds(2 * 86400);
    const decays = s.decays(t);
    const name = (i: number) => s.members[i]?.name;
    const byName = new Map(s.members.map((m, i) => [m.name, decays[i] as number]));
    const tl208Now = valueOf(s, t, 'Tl-208').atoms;
    // Atoms fed into Tl-208 = its decays + what is still there.
    const fed = 0.3594 * (byName.get('Bi-212') as number);
    expect(rel((byName.get('Tl-208') as number) + tl208Now, fed)).toBeLessThan(1e-11);
    expect(name(0)).toBe('Pb-212');
    expect(byName.get('Pb-208')).toBe(0);
  });
});

describe('properties', () => {
  const parents = [
    'F-18',
    'Ga-68',
    'Ge-68',
    'Lu-177',
    'Lu-177m',
    'Ac-225',
    'Th-228',
    'Pb-212',
    'Mo-99',
    'Ra-223',
    'U-238',
    'Tc-99m',
    'I-131',
  ];
  const inventory = fc.dictionary(
    fc.constantFrom(...parents),
    fc.double({ min: 1, max: 1e12, noNaN: true }),
    {
      minKeys: 1,
      maxKeys: 3,
    },
  );
  const time = fc.oneof(
    fc.double({ min: 0, max: 1e3, noNaN: true }),
    fc.double({ min: 0, max: 3e9, noNaN: true }),
  );

  it('never gives a negative or non-finite activity', () => {
    fc.assert(
      fc.property(inventory, time, (inv, t) => {
        const state = solverFor(inv).at(seconds(t));
        return [...state.activities, ...state.atoms].every((v) => Number.isFinite(v) && v >= 0);
      }),
      { numRuns: 60 },
    );
  });

  it('decaying t1 then t2 equals decaying t1 + t2', () => {
    fc.assert(
      fc.property(inventory, time, time, (inv, t1, t2) => {
        const s = solverFor(inv);
        const mid = s.at(seconds(t1));
        const again = decaySolver(
          data,
          new Map(mid.members.map((m, i) => [m.name, mid.atoms[i] as number])),
        );
        const twoStep = again.at(seconds(t2));
        const byName = new Map(twoStep.members.map((m, i) => [m.name, twoStep.atoms[i] as number]));
        const direct = s.at(seconds(t1 + t2));
        // The two-step path starts from values the contract lets be off by 1e-12 of the largest
        // (values below 1e-9 of it), and that absolute error is carried forward: a stable end
        // just above the floor after t2 (Mo-99 for 5e-324 s, then 814 s) may differ by it.
        const largest = Math.max(...direct.atoms);
        return direct.atoms.every((w, i) => {
          const got = byName.get(direct.members[i]!.name) ?? NaN;
          return Math.abs(got - w) <= 1e-9 * w + 1e-12 * largest;
        });
      }),
      { numRuns: 40, examples: [[{ 'Mo-99': 1 }, 5e-324, 814.1902483489033]] },
    );
  });

  it('conserves atoms through chains without fission or dropped branches', () => {
    const conserving = parents.filter((p) => p !== 'U-238');
    fc.assert(
      fc.property(fc.constantFrom(...conserving), time, (p, t) => {
        const s = solverFor({ [p]: 1e9 });
        const total = s.at(seconds(0)).atoms.reduce((a, b) => a + b, 0);
        const later = s.at(seconds(t)).atoms.reduce((a, b) => a + b, 0);
        return rel(later, total) < 1e-11;
      }),
      { numRuns: 40 },
    );
  });
});

describe('edges the engine must survive (found in review)', () => {
  it('gives 0, not a hang, for t far beyond every half-life', () => {
    const s = solverFor({ 'Lu-177': 5e9 });
    const state = s.at(seconds(9e29));
    expect(state.activities[0]).toBe(0);
    expect(state.atoms[1]).toBeGreaterThan(0);
  });

  it('refuses, rather than returns wrong values, when half-lives are too close for 640 digits', () => {
    // 12 radioactive members 1e-60 apart in half-life, then a stable end: ~1e700 of cancellation.
    const rows = Array.from({ length: 13 }, (_, i) =>
      i < 12 ? `N-${i + 1},1.${String(i + 1).padStart(60, '0')},N-${i + 2},B-,1` : `N-13,inf,,,`,
    );
    const d = csv(`nuclide,half_life_s,daughter,mode,fraction\n${rows.join('\n')}\n`);
    const s = solverFor({ 'N-1': 1e20 }, 'num', d);
    expect(() => s.at(seconds(10))).toThrow(/cannot resolve/);
  });

  it('stays accurate when everything has decayed to ~1e-300 (subnormal territory)', () => {
    // Three equal 10-My half-lives decayed over 10.5 Gy: the largest activity is ~5e-307 Bq.
    const d = csv(
      'nuclide,half_life_s,daughter,mode,fraction\nA-1,3.15569e14,B-1,B-,1\nB-1,3.15569e14,C-1,B-,1\nC-1,3.15569e14,D-1,B-,1\nD-1,inf,,,\n',
    );
    const inv = new Map([['A-1', 1e20]]);
    const t = 3.31e17;
    const state = decaySolver(d, inv).at(seconds(t));
    const oracle = expmAtoms(d, inv, t, 120);
    const want = d.nuclides.map((n) => oracle.get(n.name) ?? 0);
    expect(withinContract(state.atoms, want)).toBe(true);
  });
});

describe('decay questions from kept set-ups', () => {
  it('gives a mixture what one solver of the whole mixture gives', () => {
    const inventory = new Map([
      ['Ac-225', 3e12],
      ['Bi-213', 5e9],
      ['Ra-224', 7e11],
      ['Lu-177', 0],
    ]);
    const direct = decaySolver(data, inventory);
    for (const t of [0, 1, 3600, 86400 * 10, 86400 * 365]) {
      const want = direct.at(t as Seconds);
      const got = decayAt(data, inventory, t as Seconds);
      expect(got.members.map((m) => m.name).sort()).toEqual(want.members.map((m) => m.name).sort());
      want.members.forEach((m, i) => {
        const k = got.members.findIndex((g) => g.name === m.name);
        const scale = Math.max(...want.atoms);
        expect(Math.abs((got.atoms[k] as number) - (want.atoms[i] as number)) / scale).toBeLessThan(
          1e-12,
        );
      });
    }
  });

  it('keeps at most MAX_CACHED_PARENTS set-ups and answers the same after a parent is dropped', () => {
    clearDecayCache(data);
    const first = decayAt(data, new Map([['F-18', 1e9]]), 600 as Seconds).atoms[0];
    const names = data.nuclides.slice(0, MAX_CACHED_PARENTS + 5).map((n) => n.name);
    for (const name of names) parentSolver(data, name);
    expect(decayAt(data, new Map([['F-18', 1e9]]), 600 as Seconds).atoms[0]).toBe(first);
    clearDecayCache(data);
  });
});
