import { z } from '@hono/zod-openapi';
import { isLocalDate } from '@halflife/domain';
import { GROUPINGS, MAX_DELAY_DAYS, RECIST } from '@halflife/clinical';

/** Patients on a theranostic pathway and the outcomes registry through the API (issue 15). */

const localDate = z
  .string()
  .refine(isLocalDate, { error: 'expected a calendar date YYYY-MM-DD' })
  .openapi({ example: '2026-12-05' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `at most ${max} characters` });
/** The same pseudonymous reference an order carries: no names, no spaces. */
const reference = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: 'a pseudonymous reference: letters, digits, . _ - (at most 40), no names',
  })
  .openapi({ example: 'P-2026-0042' });
const weightKg = z
  .number({ error: 'expected kilograms' })
  .min(20, { error: 'must be at least 20 kg' })
  .max(400, { error: 'must be at most 400 kg' });
const psa = z
  .number({ error: 'expected ng/mL' })
  .min(0, { error: 'must not be negative' })
  .max(100_000, { error: 'must be at most 100,000 ng/mL' });

export const LesionSchema = z
  .object({
    id: text(16),
    organ: text(40),
    node: z.boolean(),
    diameterMm: z
      .number({ error: 'expected mm' })
      .min(0, { error: 'must not be negative' })
      .max(500, { error: 'must be at most 500 mm' }),
  })
  .openapi('Lesion', {
    description: 'A RECIST 1.1 target lesion: longest diameter, or a node’s short axis, in mm.',
  });
const lesions = z
  .array(LesionSchema)
  .max(RECIST.maxTargets, { error: `at most ${RECIST.maxTargets} target lesions (RECIST 1.1)` });

export const AdverseEventSchema = z
  .object({ term: text(80), grade: z.number().int({ error: 'a CTCAE grade 1–5' }).min(1).max(5) })
  .openapi('AdverseEvent');

export const PatientCreateSchema = z
  .object({
    reference,
    hospitalId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: 'Defaults to the caller’s hospital.' }),
    enrolledOn: localDate
      .optional()
      .openapi({ description: 'Day 0 of the endpoints; default today.' }),
    weightKg,
    studyCode: text(40).optional(),
    arm: text(60).optional(),
    diseaseVolume: z.enum(['high', 'low']).optional(),
    presentation: z.enum(['de_novo', 'recurrent']).optional(),
    priorLu177: z.boolean().optional(),
    baselinePsaNgMl: psa.optional(),
    baselineLesions: lesions.optional(),
  })
  .openapi('PatientCreate');

export const PetScanCreateSchema = z
  .object({
    tracer: text(40).openapi({ example: 'GA68-PSMA11' }),
    scannedOn: localDate,
    positive: z
      .boolean()
      .openapi({ description: 'Whether the criterion (e.g. PSMA-positive) is met' }),
    suvMax: z.number().min(0).max(1000).optional(),
    orderId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: 'The tracer’s order, if the network made it' }),
    notes: z.string().trim().max(500).optional(),
  })
  .openapi('PetScanCreate');

export const TherapyStartSchema = z
  .object({
    regimenCode: text(40).openapi({ example: 'PLUVICTO' }),
    firstOn: localDate.openapi({ description: 'The day of the first cycle' }),
    doseChoiceBq: z.number().positive().max(1e11).optional().openapi({
      description: 'One of the regimen’s fixed activities, for regimens that offer a choice',
    }),
  })
  .openapi('TherapyStart');

export const TherapyChangeSchema = z
  .object({
    kind: z.enum(['delay', 'reduce', 'stop']),
    cycle: z.number().int({ error: 'a cycle number' }).min(1).max(20),
    days: z
      .number()
      .int({ error: 'whole days' })
      .min(1)
      .max(MAX_DELAY_DAYS, { error: `at most ${MAX_DELAY_DAYS} days (a longer pause is a stop)` })
      .optional(),
    reason: text(500),
  })
  .openapi('TherapyChange');

export const VisitCreateSchema = z
  .object({
    visitOn: localDate,
    psaNgMl: psa.optional(),
    weightKg: weightKg.optional(),
    lesions: lesions.optional(),
    newLesions: z.boolean().optional(),
    radiographicProgression: z.boolean().optional(),
    adverseEvents: z
      .array(AdverseEventSchema)
      .max(20, { error: 'at most 20 per visit' })
      .default([]),
  })
  .openapi('VisitCreate');

export const VitalStatusSchema = z
  .object({
    deathOn: localDate.nullable(),
    lastContactOn: localDate,
    reason: text(500),
  })
  .openapi('VitalStatus');

