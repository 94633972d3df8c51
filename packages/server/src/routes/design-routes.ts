import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import {
  DesignRunListSchema,
  DesignRunSchema,
  DesignRunSummarySchema,
  DesignScenarioSchema,
  DesignTemplateListSchema,
  TemplateKeyParam,
} from '../design-schemas.js';
import { errorResponse } from '../http-error.js';
import { guard } from '../permission.js';
import {
  createDesign,
  designDetail,
  listDesigns,
  listTemplates,
  template,
} from '../services/design-service.js';
import { errorResponses, IdParam, json, jsonBody, security } from './route-helpers.js';

const errors = () => errorResponses('no such design scenario or template');

/** Network design: templates, saved scenarios and their solved designs (issue 16). */
export function designRoutes(app: App, deps: AppDeps & { readonly nudgeDesign: () => void }): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/design/templates',
      ...guard('design.read'),
      tags: ['design'],
      summary: 'Scenario templates: the network as recorded, and the demo network’s questions',
      security,
      responses: { 200: json(DesignTemplateListSchema, 'the templates'), ...errors() },
    }),
    async (c) => c.json(await listTemplates(deps), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/design/templates/{key}',
      ...guard('design.read'),
      tags: ['design'],
      summary: 'One template as a scenario to edit and save',
      security,
      request: { params: TemplateKeyParam },
      responses: { 200: json(DesignScenarioSchema, 'the scenario'), ...errors() },
    }),
    async (c) => {
      const result = await template(deps, c.req.valid('param').key);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/design/scenarios',
      ...guard('design.read'),
      tags: ['design'],
      summary: 'Saved design scenarios, newest first, with their solve’s status',
      security,
      responses: { 200: json(DesignRunListSchema, 'the scenarios'), ...errors() },
    }),
    async (c) => c.json(await listDesigns(deps), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/design/scenarios',
      ...guard('design.run'),
      tags: ['design'],
      summary: 'Save a scenario and solve it (a durable job; poll the scenario for its result)',
      description:
        'The scenario is checked whole (shape, ranges, sizes, references, nuclide names); every error names its field. A body may carry up to 8 MiB (a national scenario is about 2 MiB).',
      security,
      request: { body: jsonBody(DesignScenarioSchema, 'the scenario') },
      responses: { 202: json(DesignRunSummarySchema, 'saved and queued'), ...errors() },
    }),
    async (c) => {
      const result = await createDesign(deps, c.var.who, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/design/scenarios/{id}',
      ...guard('design.read'),
      tags: ['design'],
      summary: 'A scenario, its solve’s progress and, when done, the design',
      security,
      request: { params: IdParam },
      responses: { 200: json(DesignRunSchema, 'the scenario and its design'), ...errors() },
    }),
    async (c) => {
      const result = await designDetail(deps, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value as never, 200);
    },
  );
}
