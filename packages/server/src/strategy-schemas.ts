import { z } from '@hono/zod-openapi';
import { isLocalDate } from '@halflife/domain';
import { builtinDataset, resolveNuclide } from '@halflife/nuclear';
import { PRIORITIES } from '@halflife/strategy';

/** Supply strategy through the API (issue 16): the outlook, history import, allocation. */

const localDate = z
  .string()
  .refine(isLocalDate, { error: 'expected a calendar date YYYY-MM-DD' })
  .openapi({ example: '2026-11-30' });
const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

export const MAX_OUTLOOK_WEEKS = 104;

export const OutlookQuerySchema = z.object({
  nuclide: z
    .string()
    .max(40, { error: 'expected a nuclide such as Lu-177 or 镥-177' })
    .transform((name, ctx) => {
      const found = resolveNuclide(builtinDataset(), name);
      if (found.ok) return found.value.name;
      // Written like a nuclide but not one the data knows: the outlook says no product is made of it.
      if (/^[A-Z][a-z]?-\d{1,3}m?$/.test(name)) return name;
      ctx.addIssue({ code: 'custom', message: 'expected a nuclide such as Lu-177 or 镥-177' });
      return z.NEVER;
    })
    .openapi({ example: 'Lu-177' }),
  site: z.string().uuid({ error: 'expected a site id' }).optional(),
  from: localDate
    .optional()
    .openapi({ description: 'First week (its Monday); default the Monday after today' }),
  weeks: whole(1, MAX_OUTLOOK_WEEKS).default(26),
  holdout: whole(1, MAX_OUTLOOK_WEEKS).default(26),
  growthPct: z.coerce
    .number({ error: 'expected a percentage' })
    .min(-100, { error: 'must be at least -100' })
    .max(1000, { error: 'must be at most 1000' })
    .default(0)
    .openapi({ description: 'Yearly growth on top of the forecast, % (scenario)' }),
  extraWeekly: z.coerce
    .number({ error: 'expected doses a week' })
    .min(0, { error: 'must not be negative' })
    .max(100_000, { error: 'must be at most 100000' })
    .default(0)
    .openapi({ description: 'Doses a week added (a hospital joining; scenario)' }),
});

const Band = z.object({
  mean: z.number(),
  lower80: z.number(),
  upper80: z.number(),
  lower95: z.number(),
  upper95: z.number(),
});

const Priority = z.enum(PRIORITIES);

export const OutlookWeekSchema = z.object({
  week: z.string(),
  demand: Band.openapi({
    description: 'All demand, GBq: forecast not yet known + known + scenario',
  }),
  forecast: z.number().openapi({ description: 'The forecast part not yet known, GBq' }),
  known: z.number().openapi({ description: 'Scheduled therapy cycles, GBq (certain)' }),
  knownCycles: z.number(),
  scenario: z.number().openapi({ description: 'Added by the scenario (growth, extra doses), GBq' }),
  supply: z.object({ mean: z.number(), sd: z.number() }),
  probability: z.number().openapi({ description: 'P(demand > supply)' }),
  gap: z.number().openapi({ description: 'Expected shortfall, GBq (negative: surplus)' }),
});

export const AllocationSchema = z.object({
  id: z.string(),
  priority: Priority,
  requested: z.number(),
  allocated: z.number(),
  basis: z.enum(['adjusted', 'full', 'partial', 'none']),
});

const ClaimSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().max(200).optional(),
  priority: Priority,
  quantity: z.number().min(0, { error: 'must not be negative' }).max(1e9),
  arrival: z.number().min(0).max(1e15).default(0),
});

export const OutlookSchema = z
  .object({
    nuclide: z.string(),
    site: z.object({ id: z.string(), name: z.string() }).nullable(),
    from: z.string(),
    weeks: z.number(),
    unit: z.literal('GBq'),
    history: z.object({
      status: z.enum(['ok', 'insufficient']),
      message: z.string(),
      weeks: z.number(),
      first: z.string().nullable(),
      last: z.string().nullable(),
      recordedWeeks: z.number(),
      importedWeeks: z.number(),
      syntheticWeeks: z.number(),
      synthetic: z.boolean(),
      series: z.array(
        z.object({
          week: z.string(),
          gbq: z.number(),
          doses: z.number(),
          source: z.enum(['orders', 'imported', 'synthetic']),
        }),
      ),
    }),
    method: z
      .object({
        season: z.number(),
        seasonal: z.boolean(),
        alpha: z.number(),
        beta: z.number(),
        gamma: z.number(),
        sigma: z.number(),
      })
      .nullable(),
    backTest: z.object({
      status: z.enum(['ok', 'unavailable']),
      message: z.string(),
      holdout: z.number(),
      trainedOn: z.number().nullable(),
      mape: z.number().nullable(),
      smape: z.number().nullable(),
      mase: z.number().nullable(),
      coverage80: z.number().nullable(),
      coverage95: z.number().nullable(),
      zeroWeeks: z.number().nullable(),
    }),
    conversion: z.array(
      z.object({
        productCode: z.string(),
        use: z.string(),
        doseGBq: z.number(),
        nuclideGBqPerDose: z.number(),
        basis: z.string(),
      }),
    ),
    weekly: z.array(OutlookWeekSchema),
    shortfallWeeks: z.number().openapi({ description: 'Weeks with P(shortfall) ≥ 0.5' }),
    supplyItems: z.array(
      z.object({
        siteId: z.string(),
        siteName: z.string(),
        kind: z.enum(['generator', 'lot-contract', 'lot', 'cyclotron']),
        label: z.string(),
        basis: z.string(),
        meanGBqPerWeek: z.number(),
      }),
    ),
    allocation: z
      .object({
        week: z.string(),
        probability: z.number(),
        available: z.number(),
        claims: z.array(ClaimSchema.extend({ arrival: z.number() })),
        allocations: z.array(AllocationSchema),
      })
      .nullable(),
    notes: z.array(z.string()),
    assumptions: z.array(z.string()),
  })
  .openapi('SupplyOutlook');

export const AllocationRequestSchema = z
  .object({
    available: z.number().min(0, { error: 'must not be negative' }).max(1e12),
    claims: z.array(ClaimSchema).max(500, { error: 'at most 500 claims' }),
    adjustments: z
      .array(z.object({ id: z.string().min(1).max(80), quantity: z.number().min(0).max(1e12) }))
      .max(500)
      .default([]),
  })
  .openapi('AllocationRequest');

export const AllocationResultSchema = z
  .object({ available: z.number(), allocations: z.array(AllocationSchema) })
  .openapi('AllocationResult');

export const MAX_HISTORY_CSV = 200_000;

export const HistoryImportSchema = z
  .object({
    csv: z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(MAX_HISTORY_CSV, { error: `at most ${MAX_HISTORY_CSV} characters` })
      .openapi({
        description:
          'CSV with the header week,product,site,doses: one row per Monday, product code, site (id or name) and doses',
        example: 'week,product,site,doses\n2026-11-02,LU177-PSMA617,Hangzhou,42',
      }),
  })
  .openapi('HistoryImport');

export const HistoryImportResultSchema = z
  .object({ rows: z.number(), replaced: z.number(), first: z.string(), last: z.string() })
  .openapi('HistoryImportResult');