export const PatientListQuerySchema = z.object({
  study: text(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const DoseLevelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard') }),
  z.object({ kind: z.literal('reduced') }),
  z.object({ kind: z.literal('choice'), bq: z.number() }),
]);

const RegimenSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nuclide: z.string(),
    target: z.string(),
    productCode: z.string().nullable(),
    dose: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), bq: z.number() }),
      z.object({ kind: z.literal('per_kg'), bqPerKg: z.number() }),
    ]),
    doseChoicesBq: z.array(z.number()),
    reducedDoseBq: z.number().nullable(),
    tolerancePct: z.number(),
    intervalDays: z.number(),
    windowDays: z.number(),
    maxCycles: z.number(),
    longestDelayDays: z.number().nullable(),
    source: z.string(),
  })
  .openapi('Regimen');

export const CatalogueSchema = z
  .object({
    regimens: z.array(RegimenSchema),
    pairs: z.array(
      z.object({
        code: z.string(),
        petProductCode: z.string().nullable(),
        petName: z.string(),
        target: z.string(),
        criterion: z.string(),
        source: z.string(),
      }),
    ),
    programmes: z.array(
      z.object({
        code: z.string(),
        developer: z.string(),
        product: z.string(),
        carrier: z.string(),
        target: z.string(),
        nuclide: z.string(),
        indication: z.string(),
        stage: z.string(),
        approved: z.boolean(),
        regimenCode: z.string().nullable(),
        source: z.string(),
      }),
    ),
  })
  .openapi('TherapyCatalogue');

const OrderRefSchema = z.object({
  id: z.string().uuid(),
  status: z.string(),
  version: z.number(),
  calibrationAt: z.string().nullable(),
});

const CycleViewSchema = z.object({
  cycle: z.number(),
  dueOn: z.string(),
  earliestOn: z.string(),
  latestOn: z.string(),
  gapDays: z.number().nullable(),
  level: DoseLevelSchema,
  activityBq: z.number(),
  reasons: z.array(z.string()),
  orderOn: z.string().openapi({ description: 'The day the product orders this cycle’s dose' }),
  order: OrderRefSchema.nullable(),
  administeredOn: z.string().nullable(),
  administeredBq: z.number().nullable(),
});

const AssessmentSchema = z.object({
  on: z.string(),
  sumMm: z.number(),
  changeFromBaseline: z.number(),
  response: z.enum(['CR', 'PR', 'SD', 'PD']),
});
const EventTimeSchema = z.object({ months: z.number(), event: z.boolean() });

export const EndpointsSchema = z
  .object({
    bestPsaChangePct: z.number().nullable(),
    psa50: z.boolean().nullable(),
    psa90: z.boolean().nullable(),
    psaProgressionOn: z.string().nullable(),
    measurable: z.boolean(),
    bestResponse: z.enum(['CR', 'PR', 'SD', 'PD', 'NE']),
    assessments: z.array(AssessmentSchema),
    radiographicProgressionOn: z.string().nullable(),
    rpfs: EventTimeSchema,
    os: EventTimeSchema,
    worstAdverseGrade: z.number(),
  })
  .openapi('PatientEndpoints');

export const PatientSummarySchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    hospitalName: z.string(),
    studyCode: z.string().nullable(),
    arm: z.string().nullable(),
    synthetic: z.boolean(),
    enrolledOn: z.string(),
    regimenCode: z.string().nullable(),
    stage: z.enum(['screening', 'on therapy', 'follow-up', 'died']),
  })
  .openapi('PatientSummary');

export const PatientListSchema = z
  .object({ patients: z.array(PatientSummarySchema), total: z.number() })
  .openapi('PatientList');

export const PatientDetailSchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    hospitalId: z.string().uuid(),
    hospitalName: z.string(),
    hospitalZone: z
      .string()
      .openapi({ description: 'The hospital’s IANA time zone: its local dates and times' }),
    studyCode: z.string().nullable(),
    arm: z.string().nullable(),
    diseaseVolume: z.enum(['high', 'low']).nullable(),
    presentation: z.enum(['de_novo', 'recurrent']).nullable(),
    priorLu177: z.boolean().nullable(),
    synthetic: z.boolean(),
    enrolledOn: z.string(),
    weightKg: z.number().openapi({ description: 'The latest weight (visits, else enrolment)' }),
    baselinePsaNgMl: z.number().nullable(),
    baselineLesions: z.array(LesionSchema).nullable(),
    deathOn: z.string().nullable(),
    lastContactOn: z.string().nullable(),
    stage: z.enum(['screening', 'on therapy', 'follow-up', 'died']),
    pets: z.array(
      z.object({
        id: z.string().uuid(),
        tracer: z.string(),
        target: z.string(),
        criterion: z.string(),
        scannedOn: z.string(),
        positive: z.boolean(),
        suvMax: z.number().nullable(),
        orderId: z.string().nullable(),
        notes: z.string(),
      }),
    ),
    therapy: z
      .object({
        planId: z.string().uuid(),
        regimen: RegimenSchema,
        firstOn: z.string(),
        level: DoseLevelSchema,
        status: z.enum(['active', 'stopped', 'completed']),
        cycles: z.array(CycleViewSchema),
        stopped: z.object({ cycle: z.number(), reason: z.string() }).nullable(),
        warnings: z.array(z.string()),
        changes: z.array(
          z.object({
            kind: z.enum(['delay', 'reduce', 'stop']),
            cycle: z.number(),
            days: z.number().nullable(),
            reason: z.string(),
            recordedAt: z.string(),
          }),
        ),
        nextCycle: CycleViewSchema.nullable(),
      })
      .nullable(),
    visits: z.array(
      z.object({
        id: z.string().uuid(),
        visitOn: z.string(),
        psaNgMl: z.number().nullable(),
        weightKg: z.number().nullable(),
        lesions: z.array(LesionSchema).nullable(),
        newLesions: z.boolean().nullable(),
        radiographicProgression: z.boolean(),
        adverseEvents: z.array(AdverseEventSchema),
      }),
    ),
    endpoints: EndpointsSchema,
  })
  .openapi('PatientDetail');

