import { z } from '@hono/zod-openapi';
import { GENERATOR_TYPES, type GeneratorId } from '@halflife/nuclear';

/** Generators and elutions through the API: one schema each for validation, types and OpenAPI. */

export const instant = z.string().min(1).openapi({
  example: '2026-11-24T09:30:00+08:00',
  description: 'ISO 8601 with an offset or an IANA zone',
});
export const activity = (description: string) =>
  z.number({ error: 'expected a number of Bq' }).positive({ error: 'must be positive' }).openapi({
    description,
  });
export const measurement = (description: string) =>
  z
    .number({ error: 'expected a number of Bq' })
    .nonnegative({ error: 'must be zero or more' })
    .openapi({ description });

const ids = GENERATOR_TYPES.map((t) => t.id) as [GeneratorId, ...GeneratorId[]];

export const GeneratorCreateSchema = z
  .object({
    siteId: z.string().uuid(),
    equipmentId: z.string().uuid().optional().openapi({
      description: 'The equipment row of the site this generator is (kind generator)',
    }),
    type: z.enum(ids).openapi({ description: 'A generator type of @halflife/nuclear' }),
    parentActivityBq: activity('Parent activity at calibration, Bq'),
    calibratedAt: instant,
    initial: z.enum(['equilibrium', 'eluted']).default('equilibrium').openapi({
      description: 'The column at calibration: grown in long ago, or just eluted completely',
    }),
    label: z.string().min(1).max(200),
    serial: z.string().max(200).default(''),
    elutionIntervalMinutes: z.number().positive().max(10_080).optional().openapi({
      description:
        "The site's regular elution interval, used when planning (default: the time the daughter needs to grow back to 90%)",
    }),
  })
  .openapi('GeneratorCreate');

export const ElutionCreateSchema = z
  .object({
    at: instant.openapi({ description: 'When the generator was eluted' }),
    measuredActivityBq: measurement('Daughter activity measured in the eluate at `at`').optional(),
    breakthroughBq: measurement(
      'Parent activity found in the eluate (breakthrough test)',
    ).optional(),
    breakthroughPassed: z.boolean().optional().openapi({
      description:
        "The breakthrough test's verdict; when absent it is judged from breakthroughBq ÷ measuredActivityBq against the type's limit",
    }),
  })
  .openapi('ElutionCreate');

export const RetireSchema = z.object({ reason: z.string().min(1).max(500) }).openapi('Retire');

export const ElutionAmendSchema = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('correct'),
      measuredActivityBq: measurement('The corrected daughter activity in the eluate').optional(),
      breakthroughBq: measurement('The corrected parent activity in the eluate').optional(),
      reason: z.string().min(1).max(500),
    }),
    z.object({ action: z.literal('void'), reason: z.string().min(1).max(500) }),
  ])
  .openapi('ElutionAmend', {
    description:
      'Correct a wrong record’s figures, or void a record made in error; the reason and the old values stay in the audit trail.',
  });

export const ElutionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  elutionId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'elutionId', in: 'path' } }),
});

export const GeneratorListQuerySchema = z.object({
  siteId: z.string().uuid().optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
});

export const YieldQuerySchema = z.object({
  from: instant.optional().openapi({ description: 'Default: now' }),
  to: instant.optional().openapi({ description: 'Default: 24 h after `from`' }),
  step: z.coerce.number().int().min(60).max(86_400).default(900).openapi({
    description: 'Seconds between points (default 900); at most 2,000 points',
  }),
});

export const IntervalQuerySchema = z.object({
  handlingHours: z.coerce.number().min(0).max(48).default(0).openapi({
    description:
      'A fixed time cost per elution; with 0, eluting more often always gives more, and the optimum is the shortest interval tried',
  }),
  horizonDays: z.coerce.number().min(0.5).max(60).default(7),
  minHours: z.coerce.number().min(0.25).max(168).default(1),
  maxHours: z.coerce.number().min(0.25).max(168).default(48),
});

const FigureSchema = z
  .object({ value: z.number(), status: z.string(), source: z.string() })
  .openapi('Figure');

export const GeneratorSchema = z
  .object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    equipmentId: z.string().uuid().nullable(),
    type: z.string(),
    parent: z.string(),
    daughter: z.string(),
    parentActivityBq: z.number(),
    calibratedAt: z.string(),
    initial: z.enum(['equilibrium', 'eluted']),
    label: z.string(),
    serial: z.string(),
    elutionIntervalMinutes: z.number().openapi({ description: 'As set, or the default rule' }),
    elutionIntervalSet: z.boolean(),
    shelfLifeEndsAt: z.string(),
    retired: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Generator');

export const ElutionSchema = z
  .object({
    id: z.string().uuid(),
    at: z.string(),
    measuredActivityBq: z.number().nullable(),
    breakthroughBq: z.number().nullable(),
    breakthroughPassed: z.boolean().nullable(),
    predictedColumnBq: z.number().openapi({
      description: 'Daughter on the column just before: what a 100% efficient elution gives',
    }),
    efficiency: z.number().nullable().openapi({ description: 'measured ÷ predictedColumnBq' }),
    breakthroughFraction: z.number().nullable(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Elution');

export const EfficiencySchema = z
  .object({
    value: z.number(),
    basis: z.enum(['given', 'records', 'nominal']),
    records: z.number().int(),
    nominal: FigureSchema,
  })
  .openapi('EfficiencyEstimate');

export const PredictionSchema = z
  .object({
    at: z.string(),
    sinceLastElutionS: z.number().nullable(),
    parentBq: z.number(),
    columnBq: z.number(),
    efficiency: z.number(),
    eluateBq: z.number(),
    breakthroughBq: z.number(),
    breakthroughRatio: z.number().nullable(),
    breakthroughLimit: z.number().nullable(),
    breakthroughOk: z.boolean(),
    pastShelfLife: z.boolean(),
  })
  .openapi('ElutionPrediction');

export const GeneratorDetailSchema = GeneratorSchema.extend({
  elutions: z.array(ElutionSchema),
  efficiency: EfficiencySchema.openapi({ description: 'For an elution now' }),
  now: PredictionSchema.nullable().openapi({
    description: 'The eluate an elution now would give (null before calibration)',
  }),
}).openapi('GeneratorDetail');

export const ElutionRecordedSchema = z
  .object({ elution: ElutionSchema, generator: GeneratorDetailSchema })
  .openapi('ElutionRecorded');

export const YieldSchema = z
  .object({
    generatorId: z.string().uuid(),
    daughter: z.string(),
    points: z.array(
      z.object({
        at: z.string(),
        eluateBq: z.number(),
        columnBq: z.number(),
        parentBq: z.number(),
        efficiency: z.number(),
      }),
    ),
    elutions: z.array(
      z.object({
        at: z.string(),
        measuredActivityBq: z.number().nullable(),
        predictedColumnBq: z.number(),
      }),
    ),
  })
  .openapi('GeneratorYield');

const IntervalYieldSchema = z.object({
  intervalHours: z.number(),
  elutions: z.number().int(),
  perElutionBq: z.number(),
  dailyBq: z.number(),
});

export const OptimalIntervalSchema = z
  .object({
    generatorId: z.string().uuid(),
    from: z.string(),
    efficiency: z.number(),
    handlingHours: z.number(),
    horizonDays: z.number(),
    optimum: IntervalYieldSchema,
    atShortestTried: z.boolean(),
    note: z.string(),
    table: z.array(IntervalYieldSchema),
  })
  .openapi('OptimalInterval');
