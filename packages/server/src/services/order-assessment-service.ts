import { localDateOf, type Scope } from '@halflife/domain';
import { networkZone } from '@halflife/db';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import { assessOffThread } from '../heavy-pool.js';
import type { OrderAssessmentSchema, OrderCreateSchema } from '../schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

import { PREP_MARGIN_MINUTES } from './network-instance.js';
import { networkInstanceWithoutOrders } from './network-instance-cache.js';
import { resolveOrderInput, type OrdersDeps } from './orders-service.js';

export type OrderAssessmentView = z.infer<typeof OrderAssessmentSchema>;

/**
 * What an order would be before it is placed: the activity the patient gets at injection (with the
 * tolerance band), and whether any site can serve that time by the planner's own single-dose rules
 * (shelf life, lanes, opening and receiving hours, licences, batch size, transport index), with the
 * planner's reason when none can. Capacity shared with the day's other orders is the plan's to
 * settle, so "servable" means "a site can make and deliver it", not "it will be planned".
 */
export async function assessOrderInput(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  input: z.infer<typeof OrderCreateSchema>,
): Promise<ServiceResult<OrderAssessmentView>> {
  const resolved = await resolveOrderInput(deps, caller, scope, input);
  if (!resolved.ok) return resolved;
  const { hospital, product, calibration, activityBq, tolerancePct } = resolved.value;
  const zone = await networkZone(deps.db);
  if (zone === undefined)
    return failure(
      'invalid',
      'calibrationTime: the network has no production site, so no zone to read its date in',
    );
  const calibrationAt = new Date(calibration.epochMs);
  const { instance } = await networkInstanceWithoutOrders(
    deps.db,
    localDateOf(calibrationAt, zone),
    zone,
  );
  const assessed = await assessOffThread({
    ...instance,
    orders: [
      {
        id: 'assessed',
        hospital: hospital.id,
        product: product.code,
        activityBq,
        tolerancePct,
        calibrationAt: calibrationAt.toISOString(),
        prepMarginMinutes: PREP_MARGIN_MINUTES,
        priority: 1,
      },
    ],
  });
  if (!assessed.ok) return assessed;
  const [verdict] = assessed.value;
  if (!verdict) throw new Error('assessOrders returned no verdict for the order');
  const band = {
    activityBq,
    tolerancePct,
    minBq: activityBq * (1 - tolerancePct / 100),
    maxBq: activityBq * (1 + tolerancePct / 100),
  };
  return success(
    verdict.servable
      ? {
          ...band,
          servable: true,
          sites: [...verdict.sites],
          latestBatchStart: verdict.latestBatchStart,
          reason: null,
        }
      : { ...band, servable: false, sites: [], latestBatchStart: null, reason: verdict.reason },
  );
}
