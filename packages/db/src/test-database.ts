import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from './create-db.js';
import { migrate } from './migrate.js';

/**
 * The database a test runs on: in-memory PGlite by default; with TEST_DATABASE_URL set (CI sets it
 * to a PostgreSQL server it started) a fresh database on that server for each call.
 */
export async function testDatabaseUrl(): Promise<string> {
  const server = process.env['TEST_DATABASE_URL'];
  if (!server) return 'memory://';
  const name = `halflife_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

let template: Promise<Blob | undefined> | undefined;

/**
 * A fresh, migrated, empty database for one test. In-memory PGlite starts from a snapshot of the
 * first one migrated in this process (under a second instead of several).
 */
export async function testDb(): Promise<Db> {
  const url = await testDatabaseUrl();
  if (url !== 'memory://') {
    const db = await createDb(url);
    await migrate(db);
    return db;
  }
  template ??= (async () => {
    const first = await createDb(url);
    await migrate(first);
    const blob = await first.snapshot();
    await first.close();
    return blob;
  })();
  const blob = await template;
  return createDb(url, blob ? { loadDataDir: blob } : {});
}
