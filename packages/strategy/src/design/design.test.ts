import { greatCircleKm, offsetKm, roadLaneCost, roadMinutes } from '@halflife/domain/demo';
import { loadSolver, type Highs } from '@halflife/planner';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DESIGN_FORMAT,
  type CandidateSite,
  type DesignHospital,
  type DesignScenario,
} from './design-scenario.js';
import { parseDesignScenario } from './design-schema.js';
import { demoDesignScenarios, syntheticDesignScenario } from './demo-design.js';
import { demandOptions } from './reach.js';
import { solveDesign } from './solve-design.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadSolver();
});
const clock = () => 0;

/** Ga-68 half-life, NUBASE2020: 4070.52 s (67.842 min). */
const GA68_HALF_LIFE_MIN = 4070.52 / 60;
const DOSE_BQ = 200e6;
const YIELD = 0.65;
const QC = 15;
const PREP = 30;
const COST_PER_GBQ = 2000;
const DELIVERIES = 5;
const NEW_UNIT = 1_000_000;

/**
 * Three clusters far apart (no lane between them within Ga-68's shelf life). In clusters 1 and 2
 * hospitals are 10 and 20 km from a cheap site A and 15 km from a dear site B (cost factor 2); in
 * cluster 3 the hospitals are 140 km beyond A's reach... (A is 200 km away) and 12 km from B.
 * One hospital stands alone, out of every site's reach. Built so that the optimum is known:
 * A in clusters 1 and 2, B in cluster 3, the lone hospital unserved.
 */
const centres = [
  { latitude: 30, longitude: 100 },
  { latitude: 30, longitude: 110 },
  { latitude: 40, longitude: 115 },
];
const lone = { latitude: 45, longitude: 90 };

function clusters(doses: readonly number[] = [20, 20, 20]): {
  sites: CandidateSite[];
  hospitals: DesignHospital[];
} {
  const sites: CandidateSite[] = [];
  const hospitals: DesignHospital[] = [];
  centres.forEach((c, i) => {
    const far = i === 2;
    const a = far ? offsetKm(c, 270, 200) : c;
    const b = offsetKm(c, 180, far ? 12 : 15);
    sites.push({ id: `A${i}`, name: `A${i}`, ...a, airHub: false, allowed: ['lab'] });
    sites.push({
      id: `B${i}`,
      name: `B${i}`,
      ...b,
      airHub: false,
      allowed: ['lab'],
      costFactor: 2,
    });
    [0, 1].forEach((j) => {
      const at = far ? c : offsetKm(c, 90, j === 0 ? 10 : 20);
      hospitals.push({ id: `H${i}${j}`, name: `H${i}${j}`, ...at, demand: { GA: doses[i]! } });
    });
  });
  hospitals.push({ id: 'LONE', name: 'Lone', ...lone, demand: { GA: 5 } });
  return { sites, hospitals };
}

function scenario(overrides: Partial<DesignScenario> = {}): DesignScenario {
  return {
    format: DESIGN_FORMAT,
    name: 'known optimum',
    objective: { kind: 'cost' },
    technologies: [
      {
        id: 'lab',
        name: 'Ge-68/Ga-68 generator lab',
        products: ['GA'],
        capacityGbqPerWeek: { 'Ga-68': 100 },
        newUnitCostPerYear: NEW_UNIT,
        existingUnitCostPerYear: 300_000,
        maxUnitsPerSite: 2,
      },
    ],
    products: [
      {
        id: 'GA',
        name: 'Ga-68 PSMA-11',
        nuclide: 'Ga-68',
        use: 'diagnostic',
        doseBq: DOSE_BQ,
        qcMinutes: QC,
        prepMarginMinutes: PREP,
        shelfLifeMinutes: 240,
        radiochemicalYield: YIELD,
        costPerGbq: COST_PER_GBQ,
        deliveriesPerWeek: DELIVERIES,
        unservedPenaltyPerDose: 100_000,
      },
    ],
    ...clusters(),
    settings: { relativeGap: 0 },
    ...overrides,
  };
}

/** Yearly cost of serving hospital `h` from site `s` by road, by hand: exp decay, the lane rule. */
function servedByHand(s: CandidateSite, h: DesignHospital): number {
  const km = greatCircleKm(s, h);
  const minutes = QC + roadMinutes(km) + PREP;
  const startGbq = DOSE_BQ / (YIELD * 2 ** (-minutes / GA68_HALF_LIFE_MIN)) / 1e9;
  return 52 * (h.demand['GA']! * startGbq * COST_PER_GBQ + DELIVERIES * roadLaneCost(km));
}

