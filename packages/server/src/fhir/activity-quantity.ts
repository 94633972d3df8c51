import { ACTIVITY_UNITS } from '@halflife/nuclear';
import type { Quantity } from '@medplum/fhirtypes';
import { invalidAt, type FhirIssue } from './operation-outcome.js';
import { UCUM } from './fhir-terms.js';

/** UCUM codes of activity the endpoint reads (UCUM is case-sensitive: `mBq` is millibecquerel). */
const UCUM_ACTIVITY: Readonly<Record<string, number>> = {
  Bq: ACTIVITY_UNITS.Bq,
  kBq: ACTIVITY_UNITS.kBq,
  MBq: ACTIVITY_UNITS.MBq,
  GBq: ACTIVITY_UNITS.GBq,
  TBq: ACTIVITY_UNITS.TBq,
  uCi: ACTIVITY_UNITS['µCi'],
  mCi: ACTIVITY_UNITS.mCi,
  Ci: ACTIVITY_UNITS.Ci,
};

/** Far above any dose (1 PBq): a larger number is a unit mistake, not an order. */
const MAX_BQ = 1e15;

/** An activity Quantity (UCUM Bq, kBq, MBq, GBq, TBq, uCi, mCi, Ci) in Bq. */
export function activityBq(
  q: unknown,
  at: string,
): { ok: true; bq: number } | { ok: false; issue: FhirIssue } {
  const quantity = (q ?? {}) as Quantity;
  if (quantity.system !== UCUM || quantity.code === undefined) {
    return {
      ok: false,
      issue: invalidAt(`${at}.system`, `an activity needs the UCUM system (${UCUM}) and a code`),
    };
  }
  const factor = UCUM_ACTIVITY[quantity.code];
  if (factor === undefined) {
    return {
      ok: false,
      issue: invalidAt(
        `${at}.code`,
        `"${quantity.code}" is not an activity unit; use one of ${Object.keys(UCUM_ACTIVITY).join(', ')}`,
      ),
    };
  }
  if (quantity.comparator !== undefined) {
    return { ok: false, issue: invalidAt(`${at}.comparator`, 'an ordered activity is exact') };
  }
  const bq = (quantity.value ?? NaN) * factor;
  if (!(bq > 0) || bq > MAX_BQ) {
    return {
      ok: false,
      issue: invalidAt(`${at}.value`, 'must be a positive activity of at most 1 PBq'),
    };
  }
  return { ok: true, bq };
}

/** An activity as a UCUM Quantity in MBq (to the Bq). */
export function mbq(bq: number): Quantity {
  return { value: Math.round(bq) / 1e6, unit: 'MBq', system: UCUM, code: 'MBq' };
}
