import type { ElutionRow, GeneratorRow } from '@halflife/db';
import { epochMillis, formatActivity, formatNumber } from '@halflife/nuclear';
import { success, type ServiceResult } from '../service-error.js';
import { invalid } from './supply-access.js';
import { generatorModelOf, generatorType } from './supply-models.js';

/**
 * A dose calibrator may read up to 10% high (its accuracy test allows ±10%, 10 CFR 35.60 and
 * AAPM practice), so a measured eluate up to 110% of what the column can hold is believed.
 */
export const CALIBRATOR_TOLERANCE = 0.1;

/**
 * Refuses a measured eluate the column cannot have given: more daughter than a 100% elution at
 * `at` would yield after the elutions before it, beyond the calibrator's tolerance. The message
 * gives the figures. A generator whose model cannot be set up is not judged here.
 */
export function physicallyPossible(
  generator: GeneratorRow,
  earlier: readonly ElutionRow[],
  at: Date,
  measuredBq: number | undefined | null,
  field: string,
): ServiceResult<null> {
  if (measuredBq === undefined || measuredBq === null) return success(null);
  const before = earlier.filter((e) => e.at.getTime() <= at.getTime());
  const model = generatorModelOf(generator, before);
  if (!model.ok) return success(null);
  const predicted = model.value.predictElution(epochMillis(at.getTime()));
  if (!predicted.ok) return success(null);
  const columnBq = predicted.value.columnBq;
  if (measuredBq <= columnBq * (1 + CALIBRATOR_TOLERANCE)) return success(null);
  const daughter = generatorType(generator.type)?.daughter ?? 'daughter';
  const share = columnBq > 0 ? `${formatNumber((measuredBq / columnBq) * 100, 3)}% of` : 'above';
  return invalid(
    field,
    `${formatActivity(measuredBq)} is ${share} the ${formatActivity(columnBq)} of ${daughter} the column holds at that time; more than ${formatNumber((1 + CALIBRATOR_TOLERANCE) * 100)}% cannot have been eluted (check the unit or the time)`,
  );
}

/** The breakthrough verdict from the measured figures against the type's limit, if both known. */
export function judgedBreakthrough(
  generatorTypeId: string,
  breakthroughBq: number | undefined | null,
  measuredBq: number | undefined | null,
): boolean | null {
  const limit = generatorType(generatorTypeId)?.breakthroughLimit?.value ?? null;
  if (limit === null || breakthroughBq == null || measuredBq == null || measuredBq <= 0)
    return null;
  return breakthroughBq / measuredBq <= limit;
}