describe('network design', () => {
  it('solves an instance built with a known optimum to it', () => {
    const s = scenario();
    const { sites, hospitals } = s;
    const site = (id: string) => sites.find((x) => x.id === id)!;
    const byHand =
      NEW_UNIT * (1 + 1 + 2) +
      [0, 1].reduce(
        (sum, i) =>
          sum +
          servedByHand(site(`A${i}`), hospitals[2 * i]!) +
          servedByHand(site(`A${i}`), hospitals[2 * i + 1]!),
        0,
      ) +
      servedByHand(site('B2'), hospitals[4]!) +
      servedByHand(site('B2'), hospitals[5]!) +
      52 * 5 * 100_000;
    const result = solveDesign(highs, s, { now: clock });
    expect(result.status).toBe('optimal');
    // The engine's decay times are rounded to the second: a few parts in 10⁷.
    expect(Math.abs(result.objectiveValue - byHand) / byHand).toBeLessThan(1e-6);
    expect(result.gap).toBeLessThan(1e-6);
    expect(result.facilities.map((f) => `${f.site}:${f.units}`).sort()).toEqual([
      'A0:1',
      'A1:1',
      'B2:1',
    ]);
    expect(result.unserved).toEqual([
      expect.objectContaining({ hospital: 'LONE', reason: 'out-of-reach', dosesPerWeek: 5 }),
    ]);
    expect(result.unserved[0]!.detail).toMatch(
      /no lane reaches it: the nearest site .* is \d+ km away/,
    );
    const total = result.costs.totalPerYear + result.costs.unservedPerYear;
    expect(total).toBeCloseTo(result.objectiveValue, 3);
    const product = result.products[0]!;
    expect(product.demandPerWeek).toBe(125);
    expect(product.servedPerWeek).toBeCloseTo(120, 9);
  });

  it('counts the extra starting activity decay costs, from the decay engine', () => {
    const s = scenario();
    const demand = demandOptions(s).find((d) => s.hospitals[d.hospital]!.id === 'H00')!;
    const option = demand.options.find((o) => s.sites[o.site]!.id === 'A0')!;
    const minutes = QC + roadMinutes(10) + PREP;
    expect(option.eosToCalibrationMinutes).toBeCloseTo(minutes, 6);
    // Rounded to the second by the engine's cache.
    const byHand = DOSE_BQ / (YIELD * 2 ** (-Math.round(minutes * 60) / 60 / GA68_HALF_LIFE_MIN));
    expect(option.startGbqPerDose * 1e9).toBeCloseTo(byHand, 0);
    expect(option.startGbqPerDose).toBeGreaterThan(DOSE_BQ / YIELD / 1e9);
  });

  it('uses a recorded lane instead of the estimate', () => {
    const s = scenario({
      lanes: [{ site: 'A0', hospital: 'H00', mode: 'road', minutes: 300, cost: 900 }],
    });
    const h00 = demandOptions(s).find((d) => s.hospitals[d.hospital]!.id === 'H00')!;
    // 15 min QC + 300 min + 30 min preparation is beyond Ga-68's 240 min: A0 no longer reaches.
    expect(h00.options.map((o) => s.sites[o.site]!.id)).toEqual(['B0']);
    const h01 = demandOptions(s).find((d) => s.hospitals[d.hospital]!.id === 'H01')!;
    expect(h01.options.map((o) => s.sites[o.site]!.id).sort()).toEqual(['A0', 'B0']);
    const bad = parseDesignScenario(
      JSON.parse(
        JSON.stringify(
          scenario({
            lanes: [{ site: 'Z9', hospital: 'H00', mode: 'road', minutes: 30, cost: 1 }],
          }),
        ),
      ),
    );
    expect(bad.ok ? [] : bad.errors).toContain("lanes[0].site: unknown site 'Z9'");
  });

  it('opens a second unit when the first is full', () => {
    const base = scenario();
    const tight = scenario({
      technologies: [{ ...base.technologies[0]!, capacityGbqPerWeek: { 'Ga-68': 20 } }],
    });
    const result = solveDesign(highs, tight, { now: clock });
    expect(result.status).toBe('optimal');
    // 40 doses of about 0.66–0.8 GBq need more than 20 GBq: every cluster needs two units or sites.
    for (const f of result.facilities)
      expect(f.utilisation['Ga-68']!).toBeLessThanOrEqual(1 + 1e-9);
    const units = result.facilities.reduce((n, f) => n + f.units, 0);
    expect(units).toBeGreaterThanOrEqual(6);
  });

  it('spends a budget on the clusters worth most, and says why the rest is unserved', () => {
    // 30, 20 and 10 doses per hospital; the budget is what clusters 1 and 2 cost from their cheap
    // sites. Clusters 1 and 3 would cost less but serve fewer doses.
    const placed = clusters([30, 20, 10]);
    const site = (id: string) => placed.sites.find((x) => x.id === id)!;
    const budget =
      2 * NEW_UNIT +
      [0, 1, 2, 3].reduce(
        (sum, h) => sum + servedByHand(site(h < 2 ? 'A0' : 'A1'), placed.hospitals[h]!),
        0,
      ) +
      1000;
    const s = scenario({ objective: { kind: 'coverage', budgetPerYear: budget }, ...placed });
    const result = solveDesign(highs, s, { now: clock });
    expect(result.status).toBe('optimal');
    expect(result.facilities.map((f) => f.site).sort()).toEqual(['A0', 'A1']);
    expect(result.costs.totalPerYear).toBeLessThanOrEqual(budget);
    const reasons = new Set(result.unserved.map((u) => `${u.hospital}:${u.reason}`));
    expect(reasons).toEqual(new Set(['H20:budget', 'H21:budget', 'LONE:out-of-reach']));
  });

  it('leaves doses unserved when the isotope the network can buy is used up', () => {
    const s = scenario({ supplyLimits: [{ nuclide: 'Ga-68', maxGbqPerWeek: 40 }] });
    const result = solveDesign(highs, s, { now: clock });
    const used = result.assignments.reduce((g, a) => g + a.dosesPerWeek * a.startGbqPerDose, 0);
    expect(used).toBeLessThanOrEqual(40 + 1e-6);
    expect(used).toBeGreaterThan(39.9);
    expect(result.unserved.some((u) => u.reason === 'supply')).toBe(true);
  });

  it('keeps one new unit when the scenario allows one, and no site that is closed', () => {
    const s = scenario({ newUnitLimits: [{ technology: 'lab', max: 1 }] });
    const one = solveDesign(highs, s, { now: clock });
    expect(one.facilities.reduce((n, f) => n + f.newUnits, 0)).toBe(1);
    const closed = scenario({
      sites: scenario().sites.map((x) => (x.id === 'A0' ? { ...x, closed: true } : x)),
    });
    const result = solveDesign(highs, closed, { now: clock });
    expect(result.facilities.map((f) => f.site)).not.toContain('A0');
    expect(result.facilities.map((f) => f.site)).toContain('B0');
  });

  it('keeps existing units unless closing them is allowed', () => {
    const sites = scenario().sites.map((x) => (x.id === 'B0' ? { ...x, existing: { lab: 1 } } : x));
    const kept = solveDesign(highs, scenario({ sites }), { now: clock });
    expect(kept.facilities.find((f) => f.site === 'B0')).toMatchObject({ existingUnits: 1 });
    // Existing B0 costs 2 × 300,000 a year to run, less than a new A0 at 1,000,000: it stays.
    expect(kept.facilities.find((f) => f.site === 'A0')).toBeUndefined();
  });
});

