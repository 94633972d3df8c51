/**
 * Network design at three sizes: `npm run bench:design`. Seeded synthetic scenarios (China-like:
 * hospitals around the 63 demo cities, 4 technologies, 8 products): S and M solved to optimality
 * (relative gap ≤ 0.01%), L — about 1,200 hospitals and 300 candidate sites, the national scale of
 * issue 16 — to a proven gap ≤ 1% within 60 s, then again asking for 0.1%. Then the demo
 * network's five questions. The time includes building the model (reach, decay, options). Prints
 * tables; not a timed test.
 */
import { performance } from 'node:perf_hooks';
import { loadSolver } from '@halflife/planner';
import {
  demoDesignScenarios,
  solveDesign,
  syntheticDesignScenario,
  type DesignScenario,
} from '@halflife/strategy';

const highs = await loadSolver();
const now = () => performance.now();

const TIERS = [
  { tier: 'S', hospitals: 60, candidates: 25, gap: 1e-4, limit: 60 },
  { tier: 'M', hospitals: 300, candidates: 80, gap: 1e-4, limit: 120 },
  { tier: 'L', hospitals: 1200, candidates: 300, gap: 0.01, limit: 60 },
  { tier: 'L', hospitals: 1200, candidates: 300, gap: 0.001, limit: 60 },
];
const SEEDS = [1, 2, 3];

function run(scenario: DesignScenario) {
  const result = solveDesign(highs, scenario, { now });
  return {
    status: result.status,
    'gap %': (100 * result.gap).toFixed(3),
    s: result.seconds.toFixed(1),
    columns: result.model.columns,
    integers: result.model.integers,
    rows: result.model.rows,
    'cost M/yr': (result.costs.totalPerYear / 1e6).toFixed(1),
    'served %': (
      (100 * result.products.reduce((n, p) => n + p.servedPerWeek, 0)) /
      result.products.reduce((n, p) => n + p.demandPerWeek, 0)
    ).toFixed(2),
    'new units': result.facilities.reduce((n, f) => n + f.newUnits, 0),
    'rss MB': Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

const rows = [];
for (const t of TIERS) {
  for (const seed of SEEDS) {
    const scenario = syntheticDesignScenario({
      hospitals: t.hospitals,
      candidates: t.candidates,
      seed,
    });
    const withSettings = {
      ...scenario,
      settings: { relativeGap: t.gap, timeLimitSeconds: t.limit },
    };
    rows.push({
      tier: t.tier,
      seed,
      hospitals: t.hospitals,
      sites: scenario.sites.length,
      'target gap %': 100 * t.gap,
      ...run(withSettings),
    });
    console.error(`  ${t.tier} seed ${seed} done`);
  }
}
console.log('Synthetic scenarios (HiGHS, one thread; time includes building the model):');
console.table(rows);

console.log('The demo network’s questions (cost objective, gap ≤ 1%):');
console.table(demoDesignScenarios().map((s) => ({ scenario: s.name, ...run(s) })));

// The model keeps the 10 cheapest options per demand. What that restriction costs: tier L seed 1
// with 10 and with 25 options, each to 0.1%; the 25-option bound limits any plan of either.
const l1 = syntheticDesignScenario({ hospitals: 1200, candidates: 300, seed: 1 });
const restriction = [10, 25].map((options) => {
  const result = solveDesign(
    highs,
    { ...l1, settings: { optionsPerDemand: options, relativeGap: 0.001, timeLimitSeconds: 120 } },
    { now },
  );
  return { options, objective: result.objectiveValue, bound: result.bound, s: result.seconds };
});
const [ten, wide] = restriction as [(typeof restriction)[0], (typeof restriction)[0]];
console.log('Options per demand (tier L, seed 1, gap ≤ 0.1%):');
console.table(
  restriction.map((r) => ({
    options: r.options,
    'objective M': (r.objective / 1e6).toFixed(1),
    'bound M': (r.bound / 1e6).toFixed(1),
    s: r.s.toFixed(1),
  })),
);
console.log(
  `The 10-option plan is at most ${((100 * (ten.objective - wide.bound)) / ten.objective).toFixed(2)}% above any plan with 25 options.`,
);
