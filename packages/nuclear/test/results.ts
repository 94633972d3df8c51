import type { DomainError, Result } from '../src/result.js';

/** The value of a Result that a test expects to succeed; otherwise the test fails with the error. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a Result that a test expects to fail. */
export function failure<T>(result: Result<T>): DomainError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
