import {
  activityCurve,
  builtinDataset,
  decayAt,
  decaySolver,
  inventoryOf,
  parseInstant,
  seconds,
  timeGrid,
  type Seconds,
} from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { DecayRequestSchema, DecayResponseSchema } from '../schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

export type DecayRequest = z.infer<typeof DecayRequestSchema>;
export type DecayResponse = z.infer<typeof DecayResponseSchema>;

/**
 * Decays an inventory: every chain member after the time asked, and a curve when points are
 * asked for. Pure and CPU-bound: the server runs it in its worker pool, never on the request
 * thread.
 */
export function decayInventory(body: DecayRequest): ServiceResult<DecayResponse> {
  const duration = durationOf(body);
  if (!duration.ok) return duration;
  const data = builtinDataset();
  const inventory = inventoryOf(data, body.inventory, body.unit);
  if (!inventory.ok) return failure('invalid', `inventory: ${inventory.error.message}`);
  // A single answer comes from the kept per-parent set-ups; a curve sets up the mixture's own.
  const state = decayAt(data, inventory.value, duration.value);
  const curve = body.points
    ? activityCurve(
        decaySolver(data, inventory.value),
        timeGrid(seconds(0), duration.value, body.points),
      )
    : undefined;
  return success({
    seconds: duration.value,
    members: state.members.map((m, i) => ({
      nuclide: m.name,
      halfLifeS: Number.isFinite(m.halfLife) ? m.halfLife : null,
      activityBq: state.activities[i] as number,
      atoms: state.atoms[i] as number,
    })),
    ...(curve
      ? {
          curve: {
            times: [...curve.times],
            activities: Object.fromEntries(
              curve.members.map((m, i) => [m, [...(curve.activities[i] ?? [])]]),
            ),
          },
        }
      : {}),
  });
}

function durationOf(body: DecayRequest): ServiceResult<Seconds> {
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
