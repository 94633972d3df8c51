import { listPlaces, listProducts } from '@halflife/db';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import { errorResponse } from '../http-error.js';
import {
  CreatedSchema,
  HospitalCreateSchema,
  LaneCreateSchema,
  ProductCreateSchema,
  SiteCreateSchema,
} from '../network-schemas.js';
import { ORDER_LIMITS } from '../schemas.js';
import {
  createHospital,
  createLane,
  createProduct,
  createSite,
} from '../services/network-service.js';
import { errorResponses, jsonBody } from './route-helpers.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

const ProductSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nuclide: z.string(),
    ligand: z.string(),
    target: z.string(),
    use: z.string(),
    tolerancePct: z.number(),
    shelfLifeMinutes: z.number(),
    doseBq: z.number().nullable(),
    doseBqPerKg: z.number().nullable(),
    minDoseBq: z.number().openapi({ description: 'the least one patient may be ordered' }),
    maxDoseBq: z.number().openapi({ description: 'the most one patient may be ordered' }),
    source: z.string(),
  })
  .openapi('Product');
const OrderLimitsSchema = z
  .object({
    patientWeightKg: z.object({ min: z.number(), max: z.number() }),
  })
  .openapi('OrderLimits', {
    description: 'The limits every order is held to, as the API checks them.',
  });
const PlaceSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    city: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    timeZone: z.string(),
  })
  .openapi('Place');

/** The network as the caller may see it: products for everyone, sites and all hospitals for the producer. */
export function networkRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/products',
      ...guard('products.read'),
      tags: ['network'],
      summary: 'Products that can be ordered',
      security,
      responses: {
        200: json(
          z.object({ products: z.array(ProductSchema), limits: OrderLimitsSchema }),
          'products, and the limits every order is held to',
        ),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const rows = await listProducts(deps.db);
      return c.json(
        {
          products: rows.map((p) => ({
            code: p.code,
            name: p.name,
            nuclide: p.nuclide,
            ligand: p.ligand,
            target: p.target,
            use: p.use,
            tolerancePct: p.tolerance_pct,
            shelfLifeMinutes: p.shelf_life_minutes,
            doseBq: p.dose_bq,
            doseBqPerKg: p.dose_bq_per_kg,
            minDoseBq: p.min_dose_bq,
            maxDoseBq: p.max_dose_bq,
            source: p.source,
          })),
          limits: ORDER_LIMITS,
        },
        200,
      );
    },
  );

  for (const table of ['sites', 'hospitals'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/${table}`,
        ...guard(table === 'sites' ? 'sites.read' : 'hospitals.read'),
        tags: ['network'],
        summary:
          table === 'sites'
            ? 'Production sites (producer staff)'
            : 'Hospitals: all for producer staff, your own for a hospital',
        security,
        responses: {
          200: json(z.object({ [table]: z.array(PlaceSchema) }), table),
          ...errorResponses(),
        },
      }),
      async (c) => {
        // The policy lets hospitals see only their own organisation's hospital.
        const own = c.var.scope === 'organisation' ? c.var.who.organisationId : undefined;
        const rows = await listPlaces(deps.db, table, own);
        return c.json(
          { [table]: rows.map(({ time_zone, ...r }) => ({ ...r, timeZone: time_zone })) },
          200,
        );
      },
    );
  }

  const creators = [
    ['sites', SiteCreateSchema, createSite, 'a production site with its licences and products'],
    [
      'hospitals',
      HospitalCreateSchema,
      createHospital,
      'a hospital (and its organisation) with its licences',
    ],
    [
      'products',
      ProductCreateSchema,
      createProduct,
      'a product: ligand, nuclide, production figures, dose',
    ],
    ['lanes', LaneCreateSchema, createLane, 'a lane from a site to a hospital'],
  ] as const;
  for (const [path, schema, create, what] of creators) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/${path}`,
        ...guard('network.edit'),
        tags: ['network'],
        summary: `Add ${what} (administrators)`,
        security,
        request: { body: jsonBody(schema, what) },
        responses: {
          201: json(CreatedSchema, 'created; recorded in the audit trail'),
          ...errorResponses('no such record', 'exists already'),
        },
      }),
      async (c) => {
        const caller = c.var.who;
        // Each body was validated by its own schema; the create function takes exactly that shape.
        const result = await (
          create as (d: AppDeps, cl: typeof caller, i: unknown) => ReturnType<typeof createSite>
        )(deps, caller, c.req.valid('json'));
        if (!result.ok) return errorResponse(c, result.error);
        return c.json(result.value, 201);
      },
    );
  }
}
