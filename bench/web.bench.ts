/**
 * Web render benchmark: `npm run bench:web`. The national-scale instance (tier L, ~5,000 orders)
 * is planned with the greedy baseline (about a second; the plan's size, not its quality, is what
 * the view has to draw), stored as a ready plan in a fresh product database, and opened in
 * Chromium at 1280×800 several times. Each run reloads the Plans screen, clicks the plan and
 * waits until the view marks itself rendered (figures, timeline chart finished drawing, unserved
 * list, re-plan form). Prints the median and max of open → rendered (fetch + render), the render
 * alone (JSON in hand → chart finished), the JS heap and the long tasks. Not a timed test.
 */
import { performance } from 'node:perf_hooks';
import { finishPlan, findUserByEmail, insertPlan } from '@halflife/db';
import { generateInstance, loadSolver, planNetwork } from '@halflife/planner';
import {
  DESKTOP,
  demoEmail,
  e2eAvailable,
  launchBrowser,
  openPage,
  signIn,
  startProduct,
} from '../packages/web/e2e/harness.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const DATE = '2026-11-24';

if (!e2eAvailable()) process.exit(1);

const instance = generateInstance({ tier: 'L', seed: 1, date: DATE });
const highs = await loadSolver();
const t0 = performance.now();
const plan = planNetwork(highs, instance, {
  method: 'greedy',
  timeLimitSeconds: 60,
  now: () => performance.now(),
});
process.stderr.write(
  `tier L: ${instance.orders.length} orders, ${instance.sites.length} sites; greedy plan in ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s: ${plan.batches.length} batches, ` +
    `${plan.shipments.length} shipments, ${plan.doses.length} doses, ${plan.unserved.length} unserved\n`,
);

const product = await startProduct();
const planner = await findUserByEmail(product.db.kysely, demoEmail('planner'));
if (!planner) throw new Error('no demo planner');
const actor = () => ({
  userId: planner.userId,
  organisationId: planner.organisationId,
  at: product.now,
});
const row = await insertPlan(
  product.db.kysely,
  {
    planDate: DATE,
    days: 1,
    method: 'greedy',
    timeLimitSeconds: null,
    basedOn: null,
    instance,
    orderVersions: Object.fromEntries(instance.orders.map((o) => [o.id, 0])),
    orders: instance.orders.length,
  },
  actor(),
);
await finishPlan(
  product.db.kysely,
  row.id,
  null,
  {
    status: 'ready',
    plan,
    served: plan.summary.served,
    batches: plan.batches.length,
    shipments: plan.shipments.length,
    costTotal: plan.summary.cost.total,
    gap: Number.isFinite(plan.summary.gap) ? plan.summary.gap : null,
    seconds: plan.summary.seconds,
  },
  actor(),
);

const browser = await launchBrowser();
const { page, context, problems } = await openPage(browser, product, DESKTOP);
// Runs in the page (a string: this file is type-checked for Node, without the DOM's types).
await context.addInitScript({
  content: `
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  `,
});
await signIn(page, demoEmail('planner'));

/** Read in the page; a string, as tsx would otherwise wrap named functions in a helper the page lacks. */
const MEASURE = `(() => {
  const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
  const open = at('plan-open');
  const data = at('plan-data');
  const rendered = at('plan-rendered');
  const tasks = window.longTasks.filter((t) => t.start >= open);
  return {
    total: rendered - open,
    fetch: data - open,
    render: rendered - data,
    heapMb: (performance.memory?.usedJSHeapSize ?? NaN) / 1e6,
    longTasks: tasks.length,
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
  };
})()`;

interface Run {
  total: number;
  fetch: number;
  render: number;
  heapMb: number;
  longTasks: number;
  longestTask: number;
}
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto('/plans');
  const open = page.getByRole('button', { name: `Open the plan for ${DATE}` });
  await open.waitFor();
  await page.waitForTimeout(300); // let the list settle
  await open.click();
  await page.locator(`[data-plan-rendered="${row.id}"]`).waitFor({ timeout: 120_000 });
  const run = await page.evaluate<Run>(MEASURE);
  runs.push(run);
  process.stderr.write(
    `run ${i + 1}: ${run.total.toFixed(0)} ms (fetch ${run.fetch.toFixed(0)}, render ${run.render.toFixed(0)})\n`,
  );
}

await browser.close();
await product.close();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const max = (xs: number[]) => Math.max(...xs);
const col = (k: keyof Run) => runs.map((r) => r[k]);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(
  `\nPlan view, national scale: ${instance.orders.length} orders, ${plan.batches.length} batches, ` +
    `${plan.shipments.length} shipments, ${plan.doses.length} doses, ${plan.unserved.length} unserved ` +
    `(greedy); Chromium ${DESKTOP.width}×${DESKTOP.height}, ${RUNS} runs\n`,
);
console.log('| measure | median | max |');
console.log('| --- | --- | --- |');
console.log(
  `| open → rendered (fetch + render) | ${ms(median(col('total')))} | ${ms(max(col('total')))} |`,
);
console.log(
  `| fetch (plan + instance JSON) | ${ms(median(col('fetch')))} | ${ms(max(col('fetch')))} |`,
);
console.log(
  `| render (JSON → chart finished) | ${ms(median(col('render')))} | ${ms(max(col('render')))} |`,
);
console.log(
  `| long tasks (> 50 ms) per open | ${median(col('longTasks'))} | ${max(col('longTasks'))} |`,
);
console.log(
  `| longest task | ${ms(median(col('longestTask')))} | ${ms(max(col('longestTask')))} |`,
);
console.log(
  `| JS heap after render | ${median(col('heapMb')).toFixed(0)} MB | ${max(col('heapMb')).toFixed(0)} MB |`,
);
if (problems.length > 0) console.log(`console problems: ${problems.join('; ')}`);
