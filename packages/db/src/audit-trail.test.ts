import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit, type AuditEntry } from './audit-trail.js';
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
