import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import { errorResponse } from '../http-error.js';
import { NetworkMapQuerySchema, NetworkMapSchema } from '../map-schemas.js';
import { networkMapFor } from '../services/map-service.js';
import { errorResponses, json, security } from './route-helpers.js';

export function mapRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/network/map',
      ...guard('map.read'),
      tags: ['network'],
      summary: "The network on a map, with each hospital's reach on a date (producer staff)",
      description:
        'Sites with the products they make, lanes, and hospitals with, per product, whether it ' +
        "can reach them in time: the planner's single-dose rules applied to one hypothetical " +
        "order per full hour of the hospital's receiving hours, at the product's standard dose " +
        '(per-kilogram doses for 70 kg).',
      security,
      request: { query: NetworkMapQuerySchema },
      responses: {
        200: json(NetworkMapSchema, 'the map'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await networkMapFor(deps.db, caller, c.req.valid('query').date);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
