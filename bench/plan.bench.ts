/**
 * Planner benchmark: `npm run bench:plan` (all tiers) or `npm run bench:plan -- S M` (some).
 * Tier G is a generator-fed Ga-68 region where isotope supply, from the supply models, binds.
 * For each tier and seed: the planner and the greedy baseline (planning by hand) on the same
 * instance — served %, isotope efficiency, batches, isotope at start, cost, gap to the lower bound,
 * plan time — each plan re-verified by the independent checker. Then a national re-plan after a
 * line failure. Prints Markdown tables; not a timed test.
 */
import { performance } from 'node:perf_hooks';
import {
  checkPlan,
  generateInstance,
  loadSolver,
  planNetwork,
  replanInstance,
  type Plan,
  type PlanningInstance,
  type Tier,
} from '@halflife/planner';

interface TierRun {
  tier: Tier;
  seeds: number[];
  timeLimitSeconds: number;
}

const RUNS: TierRun[] = [
  { tier: 'S', seeds: [1, 2, 3], timeLimitSeconds: 30 },
  { tier: 'M', seeds: [1, 2, 3], timeLimitSeconds: 10 },
  { tier: 'L', seeds: [1, 2], timeLimitSeconds: 60 },
  { tier: 'G', seeds: [1, 2], timeLimitSeconds: 10 },
];
const DATE = '2026-11-24';
const wanted = process.argv.slice(2).map((t) => t.toUpperCase());
const highs = await loadSolver();
const now = () => performance.now();

interface Row {
  tier: string;
  seed: number;
  method: string;
  plan: Plan;
  checked: string;
  /** Served orders' priorities ÷ all orders' priorities, %: what the objective serves first. */
  weighted: number;
}

function weightedServed(instance: PlanningInstance, plan: Plan): number {
  const served = new Set(plan.doses.map((d) => d.order));
  const all = instance.orders.reduce((sum, o) => sum + o.priority, 0);
  const got = instance.orders
    .filter((o) => served.has(o.id))
    .reduce((sum, o) => sum + o.priority, 0);
  return (100 * got) / all;
}

function run(instance: PlanningInstance, method: 'auto' | 'greedy', limit: number): Plan {
  return planNetwork(highs, instance, { method, timeLimitSeconds: limit, now });
}

function verdict(instance: PlanningInstance, plan: Plan): string {
  const check = checkPlan(instance, plan);
  return check.ok ? 'ok' : `${check.violations.length} violations: ${check.violations[0]?.message}`;
}

const rows: Row[] = [];
const ratios: string[] = [];
let national: { instance: PlanningInstance; plan: Plan } | undefined;
for (const { tier, seeds, timeLimitSeconds } of RUNS) {
  if (wanted.length > 0 && !wanted.includes(tier)) continue;
  for (const seed of seeds) {
    const instance = generateInstance({ tier, seed, date: DATE });
    process.stderr.write(`tier ${tier} seed ${seed}: ${instance.orders.length} orders… `);
    const plan = run(instance, 'auto', timeLimitSeconds);
    const greedy = run(instance, 'greedy', timeLimitSeconds);
    process.stderr.write(`done in ${plan.summary.seconds.toFixed(1)} s\n`);
    rows.push({
      tier,
      seed,
      method: plan.method,
      plan,
      checked: verdict(instance, plan),
      weighted: weightedServed(instance, plan),
    });
    rows.push({
      tier,
      seed,
      method: 'greedy',
      plan: greedy,
      checked: verdict(instance, greedy),
      weighted: weightedServed(instance, greedy),
    });
    const p = plan.summary;
    const g = greedy.summary;
    ratios.push(
      `| ${tier} | ${seed} | ${p.served - g.served >= 0 ? '+' : ''}${p.served - g.served} | ` +
        `${(p.batches / g.batches).toFixed(2)} | ${(p.startActivityBq / g.startActivityBq).toFixed(2)} | ` +
        `${(p.cost.total / g.cost.total).toFixed(2)} |`,
    );
    if (tier === 'L' && !national) national = { instance, plan };
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);
console.log(
  '| tier | seed | method | orders | served | servable | served % | by priority % | efficiency | batches | isotope GBq | cost | gap | time s | checker |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const { tier, seed, method, plan, checked, weighted } of rows) {
  const s = plan.summary;
  console.log(
    `| ${tier} | ${seed} | ${method} | ${s.orders} | ${s.served} | ${s.orders - s.unservable} | ` +
      `${fmt(s.servedPct)} | ${fmt(weighted)} | ` +
      `${fmt(100 * s.efficiency)}% | ${s.batches} | ${fmt(s.startActivityBq / 1e9)} | ` +
      `${Math.round(s.cost.total).toLocaleString('en-US')} | ${fmt(100 * s.gap, 2)}% | ` +
      `${fmt(s.seconds)} | ${checked} |`,
  );
}
console.log('\nPlanner ÷ greedy baseline on the same instance (below 1: the planner uses less):\n');
console.log('| tier | seed | extra orders served | batches | isotope at start | cost |');
console.log('|---|---|---|---|---|---|');
for (const r of ratios) console.log(r);

if (national) {
  // A national re-plan: the busiest site's first line fails at 09:00 local and two urgent orders
  // arrive; batches started by then stay.
  const { instance, plan } = national;
  const busiest = [...groupCount(plan.batches.map((b) => `${b.site}\u0000${b.line}`))].sort(
    (a, b) => b[1] - a[1],
  )[0]![0];
  const [site, line] = busiest.split('\u0000') as [string, string];
  const at = `${DATE}T09:00:00+08:00`;
  const urgent = instance.orders
    .filter((o) => o.calibrationAt > `${DATE}T13:00`)
    .slice(0, 2)
    .map((o, k) => ({ ...o, id: `urgent-${k + 1}`, priority: 10 }));
  const next = replanInstance(instance, plan, {
    now: at,
    outages: [{ site, line, from: at, reason: 'bench: line failure' }],
    newOrders: urgent,
  });
  const started = now();
  const replanned = planNetwork(highs, next, { timeLimitSeconds: 4, now, previous: plan });
  const seconds = (now() - started) / 1000;
  // A dose moved when its batch (site, line, start) changed; batch ids are renumbered.
  const batchOf = (p: Plan, id: string) => {
    const b = p.batches.find((x) => x.id === id)!;
    return `${b.site}|${b.line}|${b.startAt}`;
  };
  const before = new Map(plan.doses.map((d) => [d.order, batchOf(plan, d.batch)]));
  const moved = replanned.doses.filter(
    (d) => before.has(d.order) && before.get(d.order) !== batchOf(replanned, d.batch),
  );
  console.log(
    `\nRe-plan, tier L seed ${RUNS[2]!.seeds[0]}: ${site} ${line} fails at 09:00 with 2 urgent orders — ` +
      `${seconds.toFixed(1)} s (limit 4 s), served ${replanned.summary.served} of ` +
      `${replanned.summary.orders} (${replanned.summary.orders - replanned.summary.unservable} servable), ` +
      `${moved.length} doses moved to another batch, ` +
      `${(next.departedShipments ?? []).reduce((n, s) => n + s.doses.length, 0)} doses on ` +
      `${next.departedShipments?.length ?? 0} vehicles that had left kept as they left, ` +
      `checker: ${verdict(next, replanned)}, against the base plan (rule 12): ` +
      `${checkPlan(next, replanned, { base: { plan, from: at } }).ok ? 'ok' : 'BROKEN'}`,
  );
}

function groupCount(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
