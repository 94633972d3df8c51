/**
 * Validation of a network-design scenario: the shape (zod 4) with ranges and size limits, then the
 * rules that need the whole scenario (unique ids, references, canonical nuclide names). Every
 * error names its field: "hospitals[3].demand.F18-FDG: expected a number ≥ 0, got -2".
 */
import { builtinDataset, resolveNuclide } from '@halflife/nuclear';
import { formatIssue, MAX_ERRORS, withCap } from '@halflife/planner';
import { z } from 'zod';
import { DESIGN_FORMAT, DESIGN_LIMITS, type DesignScenario } from './design-scenario.js';

const id = () => z.string().min(1).max(120);
const name = () => z.string().max(200);
const money = () => z.number().nonnegative().max(1e12);
const latitude = () => z.number().min(-90).max(90);
const longitude = () => z.number().min(-180).max(180);

/** One technology; also checks the catalogue in data/technologies.json as it loads. */
export const technologySchema = z.strictObject({
  id: id(),
  name: name(),
  products: z.array(id()).min(1).max(DESIGN_LIMITS.products),
  capacityGbqPerWeek: z.record(id(), z.number().positive().max(1e7)),
  newUnitCostPerYear: money(),
  existingUnitCostPerYear: money(),
  maxUnitsPerSite: z.number().int().min(1).max(20),
  source: z.string().max(2000).optional(),
});

const product = z.strictObject({
  id: id(),
  name: name(),
  nuclide: id(),
  use: z.enum(['therapy', 'diagnostic']),
  doseBq: z.number().positive().max(1e12),
  qcMinutes: z.number().nonnegative().max(10_080),
  prepMarginMinutes: z.number().nonnegative().max(1_440),
  shelfLifeMinutes: z.number().positive().max(100_000),
  radiochemicalYield: z.number().positive().max(1),
  costPerGbq: money(),
  deliveriesPerWeek: z.number().positive().max(50),
  unservedPenaltyPerDose: money(),
});

const site = z.strictObject({
  id: id(),
  name: name(),
  city: name().optional(),
  latitude: latitude(),
  longitude: longitude(),
  airHub: z.boolean(),
  hospital: id().optional(),
  existing: z.record(id(), z.number().int().min(0).max(20)).optional(),
  allowed: z.array(id()).max(DESIGN_LIMITS.technologies),
  costFactor: z.number().positive().max(100).optional(),
  closed: z.boolean().optional(),
});

const hospital = z.strictObject({
  id: id(),
  name: name(),
  city: name().optional(),
  latitude: latitude(),
  longitude: longitude(),
  demand: z.record(id(), z.number().nonnegative().max(DESIGN_LIMITS.dosesPerWeek)),
});

export const designScenarioSchema = z.strictObject({
  format: z.literal(DESIGN_FORMAT),
  name: z.string().min(1).max(200),
  description: z.string().max(4000).optional(),
  objective: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('cost') }),
    z.strictObject({ kind: z.literal('coverage'), budgetPerYear: money() }),
  ]),
  technologies: z.array(technologySchema).min(1).max(DESIGN_LIMITS.technologies),
  products: z.array(product).min(1).max(DESIGN_LIMITS.products),
  sites: z.array(site).min(1).max(DESIGN_LIMITS.sites),
  hospitals: z.array(hospital).min(1).max(DESIGN_LIMITS.hospitals),
  lanes: z
    .array(
      z.strictObject({
        site: id(),
        hospital: id(),
        mode: z.enum(['road', 'air']),
        minutes: z.number().positive().max(10_080),
        cost: money(),
      }),
    )
    .max(DESIGN_LIMITS.lanes)
    .optional(),
  supplyLimits: z
    .array(
      z.strictObject({
        nuclide: id(),
        technologies: z.array(id()).max(DESIGN_LIMITS.technologies).optional(),
        maxGbqPerWeek: z.number().nonnegative().max(1e7),
        source: z.string().max(2000).optional(),
      }),
    )
    .max(DESIGN_LIMITS.supplyLimits)
    .optional(),
  newUnitLimits: z
    .array(z.strictObject({ technology: id(), max: z.number().int().min(0).max(10_000) }))
    .max(DESIGN_LIMITS.technologies)
    .optional(),
  mayCloseExisting: z.boolean().optional(),
  settings: z
    .strictObject({
      relativeGap: z.number().min(0).max(0.5).optional(),
      timeLimitSeconds: z.number().positive().max(DESIGN_LIMITS.timeLimitSeconds).optional(),
      optionsPerDemand: z.number().int().min(1).max(DESIGN_LIMITS.optionsPerDemand).optional(),
      reachHours: z.number().positive().max(240).optional(),
    })
    .optional(),
  sources: z.array(z.string().max(2000)).max(100).optional(),
});

