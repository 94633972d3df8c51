import { ACTIONS, ORDER_STATUSES, SCOPES } from '@halflife/domain';
import { z } from '@hono/zod-openapi';

/** One schema per thing that crosses the API: validation, types and the OpenAPI document alike. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid' }),
      message: z.string().openapi({ example: 'amount.activityBq: must be positive' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.string(), time: z.string() })
  .openapi('Health');

export const LoginSchema = z
  .object({
    email: z.string().email().openapi({ example: 'planner@demo.halflife' }),
    password: z.string().min(1),
  })
  .openapi('Login');

/** The languages of the product's screens: Simplified Chinese and English. */
export const USER_LOCALES = ['zh-CN', 'en'] as const;

export const LocaleChoiceSchema = z
  .object({ locale: z.enum(USER_LOCALES) })
  .strict()
  .openapi('LocaleChoice');

export const MeSchema = z
  .object({
    userId: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.string(),
    organisation: z.object({ id: z.string().uuid(), kind: z.string(), name: z.string() }),
    locale: z.enum(USER_LOCALES).nullable().openapi({
      description: "the screens' language the user chose; null follows the browser's",
    }),
    capabilities: z.partialRecord(z.enum(ACTIONS), z.enum(SCOPES)).openapi({
      description:
        'What the permission matrix lets the caller do, with how far it reaches ' +
        '(network, their organisation, their own account); absent actions are refused',
    }),
  })
  .openapi('Me');

export const WorkingDaySchema = z
  .object({
    zone: z
      .string()
      .openapi({ description: "the caller's zone: their hospital's, else the network's" }),
    today: z.string().openapi({ description: 'today in that zone, YYYY-MM-DD' }),
    date: z.string().openapi({
      description: 'the day screens open on: the next day with orders, else the next receiving day',
    }),
    why: z.string().openapi({ description: 'why that day, in words' }),
    receivingWeekdays: z.array(z.number().int().min(1).max(7)).openapi({
      description: 'ISO weekdays (1 = Monday) on which a hospital in the caller’s scope receives',
    }),
  })
  .openapi('WorkingDay');

export const TokenRequestSchema = z
  .object({
    name: z.string().min(1).max(80),
    days: z.number().int().min(1).max(365).optional().openapi({
      description: 'How long the token lives, in days (default 90, at most 365)',
    }),
  })
  .openapi('TokenRequest');
export const TokenSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    token: z.string().openapi({ description: 'Shown once.' }),
    expiresAt: z.string(),
  })
  .openapi('Token');
export const TokenListItemSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi('TokenListItem');
export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(1000),
  })
  .openapi('PasswordChange');

/** Limits every order is held to; the web form reads them from GET /api/products. */
export const ORDER_LIMITS = {
  /** A patient's weight in kg: above zero, at most 400 (assumption: beyond any dosing table). */
  patientWeightKg: { min: 0, max: 400 },
} as const;

const positive = (what: string) =>
  z.number({ error: `${what}: expected a number` }).positive({ error: 'must be positive' });

export const AmountSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), activityBq: positive('activityBq') }),
    z.object({
      kind: z.literal('per_kg'),
      perKgBq: positive('perKgBq'),
      patientWeightKg: positive('patientWeightKg').max(ORDER_LIMITS.patientWeightKg.max, {
        error: `must be at most ${ORDER_LIMITS.patientWeightKg.max} kg`,
      }),
    }),
    z.object({
      kind: z.literal('doses'),
      doses: z.number().int({ error: 'must be a whole number' }).min(1).max(200),
      activityPerDoseBq: positive('activityPerDoseBq').optional(),
    }),
  ])
  .openapi('Amount', {
    description:
      'A fixed activity, an activity per kg for a patient weight, or a number of patient doses.',
  });

export const OrderCreateSchema = z
  .object({
    hospitalId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: "Defaults to the caller's hospital." }),
    deliveryPointId: z.string().uuid().optional().openapi({
      description: 'Where at the hospital to deliver; defaults to its first delivery point.',
    }),
    productCode: z.string().min(1).openapi({ example: 'LU177-PSMA617' }),
    calibrationTime: z.string().openapi({
      description: 'Injection (calibration) time, ISO 8601 with an offset or an IANA zone.',
      example: '2026-11-24T10:00+08:00',
    }),
    amount: AmountSchema,
    tolerancePct: z.number().min(0).max(100).optional(),
    patientRef: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
        error: 'a pseudonymous reference (letters, digits, . _ -), never a name',
      })
      .optional(),
    notes: z.string().max(2000).optional(),
  })
  .openapi('OrderCreate');

