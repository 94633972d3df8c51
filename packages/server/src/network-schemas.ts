import { z } from '@hono/zod-openapi';

/** Admin input for the network model; one schema each for validation and the OpenAPI document. */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected HH:MM' });
export const HoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .openapi({ description: 'ISO weekdays, 1 = Monday' }),
    open: hhmm,
    close: hhmm,
  })
  .openapi('Hours');
const LicenceSchema = z.object({
  nuclide: z.string().min(1),
  maxActivityBq: z.number().positive(),
});
const place = {
  name: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  address: z.string().max(300).default(''),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  timeZone: z.string().min(1).openapi({ example: 'Asia/Shanghai' }),
  licences: z.array(LicenceSchema).default([]),
};

export const SiteCreateSchema = z
  .object({
    ...place,
    openingHours: z.array(HoursSchema).default([]),
    productCodes: z.array(z.string()).default([]),
  })
  .openapi('SiteCreate');

export const HospitalCreateSchema = z
  .object({ ...place, receivingHours: z.array(HoursSchema).default([]) })
  .openapi('HospitalCreate');

export const ProductCreateSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { error: 'upper-case letters, digits and -' }),
    name: z.string().min(1),
    ligand: z.string().min(1),
    nuclide: z.string().min(1).openapi({ example: 'Lu-177' }),
    target: z.string().min(1),
    use: z.enum(['diagnostic', 'therapeutic']),
    route: z.string().min(1),
    synthesisMinutes: z.number().nonnegative(),
    qcMinutes: z.number().nonnegative(),
    radiochemicalYield: z.number().positive().max(1),
    maxBatchBq: z.number().positive(),
    shelfLifeMinutes: z.number().positive(),
    tolerancePct: z.number().min(0).max(100),
    costPerBatch: z.number().nonnegative(),
    costPerGbq: z.number().nonnegative(),
    doseBq: z.number().positive().nullable().default(null),
    doseBqPerKg: z.number().positive().nullable().default(null),
    minDoseBq: z.number().positive().max(1e18).openapi({
      description: 'The least activity one patient may be ordered; lower orders are refused.',
    }),
    maxDoseBq: z.number().positive().max(1e18).openapi({
      description: 'The most activity one patient may be ordered; higher orders are refused.',
    }),
    source: z
      .string()
      .min(1)
      .openapi({ description: 'Where the figures come from; say "assumption" where they are.' }),
  })
  .openapi('ProductCreate');

export const LaneCreateSchema = z
  .object({
    siteId: z.string().uuid(),
    hospitalId: z.string().uuid(),
    mode: z.enum(['road', 'air']),
    durationMinutes: z.number().positive(),
    cost: z.number().nonnegative(),
    departures: z.array(hhmm).nullable().default(null),
    estimated: z.boolean().default(false),
    note: z.string().max(300).default(''),
  })
  .openapi('LaneCreate');

export const CreatedSchema = z.object({ id: z.string().uuid() }).openapi('Created');
