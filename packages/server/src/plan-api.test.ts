import { tomorrowIn } from '@halflife/domain';
import { verifyAudit, type Db } from '@halflife/db';
import { checkPlan, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { plansSettled } from './services/plan-execution.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Planning through the API on the seeded demo network: the planner runs in a worker thread (the
 * compiled dist/plan-worker.js), the plan is checked by the independent checker, committed, and
 * re-planned after a line outage.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(NOW, 'Asia/Shanghai');
const PASSWORD = 'test-password';
let db: Db;
let app: App;
let planner: string;

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
  planner = await signIn('planner@demo.halflife');
});
afterAll(async () => {
  await plansSettled();
  await db?.close();
});

type Body = Record<string, unknown>;

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: {
      cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
}

async function signIn(email: string): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** Polls a plan until it is no longer running; returns the record with its instance. */
async function settled(id: string): Promise<Body> {
  const seen = new Set<string>();
  for (let k = 0; k < 600; k++) {
    const r = await call('GET', `/api/plans/${id}?instance=true`, planner);
    expect(r.status).toBe(200);
    seen.add(JSON.stringify((r.body['progress'] as Body)['phase']));
    if (r.body['status'] !== 'running') return { ...r.body, phasesSeen: [...seen] };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`plan ${id} still running after 120 s`);
}

function expectValid(record: Body): { plan: Plan; instance: PlanningInstance } {
  expect(record['status'], String(record['error'])).toBe('ready');
  const plan = record['plan'] as Plan;
  const instance = record['instance'] as PlanningInstance;
  const check = checkPlan(instance, plan);
  expect(check.violations.slice(0, 5)).toEqual([]);
  expect(check.ok).toBe(true);
  return { plan, instance };
}

async function plannedCount(): Promise<number> {
  const r = await call('GET', `/api/orders?date=${DATE}&status=planned&limit=5000`, planner);
  return (r.body['orders'] as unknown[]).length;
}

