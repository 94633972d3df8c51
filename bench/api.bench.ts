/**
 * Order intake over HTTP: `npm run bench:api`. Starts real server processes on 127.0.0.1, creates
 * orders from concurrent clients, then kills the server with SIGKILL under load and checks every
 * acknowledged order after a restart. Prints a table; not a timed test.
 *
 * Databases: embedded PGlite in a temporary folder, and a PostgreSQL server when BENCH_DATABASE_URL
 * (or TEST_SERVER_URL, as CI sets it) names one, e.g. postgres://postgres:pw@127.0.0.1:5432/postgres.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '@halflife/db';
import {
  checkAcknowledged,
  createOrders,
  exited,
  percentile,
  signIn,
  startServer,
  LOAD_CALIBRATION_TIME,
  stopServer,
} from '../packages/server/test/load-harness.js';

const TOTAL = Number(process.env['BENCH_ORDERS'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const calibrationTime = LOAD_CALIBRATION_TIME;

interface Row {
  database: string;
  orders: number;
  concurrency: number;
  'orders/s': string;
  'p50 ms': string;
  'p99 ms': string;
  'killed after': number;
  acknowledged: number;
  'missing after restart': number;
  duplicates: number;
}

async function run(label: string, url: string, port: number): Promise<Row> {
  process.stdout.write(`${label}: starting and seeding…\n`);
  let server = await startServer(url, port);
  const cookies = await Promise.all(
    [1, 2, 3].map((h) => signIn(server.base, `hospital${h}.orderer@demo.halflife`)),
  );
  await createOrders({
    server,
    cookies,
    total: 50,
    concurrency: 4,
    keyPrefix: 'warm',
    calibrationTime,
  });
  process.stdout.write(`${label}: ${TOTAL} orders at concurrency ${CONCURRENCY}…\n`);
  const load = await createOrders({
    server,
    cookies,
    total: TOTAL,
    concurrency: CONCURRENCY,
    keyPrefix: 'bench',
    calibrationTime,
  });
  const killAfter = Math.floor(TOTAL / 4);
  process.stdout.write(
    `${label}: SIGKILL after ${killAfter} acknowledged orders, restart, check…\n`,
  );
  const crash = await createOrders({
    server,
    cookies,
    total: TOTAL / 2,
    concurrency: CONCURRENCY,
    keyPrefix: 'crash',
    calibrationTime,
    killAfter,
  });
  await exited(server);
  server = await startServer(url, port + 1);
  const planner = await signIn(server.base, 'planner@demo.halflife');
  const check = await checkAcknowledged(server.base, planner, crash.acknowledged, 'crash');
  await stopServer(server);
  return {
    database: label,
    orders: load.acknowledged.length,
    concurrency: CONCURRENCY,
    'orders/s': (load.acknowledged.length / load.seconds).toFixed(0),
    'p50 ms': percentile(load.latenciesMs, 50).toFixed(1),
    'p99 ms': percentile(load.latenciesMs, 99).toFixed(1),
    'killed after': killAfter,
    acknowledged: crash.acknowledged.length,
    'missing after restart': check.missing.length,
    duplicates: check.duplicates,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'halflife-bench-'));
const rows: Row[] = [];
try {
  rows.push(await run('PGlite (embedded, folder)', `file://${dir}/db`, 18_100));
  const server = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_SERVER_URL'];
  if (server) {
    process.env['TEST_DATABASE_URL'] = server;
    rows.push(await run('PostgreSQL server', await testDatabaseUrl(), 18_200));
  } else {
    process.stdout.write(
      '(set BENCH_DATABASE_URL=postgres://… to measure a PostgreSQL server too)\n',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
console.log(
  'Each order: session check, validation, product and hospital look-up, insert + hash-chained audit row in one transaction.',
);
