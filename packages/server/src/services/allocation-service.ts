import { allocate } from '@halflife/strategy';
import type { z } from '@hono/zod-openapi';
import { failure, success, type ServiceResult } from '../service-error.js';
import type { AllocationRequestSchema, AllocationResultSchema } from '../strategy-schemas.js';

/**
 * A proposal again after a person's adjustments (issue 16): the pure `allocate` of
 * @halflife/strategy, its refusals ("adjustments X: must be 0–4") answered as 400s.
 */
export function proposeAllocation(
  body: z.infer<typeof AllocationRequestSchema>,
): ServiceResult<z.infer<typeof AllocationResultSchema>> {
  const adjustments = new Map<string, number>();
  for (const [i, a] of body.adjustments.entries()) {
    if (adjustments.has(a.id))
      return failure('invalid', `adjustments[${i}].id: ${a.id} appears twice`, [
        { path: `adjustments.${i}.id`, message: `${a.id} appears twice` },
      ]);
    adjustments.set(a.id, a.quantity);
  }
  try {
    return success({
      available: body.available,
      allocations: allocate(body.available, body.claims, adjustments),
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const field = e.message.split(':')[0] ?? 'body';
    return failure('invalid', e.message, [
      { path: field, message: e.message.slice(field.length + 1).trim() },
    ]);
  }
}
