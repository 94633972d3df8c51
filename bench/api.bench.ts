/**
 * Order intake over HTTP: `npm run bench:api`. Starts real server processes on 127.0.0.1, creates
 * orders from concurrent clients, then kills the server with SIGKILL under load, checks every
 * acknowledged order after a restart and verifies the audit trail. Prints a table with the
 * targets of issue 18 beside the figures; not a timed test.
 *
 * Databases: embedded PGlite in a temporary folder, and a PostgreSQL server: BENCH_DATABASE_URL
 * (or TEST_SERVER_URL, as CI sets it), else the local server CI uses
 * (postgres://postgres:halflife-ci@127.0.0.1:5432/postgres) when it answers. BENCH_ORDERS (2000)
 * and BENCH_CONCURRENCY (16) set the load.
 *
 * A second table measures the order intake alone (`insertOrder` of @halflife/db in this process,
 * no HTTP): what the audit chain's group commit can take, apart from the server's request handling.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createDb,
  insertOrder,
  testDatabaseUrl,
  unauditedChanges,
  verifyAudit,
  type Db,
  type NewOrder,
} from '@halflife/db';
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

const TOTAL = Number(process.env['BENCH_ORDERS'] ?? 2000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const LOCAL_SERVER = 'postgres://postgres:halflife-ci@127.0.0.1:5432/postgres';
/** Issue 18's targets, on a PostgreSQL server on the same machine as the load generator. */
const TARGET = { ordersPerSecond: 1000, p99Ms: 50 };
const calibrationTime = LOAD_CALIBRATION_TIME;

interface Row {
  database: string;
  orders: number;
  concurrency: number;
  'orders/s': string;
  'p50 ms': string;
  'p95 ms': string;
  'p99 ms': string;
  [key: string]: string | number;
  'killed after': number;
  acknowledged: number;
  'missing after restart': number;
  duplicates: number;
  'audit trail': string;
}

const TARGET_COLUMN = `target ≥${TARGET.ordersPerSecond}/s, p99 <${TARGET.p99Ms} ms`;

async function run(label: string, url: string, port: number): Promise<Row> {
  process.stdout.write(`${label}: starting and seeding…\n`);
  let server = await startServer(url, port);
  const cookies = await Promise.all(
    [1, 2, 3].map((h) => signIn(server.base, `hospital${h}.orderer@demo.halflife`)),
  );
  await createOrders({
    server,
    cookies,
    total: 200,
    concurrency: CONCURRENCY,
    keyPrefix: 'warm',
    calibrationTime,
  });
  process.stdout.write(`${label}: ${TOTAL} orders at concurrency ${CONCURRENCY}…\n`);
  const cpuBefore = cpuSeconds(server.child.pid);
  const load = await createOrders({
    server,
    cookies,
    total: TOTAL,
    concurrency: CONCURRENCY,
    keyPrefix: 'bench',
    calibrationTime,
  });
  const cpu = cpuPerOrder(cpuBefore, cpuSeconds(server.child.pid), load.acknowledged.length);
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
  const trail = await auditTrail(url);
  for (const concurrency of [CONCURRENCY, 4 * CONCURRENCY]) {
    intakeRows.push(await intakeAlone(label, url, concurrency));
  }
  const rate = load.acknowledged.length / load.seconds;
  const p99 = percentile(load.latenciesMs, 99);
  const met = rate >= TARGET.ordersPerSecond && p99 < TARGET.p99Ms;
  return {
    database: label,
    orders: load.acknowledged.length,
    concurrency: CONCURRENCY,
    'orders/s': rate.toFixed(0),
    'p50 ms': percentile(load.latenciesMs, 50).toFixed(1),
    'p95 ms': percentile(load.latenciesMs, 95).toFixed(1),
    'p99 ms': p99.toFixed(1),
    [TARGET_COLUMN]: met ? 'met' : 'NOT met',
    ...cpu,
    'killed after': killAfter,
    acknowledged: crash.acknowledged.length,
    'missing after restart': check.missing.length,
    duplicates: check.duplicates,
    'audit trail': trail,
  };
}

interface IntakeRow {
  database: string;
  orders: number;
  concurrency: number;
  'orders/s': string;
  'p50 ms': string;
  'p95 ms': string;
  'p99 ms': string;
  'audit trail': string;
}
const intakeRows: IntakeRow[] = [];

/**
 * CPU seconds used so far (Linux /proc): the server process, every PostgreSQL process of this
 * machine (none for PGlite, which runs in the server) and this process, the clients.
 */
