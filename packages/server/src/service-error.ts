/** What a service returns when a request cannot be done; one handler maps codes to HTTP statuses. */
export type ServiceErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unprocessable'
  | 'rate-limited';

export interface ServiceError {
  readonly code: ServiceErrorCode;
  readonly message: string;
  /** Field-level problems: "calibrationTime: has no time zone". */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export type ServiceResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ServiceError };

export const success = <T>(value: T): ServiceResult<T> => ({ ok: true, value });
export const failure = (
  code: ServiceErrorCode,
  message: string,
  issues?: ServiceError['issues'],
): ServiceResult<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export const HTTP_STATUS: Readonly<
  Record<ServiceErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429>
> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  /** Well-formed but contradicting what the server holds (a reused Idempotency-Key). */
  unprocessable: 422,
  'rate-limited': 429,
};

/** The error itself, for handlers that answer at once (not signed in, no such route). */
export const problem = (code: ServiceErrorCode, message: string): ServiceError => ({
  code,
  message,
});
