import { INSTANCE_FORMAT, PLAN_FORMAT, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unauditedChanges } from './audit-rederive.js';
import { verifyAudit } from './audit-trail.js';
import type { Db } from './create-db.js';
import { listOrders, type Actor, type OrderRow } from './orders-repository.js';
import { commitPlan } from './plan-commit.js';
import { committedDoses, PLAN_ROWS_ENTITY } from './plan-rows-repository.js';
import { insertPlan } from './plans-repository.js';
import { seedDemo } from './seed-demo.js';
import { testDb } from './test-database.js';

const DATE = '2026-11-24';
const NOW = new Date('2026-11-23T00:00:00Z');
const INSTANCE: PlanningInstance = {
  format: INSTANCE_FORMAT,
  name: 'rows',
  horizon: { start: '2026-11-24T00:00:00+08:00', end: '2026-11-25T00:00:00+08:00' },
  products: [],
  sites: [],
  hospitals: [],
  lanes: [],
  orders: [],
};

let db: Db;
let actor: Actor;
let orders: OrderRow[];
let net: { site: string; line: string; product: string; lane: string };

beforeAll(async () => {
  db = await testDb();
  await seedDemo(db, { date: DATE, seed: 2, passwordHash: () => Promise.resolve('x'), now: NOW });
  const planner = await db.kysely
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', 'planner@demo.halflife')
    .executeTakeFirstOrThrow();
  actor = { userId: planner.id, organisationId: planner.organisation_id, at: NOW };
  orders = await listOrders(db.kysely, { limit: 3, offset: 0 });
  const line = await db.kysely
    .selectFrom('equipment')
    .select(['id', 'site_id'])
    .executeTakeFirstOrThrow();
  const lane = await db.kysely.selectFrom('lanes').select('id').executeTakeFirstOrThrow();
  const product = await db.kysely.selectFrom('products').select('code').executeTakeFirstOrThrow();
  net = { site: line.site_id, line: line.id, product: product.code, lane: lane.id };
});
afterAll(async () => {
  await db?.close();
});

/** A plan of one batch B1 and one shipment S1 carrying a dose for each of `served`. */
function planOf(served: readonly OrderRow[], startAt: string, fixed: boolean): Plan {
  const at = Date.parse(startAt);
  const iso = (minutes: number) =>
    new Date(at + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    format: PLAN_FORMAT,
    instance: 'rows',
    method: 'greedy',
    batches: [
      {
        id: 'B1',
        site: net.site,
        line: net.line,
        product: net.product,
        startAt,
        eosAt: iso(40),
        releaseAt: iso(60),
        startActivityBq: 2e10,
        eosActivityBq: 1.2e10,
        fixed,
      },
    ],
    shipments: [{ id: 'S1', lane: net.lane, departAt: iso(70), arriveAt: iso(130) }],
    doses: served.map((o, i) => ({
      order: o.id,
      batch: 'B1',
      shipment: 'S1',
      eosActivityBq: 1e9 * (i + 1),
      calibrationActivityBq: 0.37e9 * (i + 1),
    })),
    unserved: [],
    summary: {
      orders: served.length,
      served: served.length,
      unservable: 0,
      servedPct: 100,
      efficiency: 0.5,
      batches: 1,
      startActivityBq: 2e10,
      cost: { isotope: 1, batches: 1, transport: 1, total: 3 },
      objective: 3,
      lowerBound: 3,
      unservablePenalty: 0,
      gap: 0,
      seconds: 0,
    },
  };
}

async function readyPlan(plan: Plan, versions: Record<string, number>): Promise<string> {
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
      orders: plan.doses.length,
    },
    actor,
  );
  // Made ready directly: how a plan is computed and finished is not what these tests are about.
  await db.kysely
    .updateTable('plans')
    .set({ status: 'ready', plan: JSON.stringify(plan), served: plan.doses.length })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