export const StudyListSchema = z
  .object({
    studies: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        synthetic: z.boolean(),
        patients: z.number(),
        member: z.boolean().openapi({ description: 'Whether the caller may see its patients' }),
      }),
    ),
  })
  .openapi('StudyList');

export const DashboardQuerySchema = z.object({
  groupBy: z.enum(GROUPINGS).default('arm'),
});

export const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

const IntervalSchema = z.object({
  successes: z.number(),
  n: z.number(),
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
});
const MedianSchema = z.object({
  estimate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});
const CurveSchema = z.object({
  n: z.number(),
  events: z.number(),
  median: MedianSchema,
  points: z.array(z.tuple([z.number(), z.number(), z.number().nullable(), z.number().nullable()])),
  censoredAt: z.array(z.number()),
  atRisk: z.array(z.number()),
});
const ComparisonSchema = z.union([
  z.object({
    reference: z.string(),
    hazardRatios: z.array(
      z.object({
        group: z.string(),
        hr: z.number(),
        lower: z.number(),
        upper: z.number(),
        p: z.number(),
      }),
    ),
    logRankChiSquare: z.number(),
    logRankDf: z.number(),
    logRankP: z.number(),
  }),
  z.object({ unavailable: z.string() }),
]);

export const DashboardSchema = z
  .object({
    study: z.object({ code: z.string(), name: z.string(), synthetic: z.boolean() }),
    grouping: z.enum(GROUPINGS),
    patients: z.number(),
    groups: z.array(
      z.object({
        group: z.string(),
        patients: z.number(),
        psa50: IntervalSchema.nullable(),
        psa90: IntervalSchema.nullable(),
        measurable: z.number(),
        orr: IntervalSchema.nullable(),
        dcr: IntervalSchema.nullable(),
        bestResponses: z.object({
          CR: z.number(),
          PR: z.number(),
          SD: z.number(),
          PD: z.number(),
          NE: z.number(),
        }),
        grade3Plus: IntervalSchema,
        rpfs: CurveSchema,
        os: CurveSchema,
      }),
    ),
    atRiskMonths: z.array(z.number()),
    rpfsComparison: ComparisonSchema,
    osComparison: ComparisonSchema,
    waterfall: z.array(z.object({ group: z.string(), bestPsaChangePct: z.number() })),
    swimmers: z
      .array(
        z.object({
          ref: z.string(),
          arm: z.string(),
          cycles: z.array(z.number()),
          bestResponse: z.enum(['CR', 'PR', 'SD', 'PD', 'NE']),
          responseAt: z.number().nullable(),
          progressionAt: z.number().nullable(),
          deathAt: z.number().nullable(),
          endAt: z.number(),
          ongoing: z.boolean(),
        }),
      )
      .nullable()
      .openapi({
        description: 'Patient-level: only for the study’s team; null for figures-only callers',
      }),
  })
  .openapi('CohortDashboard');

export const TherapyDemandQuerySchema = z.object({
  from: localDate.optional().openapi({ description: 'First day; default today' }),
  weeks: z.coerce.number().int().min(1).max(104).default(26),
});

export const TherapyDemandSchema = z
  .object({
    from: z.string(),
    weeks: z.number(),
    rows: z.array(
      z.object({
        nuclide: z.string(),
        productCode: z.string(),
        weekStart: z.string(),
        cycles: z.number(),
        activityBq: z
          .number()
          .openapi({ description: 'Prescribed activity at calibration, summed' }),
        firstCycles: z
          .number()
          .openapi({ description: 'Of them, first cycles: therapy not yet begun' }),
        firstActivityBq: z.number().openapi({ description: 'The first cycles’ activity, summed' }),
      }),
    ),
  })
  .openapi('TherapyDemand');
