import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, planLease, testDatabaseUrl, verifyAudit, type Db } from '@halflife/db';
import { checkPlan, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn, startServer, stopServer, type ServerProcess } from './load-harness.js';

/**
 * Several server processes on one PostgreSQL server: a plan requested from one is computed by
 * whichever process claims it; when that process is killed mid-plan, another takes the plan over
 * once its lease has run out and finishes it — once. PostgreSQL only (an embedded database belongs
 * to one process): CI's PostgreSQL run.
 */
const dir = mkdtempSync(join(tmpdir(), 'halflife-two-servers-'));
const servers: ServerProcess[] = [];
let db: Db | undefined;
afterAll(async () => {
  for (const s of servers) await stopServer(s, 'SIGKILL').catch(() => undefined);
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const JOBS = {
  HALFLIFE_PLAN_LEASE_SECONDS: '3',
  HALFLIFE_PLAN_POLL_SECONDS: '1',
  // Every process of a deployment signs the audit trail with the same key.
  HALFLIFE_AUDIT_KEY_FILE: join(dir, 'audit.key'),
};

async function json(base: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: base },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(process.env['TEST_DATABASE_URL'])('two servers on one PostgreSQL', () => {
  it('a plan whose process is killed mid-plan is finished by the other, once', async () => {
    const url = await testDatabaseUrl();
    const port = 19_000 + Math.floor(Math.random() * 400);
    servers.push(await startServer(url, port, 180_000, undefined, JOBS));
    servers.push(await startServer(url, port + 1, 180_000, undefined, JOBS));
    db = await createDb(url);
    const ownerOf = (s: ServerProcess) => /plan jobs: this process is (\S+)/.exec(s.output())?.[1];
    expect(ownerOf(servers[0]!)).toBeDefined();
    expect(ownerOf(servers[1]!)).not.toBe(ownerOf(servers[0]!));

    // Any process serves any request: sign in on one, ask on the other.
    const cookie = await signIn(servers[0]!.base, 'planner@demo.halflife');
    const session = await json(servers[1]!.base, '/api/auth/session', cookie);
    const date = (session.body['day'] as { date: string }).date;
    const started = await json(servers[1]!.base, '/api/plans', cookie, {
      date,
      method: 'milp',
      timeLimitSeconds: 20,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const id = started.body['id'] as string;

    // Whichever process claimed it is killed while its solver runs.
    const owner = await until('a process claims the plan', 30, async () => {
      const lease = await planLease(db!.kysely, id);
      return lease?.owner ?? undefined;
    });
    const victim = servers.find((s) => ownerOf(s) === owner)!;
    const survivor = servers.find((s) => s !== victim)!;
    await until('the solver runs', 60, async () => {
      const p = await json(survivor.base, `/api/plans/${id}`, cookie);
      return (p.body['progress'] as { phase?: string }).phase === 'solve' ? true : undefined;
    });
    await stopServer(victim, 'SIGKILL');

    // The other process takes it over when the lease runs out, and finishes it.
    const record = await until('the plan is ready', 120, async () => {
      const p = await json(survivor.base, `/api/plans/${id}?instance=true`, cookie);
      const status = p.body['status'];
      if (status === 'failed') throw new Error(`the plan failed: ${String(p.body['error'])}`);
      return status === 'ready' ? p.body : undefined;
    });
    expect(await planLease(db.kysely, id)).toEqual({ owner: null, attempts: 2 });
    const check = checkPlan(record['instance'] as PlanningInstance, record['plan'] as Plan);
    expect(check.violations).toEqual([]);
    // Stored once: one outcome in the audit trail, and the trail intact.
    const outcomes = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', id)
      .where('action', 'like', 'status:%')
      .execute();
    expect(outcomes.map((o) => o.action)).toEqual(['status:ready']);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
