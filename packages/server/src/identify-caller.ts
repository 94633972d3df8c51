import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from './app-env.js';
import { SESSION_COOKIE } from './routes/auth-routes.js';
import { authenticate } from './services/auth-service.js';

/**
 * Who is asking, from the session cookie or an API token (`Authorization: Bearer …`), for the
 * permission check of every route (`c.var.caller`, undefined when signed out). The API (/api) and
 * the FHIR endpoint (/fhir) take the same sessions and tokens.
 */
export const identifyCaller = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const apiToken = header?.startsWith('Bearer ')
      ? header.slice('Bearer '.length).trim()
      : undefined;
    c.set('caller', await authenticate(deps, { session: getCookie(c, SESSION_COOKIE), apiToken }));
    await next();
  });
