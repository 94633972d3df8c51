import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import { guard } from '../permission.js';
import { proposeAllocation } from '../services/allocation-service.js';
import { importHistory } from '../services/demand-history-service.js';
import { supplyOutlook } from '../services/outlook-service.js';
import {
  AllocationRequestSchema,
  AllocationResultSchema,
  HistoryImportResultSchema,
  HistoryImportSchema,
  OutlookQuerySchema,
  OutlookSchema,
} from '../strategy-schemas.js';
import { errorResponses, json, jsonBody, security } from './route-helpers.js';

const errors = () => errorResponses('no such site', 'conflicts with what the server holds');

/** Supply strategy (issue 16): the outlook of demand against supply, history, allocation. */
export function strategyRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/strategy/outlook',
      ...guard('supply.read'),
      tags: ['strategy'],
      summary: 'Weekly demand against supply for a nuclide, with the probability of a shortfall',
      description:
        'Demand forecast from the order history (and imported history; synthetic weeks are marked) with 80/95% bands and its back-test, the known therapy cycles, a scenario, and the supply the records give, in GBq of the nuclide a week; an allocation of the worst week when a shortfall is more likely than not.',
      security,
      request: { query: OutlookQuerySchema },
      responses: { 200: json(OutlookSchema, 'the outlook'), ...errors() },
    }),
    async (c) => {
      const result = await supplyOutlook(deps, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/strategy/history',
      ...guard('demand.import'),
      tags: ['strategy'],
      summary: 'Import a weekly demand history (CSV week,product,site,doses)',
      description:
        'Past weeks only; a week already held for the product and site is replaced. The first fault is refused naming its line and field, and nothing is stored. One audit entry per import.',
      security,
      request: { body: jsonBody(HistoryImportSchema, 'the CSV') },
      responses: { 200: json(HistoryImportResultSchema, 'stored'), ...errors() },
    }),
    async (c) => {
      const result = await importHistory(deps, c.var.who, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/strategy/allocation',
      ...guard('supply.read'),
      tags: ['strategy'],
      summary: 'Allocate a scarce week by clinical priority, keeping a person’s adjustments',
      description:
        'Therapy cycles under way first, then new therapy, then diagnostics, then the rest; first come first served within a priority. Adjusted claims keep their amount; the rest is proposed around them. Stores nothing.',
      security,
      request: {
        body: jsonBody(AllocationRequestSchema, 'what is available, the claims, the adjustments'),
      },
      responses: { 200: json(AllocationResultSchema, 'the proposal'), ...errors() },
    }),
    (c) => {
      const result = proposeAllocation(c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
