import { z } from '@hono/zod-openapi';
import { MAX_HORIZON_DAYS, planningInstanceSchema, planSchema } from '@halflife/planner';

/** Days a plan covers when the request does not say (issue 18: therapies are made days ahead). */
export const DEFAULT_HORIZON_DAYS = 3;

/** Planning through the API: one schema each for validation, types and the OpenAPI document. */

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .openapi({ example: '2026-11-24' });
const instant = z.string().min(1).openapi({
  example: '2026-11-24T09:30:00+08:00',
  description: 'ISO 8601 with an offset or zone',
});

export const PlanMethodSchema = z.enum(['auto', 'milp', 'decomposition', 'greedy']).openapi({
  description:
    'auto: the exact model for small days, the decomposition beyond; greedy: a fast baseline',
});

export const PlanCreateSchema = z
  .object({
    date: localDate.openapi({
      description: "The first local date to plan, in the network's zone",
    }),
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_HORIZON_DAYS)
      .default(DEFAULT_HORIZON_DAYS)
      .openapi({
        description: `Local days in the horizon from the date (1–${MAX_HORIZON_DAYS}, default ${DEFAULT_HORIZON_DAYS}): their orders are planned together, a batch of one day may serve orders of later days within shelf life, and an earlier committed horizon's batches that serve them stay as they are`,
      }),
    method: PlanMethodSchema.default('auto'),
    timeLimitSeconds: z.number().positive().max(600).optional().openapi({
      description: 'Stop the solver after this long (default 60 s)',
    }),
  })
  .openapi('PlanCreate');

export const PlanListQuerySchema = z.object({
  date: localDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const PlanGetQuerySchema = z.object({
  instance: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'Include the planning instance the plan was made for' }),
});

const ProgressSchema = z
  .object({
    phase: z.string().optional(),
    fraction: z.number().optional(),
    message: z.string().optional(),
  })
  .openapi('PlanProgress');

export const PlanSummarySchema = z
  .object({
    id: z.string(),
    date: z.string(),
    days: z.number().int().openapi({ description: 'Local days in the horizon from the date' }),
    inForceUntil: z.string().nullable().openapi({
      description:
        'A committed plan is in force until a later committed horizon starts (null: to its end)',
    }),
    status: z.enum(['running', 'ready', 'failed', 'committed', 'superseded']),
    method: PlanMethodSchema,
    timeLimitSeconds: z.number().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    basedOn: z.string().nullable().openapi({ description: 'The plan this one re-plans' }),
    progress: ProgressSchema,
    orders: z.number().int(),
    served: z.number().int().nullable(),
    batches: z.number().int().nullable(),
    shipments: z.number().int().nullable(),
    costTotal: z.number().nullable(),
    gap: z.number().nullable(),
    seconds: z.number().nullable(),
    error: z.string().nullable(),
    committedBy: z.string().nullable(),
    committedAt: z.string().nullable(),
  })
  .openapi('PlanSummary');

export const PlanRecordSchema = PlanSummarySchema.extend({
  plan: planSchema
    .nullable()
    .openapi({ description: 'The plan (halflife-plan/1, docs/planning-instance.md) once ready' }),
  instance: planningInstanceSchema
    .optional()
    .openapi({ description: 'The planning instance (halflife-planning-instance/1), on request' }),
}).openapi('PlanRecord');

export const PlanListSchema = z.object({ plans: z.array(PlanSummarySchema) }).openapi('PlanList');

export const PlanCommitSchema = z
  .object({
    plan: PlanSummarySchema,
    planned: z.number().int().openapi({ description: 'Orders moved to planned' }),
    kept: z.number().int().openapi({ description: 'Orders a committed plan had planned already' }),
    released: z.number().int().openapi({
      description: "Orders this plan does not serve: now 'not_planned', with the planner's reason",
    }),
    superseded: z.string().nullable(),
  })
  .openapi('PlanCommit');

export const ReplanSchema = z
  .object({
    now: instant.openapi({ description: 'Batches started before this stay; nothing new starts' }),
    outages: z
      .array(
        z.object({
          site: z.string().uuid(),
          line: z.string().uuid().openapi({ description: 'The line (equipment) id' }),
          from: instant,
          to: instant.optional(),
          reason: z.string().min(1).max(500),
        }),
      )
      .default([]),
    newOrderIds: z
      .array(z.string().uuid())
      .default([])
      .openapi({ description: 'Orders of the date placed after the plan was made' }),
  })
  .openapi('Replan');
