/**
 * Does heavy work block the server? `npm run bench:load`. Starts a real server process on
 * 127.0.0.1 (embedded database in a temporary folder, clock at a Saturday noon in Shanghai) and,
 * while it plans the demo day, runs 4 order assessments and a large decay request over and over,
 * probes /api/health and places orders one after another. Prints latency percentiles of the
 * probes and what the heavy work got done; not a timed test. Bounded: BENCH_LOAD_SECONDS (20).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LOAD_CALIBRATION_TIME,
  percentile,
  signIn,
  startServer,
  stopServer,
} from '../packages/server/test/load-harness.js';

const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 20);
const DEMO_DAY = '2026-12-07'; // the demo's order day after the harness's Saturday clock
const ACTINIDES = ['Ac-225', 'Th-227', 'Ra-223', 'Th-228', 'Ra-224', 'Pa-231', 'U-232', 'U-230'];
const ACTINIDE_EXTRA = ['Np-237', 'Pu-238', 'Pu-239', 'Am-241', 'Cm-244', 'Cf-252', 'Th-229'];

const dir = mkdtempSync(join(tmpdir(), 'halflife-load-'));
const server = await startServer(`file://${dir}/db`, 18_900 + Math.floor(Math.random() * 80));
const base = server.base;
const post = (path: string, cookie: string | undefined, body: unknown, headers = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });

try {
  const planner = await signIn(base, 'planner@demo.halflife');
  const orderer = await signIn(base, 'hospital1.orderer@demo.halflife');
  const until = Date.now() + SECONDS * 1000;
  const running = () => Date.now() < until;

  // The heavy work: a plan of the demo day, 4 assessment loops, one large decay loop.
  const plan = await post('/api/plans', planner, { date: DEMO_DAY, timeLimitSeconds: SECONDS });
  const planId = ((await plan.json()) as { id?: string }).id;
  const heavy = { assessments: 0, decays: 0, busy: 0 };
  const assessment = {
    productCode: 'GA68-PSMA11',
    calibrationTime: LOAD_CALIBRATION_TIME,
    amount: { kind: 'fixed', activityBq: 150e6 },
  };
  const decay = {
    inventory: Object.fromEntries([...ACTINIDES, ...ACTINIDE_EXTRA].map((n) => [n, 1])),
    unit: 'MBq',
    seconds: 30 * 86_400,
    points: 2000,
  };
  const loop = async (work: () => Promise<Response>, count: 'assessments' | 'decays') => {
    while (running()) {
      const r = await work();
      await r.arrayBuffer();
      if (r.status === 429) heavy.busy++;
      else if (r.ok) heavy[count]++;
      else throw new Error(`${count}: ${r.status}`);
    }
  };
  const loops = [
    ...[1, 2, 3, 4].map(() =>
      loop(() => post('/api/orders/assess', orderer, assessment), 'assessments'),
    ),
    loop(() => post('/api/decay', undefined, decay), 'decays'),
  ];

  // The probes: health every 50 ms, and orders placed one after another.
  const health: number[] = [];
  const orders: number[] = [];
  const probeHealth = async () => {
    while (running()) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/health`);
      await r.arrayBuffer();
      health.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const probeOrders = async () => {
    for (let k = 0; running(); k++) {
      const t0 = performance.now();
      const r = await post(
        '/api/orders',
        orderer,
        { ...assessment, patientRef: `LOAD-${k}` },
        { 'idempotency-key': `load-${k}` },
      );
      await r.arrayBuffer();
      if (r.status !== 201) throw new Error(`order ${k}: ${r.status}`);
      orders.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await Promise.all([...loops, probeHealth(), probeOrders()]);
  const planState = planId
    ? ((await (
        await fetch(`${base}/api/plans/${planId}`, { headers: { cookie: planner } })
      ).json()) as {
        status?: string;
      })
    : {};

  const row = (name: string, xs: number[]) => ({
    probe: name,
    requests: xs.length,
    'p50 ms': percentile(xs, 50).toFixed(1),
    'p99 ms': percentile(xs, 99).toFixed(1),
    'max ms': Math.max(...xs).toFixed(1),
  });
  console.log(
    `\n${SECONDS} s of load on one server process (${base}): a plan of ${DEMO_DAY} ` +
      `(status at the end: ${planState.status ?? 'not started'}), 4 assessment loops, ` +
      `a ${Object.keys(decay.inventory).length}-nuclide decay with ${decay.points} points in a loop`,
  );
  console.table([row('GET /api/health', health), row('POST /api/orders', orders)]);
  console.log(
    `heavy work done meanwhile: ${heavy.assessments} assessments, ${heavy.decays} decays, ${heavy.busy} answered 429 busy`,
  );
} finally {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}
