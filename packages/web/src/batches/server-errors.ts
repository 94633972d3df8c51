import type { ApiError } from '../api/client.js';
import { fieldProblems, serverText } from '../i18n/server-texts.js';

/**
 * A refusal from the API, ready to be shown next to the fields it names: the server's issues
 * carry paths such as `values.activityMBq`, `draws[0].source` (or `draws.0.source` from schema
 * validation), `reason`, `email`.
 */
export interface ServerErrors {
  readonly message: string;
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

/** `draws[0].source` → `draws.0.source`: one spelling for both kinds of path. */
function normalPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/** The errors of a failed call (or `fallback` when the reply carried none). */
export function serverErrors(error: unknown, fallback: string): ServerErrors {
  const e = (error as Partial<ApiError> | undefined)?.error;
  const raw = e?.message ?? fallback;
  // The server writes English; each text is shown in the user's language.
  const message = serverText(raw);
  const issues = e?.issues?.map((i) => ({
    path: normalPath(i.path),
    message: serverText(i.message),
  }));
  if (issues && issues.length > 0) return { message, issues };
  // A message "field: what is wrong" names its field even without issues.
  const named = /^([A-Za-z][\w.[\]]*): (.+)$/s.exec(raw);
  return named
    ? {
        message,
        issues: [{ path: normalPath(named[1] ?? ''), message: serverText(named[2] ?? '') }],
      }
    : { message, issues: [] };
}

const under = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** What is wrong with `field` (or anything under it), if the errors name it. */
export function fieldError(errors: ServerErrors | undefined, field: string): string | undefined {
  const found = errors?.issues.filter((i) => under(i.path, field)) ?? [];
  return found.length === 0 ? undefined : found.map((i) => i.message).join('; ');
}

/**
 * What the form says for itself: the issues none of its `fields` shows (the whole message when
 * none is placed), so that each part of a refusal is said once.
 */
export function formError(
  errors: ServerErrors | undefined,
  fields: readonly string[],
): string | undefined {
  if (!errors) return undefined;
  if (errors.issues.length === 0) return errors.message;
  const rest = errors.issues.filter((i) => !fields.some((f) => under(i.path, f)));
  if (rest.length === 0) return undefined;
  return rest.length === errors.issues.length ? errors.message : fieldProblems(rest);
}
