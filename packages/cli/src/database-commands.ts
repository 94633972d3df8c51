import { createDb, DEMO_LOGINS, migrate, verifyAudit, type Db } from '@halflife/db';
import { isLocalDate } from '@halflife/db/seed';
import { DEFAULT_DEMO_PASSWORD, seedDemoNetwork } from '@halflife/server';
import { CliError } from './cli-error.js';

type Write = (line: string) => void;

async function openDb(url: string | undefined): Promise<Db> {
  try {
    const db = await createDb(url);
    await migrate(db);
    return db;
  } catch (e) {
    throw new CliError(`cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `halflife audit verify`: walks the hash chain and names the first broken row. Exit 1 if broken. */
export async function auditVerify(url: string | undefined, out: Write): Promise<number> {
  const db = await openDb(url);
  try {
    const verdict = await verifyAudit(db.kysely);
    if (verdict.ok) {
      out(`audit trail intact: ${verdict.rows} rows checked (${db.location})`);
      return 0;
    }
    out(
      `audit trail BROKEN at row ${verdict.seq}: ${verdict.reason} (${verdict.rows} rows before it check)`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

/** `halflife seed --demo`: the demo network into an empty database; a non-empty one is never touched. */
export async function seedDemoCommand(
  url: string | undefined,
  out: Write,
  when: { now: Date; date?: string | undefined },
): Promise<number> {
  if (when.date !== undefined && !isLocalDate(when.date)) {
    throw new CliError(`--date must be a calendar date YYYY-MM-DD, got "${when.date}"`, 2);
  }
  const db = await openDb(url);
  try {
    const password = process.env['HALFLIFE_DEMO_PASSWORD'] ?? DEFAULT_DEMO_PASSWORD;
    const summary = await seedDemoNetwork(db, { now: when.now, password, date: when.date });
    if (!summary) {
      out(`the database (${db.location}) already holds data: nothing seeded`);
      return 0;
    }
    out(
      `seeded ${db.location}: ${summary.sites} sites, ${summary.hospitals} hospitals, ${summary.products} products, ${summary.lanes} lanes, ${summary.orders} orders`,
    );
    out(`demo orders on ${summary.why}`);
    out(`demo sign-ins (password "${password}"): ${DEMO_LOGINS.map((u) => u.email).join(', ')}`);
    return 0;
  } finally {
    await db.close();
  }
}
