#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  createDb,
  DEFAULT_AUDIT_KEY_FILE,
  DEMO_LOGINS,
  holdEmbedded,
  isEmpty,
  loadOrCreateAuditKey,
  migrate,
  useAuditSigner,
  writeAuditCheckpoint,
} from '@halflife/db';

/** How often a running server signs a checkpoint of the audit trail. */
const AUDIT_CHECKPOINT_MINUTES = 10;
import { createApp } from './app.js';
import { clockFrom } from './clock.js';
import { closeHeavyPool } from './heavy-pool.js';
import { startHl7Interface } from './hl7/hl7-interface.js';
import { DESIGN_JOB_DEFAULTS, designJobs } from './services/design-execution.js';
import { PLAN_JOB_DEFAULTS, planJobs } from './services/plan-execution.js';
import { orderDueCycles } from './services/pathway-service.js';
import { DEFAULT_DEMO_PASSWORD, seedDemoNetwork } from './services/seed-service.js';

/** The web app built by `npm run build -w @halflife/web` (the root `prepare` builds it). */
const WEB_ROOT =
  process.env['HALFLIFE_WEB_DIR'] ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

/** `npm start`: migrate, seed the demo network into an empty database, serve the API. */
async function main(): Promise<void> {
  const host = process.env['HOST'] ?? '127.0.0.1';
  const port = Number(process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be 1–65535, got ${process.env['PORT']}`);
  const now = clockFrom(process.env['HALFLIFE_NOW']);
  const db = await createDb(process.env['DATABASE_URL']);
  const held = db.kind === 'pglite' ? holdEmbedded(db.location) : undefined;
  const signer = loadOrCreateAuditKey(
    process.env['HALFLIFE_AUDIT_KEY_FILE'] ?? DEFAULT_AUDIT_KEY_FILE,
  );
  useAuditSigner(signer);
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`database ${db.location}: applied ${applied.join(', ')}`);
  const password = process.env['HALFLIFE_DEMO_PASSWORD'] ?? DEFAULT_DEMO_PASSWORD;
  if (await isEmpty(db.kysely)) {
    console.log('empty database: seeding the demo network (clearly marked demo data)…');
    const summary = await seedDemoNetwork(db, {
      now: now(),
      password,
      date: process.env['HALFLIFE_DEMO_DATE'],
    });
    if (summary) {
      console.log(
        `  ${summary.sites} production sites, ${summary.hospitals} hospitals, ${summary.products} products, ${summary.lanes} lanes, ${summary.orders} orders`,
      );
      console.log(`  demo orders on ${summary.why}`);
      console.log(`  demo sign-ins (password "${password}"):`);
      for (const u of DEMO_LOGINS) console.log(`    ${u.email.padEnd(34)} ${u.role}`);
    }
  }
  // Plans are durable jobs: this process computes its share and takes over those of a process that
  // died (plan-execution.ts). Plans left running by a stopped server are computed again.
  const jobs = planJobs(db.kysely, {
    leaseSeconds: positiveSetting('HALFLIFE_PLAN_LEASE_SECONDS', PLAN_JOB_DEFAULTS.leaseSeconds),
    concurrency: positiveSetting('HALFLIFE_PLAN_CONCURRENCY', PLAN_JOB_DEFAULTS.concurrency),
    maxAttempts: PLAN_JOB_DEFAULTS.maxAttempts,
    now,
  });
  const stopPolling = jobs.poll(positiveSetting('HALFLIFE_PLAN_POLL_SECONDS', 5));
  console.log(`plan jobs: this process is ${jobs.owner}`);
  // Network-design scenarios are durable jobs too, one solve at a time per process by default.
  const design = designJobs(db.kysely, {
    leaseSeconds: DESIGN_JOB_DEFAULTS.leaseSeconds,
    concurrency: positiveSetting('HALFLIFE_DESIGN_CONCURRENCY', DESIGN_JOB_DEFAULTS.concurrency),
    maxAttempts: DESIGN_JOB_DEFAULTS.maxAttempts,
    now,
  });
  const stopDesignPolling = design.poll(positiveSetting('HALFLIFE_PLAN_POLL_SECONDS', 5));
  const app = createApp({
    planJobs: jobs,
    designJobs: design,
    db: db.kysely,
    now,
    databaseKind: db.kind,
    secureCookies: process.env['HALFLIFE_SECURE_COOKIES'] === '1',
    trustProxy: process.env['HALFLIFE_TRUST_PROXY'] === '1',
    webRoot: existsSync(WEB_ROOT) ? WEB_ROOT : undefined,
  });
  // The audit trail is anchored outside the database now and then (and at every start).
  const checkpoint = () =>
    writeAuditCheckpoint(db.kysely, signer, now()).catch((e: unknown) =>
      console.error(`audit checkpoint failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  await checkpoint();
  const checkpoints = setInterval(() => void checkpoint(), AUDIT_CHECKPOINT_MINUTES * 60_000);
  checkpoints.unref();
  // Therapy cycles order their doses when their day comes near (pathway-service.ts); any number
  // of processes may run this: a cycle is ordered once.
  const orderCycles = () =>
    orderDueCycles({ db: db.kysely, now })
      .then((r) => {
        if (r.ordered > 0 || r.failed.length > 0)
          console.log(`therapy cycles: ${r.ordered} ordered, ${r.failed.length} could not be`);
        for (const f of r.failed) console.log(`  ${f.patient} cycle ${f.cycle}: ${f.reason}`);
      })
      .catch((e: unknown) =>
        console.error(`therapy cycles: ${e instanceof Error ? e.message : String(e)}`),
      );
  const cycleOrders = setInterval(
    () => void orderCycles(),
    positiveSetting('HALFLIFE_THERAPY_SWEEP_SECONDS', 600) * 1000,
  );
  cycleOrders.unref();
  // HL7 v2 (issue 17): the outbox is delivered by every process; the MLLP listener runs where
  // HALFLIFE_MLLP_PORT is set.
  const hl7 = await startHl7Interface({ db: db.kysely, now }, process.env);
  const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
    console.log(
      `Halflife is listening on http://${info.address}:${info.port}  (web app: /, API reference: /api/docs)`,
    );
  });
  const stop = (): void => {
    server.close();
    stopPolling();
    stopDesignPolling();
    clearInterval(checkpoints);
    clearInterval(cycleOrders);
    void Promise.all([hl7.stop(), db.close(), closeHeavyPool()]).then(() => {
      held?.release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A positive number from the environment, or the default; a clear error for anything else. */
function positiveSetting(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value))
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

main().catch((e: unknown) => {
  console.error(`halflife server: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
