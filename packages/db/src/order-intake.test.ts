import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit-trail.js';
import { unauditedChanges } from './audit-rederive.js';
import type { Db } from './create-db.js';
import { integrityError } from './integrity-error.js';
import { insertOrder, insertOrders, type PlacedOrder } from './order-intake.js';
import { findUserBySession } from './accounts-repository.js';
import {
  orderPlacementLookups,
  type Actor,
  type NewOrder,
  type OrderPlacementQuery,
} from './orders-repository.js';
import { createDb } from './create-db.js';
import { migrate } from './migrate.js';
import { testDatabaseUrl, testDb } from './test-database.js';

/**
 * The order intake (issue 18): concurrent placements share a transaction and its audit lock, and
 * still give each caller its own order, its own idempotency and its own error.
 */
let db: Db;
let fx: Fixture;
beforeEach(async () => {
  db = await testDb();
  fx = await fixture(db);
});
afterEach(async () => {
  await db?.close();
});

interface Fixture {
  readonly product: string;
  readonly orgs: readonly { org: string; hospital: string; user: string }[];
}

/** Two hospitals with an orderer each, and one product. */
async function fixture(d: Db): Promise<Fixture> {
  const k = d.kysely;
  const product = await k
    .insertInto('products')
    .values({
      code: 'F18-TEST',
      name: 'Test tracer',
      ligand: 'FDG',
      nuclide: 'F-18',
      target: 'glucose',
      use: 'diagnostic',
      route: 'iv',
      synthesis_minutes: 30,
      qc_minutes: 20,
      radiochemical_yield: 0.6,
      max_batch_bq: 1e11,
      shelf_life_minutes: 600,
      tolerance_pct: 10,
      cost_per_batch: 100,
      cost_per_gbq: 1,
      dose_bq: 3.7e8,
      dose_bq_per_kg: null,
      min_dose_bq: 1e7,
      max_dose_bq: 1e9,
      source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orgs = [];
  for (const name of ['A', 'B']) {
    const org = await k
      .insertInto('organisations')
      .values({ kind: 'hospital', name: `Hospital ${name}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hospital = await k
      .insertInto('hospitals')
      .values({
        organisation_id: org.id,
        name: `Hospital ${name}`,
        city: 'Town',
        address: '1 Road',
        latitude: 31,
        longitude: 121,
        time_zone: 'Asia/Shanghai',
        receiving_hours: JSON.stringify([{ days: [1, 2, 3, 4, 5], open: '07:00', close: '17:00' }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await k
      .insertInto('users')
      .values({
        organisation_id: org.id,
        email: `orderer-${name}@test`,
        display_name: `Orderer ${name}`,
        role: 'hospital_orderer',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgs.push({ org: org.id, hospital: hospital.id, user: user.id });
  }
  return { product: product.id, orgs };
}

const AT = new Date('2026-12-05T04:00:00Z');

function order(
  k: number,
  options: { org?: 0 | 1; key?: string; product?: string } = {},
  f: Fixture = fx,
) {
  const o = f.orgs[options.org ?? 0] as Fixture['orgs'][number];
  const row: NewOrder = {
    organisation_id: o.org,
    hospital_id: o.hospital,
    product_id: options.product ?? f.product,
    calibration_at: new Date('2026-12-08T02:00:00Z'),
    calibration_zone: 'Asia/Shanghai',
    amount_kind: 'fixed',
    activity_bq: 3.7e8 + k,
    per_kg_bq: null,
    patient_weight_kg: null,
    doses: null,
    tolerance_pct: 10,
    patient_ref: `P-${k}`,
    notes: '',
    status: 'submitted',
    status_reason: null,
    idempotency_key: options.key ?? null,
    created_by: o.user,
    created_at: AT,
    updated_at: AT,
  };
  const actor: Actor = { userId: o.user, organisationId: o.org, at: AT };
  return { order: row, actor };
}

const place = (k: number, options: Parameters<typeof order>[1] = {}): Promise<PlacedOrder> => {
  const { order: row, actor } = order(k, options);
  return insertOrder(db.kysely, row, actor);
};

/** How many transactions wrote the orders (rows written by one transaction share its xmin). */
async function writingTransactions(): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`SELECT count(DISTINCT xmin::text) AS n FROM orders`.execute(db.kysely);
  return Number(rows[0]?.n);
}

describe('order intake', () => {
  it('writes concurrent orders in shared transactions, each with its own chained audit row', async () => {
    const placed = await Promise.all(Array.from({ length: 30 }, (_, k) => place(k)));
    expect(placed.every((p) => p.created)).toBe(true);
    expect(new Set(placed.map((p) => p.order.id)).size).toBe(30);
    placed.forEach((p, k) => {
      expect(p.order.patient_ref).toBe(`P-${k}`);
      expect(p.order.product_code).toBe('F18-TEST');
      expect(p.order.hospital_name).toBe('Hospital A');
    });
    expect(await writingTransactions()).toBeLessThan(30);
    const audited = await db.kysely
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'order')
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual(placed.map((p) => p.order.id).sort());
    expect(audited.every((a) => a.action === 'create')).toBe(true);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 30 });
    // Each order's audit snapshot is the order as stored.
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });

  it('answers a repeated idempotency key with the first order, also within one batch', async () => {
    const [first, second, other, plain] = await Promise.all([
      place(1, { key: 'same' }),
      place(2, { key: 'same' }), // the same key again, with other content: the caller compares
      place(3, { key: 'same', org: 1 }), // another organisation's key of the same name
      place(4),
    ]);
    expect(first?.created).toBe(true);
    expect(second).toEqual({ order: first?.order, created: false });
    expect(other?.created).toBe(true);
    expect(other?.order.id).not.toBe(first?.order.id);
    expect(plain?.created).toBe(true);
    const retried = await place(1, { key: 'same' });
    expect(retried).toEqual({ order: first?.order, created: false });
    const keyed = await db.kysely
      .selectFrom('orders')
      .select('id')
      .where('idempotency_key', '=', 'same')
      .execute();
    expect(keyed).toHaveLength(2);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 3 });
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });

  it('finds an order another transaction committed under the same key meanwhile', async () => {
    const earlier = await insertOrders(db.kysely, [order(1, { key: 'k-1' })]);
    const [again, fresh] = await insertOrders(db.kysely, [
      order(1, { key: 'k-1' }),
      order(2, { key: 'k-2' }),
    ]);
    expect(again).toEqual({ order: earlier[0]?.order, created: false });
    expect(fresh?.created).toBe(true);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 2 });
  });

  it('reports one order’s error to its caller alone; the others are written', async () => {
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, k) => place(k)),
      place(99, { product: randomUUID() }), // a product that is not there
      ...Array.from({ length: 5 }, (_, k) => place(10 + k)),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(integrityError((failed[0] as PromiseRejectedResult).reason)?.code).toBe(
      'dangling-reference',
    );
    expect(results[5]?.status).toBe('rejected');
    const written = await db.kysely.selectFrom('orders').select('patient_ref').execute();
    expect(written.map((w) => w.patient_ref).sort()).toEqual(
      [0, 1, 2, 3, 4, 10, 11, 12, 13, 14].map((k) => `P-${k}`).sort(),
    );
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 10 });
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });

  // Two server processes: two handles, two intakes, one database (a PostgreSQL server).
  it.runIf(process.env['TEST_DATABASE_URL'])(
    'makes one order per key when two processes place it at once',
    async () => {
      const url = await testDatabaseUrl();
      const [one, two] = [await createDb(url), await createDb(url)] as const;
      try {
        await migrate(one);
        const f = await fixture(one);
        const both = await Promise.all(
          Array.from({ length: 20 }, (_, k) => {
            const { order: row, actor } = order(k, { key: `twice-${k}` }, f);
            return [insertOrder(one.kysely, row, actor), insertOrder(two.kysely, row, actor)];
          }).flat(),
        );
        for (let k = 0; k < 20; k++) {
          const [a, b] = [both[2 * k], both[2 * k + 1]];
          expect(a?.order.id).toBe(b?.order.id);
          expect([a?.created, b?.created].filter(Boolean)).toHaveLength(1);
        }
        expect(await verifyAudit(one.kysely)).toMatchObject({ ok: true, rows: 20 });
        expect(await unauditedChanges(one.kysely)).toEqual([]);
      } finally {
        await one.close();
        await two.close();
      }
    },
  );
});

/**
 * The reads in front of the intake: concurrent session checks and order look-ups share a query
 * (`Coalescer`) and still give each request its own answer.
 */
describe('look-ups in front of the intake', () => {
  it('checks concurrent sessions in one go, each against its own clock', async () => {
    const [a, b] = fx.orgs as [Fixture['orgs'][number], Fixture['orgs'][number]];
    await db.kysely
      .insertInto('sessions')
      .values([
        { token_hash: 'hash-a', user_id: a.user, expires_at: new Date('2026-12-05T05:00:00Z') },
        { token_hash: 'hash-b', user_id: b.user, expires_at: new Date('2026-12-05T04:30:00Z') },
      ])
      .execute();
    const early = new Date('2026-12-05T04:00:00Z');
    const late = new Date('2026-12-05T04:45:00Z');
    const asked = [
      ['hash-a', early],
      ['hash-b', early],
      ['hash-b', late], // expired by then
      ['hash-unknown', early],
      ['hash-a', late],
    ] as const;
    const together = await Promise.all(asked.map(([h, t]) => findUserBySession(db.kysely, h, t)));
    expect(together.map((u) => u?.userId)).toEqual([a.user, b.user, undefined, undefined, a.user]);
    expect(together[0]).toMatchObject({ organisationId: a.org, role: 'hospital_orderer' });
    const alone = [];
    for (const [h, t] of asked) alone.push(await findUserBySession(db.kysely, h, t));
    expect(together).toEqual(alone);
  });

  it('looks up concurrent orders in one go, each with its own hospital, product and point', async () => {
    const [a, b] = fx.orgs as [Fixture['orgs'][number], Fixture['orgs'][number]];
    const points = await db.kysely
      .insertInto('delivery_points')
      .values([
        { hospital_id: a.hospital, name: 'B wing', latitude: 31, longitude: 121 },
        { hospital_id: a.hospital, name: 'A wing', latitude: 31, longitude: 121 },
        { hospital_id: b.hospital, name: 'PET centre', latitude: 31, longitude: 121 },
      ])
      .returning(['id', 'name'])
      .execute();
    const point = (name: string) => points.find((p) => p.name === name)?.id;
    const asked: OrderPlacementQuery[] = [
      { hospital: { organisationId: a.org }, productCode: 'F18-TEST' },
      {
        hospital: { id: b.hospital },
        productCode: 'F18-TEST',
        deliveryPointId: point('PET centre'),
      },
      {
        hospital: { organisationId: a.org },
        productCode: 'F18-TEST',
        deliveryPointId: point('B wing'),
      },
      // Another hospital's point, another organisation's hospital, an unknown product:
      {
        hospital: { organisationId: a.org },
        productCode: 'F18-TEST',
        deliveryPointId: point('PET centre'),
      },
      { hospital: { organisationId: a.org, id: b.hospital }, productCode: 'F18-TEST' },
      { hospital: { id: a.hospital }, productCode: 'NO-SUCH' },
    ];
    const together = await Promise.all(asked.map((q) => orderPlacementLookups(db.kysely, q)));
    expect(together.map((r) => [r.hospital?.id, r.product?.code, r.deliveryPointId])).toEqual([
      [a.hospital, 'F18-TEST', point('A wing')], // the first by name
      [b.hospital, 'F18-TEST', point('PET centre')],
      [a.hospital, 'F18-TEST', point('B wing')],
      [a.hospital, 'F18-TEST', undefined],
      [undefined, 'F18-TEST', undefined],
      [a.hospital, undefined, point('A wing')],
    ]);
    expect(together[0]?.product).toMatchObject({ id: fx.product, shelf_life_minutes: 600 });
    const alone = [];
    for (const q of asked) alone.push(await orderPlacementLookups(db.kysely, q));
    expect(together).toEqual(alone);
  });
});
