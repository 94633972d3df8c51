/**
 * Planner benchmark: `npm run bench:plan` (all tiers and sections) or `npm run bench:plan -- S M`
 * (some tiers), `-- --days 3` (every tier over a horizon of days), and the sections `horizon`
 * (tier L, 5,000 orders over 3 days), `quick` (tier S in 2 s against its proven optimum), `grid` (tier M at 30-, 15- and 10-minute batch starts) and
 * `scale` (500 to 10,000 orders, time and peak memory).
 * Tier G is a generator-fed Ga-68 region where isotope supply, from the supply models, binds.
 * For each tier and seed: the planner and the greedy baseline (planning by hand) on the same
 * instance — served %, isotope efficiency, batches, isotope at start, cost, gap to the lower bound,
 * plan time — each plan re-verified by the independent checker. Then a national re-plan after a
 * line failure. Prints Markdown tables; not a timed test.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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
/** A child process of the scale section: plans one size and prints its row. */
const SCALE_ONE = '--scale-one';
const args = process.argv.slice(2);
const daysAt = args.indexOf('--days');
const DAYS = daysAt >= 0 ? Number(args[daysAt + 1]) : 1;
if (!Number.isInteger(DAYS) || DAYS < 1 || DAYS > 7) throw new Error('--days: 1 to 7');
const wanted = args
  .filter((_, i) => daysAt < 0 || (i !== daysAt && i !== daysAt + 1))
  .map((t) => t.toUpperCase());
const SECTIONS = ['QUICK', 'HORIZON', 'GRID', 'SCALE'];
const wantedTiers = wanted.filter((w) => !SECTIONS.includes(w));
const section = (name: string) => wanted.length === 0 || wanted.includes(name);
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

const fmt = (x: number, digits = 1) => x.toFixed(digits);
if (args[0] === SCALE_ONE) {
  const orders = Number(args[1]);
  const instance = generateInstance({ tier: 'L', seed: 1, date: DATE, days: 3, orders });
  const plan = run(instance, 'auto', 120);
  console.log(`| ${orders} | ${figures(instance, plan)} |`);
  process.exit(0);
}

const rows: Row[] = [];
const ratios: string[] = [];
let national: { instance: PlanningInstance; plan: Plan } | undefined;
for (const { tier, seeds, timeLimitSeconds } of RUNS) {
  if (wanted.length > 0 && !wantedTiers.includes(tier)) continue;
  for (const seed of seeds) {
    const instance = generateInstance({ tier, seed, date: DATE, days: DAYS });
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

if (rows.length > 0) printTiers();

function printTiers(): void {
  console.log(`Tiers over ${DAYS} day${DAYS === 1 ? '' : 's'} from ${DATE}:\n`);
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
  console.log(
    '\nPlanner ÷ greedy baseline on the same instance (below 1: the planner uses less):\n',
  );
  console.log('| tier | seed | extra orders served | batches | isotope at start | cost |');
  console.log('|---|---|---|---|---|---|');
  for (const r of ratios) console.log(r);
}

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

/** One plan's figures as a table row: orders, served of servable, gap, time, memory, checker. */
function figures(instance: PlanningInstance, plan: Plan): string {
  const s = plan.summary;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return (
    `${s.orders} | ${s.served} of ${s.orders - s.unservable} | ${fmt(100 * s.gap, 2)}% | ` +
    `${Math.round(s.cost.total).toLocaleString('en-US')} | ${fmt(s.seconds)} | ${Math.round(rssMb)} | ` +
    verdict(instance, plan)
  );
}

if (section('QUICK')) {
  // Issue 18's tier S targets: within 1% of the optimum in 2 s; proven within 0.1% in 30 s. The
  // optimum is the 30 s plan when the model proves it (gap ≤ 0.1%).
  console.log('\nTier S in 2 s against the optimum the exact model proves in 30 s:\n');
  console.log(
    '| seed | orders | served in 2 s / 30 s | cost in 2 s | time s | optimum (30 s) | proven gap | time s | 2 s plan above the optimum |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const seed of [1, 2, 3, 4, 5]) {
    const instance = generateInstance({ tier: 'S', seed, date: DATE });
    process.stderr.write(`quick S seed ${seed}… `);
    const quick = run(instance, 'auto', 2).summary;
    const best = run(instance, 'auto', 30).summary;
    process.stderr.write('done\n');
    const proven = best.gap <= 1e-3 + 1e-9;
    const above = (100 * (quick.cost.total - best.cost.total)) / best.cost.total;
    const cost = (x: number) => Math.round(x).toLocaleString('en-US');
    console.log(
      `| ${seed} | ${quick.orders} | ${quick.served} / ${best.served} | ${cost(quick.cost.total)} | ${fmt(quick.seconds)} | ` +
        `${cost(best.cost.total)} | ${fmt(100 * best.gap, 2)}%${proven ? '' : ' (not proven)'} | ` +
        `${fmt(best.seconds)} | ${fmt(above, 2)}% |`,
    );
  }
}

if (section('HORIZON')) {
  // Issue 18's tier L target: 5,000 orders over a 3-day horizon, served = servable, gap ≤ 2% in 60 s.
  console.log('\nHorizon: tier L, 5,000 orders over 3 days from ' + DATE + ', 60 s:\n');
  console.log(
    '| seed | orders | served of servable | gap | cost | time s | peak RSS MB | checker |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const seed of [1]) {
    const instance = generateInstance({ tier: 'L', seed, date: DATE, days: 3, orders: 5000 });
    process.stderr.write(`horizon L seed ${seed}… `);
    const plan = run(instance, 'auto', 60);
    process.stderr.write('done\n');
    console.log(`| ${seed} | ${figures(instance, plan)} |`);
  }
}

if (section('GRID')) {
  // What a finer grid of batch starts buys: the same instances at 30, 15 and 10 minutes.
  console.log('\nBatch-start grid: tier M over 3 days, 30 s each:\n');
  console.log(
    '| seed | step min | orders | served of servable | gap | cost | time s | peak RSS MB | checker | cost vs 30 min |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const seed of [1, 2]) {
    let base = 0;
    for (const step of [30, 15, 10]) {
      const generated = generateInstance({ tier: 'M', seed, date: DATE, days: 3 });
      const instance = { ...generated, settings: { batchStepMinutes: step } };
      process.stderr.write(`grid M seed ${seed} step ${step}… `);
      const plan = run(instance, 'auto', 30);
      process.stderr.write('done\n');
      if (step === 30) base = plan.summary.cost.total;
      const change = (100 * (plan.summary.cost.total - base)) / base;
      console.log(
        `| ${seed} | ${step} | ${figures(instance, plan)} | ${change >= 0 ? '+' : ''}${fmt(change, 2)}% |`,
      );
    }
  }
}

if (section('SCALE')) {
  // Plan time and peak memory by size: the national network over 3 days, 120 s at most; each size
  // in a process of its own, so that its peak memory is its own.
  console.log(
    '\nScale: the national network (tier L) over 3 days, limit 120 s, one process each:\n',
  );
  console.log(
    '| orders | orders | served of servable | gap | cost | time s | peak RSS MB | checker |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const orders of [500, 1000, 2500, 5000, 10000]) {
    process.stderr.write(`scale ${orders}… `);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), SCALE_ONE, String(orders)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    process.stderr.write('done\n');
    console.log(
      child.status === 0
        ? child.stdout.trim()
        : `| ${orders} | failed: ${child.stderr.trim().split('\n').at(-1)} |`,
    );
  }
}

function groupCount(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
