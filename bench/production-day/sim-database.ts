import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDb } from '@halflife/db';
import pg from 'pg';

/**
 * Where a run keeps its data: a fresh embedded database (PGlite) in a folder, or a fresh database
 * on the PostgreSQL server DATABASE_URL names (created for the run, dropped after it unless kept),
 * either empty or a copy of a prepared one (the folder copied, or CREATE DATABASE … TEMPLATE, with
 * the server stopped); and `halflife audit verify` on it once the server has stopped.
 */

const CLI = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));

export interface DayDatabase {
  readonly url: string;
  readonly kind: string;
  /** The data folder (PGlite) or the database's name (PostgreSQL). */
  readonly name: string;
  readonly drop: () => Promise<void>;
}

export async function freshDatabase(
  postgresUrl: string | undefined,
  folder: string,
  template?: DayDatabase,
): Promise<DayDatabase> {
  if (postgresUrl === undefined) {
    if (template) cpSync(template.name, folder, { recursive: true });
    return {
      url: `file://${folder}`,
      kind: 'PGlite (embedded, folder)',
      name: folder,
      drop: () => Promise.resolve(),
    };
  }
  const name = `halflife_sim_${randomBytes(6).toString('hex')}`;
  await admin(
    postgresUrl,
    `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template.name}` : ''}`,
  );
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'PostgreSQL server',
    name,
    drop: () => admin(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `halflife audit verify` on the run's database with its audit key: exit code and what it said. */
export function auditVerify(
  databaseUrl: string,
  auditKeyFile: string,
): { exitCode: number; output: string } {
  const r = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HALFLIFE_AUDIT_KEY_FILE: auditKeyFile },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { exitCode: r.status ?? -1, output: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * A hospital staff member at every hospital that has shipments (the demo seeds staff at three):
 * `sim.staff.<hospital id>@demo.halflife`, with the demo password (the hash of
 * hospital1.staff's, copied). Simulation set-up, written while the server is stopped. Returns
 * hospital id → the email of a staff member there.
 */
export async function staffEverywhere(
  databaseUrl: string,
  hospitalIds: readonly string[],
): Promise<Map<string, `${string}@${string}`>> {
  const db = await createDb(databaseUrl);
  try {
    const k = db.kysely;
    const known = await k
      .selectFrom('users as u')
      .innerJoin('hospitals as h', 'h.organisation_id', 'u.organisation_id')
      .select(['h.id as hospital_id', 'u.email'])
      .where('u.role', '=', 'hospital_staff')
      .orderBy('u.email')
      .execute();
    const staff = new Map<string, `${string}@${string}`>();
    for (const r of known) {
      if (!staff.has(r.hospital_id)) staff.set(r.hospital_id, r.email as `${string}@${string}`);
    }
    const model = await k
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'hospital1.staff@demo.halflife')
      .executeTakeFirstOrThrow();
    for (const id of hospitalIds) {
      if (staff.has(id)) continue;
      const h = await k
        .selectFrom('hospitals')
        .select(['organisation_id', 'name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const email = `sim.staff.${id}@demo.halflife` as const;
      await k
        .insertInto('users')
        .values({
          organisation_id: h.organisation_id,
          email,
          display_name: `Simulated staff, ${h.name}`,
          role: 'hospital_staff',
          password_hash: model.password_hash,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      staff.set(id, email);
    }
    return staff;
  } finally {
    await db.close();
  }
}
