import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAuditSigner, useAuditSigner, verifierFrom } from './audit-key.js';
import {
  appendAudit,
  appendAuditEntries,
  auditHash,
  verifyAudit,
  type AuditEntry,
} from './audit-trail.js';
import type { Db } from './create-db.js';
import { testDb } from './test-database.js';

// A fresh database per test (from a migrated snapshot on PGlite).
let db: Db;
beforeEach(async () => {
  db = await testDb();
});
afterEach(async () => {
  await db?.close(); // set-up may have failed before db was set
});

const entry = (k: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 23, 8, k)),
  actorId: null,
  actorOrg: null,
  entity: 'order',
  entityId: `order-${k}`,
  action: 'create',
  before: null,
  after: { activityBq: 7.4e9 + k, status: 'submitted', nested: { b: 1, a: [1, 2] } },
  reason: k % 2 ? 'because' : null,
});

async function appendMany(n: number): Promise<void> {
  for (let k = 1; k <= n; k++) {
    await db.kysely.transaction().execute((trx) => appendAudit(trx, entry(k)));
  }
}

describe('audit trail', () => {
  it('chains every row to the one before and verifies', async () => {
    await appendMany(5);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 5 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await appendMany(1);
    await expect(sql`UPDATE audit_log SET reason = 'x'`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });

  it('names the first row changed behind the trigger’s back', async () => {
    await appendMany(6);
    await db.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = jsonb_set(after, '{activityBq}', '1') WHERE seq = 4;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: false, seq: 4 });
  });

  it('names a deleted row as missing', async () => {
    await appendMany(4);
    await db.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      DELETE FROM audit_log WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    expect(await verifyAudit(db.kysely)).toMatchObject({
      ok: false,
      seq: 2,
      reason: 'row 2 is missing',
    });
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        db.kysely.transaction().execute((trx) => appendAudit(trx, entry(k))),
      ),
    );
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 20 });
  });
});

describe('audit trail: several entries per transaction (the order intake’s group commit)', () => {
  const rows = () =>
    db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'entity_id', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();

  it('appends a batch as consecutive rows, each linked to the one before', async () => {
    await appendMany(2);
    await db.kysely
      .transaction()
      .execute((trx) => appendAuditEntries(trx, [3, 4, 5, 6].map(entry)));
    await appendMany(1);
    const all = await rows();
    expect(all.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all.map((r) => r.entity_id)).toEqual([1, 2, 3, 4, 5, 6, 1].map((k) => `order-${k}`));
    all.slice(1).forEach((r, k) => expect(r.prev_hash).toBe(all[k]?.hash));
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 7 });
  });

  it('keeps one chain under concurrent batches and single appends', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, t) =>
        db.kysely.transaction().execute(async (trx) => {
          // Some transactions write their change first and append later, as order writers do.
          if (t % 3 === 0) await sql`SELECT pg_sleep(0.01)`.execute(trx);
          const n = (t % 4) + 1;
          await appendAuditEntries(
            trx,
            Array.from({ length: n }, (_, k) => entry(t * 10 + k)),
          );
        }),
      ),
    );
    const all = await rows();
    expect(all).toHaveLength(3 * (1 + 2 + 3 + 4));
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 30 });
    // Each transaction's rows are consecutive: no other writer slipped in between.
    const byWriter = new Map<number, number[]>();
    for (const r of all) {
      const k = Number(r.entity_id.replace('order-', ''));
      byWriter.set(Math.floor(k / 10), [
        ...(byWriter.get(Math.floor(k / 10)) ?? []),
        Number(r.seq),
      ]);
    }
    for (const seqs of byWriter.values()) {
      expect(seqs).toEqual(seqs.map((_, k) => (seqs[0] as number) + k));
    }
  });

  it('names a row of a batch changed, deleted or appended behind the product’s back', async () => {
    const batch = () =>
      db.kysely.transaction().execute((trx) => appendAuditEntries(trx, [1, 2, 3, 4].map(entry)));
    await batch();
    await db.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET reason = 'rewritten' WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    expect(await verifyAudit(db.kysely)).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'row 3 was changed after it was written',
    });
    await db.close();

    db = await testDb();
    await batch();
    await db.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      DELETE FROM audit_log WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: false, seq: 2 });
    await db.close();

    db = await testDb();
    await batch();
    // Appended without the product: linked to the head, but its hash is not the chain's.
    await db.exec(`
      INSERT INTO audit_log (seq, at, entity, entity_id, action, prev_hash, hash)
      SELECT 5, now(), 'order', 'forged', 'create', hash, repeat('f', 64)
      FROM audit_log WHERE seq = 4;`);
    expect(await verifyAudit(db.kysely)).toMatchObject({
      ok: false,
      seq: 5,
      reason: 'row 5 was changed after it was written',
    });
  });

  it('names a row forged with a correct hash but no seal after sealed rows', async () => {
    const signer = newAuditSigner();
    useAuditSigner(signer);
    try {
      await db.kysely.transaction().execute((trx) => appendAuditEntries(trx, [1, 2, 3].map(entry)));
    } finally {
      useAuditSigner(undefined);
    }
    // Whoever has the database but not the key can compute the next hash, not its seal.
    const head = await db.kysely
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const forged = entry(9);
    await db.kysely
      .insertInto('audit_log')
      .values({
        seq: 4,
        at: forged.at,
        actor_id: null,
        actor_org: null,
        entity: forged.entity,
        entity_id: forged.entityId,
        action: forged.action,
        before: null,
        after: JSON.stringify(forged.after),
        reason: forged.reason,
        prev_hash: head.hash,
        hash: auditHash(4, head.hash, forged),
        seal: null,
      })
      .execute();
    const verifier = verifierFrom(signer.publicKeyPem);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, rows: 4 });
    expect(await verifyAudit(db.kysely, { verifier })).toMatchObject({
      ok: false,
      seq: 4,
      reason: 'row 4 has no seal though earlier rows do: written outside the product',
    });
  });
});
