import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import {
  ElutionAmendSchema,
  ElutionCreateSchema,
  ElutionParams,
  ElutionRecordedSchema,
  GeneratorCreateSchema,
  GeneratorDetailSchema,
  GeneratorListQuerySchema,
  GeneratorSchema,
  IntervalQuerySchema,
  OptimalIntervalSchema,
  RetireSchema,
  YieldQuerySchema,
  YieldSchema,
} from '../generator-schemas.js';
import { errorResponse } from '../http-error.js';
import { amendElutionFor } from '../services/elution-amend-service.js';
import { generatorYield, optimalInterval } from '../services/generator-curves-service.js';
import {
  createGenerator,
  getGeneratorFor,
  listGeneratorsFor,
  recordElution,
  retireGeneratorFor,
} from '../services/generators-service.js';
import { z } from '@hono/zod-openapi';
import { IdParam, json, jsonBody, security, supplyErrors } from './route-helpers.js';

const errors = supplyErrors('generator');
const WHO =
  'Planners, radiopharmacists and administrators record; the producer’s staff read; hospitals get 403.';

/** Generators, their elutions and what the model predicts from them (issue 6). */
export function generatorRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/generators',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Record a generator at a site',
      description: WHO,
      security,
      request: { body: jsonBody(GeneratorCreateSchema, 'the generator') },
      responses: { 201: json(GeneratorDetailSchema, 'recorded'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await createGenerator(deps, caller, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/generators',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'Generators in service (or all), by site',
      security,
      request: { query: GeneratorListQuerySchema },
      responses: {
        200: json(z.object({ generators: z.array(GeneratorSchema) }), 'generators'),
        ...errors,
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await listGeneratorsFor(deps, caller, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/generators/{id}',
      ...guard('supply.read'),
      tags: ['supply'],
      summary:
        'A generator: its elutions, the efficiency they give and the eluate of an elution now',
      security,
      request: { params: IdParam },
      responses: { 200: json(GeneratorDetailSchema, 'the generator'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await getGeneratorFor(deps, caller, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/generators/{id}/elutions',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Record an elution: the efficiency is estimated again from the records',
      description: `Elutions are recorded in time order: one before the previous elution or before calibration is a 400 naming \`at\`. ${WHO}`,
      security,
      request: { params: IdParam, body: jsonBody(ElutionCreateSchema, 'the elution') },
      responses: { 201: json(ElutionRecordedSchema, 'recorded'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await recordElution(
        deps,
        caller,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/generators/{id}/elutions/{elutionId}/amend',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Correct a wrong elution record, or void it, with a reason',
      description: `A correction is held to the same checks as a new record; the old values and the reason stay in the audit trail. ${WHO}`,
      security,
      request: { params: ElutionParams, body: jsonBody(ElutionAmendSchema, 'what and why') },
      responses: { 200: json(GeneratorDetailSchema, 'the generator as now recorded'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const { id, elutionId } = c.req.valid('param');
      const result = await amendElutionFor(
        deps,
        caller,
        { generatorId: id, elutionId },
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/generators/{id}/retire',
      ...guard('supply.record'),
      tags: ['supply'],
      summary: 'Retire a generator: it gives no supply from now on',
      security,
      request: { params: IdParam, body: jsonBody(RetireSchema, 'why') },
      responses: { 200: json(GeneratorSchema, 'retired'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const { id } = c.req.valid('param');
      const result = await retireGeneratorFor(deps, caller, id, c.req.valid('json').reason);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/generators/{id}/yield',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'The eluate an elution would give over a window, given the history (yield curve)',
      security,
      request: { params: IdParam, query: YieldQuerySchema },
      responses: { 200: json(YieldSchema, 'the curve, elutions marked'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await generatorYield(
        deps,
        caller,
        c.req.valid('param').id,
        c.req.valid('query'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/generators/{id}/optimal-interval',
      ...guard('supply.read'),
      tags: ['supply'],
      summary: 'The regular elution interval that maximises the daily yield',
      description:
        'See docs/supply.md: without a time cost per elution (handlingHours) the optimum is the shortest interval tried.',
      security,
      request: { params: IdParam, query: IntervalQuerySchema },
      responses: { 200: json(OptimalIntervalSchema, 'the optimum and the table'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await optimalInterval(
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
