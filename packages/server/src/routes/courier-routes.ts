import { createRoute, z } from '@hono/zod-openapi';
import { activeCouriers } from '@halflife/db';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import { errorResponses, json, security } from './route-helpers.js';

const CourierListSchema = z
  .object({
    couriers: z.array(
      z.object({ id: z.string().uuid(), name: z.string(), organisation: z.string() }),
    ),
  })
  .openapi('CourierList');

/** The couriers a shipment can be given to at loading (issue 14). */
export function courierRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/couriers',
      ...guard('shipments.dispatch'),
      tags: ['distribution'],
      summary: 'The active couriers, to give a loaded vehicle to',
      security,
      responses: { 200: json(CourierListSchema, 'the couriers'), ...errorResponses() },
    }),
    async (c) => {
      return c.json({ couriers: await activeCouriers(deps.db, 500) }, 200);
    },
  );
}
