/**
 * The validating schema of a planning instance (zod 4): the shape of `PlanningInstance` with the
 * field rules that JSON Schema can say (types, signs, ranges, the instant pattern). `parseInstance`
 * adds the rules that need the whole instance (ids, references, intervals, nuclide names; see
 * instance-references.ts). `planning-instance.schema.json` is generated from this schema by
 * scripts/build-schema.ts.
 */
import { isTimeZone } from '@halflife/domain';
import { parseInstant } from '@halflife/nuclear';
import { z } from 'zod';
import { INSTANCE_FORMAT, type PlanningInstance } from './instance.js';
import { formatIssue, MAX_ERRORS, withCap } from './instance-issues.js';
import { instanceReferenceErrors } from './instance-references.js';

/** ISO 8601 with a UTC offset or Z, seconds optional: `2026-11-24T06:00:00+08:00`. */
export const INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const INSTANT_MESSAGE =
  'expected an ISO 8601 instant with an offset, e.g. 2026-11-24T06:00:00+08:00';

const id = () => z.string().min(1);
const positive = () => z.number().positive();
const nonNegative = () => z.number().nonnegative();
const instant = () =>
  z
    .string()
    .regex(INSTANT_PATTERN, { error: INSTANT_MESSAGE })
    .refine((text) => !INSTANT_PATTERN.test(text) || parseInstant(text).ok, {
      error: 'expected a real date and time',
    });

const interval = z.strictObject({ start: instant(), end: instant() });

const licence = z.strictObject({
  nuclide: id().describe("Canonical nuclide name, e.g. 'F-18'."),
  maxActivityBq: positive(),
});

const product = z.strictObject({
  id: id(),
  name: z.string(),
  nuclide: id().describe("Canonical name of the dosed nuclide, e.g. 'Ga-68'."),
  synthesisMinutes: positive(),
  qcMinutes: nonNegative(),
  radiochemicalYield: positive().max(1).describe('EOS activity ÷ starting activity, (0, 1].'),
  maxBatchBq: positive().describe('Largest activity of one batch at EOS.'),
  shelfLifeMinutes: positive().describe('Calibration no later than EOS + shelf life.'),
  tolerancePct: positive().max(100),
  costPerBatch: nonNegative(),
  costPerGbq: nonNegative().describe('Cost per GBq of starting activity.'),
  transportIndexPerGbq: z
    .record(z.string(), nonNegative())
    .describe('TI per GBq of each chain member in a shielded dose package.'),
});

const line = z.strictObject({ id: id(), name: z.string(), products: z.array(id()).readonly() });

const supply = z.strictObject({
  nuclide: id(),
  kind: z.enum(['lot', 'generator', 'cyclotron']),
  label: z.string(),
  releases: z.array(z.strictObject({ at: instant(), activityBq: positive() })).readonly(),
});

const latitude = () => z.number().min(-90).max(90);
const longitude = () => z.number().min(-180).max(180);

const site = z.strictObject({
  id: id(),
  name: z.string(),
  latitude: latitude().optional(),
  longitude: longitude().optional(),
  open: z
    .array(interval)
    .readonly()
    .describe('Batches run and are released only inside these intervals.'),
  lines: z.array(line).readonly(),
  supply: z.array(supply).readonly().describe('No entry for a nuclide: bought as needed.'),
  licences: z
    .array(licence)
    .readonly()
    .describe('No entry for a nuclide: the site may not hold it.'),
});

const hospital = z.strictObject({
  id: id(),
  name: z.string(),
  city: z.string().optional(),
  latitude: latitude().optional(),
  longitude: longitude().optional(),
  receiving: z.array(interval).readonly(),
  licences: z.array(licence).readonly(),
});

