import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './create-db.js';

/** The committed SQL migrations, applied in file-name order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/**
 * Applies every migration not applied yet, each in its own transaction, and records it. Safe to run
 * on every start; returns the ids it applied. Run it before serving requests (it uses `exec`, which
 * bypasses the query layer's connection handling).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  // Created only when missing: a role without CREATE on the schema (the application's, when the
  // tables have another owner) may still start a server on an up-to-date database.
  const { rows } = await sql<{
    exists: boolean;
  }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`.execute(db.kysely);
  if (!rows[0]?.exists) {
    await db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  }
  const done = new Set(
    (await db.kysely.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id),
  );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.sql$/, '');
    if (done.has(id)) continue;
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    await db
      .exec(
        `BEGIN;\n${text}\n;INSERT INTO schema_migrations (id) VALUES ('${id.replace(/'/g, "''")}');\nCOMMIT;`,
      )
      .catch(async (e: unknown) => {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${file} failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    applied.push(id);
  }
  return applied;
}
