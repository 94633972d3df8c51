import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