describe('design scenario validation', () => {
  it('accepts every demo question and a seeded national scenario', () => {
    const all = [
      ...demoDesignScenarios(),
      syntheticDesignScenario({ hospitals: 200, candidates: 80, seed: 3 }),
    ];
    for (const s of all)
      expect(parseDesignScenario(JSON.parse(JSON.stringify(s))), s.name).toMatchObject({
        ok: true,
      });
  });

  it('accepts the known-optimum scenario', () => {
    expect(parseDesignScenario(JSON.parse(JSON.stringify(scenario())))).toMatchObject({ ok: true });
  });

  it('names the field of every error', () => {
    const bad = JSON.parse(JSON.stringify(scenario())) as Record<string, unknown> & {
      hospitals: { demand: Record<string, number> }[];
      products: { nuclide: string }[];
      sites: { allowed: string[] }[];
    };
    bad.hospitals[0]!.demand['GA'] = -2;
    bad.hospitals[1]!.demand['NOPE'] = 1;
    const result = parseDesignScenario(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain(
      'hospitals[0].demand.GA: expected a non-negative number, got -2',
    );
    const refs = JSON.parse(JSON.stringify(scenario())) as typeof bad;
    refs.products[0]!.nuclide = 'ga68';
    refs.sites[0]!.allowed = ['cyclotron'];
    const second = parseDesignScenario(refs);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.join('\n')).toMatch(
      /products\[0\]\.nuclide: expected the canonical name 'Ga-68'/,
    );
    expect(second.errors).toContain("sites[0].allowed[0]: unknown technology 'cyclotron'");
  });

  it('refuses a scenario too large to solve', () => {
    const big = {
      ...scenario(),
      hospitals: Array.from({ length: 5001 }, () => scenario().hospitals[0]),
    };
    const result = parseDesignScenario(JSON.parse(JSON.stringify(big)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^hospitals: expected/);
  });
});
