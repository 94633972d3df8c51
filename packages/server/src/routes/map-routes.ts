import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import { NetworkMapQuerySchema, NetworkMapSchema } from '../map-schemas.js';
import { ErrorSchema } from '../schemas.js';
import { problem } from '../service-error.js';
import { networkMapFor } from '../services/map-service.js';
import { json, security } from './route-helpers.js';

export function mapRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/network/map',
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
        400: json(ErrorSchema, 'invalid input, naming the field'),
        401: json(ErrorSchema, 'not signed in'),
        403: json(ErrorSchema, "not the producer's staff"),
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      if (!caller) return errorResponse(c, problem('unauthenticated', 'sign in first')) as never;
      const result = await networkMapFor(deps.db, caller, c.req.valid('query').date);
      if (!result.ok) return errorResponse(c, result.error) as never;
      return c.json(result.value, 200);
    },
  );
}
