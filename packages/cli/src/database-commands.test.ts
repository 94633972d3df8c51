import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, createDb, migrate } from '@halflife/db';
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
          entity: 'order',
          entityId: `o-${k}`,
          action: 'create',
          before: null,
          after: { activityBq: 1e9 * k },
          reason: null,
        }),
      );
    }
    await db.close();
    expect(await run('audit', 'verify', '--database', url)).toEqual({
      lines: [`audit trail intact: 5 rows checked (${dir}/audit)`],
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
    expect(broken.lines[0]).toMatch(
      /^audit trail BROKEN at row 3: row 3 was changed after it was written/,
    );
  });
});
