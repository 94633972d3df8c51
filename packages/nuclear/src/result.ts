/** Expected failures are values, not exceptions (house style). */
export type DomainErrorCode =
  | 'unknown-nuclide'
  | 'bad-quantity'
  | 'bad-unit'
  | 'bad-time'
  | 'missing-time-zone'
  | 'bad-dataset'
  | 'no-mass'
  | 'not-converged';

export interface DomainError {
  readonly code: DomainErrorCode;
  /** One line a person can act on, e.g. "activity: expected a non-negative number, got -5". */
  readonly message: string;
}

export type Result<T, E = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E = DomainError>(error: E): Result<never, E> {
  return { ok: false, error };
}

export function domainError(code: DomainErrorCode, message: string): Result<never, DomainError> {
  return err({ code, message });
}

/**
 * For programmer errors only: a broken invariant, never bad user input. Pass a function to build
 * the message only when it fails (assertions sit in hot loops).
 */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) {
    throw new Error(`assertion failed: ${typeof message === 'string' ? message : message()}`);
  }
}
