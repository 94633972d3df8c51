/**
 * Decay-engine throughput: `npm run bench:decay`. Prints a table; not a timed test.
 * Figures: the dataset's load time in a fresh Node process, set-up per chain, single-point
 * evaluations per second, 1,000-point curves, and the share of member values that needed more than
 * float64.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { DecayCase, Seconds } from '@halflife/nuclear';

/** Load time as a user's process sees it: plain Node, compiled package, median of 5 runs. */
function coldLoad(): { importMs: number; indexMs: number } {
  const script = `
    const t0 = performance.now();
    const m = await import('@halflife/nuclear');
    const t1 = performance.now();
    m.builtinDataset();
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, indexMs: t2 - t1 }));`;
  const runs = Array.from({ length: 5 }, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    return JSON.parse(r.stdout) as { importMs: number; indexMs: number };
  }).sort((x, y) => x.importMs + x.indexMs - (y.importMs + y.indexMs));
  return runs[2] as { importMs: number; indexMs: number };
}

const { importMs, indexMs: buildMs } = coldLoad();
const nuclear = await import('@halflife/nuclear');
const data = nuclear.builtinDataset();

interface Row {
  chain: string;
  members: number;
  setupMs: number;
  evalNs: number;
  perSecond: number;
  stressNs: number;
  curveMs: number;
  exactShare: string;
}

const chains: Array<[string, number, number]> = [
  // root, shortest and longest decay time in the sample (s)
  ['Pb-212', 60, 7 * 86400],
  ['Ac-225', 60, 60 * 86400],
  ['Th-228', 3600, 10 * 365.2422 * 86400],
  ['U-238', 86400 * 365.2422, 1e10 * 365.2422 * 86400],
];

/** Mean milliseconds per call of `fn`, calling it in batches so that reading the clock costs nothing. */
function timeIt(fn: () => void, minMs = 300, batch = 1): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) fn();
    runs += batch;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / runs;
}

const rows: Row[] = chains.map(([root, tMin, tMax]) => {
  const inventory = nuclear.inventoryOf(data, { [root]: 1e9 }, 'Bq');
  if (!inventory.ok) throw new Error(inventory.error.message);
  const setupMs = timeIt(() => nuclear.decaySolver(data, inventory.value), 200);
  const solver = nuclear.decaySolver(data, inventory.value);
  const atoms = new Float64Array(solver.members.length);
  const activities = new Float64Array(solver.members.length);
  // Working range: an even grid up to the longest time; stress: log-spaced from the shortest,
  // where deep daughters are tiny differences of large terms and need more than float64.
  const even = Array.from({ length: 1024 }, (_, k) => nuclear.seconds((tMax * (k + 1)) / 1024));
  const logSpaced = Array.from({ length: 1024 }, (_, k) =>
    nuclear.seconds(tMin * Math.pow(tMax / tMin, k / 1023)),
  );
  const perPoint = (times: Seconds[]): { ns: number; share: number } => {
    for (const t of times) solver.evaluate(t, atoms, activities); // warm-up
    const before = { ...solver.stats };
    let k = 0;
    const ms = timeIt(() => solver.evaluate(times[k++ & 1023] as Seconds, atoms, activities));
    const more =
      solver.stats.doubleDouble - before.doubleDouble + solver.stats.exact - before.exact;
    return { ns: ms * 1e6, share: more / Math.max(solver.stats.fast - before.fast, 1) };
  };
  const working = perPoint(even);
  const stress = perPoint(logSpaced);
  const grid = nuclear.timeGrid(nuclear.seconds(0), nuclear.seconds(tMax), 1000);
  const curveMs = timeIt(() => nuclear.activityCurve(solver, grid), 300);
  return {
    chain: root,
    members: solver.members.length,
    setupMs,
    evalNs: working.ns,
    perSecond: 1e9 / working.ns,
    stressNs: stress.ns,
    curveMs,
    exactShare: `${(100 * stress.share).toFixed(2)}%`,
  };
});

const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d });
console.log(`Dataset: ${data.name}, ${data.nuclides.length} nuclides`);
console.log(
  `  load in a fresh Node process (median of 5): module import incl. JSON parse ${fmt(importMs)} ms, index ${fmt(buildMs)} ms, total ${fmt(importMs + buildMs)} ms`,
);
console.log('');
console.table(
  rows.map((r) => ({
    chain: r.chain,
    members: r.members,
    'set-up ms': fmt(r.setupMs, 2),
    'one time point, ns': fmt(r.evalNs, 0),
    'evaluations/s': fmt(r.perSecond, 0),
    'log-spaced times, ns': fmt(r.stressNs, 0),
    'of which beyond float64': r.exactShare,
    '1,000-point curve, ms': fmt(r.curveMs, 2),
  })),
);
console.log(
  'One time point = atoms and activities of every chain member, with the rounding bound checked,',
);
console.log(
  'on an even grid up to the longest time. Log-spaced times start at the shortest time, where deep',
);
console.log(
  'daughters need double-double or decimal arithmetic ("beyond float64" = share of member values).',
);

// Decay questions (issue 18): each case a fresh inventory, answered from the kept per-parent
// set-ups (warm) or with nothing set up yet (cold: the cache is cleared before each case, so its
// time includes the whole exact set-up of its parents' chains; the process itself is warm).
const { readFileSync } = await import('node:fs');
const referenceCases = readFileSync('packages/nuclear/test/fixtures/reference/cases.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const parsed = nuclear.parseDecayCase(JSON.parse(line));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  });
const actinideCases = ['U-238', 'Th-232', 'U-235', 'Np-237', 'Pu-239', 'Am-241'].flatMap(
  (parent, i) =>
    [1, 60, 86400, 86400 * 365.2422 * 1e3, 86400 * 365.2422 * 1e9].map((t, k) => ({
      id: `${parent}@${k}`,
      inv: { [parent]: 1e6 * (i + 1) },
      unit: 'Bq',
      t,
      tunit: 's',
    })),
);

function perQuestion(cases: readonly DecayCase[]) {
  const cold = cases.map((c) => {
    nuclear.clearDecayCache(data);
    const start = performance.now();
    nuclear.decayCase(data, c);
    return performance.now() - start;
  });
  for (const c of cases) nuclear.decayCase(data, c); // set up every parent
  const rounds = 20;
  const warm = cases.map((c) => {
    const start = performance.now();
    for (let r = 0; r < rounds; r++) nuclear.decayCase(data, c);
    return (performance.now() - start) / rounds;
  });
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => sorted(xs)[Math.floor(p * (xs.length - 1))]!;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    cases: cases.length,
    'first question, mean ms': fmt(mean(cold), 2),
    'first, median ms': fmt(q(cold, 0.5), 2),
    'first, p95 ms': fmt(q(cold, 0.95), 2),
    'warm question, mean µs': fmt(1000 * mean(warm), 1),
    'warm, median µs': fmt(1000 * q(warm, 0.5), 1),
    'warm, p95 µs': fmt(1000 * q(warm, 0.95), 1),
  };
}
console.log('');
console.log('Decay questions, each a fresh inventory (targets: first ≤ 5 ms, warm ≤ 50 µs):');
console.table({
  'NUBASE2020 reference cases': perQuestion(referenceCases),
  'actinide chains, 1 s to 10⁹ y': perQuestion(actinideCases),
});