describe("a committed plan's rows", () => {
  let first: string;

  it('are written by the commit, with uuids, versions and one audit entry', async () => {
    const [a, b] = orders as [OrderRow, OrderRow];
    const plan = planOf([a, b], '2026-11-23T22:00:00Z', false);
    first = await readyPlan(plan, { [a.id]: a.version, [b.id]: b.version });
    const outcome = await commitPlan(
      db.kysely,
      {
        planId: first,
        served: [a, b].map((o) => ({ orderId: o.id, expectedVersion: o.version })),
        unserved: [],
      },
      actor,
    );
    expect(outcome).toMatchObject({ kind: 'committed', planned: 2 });

    const batch = await db.kysely
      .selectFrom('plan_batches')
      .selectAll()
      .where('plan_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      batch_key: 'B1',
      site_id: net.site,
      equipment_id: net.line,
      product_code: net.product,
      start_activity_bq: 2e10,
      eos_activity_bq: 1.2e10,
      fixed: false,
      carried_from: null,
      version: 1,
    });
    expect(batch.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(batch.release_at.toISOString()).toBe('2026-11-23T23:00:00.000Z');
    const doses = await db.kysely
      .selectFrom('plan_doses')
      .selectAll()
      .where('plan_id', '=', first)
      .orderBy('calibration_activity_bq')
      .execute();
    expect(doses.map((d) => [d.order_id, d.batch_id, d.calibration_activity_bq])).toEqual([
      [a.id, batch.id, 0.37e9],
      [b.id, batch.id, 0.74e9],
    ]);

    const entries = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'after', 'actor_id'])
      .where('entity', '=', PLAN_ROWS_ENTITY)
      .where('entity_id', '=', first)
      .execute();
    expect(entries).toEqual([
      {
        action: 'create',
        actor_id: actor.userId,
        after: expect.objectContaining({
          id: first,
          batches: 1,
          shipments: 1,
          doses: 2,
        }) as unknown,
      },
    ]);
    expect(await unauditedChanges(db.kysely)).toEqual([]);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);

    const served = await committedDoses(db.kysely, [a.id, b.id, (orders[2] as OrderRow).id]);
    expect(served.map((d) => [d.order_id, d.plan_id, d.depart_at.toISOString()])).toEqual(
      expect.arrayContaining([
        [a.id, first, '2026-11-23T23:10:00.000Z'],
        [b.id, first, '2026-11-23T23:10:00.000Z'],
      ]),
    );
    expect(served).toHaveLength(2);
  });

  it('are found by audit verify when changed without an audit entry', async () => {
    const dose = await db.kysely
      .selectFrom('plan_doses')
      .select(['id', 'calibration_activity_bq'])
      .where('plan_id', '=', first)
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('plan_doses')
      .set({ calibration_activity_bq: 1e12 })
      .where('id', '=', dose.id)
      .execute();
    const found = await unauditedChanges(db.kysely);
    expect(found).toEqual([
      {
        entity: PLAN_ROWS_ENTITY,
        id: first,
        problem: expect.stringMatching(/^changed without an audit entry: digest /) as unknown,
      },
    ]);
    await db.kysely
      .updateTable('plan_doses')
      .set({ calibration_activity_bq: dose.calibration_activity_bq })
      .where('id', '=', dose.id)
      .execute();
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });

  it('stay when a re-plan supersedes the plan; the rows in force are the new plan’s', async () => {
    const [a, b, c] = orders as [OrderRow, OrderRow, OrderRow];
    // The batch has started: the re-plan keeps it (fixed) and serves a and c from it.
    const plan = planOf([a, c], '2026-11-23T22:00:00Z', true);
    const second = await readyPlan(plan, {});
    const outcome = await commitPlan(
      db.kysely,
      {
        planId: second,
        served: [
          { orderId: a.id, expectedVersion: a.version + 1 },
          { orderId: c.id, expectedVersion: c.version },
        ],
        unserved: [{ orderId: b.id, expectedVersion: b.version + 1, reason: 'line down' }],
      },
      actor,
    );
    expect(outcome).toMatchObject({ kind: 'committed', superseded: first, released: 1 });

    const batches = await db.kysely
      .selectFrom('plan_batches')
      .select(['id', 'plan_id', 'carried_from', 'fixed'])
      .where('plan_id', 'in', [first, second])
      .execute();
    const old = batches.find((r) => r.plan_id === first);
    const now = batches.find((r) => r.plan_id === second);
    expect(old).toBeDefined();
    expect(now).toMatchObject({ carried_from: old?.id, fixed: true });
    const oldDoses = await db.kysely
      .selectFrom('plan_doses')
      .select('order_id')
      .where('plan_id', '=', first)
      .execute();
    expect(oldDoses).toHaveLength(2);

    const served = await committedDoses(db.kysely, [a.id, b.id, c.id]);
    expect(served.map((d) => [d.order_id, d.plan_id]).sort()).toEqual(
      [
        [a.id, second],
        [c.id, second],
      ].sort(),
    );
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });
});
