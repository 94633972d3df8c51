import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, testDatabaseUrl, unauditedChanges, verifyAudit } from '@halflife/db';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkAcknowledged,
  LOAD_CALIBRATION_TIME,
  createOrders,
  exited,
  signIn,
  startServer,
  stopServer,
  type ServerProcess,
} from './load-harness.js';

/**
 * Durability: under load, SIGKILL the server, start it again on the same database, and find every
 * order the API acknowledged exactly once, and the audit trail intact. Runs on an embedded database in a folder, or on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI's second run).
 */
const dir = mkdtempSync(join(tmpdir(), 'halflife-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acknowledged orders survive SIGKILL', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
  });

  it('keeps every acknowledged order exactly once, and retries find them', async () => {
    const url = process.env['TEST_DATABASE_URL'] ? await testDatabaseUrl() : `file://${dir}/db`;
    const port = 18_500 + Math.floor(Math.random() * 400);
    server = await startServer(url, port);
    const cookies = [
      await signIn(server.base, 'hospital1.orderer@demo.halflife'),
      await signIn(server.base, 'hospital2.orderer@demo.halflife'),
    ];
    const calibrationTime = LOAD_CALIBRATION_TIME;
    const load = await createOrders({
      server,
      cookies,
      total: 400,
      concurrency: 8,
      keyPrefix: 'dur',
      calibrationTime,
      killAfter: 150,
    });
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(150);
    await exited(server);
    server = await startServer(url, port + 1);
    const planner = await signIn(server.base, 'planner@demo.halflife');
    const found = await checkAcknowledged(server.base, planner, load.acknowledged, 'dur');
    expect(found.missing).toEqual([]);
    expect(found.duplicates).toBe(0);

    // A client that never saw its answer retries with the same key: it gets the same order back.
    const again = await createOrders({
      server,
      cookies: [
        await signIn(server.base, 'hospital1.orderer@demo.halflife'),
        await signIn(server.base, 'hospital2.orderer@demo.halflife'),
      ],
      total: 400,
      concurrency: 8,
      keyPrefix: 'dur',
      calibrationTime,
    });
    const first = new Map(load.acknowledged.map((a) => [a.key, a.id]));
    for (const a of again.acknowledged) if (first.has(a.key)) expect(a.id).toBe(first.get(a.key));
    const after = await checkAcknowledged(server.base, planner, again.acknowledged, 'dur');
    expect(after.duplicates).toBe(0);
    expect(after.total).toBe(400);

    // The audit trail after the kill: one intact chain, and every order stored has its audit
    // row with the values it has (orders are written in shared transactions, issue 18).
    await stopServer(server);
    server = undefined;
    const db = await createDb(url);
    try {
      expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true });
      expect(await unauditedChanges(db.kysely)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
