import { claimDesignJob, verifyAudit, type Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { designJobs } from './services/design-execution.js';
import { jobsSettled } from './services/durable-jobs.js';
import { TestApi, type Body } from '../test/production-fixture.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Network design through the API (issue 16): a template saved and solved as a durable job, the
 * design read back, a scenario taken over from a process that died, hostile input and who may
 * not call it.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const PASSWORD = 'test-password';
const analyst = 'analyst@demo.halflife';
const planner = 'planner@demo.halflife';
const pharmacist = 'radiopharmacist@demo.halflife';
const orderer = 'hospital1.orderer@demo.halflife';
let db: Db;
let api: TestApi;

type Scenario = Body & {
  hospitals: (Body & { demand: Record<string, number> })[];
  sites: (Body & { allowed: string[] })[];
};
type Run = Body & {
  id: string;
  status: string;
  result: (Body & { status: string; products: Body[]; facilities: Body[] }) | null;
};

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  const app = createApp({
    db: db.kysely,
    now: () => NOW,
    databaseKind: db.kind,
    secureCookies: false,
  });
  api = new TestApi(app, { now: NOW }, PASSWORD);
});
afterAll(async () => {
  await jobsSettled();
  await db?.close();
});

async function template(key: string): Promise<Scenario> {
  const res = await api.call('GET', `/api/design/templates/${key}`, analyst);
  expect(res.status).toBe(200);
  return res.body as Scenario;
}

describe('network design through the API', () => {
  it('saves a template, solves it off the request thread and gives the design back', async () => {
    const list = await api.call('GET', '/api/design/templates', planner);
    expect(list.status).toBe(200);
    expect((list.body['templates'] as Body[]).map((t) => t['key'])).toEqual([
      'network',
      'demo-network',
      'close-site',
      'cyclotron-30mev',
      'pb212-central',
      'pb212-distributed',
    ]);
    const scenario = await template('pb212-distributed');
    const saved = await api.call('POST', '/api/design/scenarios', analyst, scenario);
    expect(saved.status).toBe(202);
    expect(saved.body).toMatchObject({ status: 'queued', name: 'Pb-212 distributed (demo data)' });
    await jobsSettled();
    const run = (
      await api.call('GET', `/api/design/scenarios/${saved.body['id'] as string}`, analyst)
    ).body as Run;
    expect(run.status).toBe('done');
    expect(run.result?.status).toBe('optimal');
    expect(run.result?.products[0]).toMatchObject({
      product: 'PB212-PSMA',
      reachedWithinHoursShare: 1,
    });
    expect(run.result!.facilities.length).toBeGreaterThan(0);
    const listed = await api.call('GET', '/api/design/scenarios', analyst);
    expect((listed.body['scenarios'] as Body[])[0]).toMatchObject({ id: run.id, status: 'done' });
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });

  it('builds a template from the records: their sites, hospitals and the demand of their orders', async () => {
    const recorded = await template('network');
    const counts = await db.kysely
      .selectFrom('hospitals')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(recorded.hospitals).toHaveLength(Number(counts.n));
    const demand = recorded.hospitals.reduce(
      (n, h) => n + Object.values(h.demand).reduce((a, b) => a + b, 0),
      0,
    );
    expect(demand).toBeGreaterThan(0);
    const existing = recorded.sites.filter((s) => s['existing'] !== undefined);
    expect(existing.length).toBeGreaterThan(0);
    const saved = await api.call('POST', '/api/design/scenarios', planner, recorded);
    expect(saved.status).toBe(202);
    await jobsSettled();
    const run = (
      await api.call('GET', `/api/design/scenarios/${saved.body['id'] as string}`, planner)
    ).body as Run;
    expect(run.status).toBe('done');
    expect(['optimal', 'gap-reached']).toContain(run.result?.status);
  });

  it('solves again a scenario whose process died, once its lease has run out', async () => {
    // This app records the scenario but solves nothing: its jobs never run.
    const idle = createApp({
      db: db.kysely,
      now: () => NOW,
      databaseKind: db.kind,
      secureCookies: false,
      designJobs: { owner: 'idle', nudge: () => undefined, poll: () => () => undefined },
    });
    const idleApi = new TestApi(idle, { now: NOW }, PASSWORD);
    const saved = await idleApi.call(
      'POST',
      '/api/design/scenarios',
      analyst,
      await template('pb212-central'),
    );
    expect(saved.status).toBe(202);
    // A process claims it for one second and dies.
    const dead = await claimDesignJob(db.kysely, {
      owner: 'dead',
      leaseSeconds: 1,
      maxAttempts: 3,
      at: NOW,
    });
    expect(dead?.id).toBe(saved.body['id']);
    const jobs = designJobs(db.kysely, {
      leaseSeconds: 30,
      concurrency: 1,
      maxAttempts: 3,
      now: () => NOW,
    });
    jobs.nudge();
    await jobsSettled();
    expect(
      (await idleApi.call('GET', `/api/design/scenarios/${dead!.id}`, analyst)).body['status'],
    ).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    jobs.nudge();
    await jobsSettled();
    const run = (await idleApi.call('GET', `/api/design/scenarios/${dead!.id}`, analyst))
      .body as Run;
    expect(run.status).toBe('done');
    expect(run.result?.status).toBe('optimal');
    const attempts = await db.kysely
      .selectFrom('design_scenarios')
      .select('attempts')
      .where('id', '=', dead!.id)
      .executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(2);
  });

  it('refuses a scenario that breaks a rule, naming the field', async () => {
    const scenario = await template('pb212-central');
    scenario.hospitals[2]!.demand['PB212-PSMA'] = -3;
    const negative = await api.call('POST', '/api/design/scenarios', analyst, scenario);
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toMatch(
      /hospitals\[2\]\.demand\.PB212-PSMA: expected a non-negative number, got -3/,
    );
    const other = await template('pb212-central');
    other.sites[0]!.allowed = ['time-machine'];
    const unknown = await api.call('POST', '/api/design/scenarios', analyst, other);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(
      /sites\[0\]\.allowed\[0\]: unknown technology 'time-machine'/,
    );
    const huge = await api.call('POST', '/api/design/scenarios', analyst, {
      ...other,
      description: 'x'.repeat(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect((await api.call('GET', '/api/design/templates/nope', analyst)).status).toBe(404);
    expect(
      (await api.call('GET', '/api/design/scenarios/00000000-0000-4000-8000-000000000000', analyst))
        .status,
    ).toBe(404);
    expect((await api.call('GET', '/api/design/scenarios/not-a-uuid', analyst)).status).toBe(400);
  });

  it('is for planners and analysts only', async () => {
    const scenario = await template('pb212-central');
    expect((await api.call('POST', '/api/design/scenarios', pharmacist, scenario)).status).toBe(
      403,
    );
    expect((await api.call('GET', '/api/design/scenarios', orderer)).status).toBe(403);
    expect((await api.call('GET', '/api/design/templates', pharmacist)).status).toBe(403);
  });
});