function cpuSeconds(serverPid: number | undefined): {
  server: number;
  postgres: number;
  clients: number;
} {
  const ticks = (pid: string): number => {
    // utime and stime, the 14th and 15th fields, after the command in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const own = process.cpuUsage();
  const used = { server: 0, postgres: 0, clients: (own.user + own.system) / 1e6 };
  if (!existsSync('/proc/self/stat')) return used;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (Number(pid) === serverPid) used.server += ticks(pid);
      else if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) {
        used.postgres += ticks(pid);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return used;
}

/** CPU ms per order of each party between two readings of `cpuSeconds`. */
function cpuPerOrder(
  before: ReturnType<typeof cpuSeconds>,
  after: ReturnType<typeof cpuSeconds>,
  orders: number,
): Record<string, string> {
  const ms = (k: keyof typeof before): number => (1000 * (after[k] - before[k])) / orders;
  const total = ms('server') + ms('postgres') + ms('clients');
  return {
    'CPU ms/order: server': ms('server').toFixed(2),
    PostgreSQL: ms('postgres').toFixed(2),
    clients: ms('clients').toFixed(2),
    [`at most on ${cpus().length} cores`]: `${Math.round((1000 * cpus().length) / total)}/s`,
  };
}

/** Orders placed straight through `insertOrder` by `concurrency` callers in this process. */
async function intakeAlone(label: string, url: string, concurrency: number): Promise<IntakeRow> {
  const db = await createDb(url);
  try {
    const template = await anOrder(db);
    const latencies: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let n = next++; n < TOTAL; n = next++) {
          const t0 = performance.now();
          const at = new Date();
          await insertOrder(
            db.kysely,
            {
              ...template.order,
              idempotency_key: `intake-${concurrency}-${n}`,
              patient_ref: `INTAKE-${n}`,
              created_at: at,
              updated_at: at,
            },
            { ...template.actor, at },
          );
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const verdict = await verifyAudit(db.kysely);
    return {
      database: label,
      orders: TOTAL,
      concurrency,
      'orders/s': (TOTAL / seconds).toFixed(0),
      'p50 ms': percentile(latencies, 50).toFixed(1),
      'p95 ms': percentile(latencies, 95).toFixed(1),
      'p99 ms': percentile(latencies, 99).toFixed(1),
      'audit trail': verdict.ok ? `intact, ${verdict.rows} rows` : `BROKEN: ${verdict.reason}`,
    };
  } finally {
    await db.close();
  }
}

/** An order like the load's (an orderer's hospital, F18-FDG), to place again and again. */
async function anOrder(
  db: Db,
): Promise<{ order: NewOrder; actor: Parameters<typeof insertOrder>[2] }> {
  const user = await db.kysely
    .selectFrom('users')
    .innerJoin('hospitals', 'hospitals.organisation_id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id', 'hospitals.id as hospital_id'])
    .where('users.email', '=', 'hospital1.orderer@demo.halflife')
    .executeTakeFirstOrThrow();
  const product = await db.kysely
    .selectFrom('products')
    .select(['id', 'tolerance_pct'])
    .where('code', '=', 'F18-FDG')
    .executeTakeFirstOrThrow();
  const at = new Date();
  return {
    order: {
      organisation_id: user.organisation_id,
      hospital_id: user.hospital_id,
      product_id: product.id,
      calibration_at: new Date(LOAD_CALIBRATION_TIME),
      calibration_zone: '+08:00',
      amount_kind: 'fixed',
      activity_bq: 3.7e8,
      per_kg_bq: null,
      patient_weight_kg: null,
      doses: null,
      tolerance_pct: product.tolerance_pct,
      patient_ref: null,
      notes: '',
      status: 'submitted',
      status_reason: null,
      idempotency_key: null,
      created_by: user.id,
      created_at: at,
      updated_at: at,
    },
    actor: { userId: user.id, organisationId: user.organisation_id, at },
  };
}

/** The trail after the kill and restart: the chain, and every order against its audit row. */
async function auditTrail(url: string): Promise<string> {
  const db = await createDb(url);
  try {
    const verdict = await verifyAudit(db.kysely);
    if (!verdict.ok) return `BROKEN at row ${verdict.seq}: ${verdict.reason}`;
    const unaudited = await unauditedChanges(db.kysely);
    return unaudited.length === 0
      ? `intact, ${verdict.rows} rows`
      : `${unaudited.length} rows differ from the trail`;
  } finally {
    await db.close();
  }
}

/** The PostgreSQL server to measure, or why there is none. */
async function postgresServer(): Promise<{ url: string } | { missing: string }> {
  const named = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_SERVER_URL'];
  const url = named ?? LOCAL_SERVER;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { url };
  } catch (e) {
    return { missing: `${url.replace(/:[^:@/]*@/, ':***@')}: ${(e as Error).message}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'halflife-bench-'));
const rows: Row[] = [];
try {
  rows.push(await run('PGlite (embedded, folder)', `file://${dir}/db`, 18_100));
  const server = await postgresServer();
  if ('url' in server) {
    process.env['TEST_DATABASE_URL'] = server.url;
    rows.push(await run('PostgreSQL server', await testDatabaseUrl(), 18_200));
  } else {
    process.stdout.write(
      `PostgreSQL server: NOT measured (${server.missing}); set BENCH_DATABASE_URL=postgres://…\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('\nOrders over HTTP (a server process; clients on the same machine):');
console.table(rows);
console.log(
  'Each order: session check, validation, one look-up of hospital, product and delivery point, then the order intake: concurrent orders share one transaction, one audit lock and one commit (group commit), each with its own hash-chained audit row. Concurrent session checks and look-ups share a query too.',
);
console.log(
  `CPU ms/order: what the server process, PostgreSQL's processes and this process (the clients) spent per order during the run; "at most" is the rate at which their sum fills every core of this machine.`,
);
console.log('\nThe order intake alone (insertOrder in this process, no HTTP):');
console.table(intakeRows);
for (const row of rows) {
  const met = row[TARGET_COLUMN] === 'met';
  console.log(
    `${row.database}: ${row['orders/s']} orders/s (target ≥ ${TARGET.ordersPerSecond}), p99 ${row['p99 ms']} ms (target < ${TARGET.p99Ms}): target ${met ? 'met' : 'NOT met'}`,
  );
}
