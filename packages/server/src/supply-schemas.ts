import { z } from '@hono/zod-openapi';
import { CYCLOTRON_TARGETS, LOT_PROFILES, type LotKind } from '@halflife/nuclear';
import { activity, instant, measurement } from './generator-schemas.js';

/** Cyclotron runs, bulk lots and a site's supply for a day through the API. */

const targets = CYCLOTRON_TARGETS.map((t) => t.id) as [string, ...string[]];
const profiles = LOT_PROFILES.map((p) => p.kind) as [LotKind, ...LotKind[]];
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .openapi({ example: '2026-11-24' });

export const CyclotronRunCreateSchema = z
  .object({
    siteId: z.string().uuid(),
    equipmentId: z.string().uuid().optional().openapi({ description: 'The cyclotron' }),
    target: z.enum(targets).openapi({ description: 'A cyclotron target of @halflife/nuclear' }),
    beamCurrentUA: z
      .number({ error: 'expected a number of µA' })
      .positive({ error: 'must be positive' }),
    startAt: instant.openapi({ description: 'Start of bombardment' }),
    endAt: instant.openapi({ description: 'End of bombardment (EOB)' }),
    measuredActivityBq: measurement(
      'Activity measured at EOB; it replaces the prediction',
    ).optional(),
    label: z.string().max(200).default(''),
  })
  .openapi('CyclotronRunCreate');

export const CyclotronRunQuerySchema = z.object({
  siteId: z.string().uuid().optional(),
  from: instant.optional().openapi({ description: 'EOB at or after' }),
  to: instant.optional().openapi({ description: 'EOB before' }),
});

export const CyclotronRunSchema = z
  .object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    equipmentId: z.string().uuid().nullable(),
    target: z.string(),
    produced: z.string(),
    product: z.string(),
    beamCurrentUA: z.number(),
    startAt: z.string(),
    endAt: z.string(),
    bombardmentMinutes: z.number(),
    saturationFactor: z.number().openapi({ description: '1 − e^(−λt) of the produced nuclide' }),
    predictedEobBq: z.number().openapi({ description: 'Y_sat · I · (1 − e^(−λt))' }),
    measuredActivityBq: z.number().nullable(),
    limits: z.object({ maxBeamCurrentUA: z.number(), maxBombardmentMinutes: z.number() }),
    source: z.string().openapi({ description: 'Where the saturation yield comes from' }),
    label: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('CyclotronRun');

export const LotCreateSchema = z
  .object({
    siteId: z.string().uuid(),
    supplier: z.string().min(1).max(200),
    profile: z.enum(profiles).openapi({
      description: 'The lot profile of @halflife/nuclear: nuclide, carrier status, impurities',
    }),
    activityBq: activity('Main activity at the reference time, Bq'),
    referenceAt: instant,
    volumeMl: z.number().positive().optional(),
    specificActivityBqPerG: z.number().positive().optional(),
    impurities: z.record(z.string(), z.number().nonnegative()).optional().openapi({
      description:
        "Impurity ÷ main activity at the reference time, from the certificate (default: the profile's)",
    }),
    expiresAt: instant.optional().openapi({ description: "The label's expiry" }),
    receivedAt: instant.optional().openapi({ description: 'Default: now' }),
    label: z.string().min(1).max(200),
  })
  .openapi('LotCreate');

export const LotListQuerySchema = z.object({ siteId: z.string().uuid().optional() });

export const LotDetailQuerySchema = z.object({
  from: instant.optional().openapi({ description: 'Curve start (default: the reference time)' }),
  to: instant.optional().openapi({ description: 'Curve end (default: expiry, or 14 d)' }),
  step: z.coerce.number().int().min(60).optional().openapi({
    description: 'Seconds between curve points (default: 100 points)',
  }),
  usableBq: z.coerce.number().positive().optional().openapi({
    description: 'Expiry also when the main activity falls below this',
  }),
  residueFraction: z.coerce.number().min(0).max(1).default(0.01).openapi({
    description: 'Fraction of the lot left as waste now (default 1%, an assumption)',
  }),
  residueMassG: z.coerce.number().positive().optional().openapi({
    description: "The residue's mass, g: adds the clearance-level rule",
  }),
});

