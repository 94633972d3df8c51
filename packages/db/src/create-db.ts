import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';
import { embeddedHolder } from './embedded-lock.js';

/** Where the embedded database lives when DATABASE_URL is unset. */
export const DEFAULT_DATA_DIR = '.halflife/data';

export interface Db {
  readonly kysely: Kysely<Database>;
  /** Runs SQL text with several statements and no parameters (migrations, test set-up). */
  exec(sqlText: string): Promise<void>;
  /** 'pglite-memory', 'pglite' (a data folder) or 'postgres' (a server). */
  readonly kind: 'pglite-memory' | 'pglite' | 'postgres';
  /** Where the data is, for messages: a folder, "memory" or the server URL without its password. */
  readonly location: string;
  /** A snapshot of an in-memory embedded database (to start others from), or undefined. */
  snapshot(): Promise<Blob | undefined>;
  close(): Promise<void>;
}

/**
 * The one switch: unset → embedded PostgreSQL (PGlite) in ./.halflife/data; `memory://` → an
 * in-memory PGlite (tests); `file://PATH` or a plain path → PGlite in that folder;
 * `postgres://…` / `postgresql://…` → a PostgreSQL server. The same migrations and repositories
 * run on all of them.
 */
export async function createDb(
  url: string | undefined,
  options: { readonly loadDataDir?: Blob } = {},
): Promise<Db> {
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) return serverDb(url);
  if (url === 'memory://') return embeddedDb(undefined, options.loadDataDir);
  const dir = url?.startsWith('file://') ? url.slice('file://'.length) : (url ?? DEFAULT_DATA_DIR);
  return embeddedDb(resolve(dir));
}

async function embeddedDb(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  const holder = dataDir ? embeddedHolder(dataDir) : undefined;
  if (dataDir && holder !== undefined) {
    throw new Error(
      `the embedded database ${dataDir} is held by a running server (pid ${holder}); stop it first, or go through its API`,
    );
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir ? { dataDir } : loadDataDir ? { loadDataDir } : {});
  await pglite.waitReady;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pglitePool(pglite) }),
  });
  return {
    kysely,
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    kind: dataDir ? 'pglite' : 'pglite-memory',
    location: dataDir ?? 'memory',
    snapshot: async () => (dataDir ? undefined : pglite.dumpDataDir('none')),
    close: () => kysely.destroy(),
  };
}

async function serverDb(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect(); // fail fast with a clear error if the server is not there
  client.release();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    kind: 'postgres',
    snapshot: () => Promise.resolve(undefined),
    location: url.replace(/:[^:@/]*@/, ':***@'),
    close: () => kysely.destroy(),
  };
}
