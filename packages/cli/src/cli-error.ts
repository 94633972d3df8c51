import type { DomainError, Result } from '@halflife/nuclear';

/** An error the user can act on: printed as one line, exit status 1 (or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Unwraps a Result at the edge, turning a domain error into a one-line CLI error. */
export function unwrap<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}
