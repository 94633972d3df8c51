import type { DomainError } from '../result.js';
import { err, type Result } from '../result.js';

/** Expected failures of the supply models, with a one-line message a person can act on. */
export type SupplyErrorCode =
  | DomainError['code']
  | 'unknown-generator'
  | 'unknown-target'
  | 'beam-current-limit'
  | 'bombardment-time-limit'
  | 'bad-history'
  | 'bad-input';

export interface SupplyError {
  readonly code: SupplyErrorCode;
  readonly message: string;
}

export type SupplyResult<T> = Result<T, SupplyError>;

export function supplyError(code: SupplyErrorCode, message: string): Result<never, SupplyError> {
  return err({ code, message });
}
