import { INSTANCE_FORMAT, PLAN_FORMAT, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit-trail.js';
import type { Db } from './create-db.js';
import { listOrders, updateOrderStatus, type Actor } from './orders-repository.js';
import { insertOutages, listOutages } from './outages-repository.js';
import { commitPlan } from './plan-commit.js';
import {
  finishPlan,
  getPlan,
  insertPlan,
  listPlans,
  updatePlanProgress,
} from './plans-repository.js';
import { claimPlanJob, planLease, renewPlanLease } from './plan-jobs-repository.js';
import { seedDemo } from './seed-demo.js';
import { testDb } from './test-database.js';

/** An instance and a plan with nothing in them: the repository stores what it is given. */
const INSTANCE: PlanningInstance = {
  format: INSTANCE_FORMAT,
  name: 'test',
  horizon: { start: '2026-11-24T00:00:00+08:00', end: '2026-11-25T00:00:00+08:00' },
  products: [],
  sites: [],
  hospitals: [],
  lanes: [],
  orders: [],
};
const PLAN: Plan = {
  format: PLAN_FORMAT,
  instance: 'test',
  method: 'greedy',
  batches: [],
  shipments: [],
  doses: [],
  unserved: [],
  summary: {
    orders: 0,
    served: 0,
    unservable: 0,
    servedPct: 100,
    efficiency: 0,
    batches: 0,
    startActivityBq: 0,
    cost: { isotope: 0, batches: 0, transport: 0, total: 0 },
    objective: 0,
    lowerBound: 0,
    unservablePenalty: 0,
    gap: 0,
    seconds: 0,
  },
};

const DATE = '2026-11-24';
const NOW = new Date('2026-11-23T00:00:00Z');
let db: Db;
let actor: Actor;

beforeAll(async () => {
  db = await testDb();
  await seedDemo(db, { date: DATE, seed: 1, passwordHash: () => Promise.resolve('x'), now: NOW });
  const planner = await db.kysely
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', 'planner@demo.halflife')
    .executeTakeFirstOrThrow();
  actor = { userId: planner.id, organisationId: planner.organisation_id, at: NOW };
});
afterAll(async () => {
  await db?.close();
});

let clock = 0;
async function readyPlan(orderIds: readonly string[], versions: Record<string, number>) {
  clock += 1; // distinct creation times: lists are newest first
  const at = { ...actor, at: new Date(NOW.getTime() + clock * 60_000) };
  const row = await insertPlan(
    db.kysely,
    {
      planDate: DATE,
      days: 1,
      method: 'greedy',
      timeLimitSeconds: null,
      basedOn: null,
      instance: INSTANCE,
      orderVersions: versions,
      orders: orderIds.length,
    },
    at,
  );
  await finishPlan(
    db.kysely,
    row.id,
    null,
    {
      status: 'ready',
      plan: PLAN,
      served: orderIds.length,
      batches: 1,
      shipments: 1,
      costTotal: 10,
      gap: 0,
      seconds: 0.1,
    },
    at,
  );
  return row.id;
}

describe('plans', () => {
  it('records a running plan, its progress and its result, audited', async () => {
    const row = await insertPlan(
      db.kysely,
      {
        planDate: DATE,
        days: 1,
        method: 'auto',
        timeLimitSeconds: 5,
        basedOn: null,
        instance: INSTANCE,
        orderVersions: {},
        orders: 0,
      },
      actor,
    );
    expect(row).toMatchObject({ status: 'running', plan_date: DATE, method: 'auto' });
    const claim = { owner: 'process-a', leaseSeconds: 30, maxAttempts: 3, at: NOW };
    expect(await claimPlanJob(db.kysely, claim)).toMatchObject({ id: row.id, attempt: 1 });
    // Progress and outcomes come only from the process that holds the plan.
    await updatePlanProgress(db.kysely, row.id, 'process-b', { phase: 'solve', message: 'b' });
    await updatePlanProgress(db.kysely, row.id, 'process-a', {
      phase: 'solve',
      fraction: 0.5,
      message: 'm',
    });
    expect((await getPlan(db.kysely, row.id))?.progress).toEqual({
      phase: 'solve',
      fraction: 0.5,
      message: 'm',
    });
    const boom = { status: 'failed', error: 'boom' } as const;
    expect(await finishPlan(db.kysely, row.id, 'process-b', boom, actor)).toBe(undefined);
    const failed = await finishPlan(db.kysely, row.id, 'process-a', boom, actor);
    expect(failed).toMatchObject({ status: 'failed', error: 'boom' });
    // A finished plan does not finish again.
    expect(
      await finishPlan(db.kysely, row.id, 'process-a', { status: 'failed', error: 'x' }, actor),
    ).toBe(undefined);
    const actions = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', row.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'status:failed']);
  });

  it('commits served orders to planned in one go, refuses stale ones, supersedes', async () => {
    const orders = await listOrders(db.kysely, { limit: 3, offset: 0 });
    const [a, b, c] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    const versions = Object.fromEntries(orders.map((o) => [o.id, o.version]));

    // b changes after planning: nothing at all is committed.
    const stalePlan = await readyPlan([a.id, b.id], versions);
    await updateOrderStatus(
      db.kysely,
      { id: b.id, expectedVersion: b.version, status: 'accepted', reason: null },
      actor,
    );
    const stale = await commitPlan(
      db.kysely,
      {
        planId: stalePlan,
        served: [a, b].map((o) => ({ orderId: o.id, expectedVersion: o.version })),
        unserved: [],
      },
      actor,
    );
    expect(stale).toEqual({ kind: 'stale', orderIds: [b.id] });
    expect((await listOrders(db.kysely, { limit: 1, offset: 0 }))[0]?.status).toBe('submitted');

    const first = await readyPlan([a.id, c.id], { ...versions, [b.id]: b.version + 1 });
    const committed = await commitPlan(
      db.kysely,
      {
        planId: first,
        served: [a, c].map((o) => ({ orderId: o.id, expectedVersion: o.version })),
        unserved: [{ orderId: b.id, expectedVersion: b.version + 1, reason: 'no line' }],
      },
      actor,
    );
    // b, left out, is told why.
    expect(committed).toMatchObject({ kind: 'committed', planned: 2, released: 1 });
    const told = await db.kysely
      .selectFrom('orders')
      .select(['status', 'status_reason'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(told).toEqual({ status: 'not_planned', status_reason: 'no line' });
    const again = await commitPlan(db.kysely, { planId: first, served: [], unserved: [] }, actor);
    expect(again).toEqual({ kind: 'not-ready', status: 'committed' });

    // A re-plan serves b instead of c: c is not planned now, the first plan is superseded.
    const second = await readyPlan([a.id, b.id], {});
    const replanned = await commitPlan(
      db.kysely,
      {
        planId: second,
        served: [
          { orderId: a.id, expectedVersion: a.version + 1 },
          { orderId: b.id, expectedVersion: b.version + 2 },
        ],
        unserved: [{ orderId: c.id, expectedVersion: c.version + 1, reason: 'line down' }],
      },
      actor,
    );
    expect(replanned).toMatchObject({
      kind: 'committed',
      planned: 1,
      kept: 1,
      released: 1,
      superseded: first,
    });
    const statuses = await db.kysely
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('id', 'in', [a.id, b.id, c.id])
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [a.id]: 'planned',
      [b.id]: 'planned',
      [c.id]: 'not_planned',
    });
    const list = await listPlans(db.kysely, { date: DATE, limit: 10 });
    expect(list.find((p) => p.id === first)?.status).toBe('superseded');
    expect(list.find((p) => p.id === second)?.status).toBe('committed');
    expect(list[0]?.id).toBe(second);
  });

  it('records outages and finds those overlapping a window', async () => {
    const line = await db.kysely
      .selectFrom('equipment')
      .select('id')
      .where('kind', '=', 'synthesis_module')
      .limit(1)
      .executeTakeFirstOrThrow();
    await insertOutages(
      db.kysely,
      [
        {
          equipmentId: line.id,
          from: new Date('2026-11-24T02:00:00Z'),
          to: null,
          reason: 'module fault',
          planId: null,
        },
      ],
      actor,
    );
    const found = await listOutages(db.kysely, {
      from: new Date('2026-11-23T16:00:00Z'),
      to: new Date('2026-11-24T16:00:00Z'),
    });
    expect(found.map((o) => o.equipment_id)).toEqual([line.id]);
    expect(
      await listOutages(db.kysely, {
        from: new Date('2026-11-22T16:00:00Z'),
        to: new Date('2026-11-23T16:00:00Z'),
      }),
    ).toEqual([]);
  });

  it('a plan is claimed by one process at a time, taken over when its lease runs out, given up after its attempts', async () => {
    const row = await insertPlan(
      db.kysely,
      {
        planDate: DATE,
        days: 1,
        method: 'greedy',
        timeLimitSeconds: null,
        basedOn: null,
        instance: INSTANCE,
        orderVersions: {},
        orders: 0,
      },
      actor,
    );
    const claim = (owner: string, leaseSeconds: number) =>
      claimPlanJob(db.kysely, { owner, leaseSeconds, maxAttempts: 2, at: NOW });
    expect(await claim('a', 30)).toMatchObject({ id: row.id, attempt: 1, instance: INSTANCE });
    // Held: nobody else gets it, and its owner may renew.
    expect(await claim('b', 30)).toBe(undefined);
    expect(await renewPlanLease(db.kysely, row.id, 'a', 0.001)).toBe(true);
    expect(await renewPlanLease(db.kysely, row.id, 'b', 30)).toBe(false);
    // Its lease runs out (a dead process): another takes it over; the first may store nothing.
    await new Promise((r) => setTimeout(r, 20));
    expect(await claim('b', 0.001)).toMatchObject({ id: row.id, attempt: 2 });
    expect(await planLease(db.kysely, row.id)).toEqual({ owner: 'b', attempts: 2 });
    expect(await renewPlanLease(db.kysely, row.id, 'a', 30)).toBe(false);
    expect(
      await finishPlan(db.kysely, row.id, 'a', { status: 'failed', error: 'late' }, actor),
    ).toBe(undefined);
    // Its second owner dies too: with its attempts used, the plan is given up, audited.
    await new Promise((r) => setTimeout(r, 20));
    expect(await claim('c', 30)).toBe(undefined);
    const given = await getPlan(db.kysely, row.id);
    expect(given).toMatchObject({ status: 'failed', lease_owner: null });
    expect(given?.error).toMatch(/stopped 2 times without a plan/);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