export const OrderSchema = z
  .object({
    id: z.string().uuid(),
    hospitalId: z.string().uuid(),
    hospitalName: z.string(),
    deliveryPointId: z.string().uuid().nullable(),
    productCode: z.string(),
    calibrationTime: z.string(),
    calibrationZone: z.string(),
    amountKind: z.enum(['fixed', 'per_kg', 'doses']),
    activityBq: z.number(),
    perKgBq: z.number().nullable(),
    patientWeightKg: z.number().nullable(),
    doses: z.number().nullable(),
    tolerancePct: z.number(),
    patientRef: z.string().nullable(),
    notes: z.string(),
    status: z.enum(ORDER_STATUSES),
    statusReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    planned: z
      .object({
        planId: z.string().uuid(),
        activityBq: z.number().openapi({
          description: "Expected activity at injection: the plan's dose decayed to calibration.",
        }),
        siteName: z.string(),
        batchStartAt: z.string(),
        departAt: z.string(),
        arriveAt: z.string(),
      })
      .nullable()
      .openapi({ description: 'How the committed plan serves a planned order; null otherwise.' }),
  })
  .openapi('Order');

export const OrderAssessmentSchema = z
  .object({
    activityBq: z.number().openapi({ description: 'The activity the patient gets at injection.' }),
    tolerancePct: z.number(),
    minBq: z.number().openapi({ description: 'Lower end of the tolerance band at injection.' }),
    maxBq: z.number().openapi({ description: 'Upper end of the tolerance band at injection.' }),
    servable: z.boolean().openapi({
      description:
        "Whether a site can make and deliver it by the planner's single-dose rules; the day's plan shares capacity out",
    }),
    sites: z.array(z.string()).openapi({ description: 'Sites that could serve it, by name.' }),
    latestBatchStart: z
      .string()
      .nullable()
      .openapi({ description: 'Latest batch start (HH:MM, network time) that still serves it.' }),
    reason: z
      .string()
      .nullable()
      .openapi({ description: "The planner's reason when not servable." }),
  })
  .openapi('OrderAssessment');

export const OrderListSchema = z
  .object({ orders: z.array(OrderSchema), total: z.number().int() })
  .openapi('OrderList');

export const OrderListQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  product: z.string().optional(),
  hospitalId: z.string().uuid().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected YYYY-MM-DD' })
    .optional()
    .openapi({
      description:
        "Calibration date, a calendar day in `zone`, else the caller's zone (their hospital's, else the network's).",
    }),
  zone: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const StatusChangeSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'The version you saw; a stale one gives 409.' }),
    reason: z.string().min(1).max(500).optional(),
  })
  .openapi('StatusChange');

/** The most nuclides one decay request may carry (each brings its whole chain). */
export const MAX_DECAY_NUCLIDES = 20;

export const DecayRequestSchema = z
  .object({
    inventory: z
      .record(z.string().max(40), z.number().nonnegative({ error: 'must be zero or positive' }))
      .refine((inv) => Object.keys(inv).length <= MAX_DECAY_NUCLIDES, {
        error: `at most ${MAX_DECAY_NUCLIDES} nuclides in one request`,
      })
      .openapi({ example: { 'Lu-177': 7.4 } }),
    unit: z.string().default('Bq').openapi({ example: 'GBq' }),
    seconds: z.number().nonnegative().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    points: z
      .number()
      .int()
      .min(2)
      .max(2000)
      .optional()
      .openapi({ description: 'Also return a curve.' }),
  })
  .openapi('DecayRequest');

export const DecayResponseSchema = z
  .object({
    seconds: z.number(),
    members: z.array(
      z.object({
        nuclide: z.string(),
        halfLifeS: z.number().nullable(),
        activityBq: z.number(),
        atoms: z.number(),
      }),
    ),
    curve: z
      .object({ times: z.array(z.number()), activities: z.record(z.string(), z.array(z.number())) })
      .optional(),
  })
  .openapi('DecayResponse');
