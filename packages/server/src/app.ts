import { integrityError, pingDatabase } from '@halflife/db';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { App, AppDeps, AppEnv } from './app-env.js';
import { errorResponse, issuesOf } from './http-error.js';
import { authRoutes, SESSION_COOKIE } from './routes/auth-routes.js';
import { decayRoutes } from './routes/decay-routes.js';
import { fhirRoutes } from './routes/fhir-routes.js';
import { generatorRoutes } from './routes/generator-routes.js';
import { interfaceRoutes } from './routes/interface-routes.js';
import { mapRoutes } from './routes/map-routes.js';
import { networkRoutes } from './routes/network-routes.js';
import { orderRoutes } from './routes/order-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { DESIGN_JOB_DEFAULTS, designJobs } from './services/design-execution.js';
import { PLAN_JOB_DEFAULTS, planJobs } from './services/plan-execution.js';
import { batchRoutes } from './routes/batch-routes.js';
import { courierRoutes } from './routes/courier-routes.js';
import { designRoutes } from './routes/design-routes.js';
import { distributionRoutes } from './routes/distribution-routes.js';
import { strategyRoutes } from './routes/strategy-routes.js';
import { supplyRoutes } from './routes/supply-routes.js';
import { theranosticsRoutes } from './routes/theranostics-routes.js';
import { HealthSchema } from './schemas.js';
import { identifyCaller } from './identify-caller.js';
import { refuseNul } from './input-guards.js';
import { webAppRoutes } from './web-app.js';
import { sameOriginForCookies, securityHeaders } from './web-security.js';
import { problem } from './service-error.js';
import { createRoute } from '@hono/zod-openapi';

/** The largest request body the API reads (a day of orders goes one order per request). */
export const MAX_BODY_BYTES = 256 * 1024;
/** Routes that take more: a national design scenario is about 2 MiB. */
const LARGE_BODY_ROUTES: Readonly<Record<string, number>> = {
  '/api/design/scenarios': 8 * 1024 * 1024,
};

/** The HTTP API: routes → services → repositories. */
export function createApp(deps: AppDeps): App {
  const app: App = new OpenAPIHono<AppEnv>({
    // Every validation failure names its fields: "amount.activityBq: must be positive".
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const issues = issuesOf(result.error.issues);
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return errorResponse(c, { code: 'invalid', message, issues });
    },
  });

  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    sameOriginForCookies({ cookie: SESSION_COOKIE, trustProxy: deps.trustProxy === true }),
  );
  // Every request body has a size limit; a larger one is refused before it is read whole.
  const limitOf = (maxSize: number): MiddlewareHandler<AppEnv> =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        errorResponse(c, {
          code: 'too-large',
          message: `body: larger than the ${maxSize / 1024} KiB a request may carry`,
        }),
    });
  const standardLimit = limitOf(MAX_BODY_BYTES);
  const largeLimits = new Map(
    Object.entries(LARGE_BODY_ROUTES).map(([path, size]) => [path, limitOf(size)]),
  );
  app.use(
    '/api/*',
    createMiddleware<AppEnv>((c, next) => (largeLimits.get(c.req.path) ?? standardLimit)(c, next)),
  );

  app.use('/api/*', refuseNul());

  app.use('/api/*', identifyCaller(deps));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      'x-permission': 'health.check',
      tags: ['service'],
      summary: 'Liveness and the database in use',
      responses: {
        200: { content: { 'application/json': { schema: HealthSchema } }, description: 'up' },
      },
    }),
    async (c) => {
      await pingDatabase(deps.db);
      return c.json(
        { status: 'ok' as const, database: deps.databaseKind, time: deps.now().toISOString() },
        200,
      );
    },
  );
  authRoutes(app, deps);
  orderRoutes(app, deps);
  networkRoutes(app, deps);
  mapRoutes(app, deps);
  const jobs = deps.planJobs ?? planJobs(deps.db, { ...PLAN_JOB_DEFAULTS, now: deps.now });
  planRoutes(app, { ...deps, planJobs: jobs });
  generatorRoutes(app, deps);
  supplyRoutes(app, deps);
  batchRoutes(app, deps);
  distributionRoutes(app, { ...deps, planJobs: jobs });
  theranosticsRoutes(app, deps);
  strategyRoutes(app, deps);
  const design = deps.designJobs ?? designJobs(deps.db, { ...DESIGN_JOB_DEFAULTS, now: deps.now });
  designRoutes(app, { ...deps, nudgeDesign: design.nudge });
  courierRoutes(app, deps);
  interfaceRoutes(app, deps);
  decayRoutes(app);
  fhirRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Halflife API',
      version: '0.1.0',
      description:
        'Orders, the network, planning and the decay engine of Halflife. Sign in with POST /api/auth/login (session cookie) or send an API token as `Authorization: Bearer …`.',
    },
  });
  app.get('/api/docs', (c) => c.html(apiReferencePage()));
  app.get('/api/docs/assets/:file', (c) => swaggerAsset(c.req.param('file')) ?? c.notFound());
  if (deps.webRoot) webAppRoutes(app, deps.webRoot);

  app.notFound((c) =>
    errorResponse(c, problem('not-found', `no route ${c.req.method} ${c.req.path}`)),
  );
  app.onError((e, c) => {
    // Malformed JSON and other request-shape errors are the client's, never a 5xx.
    if (e instanceof HTTPException && e.status < 500) {
      return errorResponse(c, problem('invalid', e.message || 'malformed request'));
    }
    if (e instanceof SyntaxError) return errorResponse(c, problem('invalid', `body: ${e.message}`));
    // Two requests that raced to create the same thing: the loser is told, not given a 5xx.
    const integrity = integrityError(e);
    if (integrity) return errorResponse(c, problem('conflict', integrity.message));
    console.error(e);
    return c.json(
      { error: { code: 'internal', message: 'internal error; it has been logged' } },
      500,
    );
  });
  return app;
}

const require = createRequire(import.meta.url);
const SWAGGER_DIR = (() => {
  try {
    return (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
  } catch {
    return undefined;
  }
})();
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css'],
  ['swagger-ui-bundle.js', 'application/javascript'],
]);
/** Starts Swagger UI: a file of its own, so that the page's CSP allows no inline script. */
const SWAGGER_START = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });\n";

function swaggerAsset(file: string): Response | undefined {
  if (file === 'start.js') {
    return new Response(SWAGGER_START, { headers: { 'content-type': 'application/javascript' } });
  }
  const type = ASSETS.get(file);
  if (!type || !SWAGGER_DIR) return undefined;
  return new Response(readFileSync(join(SWAGGER_DIR, file)), { headers: { 'content-type': type } });
}

/** The readable API reference, served from the bundled Swagger UI (works offline). */
function apiReferencePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Halflife API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/start.js"></script>
</body></html>`;
}