export type ParseDesignResult =
  | { readonly ok: true; readonly value: DesignScenario }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Validates a parsed JSON value as a design scenario. */
export function parseDesignScenario(input: unknown): ParseDesignResult {
  const shape = designScenarioSchema.safeParse(input, { reportInput: true });
  if (!shape.success) {
    return { ok: false, errors: withCap(shape.error.issues.map(formatIssue), MAX_ERRORS) };
  }
  const scenario = shape.data as DesignScenario;
  const errors = referenceErrors(scenario);
  return errors.length > 0
    ? { ok: false, errors: withCap(errors, MAX_ERRORS) }
    : { ok: true, value: scenario };
}

function referenceErrors(s: DesignScenario): string[] {
  const errors: string[] = [];
  const data = builtinDataset();
  const unique = (kind: string, ids: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((value, i) => {
      if (seen.has(value)) errors.push(`${kind}[${i}].id: duplicate id '${value}'`);
      seen.add(value);
    });
    return seen;
  };
  const technologies = unique(
    'technologies',
    s.technologies.map((t) => t.id),
  );
  const products = unique(
    'products',
    s.products.map((p) => p.id),
  );
  const hospitalIds = unique(
    'hospitals',
    s.hospitals.map((h) => h.id),
  );
  const siteIds = unique(
    'sites',
    s.sites.map((site) => site.id),
  );
  const hospitals = hospitalIds;
  (s.lanes ?? []).forEach((lane, i) => {
    if (!siteIds.has(lane.site)) errors.push(`lanes[${i}].site: unknown site '${lane.site}'`);
    if (!hospitals.has(lane.hospital))
      errors.push(`lanes[${i}].hospital: unknown hospital '${lane.hospital}'`);
  });
  const nuclides = new Set<string>();
  s.products.forEach((p, i) => {
    const found = resolveNuclide(data, p.nuclide);
    if (!found.ok) errors.push(`products[${i}].nuclide: ${found.error.message}`);
    else if (found.value.name !== p.nuclide)
      errors.push(
        `products[${i}].nuclide: expected the canonical name '${found.value.name}', got '${p.nuclide}'`,
      );
    nuclides.add(p.nuclide);
  });
  const nuclideOf = new Map(s.products.map((p) => [p.id, p.nuclide]));
  s.technologies.forEach((t, i) => {
    t.products.forEach((p, j) => {
      if (!products.has(p))
        errors.push(`technologies[${i}].products[${j}]: unknown product '${p}'`);
      else if (!(nuclideOf.get(p)! in t.capacityGbqPerWeek))
        errors.push(
          `technologies[${i}].capacityGbqPerWeek: no capacity for ${nuclideOf.get(p)!}, which ${p} needs`,
        );
    });
  });
  const techPath = (path: string, value: string): void => {
    if (!technologies.has(value)) errors.push(`${path}: unknown technology '${value}'`);
  };
  s.sites.forEach((site, i) => {
    site.allowed.forEach((t, j) => techPath(`sites[${i}].allowed[${j}]`, t));
    Object.keys(site.existing ?? {}).forEach((t) => techPath(`sites[${i}].existing.${t}`, t));
    if (site.hospital !== undefined && !hospitals.has(site.hospital))
      errors.push(`sites[${i}].hospital: unknown hospital '${site.hospital}'`);
  });
  s.hospitals.forEach((h, i) => {
    Object.keys(h.demand).forEach((p) => {
      if (!products.has(p)) errors.push(`hospitals[${i}].demand.${p}: unknown product '${p}'`);
    });
  });
  (s.supplyLimits ?? []).forEach((limit, i) => {
    if (!nuclides.has(limit.nuclide))
      errors.push(`supplyLimits[${i}].nuclide: no product uses '${limit.nuclide}'`);
    limit.technologies?.forEach((t, j) => techPath(`supplyLimits[${i}].technologies[${j}]`, t));
  });
  (s.newUnitLimits ?? []).forEach((limit, i) =>
    techPath(`newUnitLimits[${i}].technology`, limit.technology),
  );
  return errors;
}