const NuclideActivitySchema = z.object({ nuclide: z.string(), activityBq: z.number() });

export const LotSchema = z
  .object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    supplier: z.string(),
    profile: z.string(),
    nuclide: z.string(),
    carrier: z.enum(['carrier-added', 'no-carrier-added']),
    activityBq: z.number(),
    referenceAt: z.string(),
    volumeMl: z.number().nullable(),
    specificActivityBqPerG: z.number().nullable(),
    impurities: z.record(z.string(), z.number()),
    expiresAt: z.string().nullable(),
    receivedAt: z.string(),
    label: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('Lot');

export const LotDetailSchema = LotSchema.extend({
  at: z.string().openapi({ description: 'Now, or the reference time if that is later' }),
  activityNowBq: z.number(),
  draws: z
    .array(z.object({ batchNumber: z.string(), activityBq: z.number(), at: z.string() }))
    .openapi({ description: 'What batch records drew from the lot' }),
  remainingNowBq: z.number().openapi({
    description: 'The lot’s activity at `at` less every draw decayed to `at`: what is left to draw',
  }),
  activities: z.array(NuclideActivitySchema).openapi({ description: 'Every nuclide at `at`' }),
  impurityRatios: z.array(
    z.object({ nuclide: z.string(), atReference: z.number(), now: z.number() }),
  ),
  curve: z.array(
    z.object({
      at: z.string(),
      activityBq: z.number(),
      ratios: z.record(z.string(), z.number()),
    }),
  ),
  expiry: z.object({ at: z.string().nullable(), reason: z.enum(['label', 'activity']).nullable() }),
  licence: z.object({
    held: z.array(NuclideActivitySchema),
    exceeded: z.array(
      z.object({ nuclide: z.string(), activityBq: z.number(), limitBq: z.number().nullable() }),
    ),
  }),
  waste: z.object({
    residueFraction: z.number(),
    longestLived: z.string(),
    halfLivesUntil: z.string(),
    clearanceAt: z.string().nullable(),
    noClearanceLevel: z.array(z.string()),
    storeUntil: z.string(),
  }),
}).openapi('LotDetail');

const ReleaseSchema = z.object({ at: z.string(), activityBq: z.number() });

export const SiteSupplyQuerySchema = z.object({
  date: localDate.optional().openapi({ description: "The site's local date (default: tomorrow)" }),
});

export const SiteSupplySchema = z
  .object({
    siteId: z.string().uuid(),
    date: z.string(),
    timeZone: z.string(),
    horizon: z.object({ start: z.string(), end: z.string() }),
    supply: z
      .array(
        z.object({
          nuclide: z.string(),
          kind: z.enum(['lot', 'generator', 'cyclotron']),
          label: z.string(),
          releases: z.array(ReleaseSchema),
        }),
      )
      .openapi({
        description: "The planner's releases (SupplySpec), as a plan of the date uses them",
      }),
    generators: z.array(
      z.object({
        id: z.string().uuid(),
        label: z.string(),
        type: z.string(),
        nuclide: z.string(),
        intervalMinutes: z.number(),
        efficiency: z.number(),
        efficiencyBasis: z.string(),
        releases: z.array(ReleaseSchema.extend({ recorded: z.boolean() })),
      }),
    ),
    lots: z.array(
      z.object({
        id: z.string().uuid(),
        label: z.string(),
        nuclide: z.string(),
        availableAt: z.string(),
        activityBq: z.number(),
        expiresAt: z.string().nullable(),
      }),
    ),
    cyclotronRuns: z.array(
      z.object({
        id: z.string().uuid(),
        label: z.string(),
        target: z.string(),
        nuclide: z.string(),
        endOfBombardment: z.string(),
        activityBq: z.number(),
        measured: z.boolean(),
      }),
    ),
    boughtAsNeeded: z.array(z.string()).openapi({
      description:
        'Nuclides of the products the site makes with no supply record: bought as needed when planning',
    }),
    notes: z.array(z.string()),
  })
  .openapi('SiteSupply');