const lane = z.strictObject({
  id: id(),
  site: id(),
  hospital: id(),
  mode: z.enum(['road', 'air']),
  durationMinutes: positive().describe('Door to door, site to hospital.'),
  cost: nonNegative(),
  departures: z
    .array(instant())
    .readonly()
    .nullable()
    .describe('Scheduled departures; null when a vehicle leaves whenever it is loaded.'),
  vehicleCapacity: z.number().int().min(1),
  maxTransportIndex: positive(),
});

const order = z.strictObject({
  id: id(),
  hospital: id(),
  product: id(),
  activityBq: positive().describe('Activity wanted at the calibration time.'),
  tolerancePct: positive().max(100).optional(),
  calibrationAt: instant(),
  prepMarginMinutes: nonNegative(),
  earliestArrivalAt: instant().optional(),
  priority: positive().describe('1 routine, larger more important (e.g. 10 urgent).'),
});

const fixedBatch = z.strictObject({
  id: id(),
  site: id(),
  line: id(),
  product: id(),
  startAt: instant(),
  eosActivityBq: positive(),
});

const departedShipment = z.strictObject({
  id: id(),
  lane: id(),
  departAt: instant(),
  arriveAt: instant(),
  doses: z
    .array(
      z.strictObject({
        order: id(),
        batch: id().describe("One of the instance's fixed batches."),
        eosActivityBq: positive(),
      }),
    )
    .readonly(),
});

const outage = z.strictObject({
  site: id(),
  line: id(),
  from: instant(),
  to: instant().optional(),
  reason: z.string(),
});

export const planningInstanceSchema = z
  .strictObject({
    format: z.literal(INSTANCE_FORMAT),
    name: z.string(),
    timeZone: z
      .string()
      .refine((zone) => isTimeZone(zone), {
        message: 'expected an IANA time zone, e.g. Asia/Shanghai',
      })
      .optional(),
    horizon: interval,
    products: z.array(product).readonly(),
    sites: z.array(site).readonly(),
    hospitals: z.array(hospital).readonly(),
    lanes: z.array(lane).readonly(),
    orders: z.array(order).readonly(),
    fixedBatches: z.array(fixedBatch).readonly().optional(),
    replanFrom: instant().optional(),
    departedShipments: z.array(departedShipment).readonly().optional(),
    outages: z.array(outage).readonly().optional(),
    settings: z.strictObject({ batchStepMinutes: positive().optional() }).optional(),
    sources: z.array(z.string()).readonly().optional(),
  })
  .meta({
    title: 'Halflife planning instance',
    description:
      'One planning horizon of a radiopharmaceutical network (docs/planning-instance.md). ' +
      'Activities in Bq, durations in minutes, instants ISO 8601 with an offset.',
  });

/** What the schema accepts, as a type. */
export type ParsedInstance = z.output<typeof planningInstanceSchema>;

type DeepWritable<T> = T extends readonly (infer E)[]
  ? DeepWritable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepWritable<T[K]> }
    : T;
type Assert<T extends true> = T;
/** Compile-time check that the schema and `PlanningInstance` describe the same thing, both ways. */
export type SchemaMirrorsInstance = Assert<
  ParsedInstance extends PlanningInstance
    ? DeepWritable<PlanningInstance> extends ParsedInstance
      ? true
      : false
    : false
>;

export type ParseInstanceResult =
  { ok: true; value: PlanningInstance } | { ok: false; errors: string[] };

/**
 * Validates untrusted JSON as a planning instance: first the shape (every field, with a path in
 * each error: "orders[3].activityBq: expected a positive number, got -5"), then, when the shape
 * holds, the references and rules across fields. All errors are collected, up to MAX_ERRORS.
 */
export function parseInstance(json: unknown): ParseInstanceResult {
  const parsed = planningInstanceSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: withCap(parsed.error.issues.map(formatIssue), MAX_ERRORS) };
  }
  const value: PlanningInstance = parsed.data;
  const errors = instanceReferenceErrors(value);
  return errors.length === 0
    ? { ok: true, value }
    : { ok: false, errors: withCap(errors, MAX_ERRORS) };
}
