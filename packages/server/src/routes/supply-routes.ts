import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import { errorResponse } from '../http-error.js';
import { createCyclotronRun, listCyclotronRunsFor } from '../services/cyclotron-service.js';
import { createLot, getLotFor, listLotsFor } from '../services/lots-service.js';
import { siteSupplyFor } from '../services/site-supply-service.js';
import {
  CyclotronRunCreateSchema,
  CyclotronRunQuerySchema,
  CyclotronRunSchema,
  LotCreateSchema,
  LotDetailQuerySchema,
  LotDetailSchema,
  LotListQuerySchema,
  LotSchema,
  SiteSupplyQuerySchema,
  SiteSupplySchema,
} from '../supply-schemas.js';
import { IdParam, json, jsonBody, security, supplyErrors } from './route-helpers.js';

const WHO =
  'Planners, radiopharmacists and administrators record; the producer’s staff read; hospitals get 403.';

/** Cyclotron runs, bulk isotope lots and a site's supply for a day (issue 6). */
export function supplyRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cyclotron-runs',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Record a cyclotron run, with its predicted activity at end of bombardment',
      description: `A beam current or a bombardment beyond the target's limits is a 400 naming the field. ${WHO}`,
      security,
      request: { body: jsonBody(CyclotronRunCreateSchema, 'the run') },
      responses: { 201: json(CyclotronRunSchema, 'recorded'), ...supplyErrors('site') },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await createCyclotronRun(deps, caller, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cyclotron-runs',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'Cyclotron runs by end of bombardment',
      security,
      request: { query: CyclotronRunQuerySchema },
      responses: {
        200: json(z.object({ runs: z.array(CyclotronRunSchema) }), 'runs'),
        ...supplyErrors('site'),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await listCyclotronRunsFor(deps, caller, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/lots',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Record a bulk isotope lot received at a site',
      description: WHO,
      security,
      request: { body: jsonBody(LotCreateSchema, 'the lot') },
      responses: { 201: json(LotSchema, 'recorded'), ...supplyErrors('site') },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await createLot(deps, caller, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/lots',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'Bulk lots by reference time',
      security,
      request: { query: LotListQuerySchema },
      responses: {
        200: json(z.object({ lots: z.array(LotSchema) }), 'lots'),
        ...supplyErrors('site'),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await listLotsFor(deps, caller, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/lots/{id}',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'A lot: decay curve, impurity ratios, expiry, licence and waste impact',
      security,
      request: { params: IdParam, query: LotDetailQuerySchema },
      responses: { 200: json(LotDetailSchema, 'the lot'), ...supplyErrors('lot') },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await getLotFor(deps, caller, c.req.valid('param').id, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sites/{id}/supply',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: "A site's supply for a local day, as the planner's releases",
      description:
        'Generators eluted on their regular schedule from opening (recorded elutions of the day as measured), lots at the start of the day or on arrival, cyclotron runs at EOB. The same computation as a plan of that date.',
      security,
      request: { params: IdParam, query: SiteSupplyQuerySchema },
      responses: { 200: json(SiteSupplySchema, "the day's supply"), ...supplyErrors('site') },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await siteSupplyFor(
        deps,
        caller,
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
