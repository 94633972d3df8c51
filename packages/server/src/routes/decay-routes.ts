import type { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import {
  activityCurve,
  builtinDataset,
  decaySolver,
  inventoryOf,
  parseInstant,
  seconds,
  timeGrid,
  type Seconds,
} from '@halflife/nuclear';
import type { App } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import { DecayRequestSchema, DecayResponseSchema, ErrorSchema } from '../schemas.js';
import { failure, problem, success, type ServiceResult } from '../service-error.js';
import { jsonBody } from './route-helpers.js';

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
      tags: ['physics'],
      summary: 'Decay an inventory: every chain member’s activity and atoms after a time',
      request: { body: jsonBody(DecayRequestSchema, 'inventory, unit and a time') },
      responses: {
        200: json(DecayResponseSchema, 'the chain'),
        400: json(ErrorSchema, 'invalid input'),
      },
    }),
    (c) => {
      const body = c.req.valid('json');
      const duration = durationOf(body);
      if (!duration.ok) return errorResponse(c, duration.error) as never;
      const data = builtinDataset();
      const inventory = inventoryOf(data, body.inventory, body.unit);
      if (!inventory.ok)
        return errorResponse(
          c,
          problem('invalid', `inventory: ${inventory.error.message}`),
        ) as never;
      const solver = decaySolver(data, inventory.value);
      const state = solver.at(duration.value);
      const curve = body.points
        ? activityCurve(solver, timeGrid(seconds(0), duration.value, body.points))
        : undefined;
      return c.json(
        {
          seconds: duration.value,
          members: state.members.map((m, i) => ({
            nuclide: m.name,
            halfLifeS: Number.isFinite(m.halfLife) ? m.halfLife : null,
            activityBq: state.activities[i] as number,
            atoms: state.atoms[i] as number,
          })),
          curve: curve && {
            times: [...curve.times],
            activities: Object.fromEntries(
              curve.members.map((m, i) => [m, [...(curve.activities[i] ?? [])]]),
            ),
          },
        },
        200,
      );
    },
  );
}

function durationOf(body: z.infer<typeof DecayRequestSchema>): ServiceResult<Seconds> {
  if (body.seconds !== undefined) return success(seconds(body.seconds));
  if (body.from === undefined || body.to === undefined) {
    return failure('invalid', 'seconds: give seconds, or from and to');
  }
  const from = parseInstant(body.from);
  if (!from.ok) return failure('invalid', `from: ${from.error.message}`);
  const to = parseInstant(body.to);
  if (!to.ok) return failure('invalid', `to: ${to.error.message}`);
  if (to.value.epochMs < from.value.epochMs) return failure('invalid', 'to: is before from');
  return success(seconds((to.value.epochMs - from.value.epochMs) / 1000));
}
