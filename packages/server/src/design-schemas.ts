import { z } from '@hono/zod-openapi';
import { DESIGN_FORMAT } from '@halflife/strategy';

/**
 * Network design (issue 16): scenarios in, solved designs out. The scenario's full rules are the
 * pure package's (parseDesignScenario, docs/network-design.md); the API checks them in the service
 * and answers every error with the field's path.
 */

/** A number the solver may leave unknown (no bound yet): null in JSON. */
const maybe = () => z.number().nullable();

const ScenarioSite = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string().optional(),
  latitude: z.number(),
  longitude: z.number(),
  airHub: z.boolean(),
  hospital: z.string().optional(),
  existing: z.record(z.string(), z.number()).optional(),
  allowed: z.array(z.string()),
  costFactor: z.number().optional(),
  closed: z.boolean().optional(),
});

const ScenarioHospital = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string().optional(),
  latitude: z.number(),
  longitude: z.number(),
  demand: z.record(z.string(), z.number()),
});

/** The scenario as the API takes and gives it; unknown fields are refused by the service. */
export const DesignScenarioSchema = z
  .object({
    format: z.literal(DESIGN_FORMAT),
    name: z.string(),
    description: z.string().optional(),
    objective: z.object({
      kind: z.enum(['cost', 'coverage']),
      budgetPerYear: z.number().optional(),
    }),
    technologies: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        products: z.array(z.string()),
        capacityGbqPerWeek: z.record(z.string(), z.number()),
        newUnitCostPerYear: z.number(),
        existingUnitCostPerYear: z.number(),
        maxUnitsPerSite: z.number(),
        source: z.string().optional(),
      }),
    ),
    products: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nuclide: z.string(),
        use: z.enum(['therapy', 'diagnostic']),
        doseBq: z.number(),
        qcMinutes: z.number(),
        prepMarginMinutes: z.number(),
        shelfLifeMinutes: z.number(),
        radiochemicalYield: z.number(),
        costPerGbq: z.number(),
        deliveriesPerWeek: z.number(),
        unservedPenaltyPerDose: z.number(),
      }),
    ),
    sites: z.array(ScenarioSite),
    hospitals: z.array(ScenarioHospital),
    lanes: z
      .array(
        z.object({
          site: z.string(),
          hospital: z.string(),
          mode: z.enum(['road', 'air']),
          minutes: z.number(),
          cost: z.number(),
        }),
      )
      .optional(),
    supplyLimits: z
      .array(
        z.object({
          nuclide: z.string(),
          technologies: z.array(z.string()).optional(),
          maxGbqPerWeek: z.number(),
          source: z.string().optional(),
        }),
      )
      .optional(),
    newUnitLimits: z.array(z.object({ technology: z.string(), max: z.number() })).optional(),
    mayCloseExisting: z.boolean().optional(),
    settings: z
      .object({
        relativeGap: z.number().optional(),
        timeLimitSeconds: z.number().optional(),
        optionsPerDemand: z.number().optional(),
        reachHours: z.number().optional(),
      })
      .optional(),
    sources: z.array(z.string()).optional(),
  })
  .openapi('DesignScenario', {
    description: 'A network-design scenario (halflife-design-scenario/1, docs/network-design.md).',
  });

export const DesignProgressSchema = z
  .object({
    phase: z.enum(['queued', 'solving', 'done', 'failed']),
    message: z.string(),
    incumbent: z.number().optional(),
    bound: z.number().optional(),
    gap: z.number().optional(),
  })
  .openapi('DesignProgress');

export const DesignRunSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    hospitals: z.number(),
    sites: z.number(),
    progress: DesignProgressSchema,
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('DesignRunSummary');

export const DesignResultSchema = z
  .object({
    scenario: z.string(),
    objective: z.enum(['cost', 'coverage']),
    status: z.enum(['optimal', 'gap-reached', 'time-limit', 'infeasible', 'failed']),
    objectiveValue: maybe(),
    bound: maybe(),
    gap: maybe().openapi({
      description: 'Proven: the plan is at most this far above the optimum.',
    }),
    seconds: z.number(),
    model: z.object({ columns: z.number(), integers: z.number(), rows: z.number() }),
    reachHours: z.number(),
    costs: z.object({
      unitsPerYear: z.number(),
      isotopePerYear: z.number(),
      transportPerYear: z.number(),
      totalPerYear: z.number(),
      unservedPerYear: z.number(),
    }),
    facilities: z.array(
      z.object({
        site: z.string(),
        siteName: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        technology: z.string(),
        units: z.number(),
        existingUnits: z.number(),
        newUnits: z.number(),
        utilisation: z.record(z.string(), maybe()),
      }),
    ),
    assignments: z.array(
      z.object({
        hospital: z.string(),
        product: z.string(),
        site: z.string(),
        technology: z.string(),
        share: z.number(),
        dosesPerWeek: z.number(),
        mode: z.enum(['on-site', 'road', 'air']),
        transportMinutes: z.number(),
        startGbqPerDose: z.number(),
      }),
    ),
    unserved: z.array(
      z.object({
        hospital: z.string(),
        product: z.string(),
        dosesPerWeek: z.number(),
        reason: z.enum(['no-site', 'out-of-reach', 'supply', 'capacity', 'budget', 'cost']),
        detail: z.string(),
      }),
    ),
    products: z.array(
      z.object({
        product: z.string(),
        demandPerWeek: z.number(),
        servedPerWeek: z.number(),
        reachedWithinHoursShare: z.number(),
        isotopeGbqPerDose: z.number(),
      }),
    ),
  })
  .openapi('DesignResult');

export const DesignRunSchema = DesignRunSummarySchema.extend({
  scenario: DesignScenarioSchema,
  result: DesignResultSchema.nullable(),
}).openapi('DesignRun');

export const DesignRunListSchema = z
  .object({ scenarios: z.array(DesignRunSummarySchema) })
  .openapi('DesignRunList');

export const DesignTemplateListSchema = z
  .object({
    templates: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        description: z.string(),
        hospitals: z.number(),
        sites: z.number(),
      }),
    ),
  })
  .openapi('DesignTemplateList');

export const TemplateKeyParam = z.object({
  key: z
    .string()
    .max(60)
    .openapi({ param: { name: 'key', in: 'path' } }),
});
