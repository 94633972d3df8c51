import { createHash, randomBytes } from 'node:crypto';
import {
  countFailedLogins,
  createApiToken,
  createSession,
  deleteSession,
  findUserByApiToken,
  findUserByEmail,
  findUserBySession,
  pruneAuthRecords,
  recordLoginAttempt,
  type Database,
  type UserRecord,
} from '@halflife/db';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { verifyPassword } from '../password.js';
import { failure, success, type ServiceResult } from '../service-error.js';

export interface AuthDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

export const SESSION_HOURS = 12;
/** Failed logins allowed per address in the window before further attempts are refused. */
export const LOGIN_LIMIT = 5;
export const LOGIN_WINDOW_MINUTES = 15;

/** Tokens are random; only their sha256 is stored, so a database leak reveals no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

function callerOf(user: UserRecord): Caller {
  return {
    userId: user.userId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisationKind,
    organisationName: user.organisationName,
  };
}

/** Checks a password (rate-limited per address) and opens a session; returns its token once. */
export async function login(
  deps: AuthDeps,
  email: string,
  password: string,
): Promise<ServiceResult<{ token: string; caller: Caller; expiresAt: Date }>> {
  const now = deps.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  if ((await countFailedLogins(deps.db, email, since)) >= LOGIN_LIMIT) {
    return failure(
      'rate-limited',
      `too many failed sign-ins for ${email}; try again in ${LOGIN_WINDOW_MINUTES} minutes`,
    );
  }
  const user = await findUserByEmail(deps.db, email);
  const ok =
    user !== undefined && !user.disabled && (await verifyPassword(password, user.passwordHash));
  await recordLoginAttempt(deps.db, { email, at: now, succeeded: ok });
  if (!ok || !user) return failure('unauthenticated', 'wrong email or password');
  // Each sign-in also sweeps what has expired, so neither table grows without bound.
  await pruneAuthRecords(deps.db, now, since);
  const token = newToken('hls');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await createSession(deps.db, { tokenHash: hashToken(token), userId: user.userId, expiresAt });
  return success({ token, caller: callerOf(user), expiresAt });
}

export async function logout(deps: AuthDeps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, hashToken(sessionToken));
}

/** The caller behind a session cookie or an API token, if it is valid. */
export async function authenticate(
  deps: AuthDeps,
  credentials: { session?: string | undefined; apiToken?: string | undefined },
): Promise<Caller | undefined> {
  const user = credentials.apiToken
    ? await findUserByApiToken(deps.db, hashToken(credentials.apiToken))
    : credentials.session
      ? await findUserBySession(deps.db, hashToken(credentials.session), deps.now())
      : undefined;
  return user && !user.disabled ? callerOf(user) : undefined;
}

/** A long-lived token for a partner system, acting as the caller. Shown once. */
export async function issueApiToken(
  deps: AuthDeps,
  caller: Caller,
  name: string,
): Promise<ServiceResult<{ id: string; name: string; token: string }>> {
  const token = newToken('hlt');
  const id = await createApiToken(deps.db, {
    tokenHash: hashToken(token),
    userId: caller.userId,
    name,
  });
  return success({ id, name, token });
}
