import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, testDb, type Db } from '@halflife/db';
import { inject } from 'vitest';
import { seedDemoNetwork } from '../src/services/seed-service.js';

/**
 * A fresh database holding the demo network as `seedDemoNetwork` seeds it for `now` and
 * `password`. On the embedded database, the first test file of a run to ask seeds it and stores a
 * snapshot; every other file starts from that snapshot (a second instead of seeding again). On a
 * PostgreSQL server (TEST_DATABASE_URL), each file seeds its own database.
 */
export async function seededTestDb(options: { now: Date; password: string }): Promise<Db> {
  const dir = process.env['TEST_DATABASE_URL'] ? undefined : inject('snapshotDir');
  if (dir === undefined) return seeded(options);
  const key = createHash('sha256')
    .update(JSON.stringify({ now: options.now.toISOString(), password: options.password }))
    .digest('hex')
    .slice(0, 16);
  const file = join(dir, `${key}.tar.gz`);
  if (!existsSync(file)) {
    if (claim(`${file}.lock`)) {
      const db = await seeded(options);
      const blob = await db.snapshot();
      if (blob) {
        writeFileSync(`${file}.partial`, Buffer.from(await blob.arrayBuffer()));
        renameSync(`${file}.partial`, file);
      }
      return db;
    }
    await appears(file, 180_000);
  }
  return createDb('memory://', { loadDataDir: new Blob([readFileSync(file)]) });
}

async function seeded(options: { now: Date; password: string }): Promise<Db> {
  const db = await testDb();
  await seedDemoNetwork(db, options);
  return db;
}

/** True for the one caller that creates the lock file. */
function claim(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    return false;
  }
}

async function appears(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no seeded snapshot ${file} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
