import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { App, AppDeps, AppEnv } from '../app-env.js';
import { identifyCaller } from '../identify-caller.js';
import { refuseNul } from '../input-guards.js';
import { guard } from '../permission.js';
import { capabilityStatement } from '../fhir/capability-statement.js';
import { FHIR_JSON } from '../fhir/fhir-terms.js';
import { issueCodeOf, operationOutcome } from '../fhir/operation-outcome.js';
import type { RequestType } from '../fhir/incoming-order.js';
import type { SearchType } from '../fhir/search-request.js';
import { HTTP_STATUS, type ServiceError } from '../service-error.js';
import {
  placeFhirRequest,
  readOrderResource,
  readPublished,
  searchFhir,
} from '../services/fhir-service.js';
import { sameOriginForCookies } from '../web-security.js';
import { SESSION_COOKIE } from './auth-routes.js';
import { security } from './route-helpers.js';

/**
 * The FHIR R4 endpoint (/fhir, issue 17): the CapabilityStatement, MedicationRequest and
 * ServiceRequest in (orders), MedicationRequest, MedicationDispense, MedicationAdministration and
 * the Radiation Dose Summary Observation out (read, search with _include). Every answer is FHIR
 * JSON; every refusal, the permission check's included, an OperationOutcome.
 */

/** The largest resource a request may carry (a MedicationRequest is a few KiB). */
export const FHIR_MAX_BODY_BYTES = 128 * 1024;

const resourceOf = <T extends string>(type: T) =>
  z.object({ resourceType: z.literal(type) }).openapi(`Fhir${type}`, {
    description: `A FHIR R4 ${type} (http://hl7.org/fhir/R4/${type.toLowerCase()}.html)`,
  });
const OperationOutcomeSchema = z
  .object({
    resourceType: z.literal('OperationOutcome'),
    issue: z.array(
      z.object({
        severity: z.string(),
        code: z.string(),
        diagnostics: z.string().optional(),
        expression: z.array(z.string()).optional(),
      }),
    ),
  })
  .openapi('FhirOperationOutcome');

const fhir = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { [FHIR_JSON]: { schema } },
  description,
});
const outcome = (description: string) => fhir(OperationOutcomeSchema, description);
const refusals = {
  400: outcome('invalid: the OperationOutcome names each element'),
  401: outcome('not signed in'),
  403: outcome('not allowed for your role'),
  404: outcome('no such resource of yours'),
  409: outcome('conflicts with the order as it is'),
  413: outcome('the body is larger than the limit'),
  422: outcome('the identifier was used before for a different order'),
  429: outcome('busy; try again shortly'),
};
const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** A refusal of the API (a service error) as an OperationOutcome, each issue at its element. */
function outcomeOf(status: number, error: Pick<ServiceError, 'message' | 'issues'>) {
  const code = issueCodeOf(status);
  const issues = error.issues?.length
    ? error.issues.map((i) => ({
        severity: 'error' as const,
        code,
        diagnostics: i.message,
        ...(i.path && i.path !== '(body)' ? { expression: i.path } : {}),
      }))
    : [{ severity: 'error' as const, code, diagnostics: error.message }];
  return operationOutcome(issues);
}
const headersOf = (status: number): Record<string, string> => ({
  'content-type': FHIR_JSON,
  ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
});

function outcomeResponse(c: Context, error: ServiceError) {
  const status = HTTP_STATUS[error.code];
  return c.json(outcomeOf(status, error), status, headersOf(status));
}

/**
 * Answers the API's JSON refusals under /fhir (the permission check, the body limit, a malformed
 * body, no such route, an internal error) as OperationOutcome.
 */
const outcomes = (): MiddlewareHandler<AppEnv> =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status < 400 || !type.startsWith('application/json')) return;
    const status = c.res.status;
    const body = (await c.res.clone().json()) as { error?: ServiceError };
    const error = body.error ?? { message: 'refused' };
    c.res = undefined;
    c.res = new Response(JSON.stringify(outcomeOf(status, error)), {
      status,
      headers: headersOf(status),
    });
  });

const base = (c: Context) => `${new URL(c.req.url).origin}/fhir`;

