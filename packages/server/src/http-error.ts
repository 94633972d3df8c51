import type { Context } from 'hono';
import { HTTP_STATUS, type ServiceError } from './service-error.js';

/** The one mapping from a service error to an HTTP response (every route declares each status). */
export function errorResponse(c: Context, error: ServiceError) {
  return c.json(
    { error: { ...error, issues: error.issues && [...error.issues] } },
    HTTP_STATUS[error.code],
  );
}

/** Zod issues as "path: message" lines, e.g. "amount.activityBq: must be positive". */
export function issuesOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
}
