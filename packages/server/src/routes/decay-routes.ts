import type { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import { DecayRequestSchema, DecayResponseSchema } from '../schemas.js';
import { decayOffThread } from '../heavy-pool.js';
import { errorResponses, jsonBody } from './route-helpers.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** The decay calculator: the engine behind every number, open to any caller. */
export function decayRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decay',
      'x-permission': 'decay.compute',
      tags: ['physics'],
      summary: 'Decay an inventory: every chain member’s activity and atoms after a time',
      request: { body: jsonBody(DecayRequestSchema, 'inventory, unit and a time') },
      responses: {
        200: json(DecayResponseSchema, 'the chain'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const result = await decayOffThread(c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
