import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from './audit-trail.js';
import { createDb } from './create-db.js';
import { migrate } from './migrate.js';
import { testDatabaseUrl } from './test-database.js';

/**
 * On a PostgreSQL server, the documented set-up (packages/db/sql/audit-owner.sql) leaves the
 * application's role able to append to the audit trail and unable to change it or switch its
 * triggers off. Runs where the tests have a server (CI: TEST_DATABASE_URL).
 */
const server = process.env['TEST_DATABASE_URL'];
const tag = randomBytes(4).toString('hex');
const owner = `halflife_owner_${tag}`;
const app = `halflife_app_${tag}`;
const password = `pw-${tag}`;
let dbName: string | undefined;

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

afterAll(async () => {
  if (!server || !dbName) return;
  await asAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await asAdmin(`DROP ROLE IF EXISTS ${app}`);
  await asAdmin(`DROP ROLE IF EXISTS ${owner}`);
});

describe.runIf(server)('the audit trail on a PostgreSQL server with a separate owner', () => {
  it('lets the application append but not change the trail or disable its triggers', async () => {
    const url = await testDatabaseUrl();
    dbName = new URL(url).pathname.slice(1);
    const db = await createDb(url);
    await migrate(db);
    const setUp = readFileSync(new URL('../sql/audit-owner.sql', import.meta.url), 'utf8')
      .replaceAll('halflife_owner', owner)
      .replaceAll('halflife_app', app)
      .replace("'change-me'", `'${password}'`);
    await db.exec(setUp);
    await db.close();

    const appUrl = new URL(url);
    appUrl.username = app;
    appUrl.password = password;
    const asApp = await createDb(appUrl.toString());
    try {
      // A server started as the application finds nothing to migrate.
      expect(await migrate(asApp)).toEqual([]);
      await asApp.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          at: new Date('2026-12-05T04:00:00Z'),
          actorId: null,
          actorOrg: null,
          entity: 'note',
          entityId: 'n-1',
          action: 'create',
          before: null,
          after: { ok: true },
          reason: null,
        }),
      );
      await expect(
        asApp.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'),
      ).rejects.toThrow(/must be owner/);
      await expect(asApp.exec("UPDATE audit_log SET reason = 'x'")).rejects.toThrow(
        /permission denied/,
      );
      await expect(asApp.exec('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      await expect(asApp.exec('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      // The rest of the product's tables stay writable.
      await asApp.exec("INSERT INTO login_attempts (email, succeeded) VALUES ('a@b.c', false)");
    } finally {
      await asApp.close();
    }
  });
});