describe('planning through the API', () => {
  it('lets only planners and administrators plan; hospitals see no plans', async () => {
    const orderer = await signIn('hospital1.orderer@demo.halflife');
    const analyst = await signIn('analyst@demo.halflife');
    expect((await call('POST', '/api/plans', orderer, { date: DATE })).status).toBe(403);
    expect((await call('GET', '/api/plans', orderer)).status).toBe(403);
    expect((await call('POST', '/api/plans', analyst, { date: DATE })).status).toBe(403);
    expect((await call('GET', '/api/plans', analyst)).status).toBe(200);
    const bad = await call('POST', '/api/plans', planner, { date: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect((await call('POST', '/api/plans', planner, { date: DATE, method: 'x' })).status).toBe(
      400,
    );
  });

  let first: { id: string; plan: Plan; instance: PlanningInstance };

  it('plans the demo date in a worker, a plan the checker passes, and commits it', async () => {
    const started = await call('POST', '/api/plans', planner, { date: DATE, method: 'greedy' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', date: DATE, method: 'greedy' });
    const id = started.body['id'] as string;
    const record = await settled(id);
    const { plan, instance } = expectValid(record);
    expect(instance.orders.length).toBeGreaterThan(400);
    expect(record['orders']).toBe(instance.orders.length);
    expect(record['served']).toBe(plan.doses.length);
    expect(plan.doses.length).toBeGreaterThan(instance.orders.length * 0.5);
    first = { id, plan, instance };

    const list = await call('GET', `/api/plans?date=${DATE}`, planner);
    const listed = (list.body['plans'] as Body[])[0] as Body;
    expect(listed['id']).toBe(id);
    expect(listed).not.toHaveProperty('plan');

    const committed = await call('POST', `/api/plans/${id}/commit`, planner);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ planned: plan.doses.length, superseded: null });
    expect(await plannedCount()).toBe(plan.doses.length);
    const dose = plan.doses[0]!;
    const order = (await call('GET', `/api/orders/${dose.order}`, planner)).body;
    expect(order['status']).toBe('planned');
    // The order carries how the committed plan serves it: the dose at injection, site, times.
    const batch = plan.batches.find((b) => b.id === dose.batch)!;
    const shipment = plan.shipments.find((s) => s.id === dose.shipment)!;
    const site = instance.sites.find((s) => s.id === batch.site)!;
    expect(order['planned']).toEqual({
      planId: id,
      activityBq: dose.calibrationActivityBq,
      siteName: site.name,
      batchStartAt: batch.startAt,
      departAt: shipment.departAt,
      arriveAt: shipment.arriveAt,
    });
    const ordered = order['activityBq'] as number;
    const tolerance = (order['tolerancePct'] as number) / 100;
    expect(Math.abs(dose.calibrationActivityBq / ordered - 1)).toBeLessThanOrEqual(tolerance);
    const plannedList = await call('GET', `/api/orders?date=${DATE}&status=planned`, planner);
    const orders = plannedList.body['orders'] as Body[];
    expect(orders.length).toBe(plan.doses.length);
    expect(orders.every((o) => o['planned'] !== null)).toBe(true);
    const unplanned = await call('GET', `/api/orders?date=${DATE}&status=accepted`, planner);
    expect((unplanned.body['orders'] as Body[]).every((o) => o['planned'] === null)).toBe(true);
    // Every order the plan leaves out says so, with the planner's reason, to its hospital too.
    const notPlanned = await call(
      'GET',
      `/api/orders?date=${DATE}&status=not_planned&limit=5000`,
      planner,
    );
    const left = notPlanned.body['orders'] as Body[];
    expect(left.length).toBe(plan.unserved.length);
    expect(committed.body['released']).toBe(plan.unserved.length);
    for (const u of plan.unserved) {
      const o = left.find((x) => x['id'] === u.order);
      expect(o?.['statusReason']).toBe(u.reason);
    }
    const submitted = await call('GET', `/api/orders?date=${DATE}&status=submitted`, planner);
    expect(submitted.body['orders']).toEqual([]);

    const again = await call('POST', `/api/plans/${id}/commit`, planner);
    expect(again.status).toBe(409);
    expect((again.body['error'] as Body)['message']).toMatch(/committed/);
  });

  it('re-plans after a line outage: a new ready plan based on the first, off that line', async () => {
    // The line of the latest-starting batch fails an hour before that batch.
    const last = [...first.plan.batches].sort((a, b) => a.startAt.localeCompare(b.startAt)).at(-1);
    if (!last) throw new Error('the plan has no batch');
    const from = new Date(Date.parse(last.startAt) - 3_600_000).toISOString();
    const replan = await call('POST', `/api/plans/${first.id}/replan`, planner, {
      now: from,
      outages: [{ site: last.site, line: last.line, from, reason: 'module fault (test)' }],
    });
    expect(replan.status, JSON.stringify(replan.body)).toBe(202);
    expect(replan.body).toMatchObject({ status: 'running', basedOn: first.id });
    const record = await settled(replan.body['id'] as string);
    const { plan, instance } = expectValid(record);
    expect(instance.outages).toEqual([
      expect.objectContaining({ site: last.site, line: last.line, from }),
    ]);
    // Shipments that had left stay exactly as they left (rule 12, checked from the base plan too).
    const left = first.plan.shipments.filter((s) => Date.parse(s.departAt) < Date.parse(from));
    expect(left.length).toBeGreaterThan(0);
    expect(instance.departedShipments?.map((s) => s.id)).toEqual(left.map((s) => s.id));
    expect(checkPlan(instance, plan, { base: { plan: first.plan, from } }).violations).toEqual([]);
    for (const s of left) {
      expect(plan.shipments.find((p) => p.id === s.id)).toEqual(s);
      const carried = (p: Plan) => p.doses.filter((d) => d.shipment === s.id);
      expect(carried(plan)).toEqual(carried(first.plan));
    }
    expect(
      plan.batches.some(
        (b) => b.line === last.line && !b.fixed && Date.parse(b.startAt) >= Date.parse(from),
      ),
    ).toBe(false);
    const outage = await db.kysely
      .selectFrom('equipment_outages')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(outage.equipment_id).toBe(last.line);

    const committed = await call('POST', `/api/plans/${record['id'] as string}/commit`, planner);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body['superseded']).toBe(first.id);
    expect(await plannedCount()).toBe(plan.doses.length);
    const old = await call('GET', `/api/plans/${first.id}`, planner);
    expect(old.body['status']).toBe('superseded');
  });

  it('refuses to commit a plan whose orders changed since, naming them', async () => {
    const started = await call('POST', '/api/plans', planner, { date: DATE, method: 'greedy' });
    const record = await settled(started.body['id'] as string);
    const { plan } = expectValid(record);
    const victim = plan.doses[0]?.order as string;
    const order = await call('GET', `/api/orders/${victim}`, planner);
    const cancelled = await call('POST', `/api/orders/${victim}/cancel`, planner, {
      version: order.body['version'],
      reason: 'patient unwell (test)',
    });
    expect(cancelled.status).toBe(200);
    const refused = await call('POST', `/api/plans/${record['id'] as string}/commit`, planner);
    expect(refused.status).toBe(409);
    expect((refused.body['error'] as Body)['message']).toContain(victim);
  });

  it('keeps answering requests while the exact model runs in the worker', async () => {
    const started = await call('POST', '/api/plans', planner, {
      date: DATE,
      method: 'milp',
      timeLimitSeconds: 5,
    });
    expect(started.status).toBe(202);
    const id = started.body['id'] as string;
    const latencies: number[] = [];
    let running = true;
    while (running) {
      const t0 = performance.now();
      const health = await call('GET', '/api/health', planner);
      latencies.push(performance.now() - t0);
      expect(health.status).toBe(200);
      running = (await call('GET', `/api/plans/${id}`, planner)).body['status'] === 'running';
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Answered all along: a solve on the request thread would hold every request for its 5 s.
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(2500);
    const record = await settled(id);
    expect(record['method']).toBe('milp');
    expectValid(record);
  });

  it('documents the planning routes and keeps the audit trail intact', async () => {
    const doc = await call('GET', '/api/openapi.json', planner);
    expect(Object.keys(doc.body['paths'] as object)).toEqual(
      expect.arrayContaining(['/api/plans', '/api/plans/{id}', '/api/plans/{id}/replan']),
    );
    const actions = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['create', 'status:ready', 'status:committed', 'status:superseded']),
    );
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
