import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from './create-db.js';
import {
  claimHl7Outbound,
  finishHl7Outbound,
  linkHl7Order,
  retryHl7Outbound,
  saveHl7Facility,
} from './hl7-repository.js';
import { migrate } from './migrate.js';
import { insertOrders } from './order-intake.js';
import { testDatabaseUrl } from './test-database.js';

/**
 * The HL7 outbox claimed by several server processes: on PostgreSQL (TEST_DATABASE_URL) two
 * database handles, as two processes have, claim at once and never the same row; a claim whose
 * sender stopped is taken over when its lease runs out, and dead after its last attempt.
 */
const AT = new Date('2026-12-05T04:00:00Z');
const ROWS = 40;
let db: Db;
let other: Db;
let actor: { userId: string; organisationId: string; at: Date };

beforeAll(async () => {
  const url = await testDatabaseUrl();
  db = await createDb(url);
  await migrate(db);
  // Embedded PGlite has one connection: there the two "processes" share it.
  other = url === 'memory://' ? db : await createDb(url);
  const k = db.kysely;
  const product = await k
    .insertInto('products')
    .values({
      code: 'T-1',
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
  const org = await k
    .insertInto('organisations')
    .values({ kind: 'hospital', name: 'Hospital A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hospital = await k
    .insertInto('hospitals')
    .values({
      organisation_id: org.id,
      name: 'Hospital A',
      city: 'Town',
      address: '1 Road',
      latitude: 31,
      longitude: 121,
      time_zone: 'Asia/Shanghai',
      receiving_hours: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await k
    .insertInto('users')
    .values({
      organisation_id: org.id,
      email: 'orderer@test',
      display_name: 'Orderer',
      role: 'hospital_orderer',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  actor = { userId: user.id, organisationId: org.id, at: AT };
  await saveHl7Facility(k, actor, {
    facility: 'HOSP-A',
    hospital_id: hospital.id,
    account_id: user.id,
    endpoint_host: '127.0.0.1',
    endpoint_port: 2575,
  });
  const placed = await insertOrders(
    k,
    Array.from({ length: ROWS }, (_, n) => ({
      order: {
        organisation_id: org.id,
        hospital_id: hospital.id,
        product_id: product.id,
        calibration_at: new Date('2026-12-08T02:00:00Z'),
        calibration_zone: 'Asia/Shanghai',
        amount_kind: 'fixed' as const,
        activity_bq: 3.7e8,
        per_kg_bq: null,
        patient_weight_kg: null,
        doses: null,
        tolerance_pct: 10,
        patient_ref: `P-${n}`,
        notes: '',
        status: 'submitted' as const,
        status_reason: null,
        idempotency_key: `hl7:HOSP-A:${n}`,
        created_by: user.id,
        created_at: AT,
        updated_at: AT,
      },
      actor,
    })),
  );
  for (const [n, p] of placed.entries()) {
    await linkHl7Order(k, {
      orderId: p.order.id,
      facility: 'HOSP-A',
      placerOrder: `PO-${n}`,
      messageType: 'OMP^O09',
      controlId: `M-${n}`,
      at: AT,
    });
  }
  await k
    .insertInto('hl7_outbox')
    .values(
      placed.map((p) => ({
        order_id: p.order.id,
        event: 'dispense' as const,
        status: 'pending' as const,
        next_attempt_at: AT,
        created_at: AT,
      })),
    )
    .execute();
});

afterAll(async () => {
  if (other !== db) await other.close();
  await db.close();
});

const settings = (owner: string, now: Date) => ({ owner, now, leaseMs: 60_000, maxAttempts: 2 });

describe('the HL7 outbox shared by server processes', () => {
  it('gives each row to one of two processes claiming at once', async () => {
    const worker = async (handle: Db, owner: string) => {
      const got: string[] = [];
      for (;;) {
        const row = await claimHl7Outbound(handle.kysely, settings(owner, AT));
        if (!row) return got;
        got.push(row.id);
        expect(row).toMatchObject({ status: 'sending', attempts: 1, lease_owner: owner });
      }
    };
    const [a, b] = await Promise.all([worker(db, 'process-a'), worker(other, 'process-b')]);
    const all = [...a, ...b];
    expect(all).toHaveLength(ROWS);
    expect(new Set(all).size).toBe(ROWS);
    if (other !== db) expect(Math.min(a.length, b.length)).toBeGreaterThan(0);
  });

  it('lets only the holder finish a row; a stopped sender’s row is taken over, then dead', async () => {
    const [first] = await db.kysely
      .selectFrom('hl7_outbox')
      .select(['id', 'lease_owner'])
      .execute();
    const id = first!.id;
    const holder = first!.lease_owner!;
    const stranger = holder === 'process-a' ? 'process-b' : 'process-a';
    const delivered = { kind: 'delivered' as const, ack: 'MSA|AA' };
    expect(await finishHl7Outbound(db.kysely, id, stranger, delivered, AT)).toBe(false);
    // Before the lease runs out nothing is due; after it, the row is claimed again (attempt 2).
    expect(await claimHl7Outbound(db.kysely, settings('process-c', AT))).toBeUndefined();
    const later = new Date(AT.getTime() + 61_000);
    const again = await claimHl7Outbound(db.kysely, settings('process-c', later));
    expect(again).toMatchObject({ attempts: 2, lease_owner: 'process-c' });
    // The old holder cannot store an outcome any more.
    expect(await finishHl7Outbound(db.kysely, again!.id, holder, delivered, later)).toBe(false);
    // Leases that ran out on the last attempt allowed (here one): dead letters, none claimed.
    const last = new Date(later.getTime() + 61_000);
    const oneAttempt = { ...settings('process-d', last), maxAttempts: 1 };
    expect(await claimHl7Outbound(db.kysely, oneAttempt)).toBeUndefined();
    const statuses = await db.kysely.selectFrom('hl7_outbox').select('status').execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['dead']));
    // An administrator's retry puts one back, due now with its attempts afresh.
    const retried = await retryHl7Outbound(db.kysely, { ...actor, at: last }, again!.id);
    expect(retried).toMatchObject({ retried: true, row: { status: 'pending', attempts: 0 } });
    const claimed = await claimHl7Outbound(db.kysely, settings('process-e', last));
    expect(claimed?.id).toBe(again!.id);
    expect(await finishHl7Outbound(db.kysely, claimed!.id, 'process-e', delivered, last)).toBe(
      true,
    );
  });
});
