import { z } from '@hono/zod-openapi';
import { DEVIATION_CLASSES, MAX_TEXT, RECORD_STATUSES, SIGNATURE_MEANINGS } from '@halflife/ops';
import { instant } from './generator-schemas.js';

/** Batch records, QC, release, dispensing and quality alerts through the API (issue 13). */

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .openapi({ example: '2026-12-05' });
const text = (max = MAX_TEXT) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const reason = text().openapi({ description: 'Why an entry is corrected (EU GMP Annex 11 §9)' });
/** The most one request may carry: a recipe step's fields, QC results, draws. */
const MAX_ITEMS = 50;

export const BatchListQuerySchema = z.object({
  date: localDate.optional().openapi({
    description: 'The local date (at the site) the batches start; default: today at the site',
  }),
  siteId: z.string().uuid().optional(),
  status: z
    .enum(RECORD_STATUSES)
    .optional()
    .openapi({ description: 'Only records in this status' }),
  queue: z.enum(['release']).optional().openapi({
    description:
      'release: the QP’s queue — every record awaiting release or released conditionally, of any date (sterility results come days later)',
  }),
});

const RecordStatusSchema = z.enum(RECORD_STATUSES).openapi('BatchRecordStatus');

export const BatchSummarySchema = z
  .object({
    id: z.string().uuid(),
    batchNumber: z.string(),
    productCode: z.string(),
    productName: z.string(),
    nuclide: z.string(),
    siteId: z.string().uuid(),
    siteName: z.string(),
    siteZone: z.string(),
    lineName: z.string(),
    planDate: z.string(),
    startAt: z.string(),
    eosAt: z.string(),
    releaseAt: z.string(),
    expectedEosBq: z.number(),
    status: RecordStatusSchema,
    /** Minutes from now to the planned start (negative: started late or running). */
    minutesToStart: z.number(),
    late: z.string().nullable().openapi({ description: 'What is late, in words; null if nothing' }),
    doses: z.number().int(),
    deviations: z.number().int(),
  })
  .openapi('BatchSummary');

export const BatchListSchema = z
  .object({ date: z.string(), batches: z.array(BatchSummarySchema) })
  .openapi('BatchList');

const FieldSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(['number', 'text']),
  min: z.number().optional(),
  max: z.number().optional(),
});

const EntrySchema = z.object({
  id: z.string().uuid(),
  values: z.record(z.string(), z.union([z.number(), z.string()])),
  signedBy: z.string(),
  signedAt: z.string(),
  supersedes: z.string().uuid().nullable(),
  reason: z.string().nullable(),
  current: z.boolean(),
});

const DrawSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  source: z.string(),
  activityBq: z.number().nullable(),
});

const StepViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  instruction: z.string(),
  draws: z.string().nullable(),
  eos: z.boolean(),
  fields: z.array(FieldSchema),
  /** Every entry for the step, the current one last. */
  entries: z.array(EntrySchema),
  materials: z.array(DrawSchema),
});

const TestOutcomeSchema = z.object({
  code: z.string(),
  name: z.string(),
  timing: z.enum(['before-release', 'after-release']),
  limit: z.string(),
  unit: z.string(),
  kind: z.enum(['range', 'min', 'max', 'pass-fail']),
  basis: z.string(),
  source: z.string(),
  status: z.enum(['pass', 'fail', 'pending']),
  result: z.string().optional(),
  reason: z.string().optional(),
  enteredBy: z.string().optional(),
  enteredAt: z.string().optional(),
  history: z.number().int().openapi({ description: 'How many results were superseded' }),
});

const SignatureViewSchema = z.object({
  id: z.string().uuid(),
  meaning: z.enum(SIGNATURE_MEANINGS),
  meaningText: z.string(),
  printedName: z.string(),
  signedAt: z.string(),
  contentHash: z.string(),
  valid: z
    .boolean()
    .openapi({ description: 'False when the record changed after signing (Part 11 §11.70)' }),
  reason: z.string().nullable(),
});

const DoseViewSchema = z.object({
  orderId: z.string().uuid(),
  orderStatus: z.string(),
  hospitalId: z.string().uuid(),
  hospitalName: z.string(),
  patientRef: z.string().nullable(),
  orderedBq: z.number(),
  calibrationAt: z.string(),
  tolerancePct: z.number(),
  dispensed: z
    .object({
      id: z.string().uuid(),
      measuredBq: z.number(),
      measuredAt: z.string(),
      volumeMl: z.number(),
      container: z.enum(['vial', 'syringe']),
      calibrationBq: z.number(),
      deviation: z.number(),
      expiresAt: z.string(),
      dispensedBy: z.string(),
      dispensedAt: z.string(),
    })
    .nullable(),
});

const AlertSchema = z
  .object({
    id: z.string().uuid(),
    hospitalId: z.string().uuid(),
    hospitalName: z.string(),
    kind: z.enum(['post-release-failure', 'batch-rejected', 'shipment-delay']),
    message: z.string(),
    doses: z.array(
      z.object({ orderId: z.string(), doseId: z.string().nullable(), reference: z.string() }),
    ),
    createdAt: z.string(),
  })
  .openapi('QualityAlert');

