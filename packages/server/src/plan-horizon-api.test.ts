import { addDays, tomorrowIn } from '@halflife/domain';
import { verifyAudit, type Db } from '@halflife/db';
import { checkPlan, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { plansSettled } from './services/plan-execution.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Rolling horizons through the API (issue 18): a plan of two days from the day before the demo
 * orders serves the therapy doses that must be made the day before; once committed, the next
 * horizon keeps the batches it started for them, and the rows in force are never listed twice.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const DEMO_DAY = tomorrowIn(NOW, 'Asia/Shanghai');
const DAY_BEFORE = addDays(DEMO_DAY, -1);
const PASSWORD = 'test-password';
const THERAPIES = /^(LU177|AC225|PB212)/;
let db: Db;
let app: App;
let planner: string;
let admin: string;

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
  planner = await signIn('planner@demo.halflife');
  admin = await signIn('admin@demo.halflife');
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

async function planned(
  body: Body,
): Promise<{ id: string; plan: Plan; instance: PlanningInstance }> {
  const started = await call('POST', '/api/plans', planner, body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body['id'] as string;
  for (let k = 0; k < 900; k++) {
    const r = await call('GET', `/api/plans/${id}?instance=true`, planner);
    if (r.body['status'] !== 'running') {
      expect(r.body['status'], String(r.body['error'])).toBe('ready');
      const plan = r.body['plan'] as Plan;
      const instance = r.body['instance'] as PlanningInstance;
      expect(checkPlan(instance, plan).violations.slice(0, 5)).toEqual([]);
      return { id, plan, instance };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`plan ${id} still running after 180 s`);
}

/** The local date in the demo zone (+08:00) of an instant. */
const shanghaiDate = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('planning a rolling horizon through the API', () => {
  it('refuses a horizon of no days or more than a week, naming the field', async () => {
    for (const days of [0, 8, 1.5]) {
      const r = await call('POST', '/api/plans', planner, { date: DEMO_DAY, days });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/days/);
    }
  });

  let first: { id: string; plan: Plan; instance: PlanningInstance };

  it('makes the day before what the demo day’s therapies need, and commits it', async () => {
    first = await planned({ date: DAY_BEFORE, days: 2, method: 'greedy' });
    const { plan, instance } = first;
    expect(instance.horizon.end).toBe(`${DEMO_DAY}T16:00:00.000Z`);
    const orders = new Map(instance.orders.map((o) => [o.id, o]));
    const batches = new Map(plan.batches.map((b) => [b.id, b]));
    const therapies = plan.doses.filter(
      (d) =>
        THERAPIES.test(orders.get(d.order)!.product) &&
        shanghaiDate(batches.get(d.batch)!.startAt) === DAY_BEFORE,
    );
    expect(therapies.length).toBeGreaterThan(0);
    const commit = await call('POST', `/api/plans/${first.id}/commit`, planner);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
  }, 240_000);

  it('keeps the started batches in the next horizon, and lists every row in force once', async () => {
    const next = await planned({ date: DEMO_DAY, days: 2, method: 'greedy' });
    const start = next.instance.horizon.start;
    expect(next.instance.replanFrom).toBe(start);
    const fixed = next.instance.fixedBatches ?? [];
    expect(fixed.length).toBeGreaterThan(0);
    for (const f of fixed) {
      const before = first.plan.batches.find((b) => b.id === f.id);
      expect(before, f.id).toMatchObject({ startAt: f.startAt, eosActivityBq: f.eosActivityBq });
      expect(Date.parse(f.startAt)).toBeLessThan(Date.parse(start));
      expect(next.plan.batches.find((b) => b.id === f.id)).toMatchObject({ fixed: true });
    }
    const commit = await call('POST', `/api/plans/${next.id}/commit`, planner);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);

    const earlier = await call('GET', `/api/plans/${first.id}`, planner);
    expect(earlier.body).toMatchObject({ status: 'committed', days: 2, inForceUntil: start });
    const later = await call('GET', `/api/plans/${next.id}`, planner);
    expect(later.body).toMatchObject({ status: 'committed', days: 2, inForceUntil: null });

    // The day before's batches are listed once (their records moved with the carried batches).
    const records = await call('GET', `/api/batches?date=${DAY_BEFORE}`, admin);
    expect(records.status).toBe(200);
    const numbers = (records.body['batches'] as Body[]).map((b) => b['batchNumber']);
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const day of [DAY_BEFORE, DEMO_DAY]) {
      const shipments = await call('GET', `/api/shipments?date=${day}`, admin);
      expect(shipments.status).toBe(200);
      const keys = (shipments.body['shipments'] as Body[]).map((s) => s['key']);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size, day).toBe(keys.length);
    }
    // Every order the two horizons serve has one planned dose in force.
    const orders = await call(
      'GET',
      `/api/orders?date=${DEMO_DAY}&status=planned&limit=5000`,
      planner,
    );
    const ids = (orders.body['orders'] as Body[]).map((o) => o['id']);
    expect(ids.length).toBeGreaterThan(0);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  }, 240_000);
});
