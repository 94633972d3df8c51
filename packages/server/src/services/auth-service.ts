import { createHash, randomBytes } from 'node:crypto';
import {
  countFailedLogins,
  createApiToken,
  createSession,
  deleteSession,
  findUserByApiToken,
  findUserByEmail,
  findUserBySession,
  markSessionSigner,
  sessionSignerVerified,
  listApiTokens,
  pruneAuthRecords,
  recordLoginAttempt,
  revokeApiToken,
  setPassword,
  type Database,
  type UserRecord,
} from '@halflife/db';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { hashPassword, verifyPassword } from '../password.js';
import { failure, success, type ServiceResult } from '../service-error.js';

export interface AuthDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

export const SESSION_HOURS = 12;
/**
 * Sign-in limits over a window: failures for one account from one client, and failures from one
 * client for any account. Neither counts another client's failures, so a stranger cannot lock
 * the real user out; a client trying many accounts is stopped by the second.
 */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
export const LOGIN_LIMIT_PER_CLIENT = 20;
export const LOGIN_WINDOW_MINUTES = 15;
/** API tokens live this long unless asked for less (at most a year). */
export const TOKEN_DAYS_DEFAULT = 90;

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
    locale: user.locale,
  };
}

/**
 * Checks a password (rate-limited per client, and per account from that client) and opens a
 * session; returns its token once. An unknown email costs the same scrypt as a known one.
 */
export async function login(
  deps: AuthDeps,
  attempt: { email: string; password: string; client: string },
): Promise<ServiceResult<{ token: string; caller: Caller; expiresAt: Date }>> {
  const now = deps.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const failed = await countFailedLogins(deps.db, attempt, since);
  if (
    failed.forAccountFromClient >= LOGIN_LIMIT_PER_ACCOUNT ||
    failed.fromClient >= LOGIN_LIMIT_PER_CLIENT
  ) {
    return failure(
      'rate-limited',
      `too many failed sign-ins from this client; try again in ${LOGIN_WINDOW_MINUTES} minutes`,
    );
  }
  const user = await findUserByEmail(deps.db, attempt.email);
  const matches = await verifyPassword(attempt.password, user?.passwordHash ?? (await dummyHash()));
  const ok = user !== undefined && !user.disabled && matches;
  await recordLoginAttempt(deps.db, { ...attempt, at: now, succeeded: ok });
  if (!ok) return failure('unauthenticated', 'wrong email or password');
  // Each sign-in also sweeps what has expired, so neither table grows without bound.
  await pruneAuthRecords(deps.db, now, since);
  const token = newToken('hls');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await createSession(deps.db, { tokenHash: hashToken(token), userId: user.userId, expiresAt });
  return success({ token, caller: callerOf(user), expiresAt });
}

/** A hash no password matches, made once: unknown emails are checked against it. */
let dummy: Promise<string> | undefined;
const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(randomBytes(24).toString('base64url')));

export async function logout(deps: AuthDeps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, hashToken(sessionToken));
}

/** The caller behind a session cookie or an API token, if it is valid. */
export async function authenticate(
  deps: AuthDeps,
  credentials: { session?: string | undefined; apiToken?: string | undefined },
): Promise<Caller | undefined> {
  if (credentials.apiToken) {
    const user = await findUserByApiToken(deps.db, hashToken(credentials.apiToken), deps.now());
    return user && !user.disabled ? callerOf(user) : undefined;
  }
  if (!credentials.session) return undefined;
  const sessionId = hashToken(credentials.session);
  const user = await findUserBySession(deps.db, sessionId, deps.now());
  return user && !user.disabled ? { ...callerOf(user), sessionId } : undefined;
}

/** A token for a partner system, acting as the caller, valid for `days`. Shown once. */
export async function issueApiToken(
  deps: AuthDeps,
  caller: Caller,
  request: { name: string; days?: number | undefined },
): Promise<ServiceResult<{ id: string; name: string; token: string; expiresAt: string }>> {
  const token = newToken('hlt');
  const expiresAt = new Date(
    deps.now().getTime() + (request.days ?? TOKEN_DAYS_DEFAULT) * 86_400_000,
  );
  const id = await createApiToken(deps.db, {
    tokenHash: hashToken(token),
    userId: caller.userId,
    name: request.name,
    expiresAt,
  });
  return success({ id, name: request.name, token, expiresAt: expiresAt.toISOString() });
}