export const BatchDetailSchema = z
  .object({
    batch: BatchSummarySchema,
    voided: z.string().nullable(),
    inForce: z.boolean(),
    recipe: z.object({ version: z.number(), source: z.string() }),
    steps: z.array(StepViewSchema),
    nextStep: z.string().nullable(),
    eos: z
      .object({
        activityBq: z.number(),
        volumeMl: z.number(),
        yield: z.number().nullable(),
      })
      .nullable(),
    deviations: z.array(
      z.object({
        id: z.string().uuid(),
        step: z.string().nullable(),
        description: z.string(),
        classification: z.enum(DEVIATION_CLASSES),
        recordedBy: z.string(),
        recordedAt: z.string(),
      }),
    ),
    qc: z.object({
      specificationVersion: z.number(),
      verdict: z.enum(['out-of-specification', 'pending', 'conditional', 'complete']),
      tests: z.array(TestOutcomeSchema),
      notSourced: z.array(z.string()),
    }),
    signatures: z.array(SignatureViewSchema),
    /** For each decision, why it may not be signed now (null: it may). */
    release: z.object({
      'conditional-release': z.string().nullable(),
      'final-release': z.string().nullable(),
      rejection: z.string().nullable(),
    }),
    meanings: z.record(z.enum(SIGNATURE_MEANINGS), z.string()),
    doses: z.array(DoseViewSchema),
    alerts: z.array(AlertSchema),
  })
  .openapi('BatchDetail');

const DrawInputSchema = z.object({
  kind: z.enum(['generator-elution', 'cyclotron-run', 'bulk-lot', 'kit-lot']),
  source: text(100).openapi({
    description:
      'The elution, cyclotron run or lot id; for a kit, its lot number. The activity drawn is the step’s activityMBq field.',
  }),
  activityMBq: z
    .number({ error: 'expected a number of MBq' })
    .positive({ error: 'must be positive' })
    .max(1e9, { error: 'must be at most 1e9 MBq' })
    .optional()
    .openapi({
      description:
        'This source’s share when the step pools several (e.g. two eluates); the shares add up to the step’s activityMBq',
    }),
});

export const StepSignSchema = z
  .object({
    step: text(60),
    values: z
      .record(z.string().max(60), z.union([z.number(), z.string().max(MAX_TEXT)]))
      .refine((v) => Object.keys(v).length <= MAX_ITEMS, { error: `at most ${MAX_ITEMS} fields` }),
    draws: z.array(DrawInputSchema).max(10).default([]),
    reason: reason.optional(),
  })
  .openapi('StepSign');

export const DeviationCreateSchema = z
  .object({
    step: text(60).optional(),
    description: text(),
    classification: z.enum(DEVIATION_CLASSES),
  })
  .openapi('DeviationCreate');

const ResultInputSchema = z
  .object({
    test: text(60),
    value: z.number({ error: 'expected a number' }).optional(),
    passed: z.boolean().optional(),
    note: text(200).optional(),
  })
  .refine((r) => (r.value === undefined) !== (r.passed === undefined), {
    error: 'give either value (a measured test) or passed (an observation)',
  });

export const QcResultsSchema = z
  .object({
    results: z.array(ResultInputSchema).min(1).max(MAX_ITEMS),
    reason: reason.optional().openapi({ description: 'Required when a result replaces another' }),
  })
  .openapi('QcResults');

export const QcCsvQuerySchema = z.object({
  reason: reason.optional().openapi({ description: 'Required when a result replaces another' }),
});

export const HalfLifeSchema = z
  .object({
    first: z.object({ at: instant, activityBq: z.number().positive().max(1e15) }),
    second: z.object({ at: instant, activityBq: z.number().positive().max(1e15) }),
  })
  .openapi('HalfLifeReadings');

export const SignSchema = z
  .object({
    meaning: z.enum(SIGNATURE_MEANINGS),
    email: z
      .string()
      .max(254)
      .optional()
      .openapi({ description: 'Your ID: required at the first signature of a session' }),
    password: z.string().min(1, { error: 'the password is required to sign' }).max(200),
    reason: reason.optional().openapi({ description: 'Required for a rejection' }),
  })
  .openapi('Sign');

export const DispenseSchema = z
  .object({
    orderId: z.string().uuid(),
    measuredBq: z
      .number({ error: 'expected a number of Bq' })
      .positive({ error: 'must be positive' })
      .max(1e14, { error: 'must be at most 1e14 Bq' }),
    measuredAt: instant,
    volumeMl: z
      .number({ error: 'expected a number of mL' })
      .positive({ error: 'must be positive' })
      .max(100, { error: 'must be at most 100 mL' }),
    container: z.enum(['vial', 'syringe']),
  })
  .openapi('Dispense');

export const TrendQuerySchema = z.object({
  product: text(60),
  test: text(60),
  limit: z.coerce.number().int().min(2).max(200).default(30),
});

export const TrendSchema = z
  .object({
    product: z.string(),
    test: z.string(),
    name: z.string(),
    unit: z.string(),
    points: z.array(z.object({ batch: z.string(), at: z.string(), value: z.number() })),
    centre: z.number().nullable(),
    ucl: z.number().nullable(),
    lcl: z.number().nullable(),
    specMin: z.number().nullable(),
    specMax: z.number().nullable(),
    signals: z.array(z.object({ batch: z.string(), rule: z.string() })),
  })
  .openapi('QcTrend');

export const AlertListSchema = z
  .object({
    alerts: z.array(AlertSchema.extend({ batchNumber: z.string(), productCode: z.string() })),
  })
  .openapi('QualityAlertList');

export const LabelQuerySchema = z.object({
  orderId: z
    .string()
    .uuid()
    .optional()
    .openapi({ description: 'One dose; default every dispensed dose' }),
});

export { AlertSchema };
