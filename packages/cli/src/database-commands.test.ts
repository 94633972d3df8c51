import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAudit,
  auditHash,
  createDb,
  loadOrCreateAuditKey,
  migrate,
  useAuditSigner,
  writeAuditCheckpoint,
} from '@halflife/db';
import { afterAll, describe, expect, it } from 'vitest';
import { program } from './program.js';
import { TEST_CLOCK } from './test-clock.js';

const dir = mkdtempSync(join(tmpdir(), 'halflife-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ lines: string[]; code: number }> {
  const lines: string[] = [];
  const saved = process.exitCode;
  process.exitCode = 0;
  await program(
    (l) => lines.push(l),
    (l) => lines.push(l),
    TEST_CLOCK,
  ).parseAsync(['node', 'halflife', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = saved;
  return { lines, code };
}

describe('halflife audit verify', () => {
  it('passes an intact chain and names the row changed behind the trigger’s back', async () => {
    const url = `file://${dir}/audit`;
    const db = await createDb(url);
    await migrate(db);
    for (let k = 1; k <= 5; k++) {
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          at: new Date(Date.UTC(2026, 10, 23, 8, k)),
          actorId: null,
          actorOrg: null,
          entity: 'note',
          entityId: `n-${k}`,
          action: 'create',
          before: null,
          after: { activityBq: 1e9 * k },
          reason: null,
        }),
      );
    }
    await db.close();
    expect(await run('audit', 'verify', '--database', url)).toEqual({
      lines: [
        `audit trail intact: 5 rows checked (${dir}/audit); no audit key found: seals and checkpoints not checked; order, generator, elution, cyclotron_run, isotope_lot, plan_rows rows match the trail`,
      ],
      code: 0,
    });

    const tamper = await createDb(url);
    await tamper.exec(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = '{"activityBq": 1}' WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    await tamper.close();
    const broken = await run('audit', 'verify', '--database', url);
    expect(broken.code).toBe(1);
    expect(broken.lines).toEqual([
      `audit trail BROKEN (${dir}/audit; no audit key found: seals and checkpoints not checked):`,
      '  row 3: row 3 was changed after it was written',
    ]);
  });
});

describe('the audit trail anchored outside the database', () => {
  const key = join(dir, 'audit.key');
  let n = 0;

  /** A fresh trail of 6 sealed rows and a checkpoint after them; its URL. */
  async function sealedTrail(): Promise<string> {
    const url = `file://${dir}/sealed-${++n}`;
    const db = await createDb(url);
    await migrate(db);
    const signer = loadOrCreateAuditKey(key);
    useAuditSigner(signer);
    try {
      for (let k = 1; k <= 6; k++) {
        await db.kysely.transaction().execute((trx) => appendAudit(trx, entry(k)));
      }
      await writeAuditCheckpoint(db.kysely, signer, new Date('2026-11-23T09:00:00Z'));
    } finally {
      useAuditSigner(undefined);
      await db.close();
    }
    return url;
  }
  const entry = (k: number) => ({
    at: new Date(Date.UTC(2026, 10, 23, 8, k)),
    actorId: null,
    actorOrg: null,
    entity: 'note',
    entityId: `n-${k}`,
    action: 'create',
    before: null,
    after: { k },
    reason: null,
  });
  async function tampered(url: string, sql: string): Promise<string[]> {
    const db = await createDb(url);
    await db.exec(
      `ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER;`,
    );
    await db.close();
    const r = await run('audit', 'verify', '--database', url, '--key', key);
    expect(r.code).toBe(1);
    return r.lines;
  }

  it('passes a sealed trail against its checkpoint', async () => {
    const url = await sealedTrail();
    const r = await run('audit', 'verify', '--database', url, '--key', key);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(
      /checked against the checkpoint of 2026-11-23T09:00:00.000Z \(6 rows/,
    );
  });

  it('names the rows deleted from the end, or all of them', async () => {
    expect(await tampered(await sealedTrail(), 'DELETE FROM audit_log WHERE seq > 4')).toContain(
      '  rows 5–6 are missing: the checkpoint of 2026-11-23T09:00:00.000Z counted 6 rows, the trail holds 4 intact',
    );
    expect(await tampered(await sealedTrail(), 'DELETE FROM audit_log')).toContain(
      '  rows 1–6 are missing: the checkpoint of 2026-11-23T09:00:00.000Z counted 6 rows, the trail holds 0 intact',
    );
  });

  it('catches a row changed and the chain re-hashed to the end, and a forged row appended', async () => {
    const url = await sealedTrail();
    const db = await createDb(url);
    const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    // Re-hash from row 3 on with a changed row 3, as someone with database access could.
    let prev = rows[1]!.hash;
    const fixes: string[] = [];
    for (const row of rows.slice(2)) {
      const e = { ...entry(Number(row.seq)), after: Number(row.seq) === 3 ? { k: 99 } : row.after };
      const hash = auditHash(Number(row.seq), prev, e);
      fixes.push(
        `UPDATE audit_log SET after = '${JSON.stringify(e.after)}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${String(row.seq)}`,
      );
      prev = hash;
    }
    await db.close();
    const rehashed = await tampered(url, fixes.join('; '));
    expect(rehashed).toContain(
      "  row 3: row 3 is not sealed by the product's key: forged, or the chain was re-hashed from here",
    );

    const clean = await sealedTrail();
    const forgedDb = await createDb(clean);
    await forgedDb.kysely.transaction().execute((trx) => appendAudit(trx, entry(7)));
    await forgedDb.close();
    const forged = await run('audit', 'verify', '--database', clean, '--key', key);
    expect(forged.lines).toContain(
      '  row 7: row 7 has no seal though earlier rows do: written outside the product',
    );
  });

  it('refuses a checkpoint file the key did not sign, and prints one it did', async () => {
    const url = await sealedTrail();
    const made = await run('audit', 'checkpoint', '--database', url, '--key', key);
    expect(made.code).toBe(0);
    const kept = join(dir, `kept-${n}.jsonl`);
    writeFileSync(kept, `${made.lines[0]!}\n`);
    expect(
      (await run('audit', 'verify', '--database', url, '--key', key, '--checkpoint', kept)).code,
    ).toBe(0);
    const forgedFile = join(dir, `forged-${n}.json`);
    writeFileSync(
      forgedFile,
      JSON.stringify({ ...(JSON.parse(made.lines[0]!) as object), rows: 2 }),
    );
    const r = await run(
      'audit',
      'verify',
      '--database',
      url,
      '--key',
      key,
      '--checkpoint',
      forgedFile,
    );
    expect(r.lines).toContain(`  the checkpoint in ${forgedFile} is not signed by the key`);
  });
});
