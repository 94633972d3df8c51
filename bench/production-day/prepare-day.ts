import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDateOf } from '@halflife/domain';
import { DEMO_ZONE, demoOrderDay } from '@halflife/domain/demo';
import { parseInstant } from '@halflife/nuclear';
import { ResilientRun } from './resilient-run.js';
import type { Role } from './sim-api.js';
import type { ShipmentSummary } from './distribution-actions.js';
import { freshDatabase, staffEverywhere, type DayDatabase } from './sim-database.js';
import type { SimOptions } from './sim-options.js';
import { SimServer } from './sim-server.js';
import type { BatchSummary, PlanSummary } from './sim-types.js';

/**
 * The day before production: a fresh database with the demo seeded (the server's first start,
 * HALFLIFE_NOW at the seed clock, HALFLIFE_DEMO_DATE the demo day), the day planned and committed
 * by the planner over the API, and its worklist. The server is then stopped; the production day
 * runs on this database, or (--verify) on copies of it.
 */

export interface PreparedDay {
  readonly dir: string;
  readonly database: DayDatabase;
  readonly auditKeyFile: string;
  readonly date: string;
  readonly plan: PlanSummary;
  readonly batches: readonly BatchSummary[];
  /** The day's shipments, and a hospital staff member's email per hospital that receives one. */
  readonly shipments: readonly ShipmentSummary[];
  readonly staff: ReadonlyMap<string, Role>;
  readonly seconds: { readonly seed: number; readonly plan: number };
}

export async function prepareDay(options: SimOptions): Promise<PreparedDay> {
  const seedClock = parseInstant(options.seedClock);
  if (!seedClock.ok) throw new Error(`--seed-clock: ${seedClock.error.message}`);
  const date = options.date ?? demoOrderDay(localDateOf(seedClock.value.epochMs, DEMO_ZONE)).date;
  const dir = mkdtempSync(join(tmpdir(), 'halflife-production-day-'));
  const database = await freshDatabase(options.postgresUrl, join(dir, 'data'));
  const auditKeyFile = join(dir, 'audit.key');
  const logFile = join(dir, 'server.log');
  const server = new SimServer({
    databaseUrl: database.url,
    auditKeyFile,
    password: options.password,
    demoDate: date,
    logFile,
  });
  const run = new ResilientRun(server, options.password, [], () => 0);
  console.log(`\n== preparing: ${database.kind}, demo day ${date}; server log ${logFile}`);
  try {
    await server.start(seedClock.value.epochMs, DEMO_ZONE);
    const seed = server.startSeconds[0] ?? 0;
    console.log(`seeded in ${seed.toFixed(1)} s; planning ${date} (${options.method})…`);
    const t0 = Date.now();
    const plan = await run.resilient(() => planDay(run, date, options.method));
    const planSeconds = (Date.now() - t0) / 1000;
    console.log(
      `plan ${plan.method}: ${plan.served}/${plan.orders} orders served in ${plan.batches} batches (${planSeconds.toFixed(1)} s from request to commit)`,
    );
    const listed = await run.resilient(() =>
      run.api.call<{ batches: BatchSummary[] }>(
        'worklist',
        'radiopharmacist',
        'GET',
        `/api/batches?date=${date}`,
      ),
    );
    const batches = listed.body.batches.slice(0, options.limitBatches);
    if (batches.length === 0) throw new Error(`no batch records for ${date}`);
    const shipped = await run.resilient(() =>
      run.api.call<{ shipments: ShipmentSummary[] }>(
        'shipment read',
        'radiopharmacist',
        'GET',
        `/api/shipments?date=${date}`,
      ),
    );
    // With --limit-batches, only the shipments of those batches' doses get far.
    const shipments: ShipmentSummary[] = [];
    for (const summary of shipped.body.shipments) {
      const d = await run.resilient(() =>
        run.api.call<{ doses: { calibrationAt: string }[] }>(
          'shipment read',
          'radiopharmacist',
          'GET',
          `/api/shipments/${summary.id}`,
        ),
      );
      const last = Math.max(...d.body.doses.map((x) => Date.parse(x.calibrationAt)));
      shipments.push({ ...summary, lastCalibrationAt: new Date(last).toISOString() });
    }
    await server.stop();
    const staff = await staffEverywhere(database.url, [
      ...new Set(shipments.map((s) => s.hospitalId)),
    ]);
    return {
      dir,
      database,
      auditKeyFile,
      date,
      plan,
      batches,
      shipments,
      staff,
      seconds: { seed, plan: planSeconds },
    };
  } finally {
    await server.stop();
  }
}

/** A fresh database holding what `day` holds (same ids, same plan), with its audit key. */
export async function copyDay(day: PreparedDay, options: SimOptions): Promise<PreparedDay> {
  const dir = mkdtempSync(join(tmpdir(), 'halflife-production-day-'));
  const database = await freshDatabase(options.postgresUrl, join(dir, 'data'), day.database);
  const auditKeyFile = join(dir, 'audit.key');
  copyFileSync(day.auditKeyFile, auditKeyFile);
  return { ...day, dir, database, auditKeyFile };
}

export async function disposeDay(day: PreparedDay, options: SimOptions): Promise<void> {
  if (options.keep) {
    console.log(
      `kept: ${day.dir}${options.postgresUrl ? ` and database ${day.database.name}` : ''}`,
    );
    return;
  }
  await day.database.drop();
  rmSync(day.dir, { recursive: true, force: true });
}

/** Plans the day and commits it, or finds what a run before a restart got to. */
async function planDay(run: ResilientRun, date: string, method: string): Promise<PlanSummary> {
  const { api } = run;
  for (let k = 0; k < 2400; k++) {
    const list = await api.call<{ plans: PlanSummary[] }>(
      'plan',
      'planner',
      'GET',
      `/api/plans?date=${date}`,
    );
    if (!list.ok) throw new Error(`plans of ${date}: ${list.status}`);
    const plans = list.body.plans;
    const committed = plans.find((p) => p.status === 'committed');
    if (committed) return committed;
    const ready = plans.find((p) => p.status === 'ready');
    if (ready) {
      const c = await api.call('plan', 'planner', 'POST', `/api/plans/${ready.id}/commit`);
      if (!c.ok && c.status !== 409)
        throw new Error(`commit: ${c.status} ${JSON.stringify(c.body)}`);
      continue;
    }
    if (plans.some((p) => p.status === 'running')) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    if (plans.filter((p) => p.status === 'failed').length >= 3) {
      throw new Error(`planning ${date} failed: ${plans[0]?.error ?? '?'}`);
    }
    const started = await api.call('plan', 'planner', 'POST', '/api/plans', {
      json: { date, method },
    });
    if (!started.ok) throw new Error(`plan: ${started.status} ${JSON.stringify(started.body)}`);
  }
  throw new Error(`planning ${date} did not finish`);
}