export function fhirRoutes(app: App, deps: AppDeps): void {
  app.use('/fhir/*', outcomes());
  app.use(
    '/fhir/*',
    sameOriginForCookies({ cookie: SESSION_COOKIE, trustProxy: deps.trustProxy === true }),
  );
  app.use(
    '/fhir/*',
    bodyLimit({
      maxSize: FHIR_MAX_BODY_BYTES,
      onError: (c) =>
        outcomeResponse(c, {
          code: 'too-large',
          message: `body: larger than the ${FHIR_MAX_BODY_BYTES / 1024} KiB a resource may be`,
        }),
    }),
  );
  app.use('/fhir/*', refuseNul());
  app.use('/fhir/*', identifyCaller(deps));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/fhir/metadata',
      'x-permission': 'health.check',
      tags: ['fhir'],
      summary: 'The FHIR R4 CapabilityStatement of the endpoint',
      responses: { 200: fhir(resourceOf('CapabilityStatement'), 'what /fhir does') },
    }),
    (c) => c.json(capabilityStatement(base(c)), 200, { 'content-type': FHIR_JSON }),
  );

  for (const type of ['MedicationRequest', 'ServiceRequest'] as const satisfies RequestType[]) {
    const schema = z.looseObject({ resourceType: z.literal(type) });
    app.openapi(
      createRoute({
        method: 'post',
        path: `/fhir/${type}`,
        ...guard('orders.place'),
        tags: ['fhir'],
        summary:
          type === 'MedicationRequest'
            ? 'Order a dose as a FHIR R4 MedicationRequest (idempotent on its identifier)'
            : 'Order a PET study’s dose as a FHIR R4 ServiceRequest (idempotent on its identifier)',
        security,
        request: {
          body: {
            content: { [FHIR_JSON]: { schema }, 'application/json': { schema } },
            required: true,
          },
        },
        responses: {
          201: fhir(resourceOf(type), 'the order placed, as stored, its status the order’s'),
          200: fhir(resourceOf(type), 'the order this identifier placed before'),
          ...refusals,
        },
      }),
      async (c) => {
        const resource = await c.req.json<Record<string, unknown>>();
        const result = await placeFhirRequest(deps, c.var.who, c.var.scope, type, resource);
        if (!result.ok) return outcomeResponse(c, result.error);
        const { resource: stored, created } = result.value;
        return c.json(stored as { resourceType: typeof type }, created ? 201 : 200, {
          'content-type': FHIR_JSON,
          location: `${base(c)}/${type}/${stored.id ?? ''}`,
        });
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: `/fhir/${type}/{id}`,
        ...guard('orders.read'),
        tags: ['fhir'],
        summary: `An order as ${type}, its status the order’s`,
        security,
        request: { params: IdParam },
        responses: { 200: fhir(resourceOf(type), type), ...refusals },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const result = await readOrderResource(deps, c.var.who, c.var.scope, type, id);
        if (!result.ok) return outcomeResponse(c, result.error);
        return c.json(result.value as { resourceType: typeof type }, 200, {
          'content-type': FHIR_JSON,
        });
      },
    );
  }

  const searchable = [
    'MedicationRequest',
    'MedicationDispense',
    'MedicationAdministration',
    'Observation',
  ] as const satisfies SearchType[];
  for (const type of searchable) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/fhir/${type}`,
        ...guard('orders.read'),
        tags: ['fhir'],
        summary: `Search ${type} by patient and date (see /fhir/metadata), with _include`,
        security,
        responses: { 200: fhir(resourceOf('Bundle'), 'a searchset Bundle'), ...refusals },
      }),
      async (c) => {
        const url = new URL(c.req.url);
        const result = await searchFhir(deps, c.var.who, c.var.scope, type, url, base(c));
        if (!result.ok) return outcomeResponse(c, result.error);
        return c.json(result.value as { resourceType: 'Bundle' }, 200, {
          'content-type': FHIR_JSON,
        });
      },
    );
    if (type === 'MedicationRequest') continue;
    app.openapi(
      createRoute({
        method: 'get',
        path: `/fhir/${type}/{id}`,
        ...guard('orders.read'),
        tags: ['fhir'],
        summary: `One ${type}`,
        security,
        request: { params: IdParam },
        responses: { 200: fhir(resourceOf(type), type), ...refusals },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const result = await readPublished(deps, c.var.who, c.var.scope, type, id);
        if (!result.ok) return outcomeResponse(c, result.error);
        return c.json(result.value as { resourceType: typeof type }, 200, {
          'content-type': FHIR_JSON,
        });
      },
    );
  }
}
