import type { Kysely } from 'kysely';
import { Coalescer, coalescerOf } from './coalesce.js';
import type { Database, OrganisationKind, Role, UserLocale } from './schema.js';

/** A user with the organisation it belongs to, as the server's caller needs it. */
export interface UserRecord {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly locale: UserLocale | null;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
}

function userQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id as userId',
      'users.email as email',
      'users.display_name as displayName',
      'users.role as role',
      'users.password_hash as passwordHash',
      'users.disabled as disabled',
      'users.locale as locale',
      'organisations.id as organisationId',
      'organisations.kind as organisationKind',
      'organisations.name as organisationName',
    ]);
}

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserRecord | undefined> {
  return userQuery(db).where('users.email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(
  db: Kysely<Database>,
  id: string,
): Promise<UserRecord | undefined> {
  return userQuery(db).where('users.id', '=', id).executeTakeFirst();
}

/**
 * The user of a session that has not expired at `now`. Concurrent checks on one handle share one
 * query (`Coalescer`): every request of the API asks it first.
 */
export function findUserBySession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<UserRecord | undefined> {
  const checks = coalescerOf(
    db,
    'session-users',
    () =>
      new Coalescer<SessionCheck, UserRecord | undefined>({
        maxBatch: SESSION_BATCH,
        inFlight: 1,
        run: (items) => usersOfSessions(db, items),
        retryAlone: () => true,
      }),
  );
  return checks.submit({ tokenHash, now });
}

interface SessionCheck {
  readonly tokenHash: string;
  readonly now: Date;
}

/** At most this many sessions checked in one query. */
const SESSION_BATCH = 100;

async function usersOfSessions(
  db: Kysely<Database>,
  checks: readonly SessionCheck[],
): Promise<(UserRecord | undefined)[]> {
  const rows = await userQuery(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.token_hash as tokenHash', 'sessions.expires_at as expiresAt'])
    .where('sessions.token_hash', 'in', [...new Set(checks.map((c) => c.tokenHash))])
    .execute();
  const byHash = new Map(
    rows.map(({ tokenHash, expiresAt, ...user }) => [tokenHash, { user, expiresAt }]),
  );
  return checks.map((c) => {
    const found = byHash.get(c.tokenHash);
    return found !== undefined && found.expiresAt > c.now ? found.user : undefined;
  });
}

export async function findUserByApiToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<UserRecord | undefined> {
  return userQuery(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

/** Saves the language a user chose for the screens. */
export async function setUserLocale(
  db: Kysely<Database>,
  userId: string,
  locale: UserLocale,
): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

/** A user's API tokens, newest first (never their secrets). */
export async function listApiTokens(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Revokes one of a user's tokens; false when the user has no such token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  token: { id: string; userId: string; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(token.at)) }))
    .where('id', '=', token.id)
    .where('user_id', '=', token.userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a user's password hash and ends every session of theirs but `keepSessionHash`. */
export async function setPassword(
  db: Kysely<Database>,
  change: { userId: string; passwordHash: string; keepSessionHash?: string | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: change.passwordHash })
      .where('id', '=', change.userId)
      .execute();
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', change.userId);
    if (change.keepSessionHash)
      sessions = sessions.where('token_hash', '!=', change.keepSessionHash);
    await sessions.execute();
  });
}

export async function createSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function createApiToken(
  db: Kysely<Database>,
  token: { tokenHash: string; userId: string; name: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      token_hash: token.tokenHash,
      user_id: token.userId,
      name: token.name,
      expires_at: token.expiresAt,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { email: string; client: string; at: Date; succeeded: boolean },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      email: attempt.email.trim().toLowerCase(),
      client: attempt.client,
      at: attempt.at,
      succeeded: attempt.succeeded,
    })
    .execute();
}

/**
 * Failed sign-ins since a time (the rate limiter's window) from one client: all of them, and those
 * for one account.
 */
export async function countFailedLogins(
  db: Kysely<Database>,
  attempt: { email: string; client: string },
  since: Date,
): Promise<{ fromClient: number; forAccountFromClient: number }> {
  const email = attempt.email.trim().toLowerCase();
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      eb.fn.sum<string>(eb.case().when('email', '=', email).then(1).else(0).end()).as('account'),
    ])
    .where('client', '=', attempt.client)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { fromClient: Number(row.all), forAccountFromClient: Number(row.account ?? 0) };
}

/** Removes expired sessions and login attempts older than the rate limiter can use. */
export async function pruneAuthRecords(
  db: Kysely<Database>,
  now: Date,
  attemptsOlderThan: Date,
): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('login_attempts').where('at', '<', attemptsOlderThan).execute();
}

/** Whether the session's user has signed (with ID and password) in this session already. */
export async function sessionSignerVerified(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('signer_verified_at')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.signer_verified_at != null;
}

/** Notes the first signature of a session (Part 11 §11.200: later ones need the password only). */
export async function markSessionSigner(
  db: Kysely<Database>,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ signer_verified_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}
