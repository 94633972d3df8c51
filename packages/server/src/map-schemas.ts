import { z } from '@hono/zod-openapi';

/** The network map: one schema each for validation, types and the OpenAPI document. */

export const NetworkMapQuerySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
    .openapi({
      example: '2026-11-24',
      description: "The local date whose reach to show, in the network's zone",
    }),
});

const hhmm = z
  .string()
  .openapi({ example: '09:00', description: "Local to the hospital, 'HH:MM'" });

export const ProductReachSchema = z
  .object({
    productCode: z.string(),
    productName: z.string(),
    servable: z.boolean().openapi({
      description: 'At least one full hour of the receiving hours can be served in time',
    }),
    earliest: hhmm.nullable(),
    latest: hhmm.nullable(),
    hoursChecked: z.number().int(),
    hoursServable: z.number().int(),
    sites: z.array(z.string()).openapi({ description: 'Sites that could make it, by name' }),
    reason: z.string().nullable().openapi({
      description: "The planner's reason when no hour can be served",
    }),
  })
  .openapi('ProductReach');

const place = {
  id: z.string().uuid(),
  name: z.string(),
  city: z.string(),
  latitude: z.number(),
  longitude: z.number(),
};

export const NetworkMapSchema = z
  .object({
    date: z.string(),
    timeZone: z.string().nullable().openapi({ description: "The network's zone (its sites')" }),
    assumptions: z.array(z.string()),
    sites: z.array(
      z
        .object({ ...place, products: z.array(z.string()).openapi({ description: 'Codes' }) })
        .openapi('MapSite'),
    ),
    hospitals: z.array(
      z.object({ ...place, reach: z.array(ProductReachSchema) }).openapi('MapHospital'),
    ),
    lanes: z.array(
      z
        .object({
          siteId: z.string().uuid(),
          hospitalId: z.string().uuid(),
          mode: z.enum(['road', 'air']),
          durationMinutes: z.number(),
          estimated: z.boolean(),
        })
        .openapi('MapLane'),
    ),
  })
  .openapi('NetworkMap');
