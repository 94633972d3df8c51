import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Reads one row of the migrations table: throws when the database is unreachable or unmigrated. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('schema_migrations').select('id').limit(1).execute();
}
