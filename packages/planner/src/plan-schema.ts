/**
 * The plan format (halflife-plan/1, docs/planning-instance.md) as a zod schema: the same shape as
 * the `Plan` type, for the API's OpenAPI document, the CLI's `plan check` and the web client.
 * It checks shape only; whether a plan keeps the rules is the checker's question.
 */
import { z } from 'zod';
import { PLAN_FORMAT, type Plan } from './plan.js';

const instant = () => z.string().min(1).describe('ISO 8601 instant, UTC');
const bq = () => z.number().describe('Bq');

const batch = z.object({
  id: z.string(),
  site: z.string(),
  line: z.string(),
  product: z.string(),
  startAt: instant(),
  eosAt: instant(),
  releaseAt: instant(),
  startActivityBq: bq(),
  eosActivityBq: bq(),
  fixed: z.boolean(),
});

const shipment = z.object({
  id: z.string(),
  lane: z.string(),
  departAt: instant(),
  arriveAt: instant(),
});

const dose = z.object({
  order: z.string(),
  batch: z.string(),
  shipment: z.string(),
  eosActivityBq: bq(),
  calibrationActivityBq: bq(),
});

const summary = z.object({
  orders: z.number().int(),
  served: z.number().int(),
  unservable: z.number().int(),
  servedPct: z.number(),
  efficiency: z.number(),
  batches: z.number().int(),
  startActivityBq: bq(),
  cost: z.object({
    isotope: z.number(),
    batches: z.number(),
    transport: z.number(),
    total: z.number(),
  }),
  objective: z.number(),
  lowerBound: z.number(),
  unservablePenalty: z.number(),
  gap: z.number(),
  seconds: z.number(),
});

export const planSchema = z
  .object({
    format: z.literal(PLAN_FORMAT),
    instance: z.string(),
    method: z.enum(['milp', 'decomposition', 'greedy']),
    batches: z.array(batch).readonly(),
    shipments: z.array(shipment).readonly(),
    doses: z.array(dose).readonly(),
    unserved: z.array(z.object({ order: z.string(), reason: z.string() })).readonly(),
    summary,
  })
  .meta({
    title: 'Halflife plan',
    description: 'Batches, shipments, doses and unserved orders (docs/planning-instance.md).',
  });

// What the schema accepts is a Plan (a field the type has and the schema lacks does not compile).
const isPlan = (parsed: z.infer<typeof planSchema>): Plan => parsed;
void isPlan;

export type ParsePlanResult =
  | { readonly ok: true; readonly value: Plan }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A plan read from JSON, or the paths that are wrong. */
export function parsePlan(json: unknown): ParsePlanResult {
  const parsed = planSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues
      .slice(0, 20)
      .map((i) => `${['plan', ...i.path].join('.')}: ${i.message}`),
  };
}
