import { createRoute, z } from '@hono/zod-openapi';
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
      const rows = await deps.db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.display_name', 'o.name as organisation'])
        .where('u.role', '=', 'courier')
        .where('u.disabled', '=', false)
        .orderBy('u.display_name')
        .limit(500)
        .execute();
      return c.json(
        {
          couriers: rows.map((r) => ({
            id: r.id,
            name: r.display_name,
            organisation: r.organisation,
          })),
        },
        200,
      );
    },
  );
}
