/** What a database integrity error means for the request that caused it. */
export type IntegrityErrorCode = 'duplicate' | 'dangling-reference' | 'concurrent-change';

/** A database integrity error as a domain error: every one is a conflict with what is stored. */
export interface IntegrityError {
  readonly code: IntegrityErrorCode;
  readonly message: string;
}

/**
 * A unique-constraint or foreign-key violation, or a lost serialisation race, as a domain error;
 * undefined for any other error. PostgreSQL and PGlite both carry the SQLSTATE in `code` and the
 * offending key in `detail`.
 */
export function integrityError(e: unknown): IntegrityError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, detail } = e as { code?: unknown; detail?: unknown };
  const what = typeof detail === 'string' ? detail : 'it changed meanwhile';
  if (code === '23505') return { code: 'duplicate', message: `already exists: ${what}` };
  if (code === '23503') {
    return { code: 'dangling-reference', message: `refers to something that is gone: ${what}` };
  }
  if (code === '40001' || code === '40P01') {
    return { code: 'concurrent-change', message: 'a concurrent change won; retry' };
  }
  return undefined;
}
