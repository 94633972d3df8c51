import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * PGlite as the one-connection pool Kysely's PostgresDialect expects. PGlite is a single
 * PostgreSQL backend: a mutex hands the connection to one Kysely "client" at a time, so a
 * transaction's statements never interleave with another request's.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();

  const connect = async (): Promise<PostgresPoolClient> => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = queue;
    queue = previous.then(() => released);
    await previous;
    const client = {
      connect: () => Promise.resolve(client),
      end: () => undefined,
      query: async <R>(
        sql: string,
        parameters: ReadonlyArray<unknown>,
      ): Promise<PostgresQueryResult<R>> => {
        const result = await pg.query<R>(sql, [...parameters]);
        return {
          command: commandOf(sql),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => release(),
    };
    return client as unknown as PostgresPoolClient;
  };

  return { connect, end: () => pg.close(), options: {} };
}

const COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COMMIT', 'ROLLBACK']);

/** The command tag Kysely reads (it only cares about writes); everything else counts as SELECT. */
function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  return (COMMANDS.has(word) ? word : 'SELECT') as PostgresQueryResult<unknown>['command'];
}