/** The caller's own tokens, without their secrets. */
export async function apiTokensOf(deps: AuthDeps, caller: Caller) {
  const rows = await listApiTokens(deps.db, caller.userId);
  const now = deps.now().getTime();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    active: r.revoked_at === null && new Date(r.expires_at).getTime() > now,
  }));
}

/** Revokes one of the caller's tokens at once. */
export async function revokeOwnToken(
  deps: AuthDeps,
  caller: Caller,
  id: string,
): Promise<ServiceResult<null>> {
  const done = await revokeApiToken(deps.db, { id, userId: caller.userId, at: deps.now() });
  return done ? success(null) : failure('not-found', `token ${id} not found`);
}

/**
 * The password rule: 12 to 200 characters, not the email, and not one character repeated.
 * Returns the broken part, or undefined when the password is acceptable.
 */
export function passwordProblem(password: string, email: string): string | undefined {
  if ([...password].length < 12) return 'must be at least 12 characters';
  if ([...password].length > 200) return 'must be at most 200 characters';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'must not be your email';
  if (new Set(password).size === 1) return 'must not be one character repeated';
  return undefined;
}

/** Changes the caller's password: the current one first; other sessions end. */
export async function changePassword(
  deps: AuthDeps,
  caller: Caller,
  change: { currentPassword: string; newPassword: string; sessionToken?: string | undefined },
): Promise<ServiceResult<null>> {
  const user = await findUserByEmail(deps.db, caller.email);
  if (!user || !(await verifyPassword(change.currentPassword, user.passwordHash))) {
    return failure('forbidden', 'currentPassword: does not match');
  }
  const problem = passwordProblem(change.newPassword, caller.email);
  if (problem) return failure('invalid', `newPassword: ${problem}`);
  await setPassword(deps.db, {
    userId: caller.userId,
    passwordHash: await hashPassword(change.newPassword),
    keepSessionHash: change.sessionToken ? hashToken(change.sessionToken) : undefined,
  });
  return success(null);
}

/**
 * Re-authenticates a caller at the moment of an electronic signature (21 CFR 11.200(a)(1)): the
 * first signing in a session needs the user's ID (email) and password, later signings in the same
 * session the password only; an API token always needs both. Failed attempts count like failed
 * sign-ins (rate-limited per account), so a signature cannot be guessed.
 */
export async function reauthenticate(
  deps: AuthDeps,
  caller: Caller,
  given: {
    readonly email?: string | undefined;
    readonly password: string;
    readonly client: string;
  },
): Promise<ServiceResult<{ firstInSession: boolean }>> {
  const now = deps.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const attempt = { email: caller.email, client: `e-signature ${given.client}` };
  const failed = await countFailedLogins(deps.db, attempt, since);
  if (failed.forAccountFromClient >= LOGIN_LIMIT_PER_ACCOUNT) {
    return failure(
      'rate-limited',
      `too many failed signatures; try again in ${LOGIN_WINDOW_MINUTES} minutes`,
    );
  }
  const verified =
    caller.sessionId === undefined ? false : await sessionSignerVerified(deps.db, caller.sessionId);
  if (!verified && given.email === undefined) {
    return failure(
      'invalid',
      'email: the first signature of a session needs your ID and password',
      [{ path: 'email', message: 'required for the first signature of a session' }],
    );
  }
  const user = await findUserByEmail(deps.db, caller.email);
  const sameUser =
    given.email === undefined || given.email.toLowerCase() === caller.email.toLowerCase();
  const ok =
    user !== undefined &&
    !user.disabled &&
    sameUser &&
    (await verifyPassword(given.password, user.passwordHash));
  await recordLoginAttempt(deps.db, { ...attempt, at: now, succeeded: ok });
  if (!ok) {
    return failure('unauthenticated', 'the signature was not made: wrong ID or password', [
      { path: 'password', message: 'wrong ID or password' },
    ]);
  }
  if (caller.sessionId !== undefined && !verified) {
    await markSessionSigner(deps.db, caller.sessionId, now);
  }
  return success({ firstInSession: !verified });
}
