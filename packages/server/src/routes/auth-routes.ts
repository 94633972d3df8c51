import { setUserLocale } from '@halflife/db';
import { capabilities } from '@halflife/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { App, AppDeps } from '../app-env.js';
import type { Caller } from '../caller.js';
import { errorResponse } from '../http-error.js';
import {
  ErrorSchema,
  LocaleChoiceSchema,
  LoginSchema,
  MeSchema,
  PasswordChangeSchema,
  TokenListItemSchema,
  TokenRequestSchema,
  TokenSchema,
  WorkingDaySchema,
} from '../schemas.js';
import {
  apiTokensOf,
  changePassword,
  issueApiToken,
  login,
  logout,
  revokeOwnToken,
  SESSION_HOURS,
} from '../services/auth-service.js';
import { workingDay } from '../services/working-day-service.js';
import { clientAddress, reachedOverHttps } from '../web-security.js';
import { errorResponses, IdParam, jsonBody } from './route-helpers.js';
import { guard } from '../permission.js';

export const SESSION_COOKIE = 'halflife_session';
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** The caller as GET /api/me shows it. */
function meView(caller: Caller): z.infer<typeof MeSchema> {
  return {
    userId: caller.userId,
    email: caller.email,
    displayName: caller.displayName,
    role: caller.role,
    organisation: {
      id: caller.organisationId,
      kind: caller.organisationKind,
      name: caller.organisationName,
    },
    locale: caller.locale,
    capabilities: capabilities(caller),
  };
}

export function authRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      'x-permission': 'session.open',
      tags: ['accounts'],
      summary: 'Sign in; sets an HTTP-only session cookie',
      request: { body: jsonBody(LoginSchema, 'email and password') },
      responses: {
        200: json(MeSchema, 'signed in'),
        ...errorResponses(),
        401: json(ErrorSchema, 'wrong email or password'),
        429: json(ErrorSchema, 'too many failed attempts'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const client = clientAddress(c, deps.trustProxy === true);
      const result = await login(deps, { email, password, client });
      if (!result.ok) return errorResponse(c, result.error);
      setCookie(c, SESSION_COOKIE, result.value.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.secureCookies || reachedOverHttps(c, deps.trustProxy === true),
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json(meView(result.value.caller), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      'x-permission': 'session.open',
      tags: ['accounts'],
      summary: 'Sign out',
      responses: { 204: { description: 'signed out' } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout(deps, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: 'Who am I',
      security,
      responses: { 200: json(MeSchema, 'the caller'), ...errorResponses() },
    }),
    (c) => {
      const caller = c.var.who;
      return c.json(meView(caller), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/me/locale',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: "Choose the screens' language: Simplified Chinese (zh-CN) or English (en)",
      security,
      request: { body: jsonBody(LocaleChoiceSchema, 'the language') },
      responses: { 204: { description: 'saved' }, ...errorResponses() },
    }),
    async (c) => {
      await setUserLocale(deps.db, c.var.who.userId, c.req.valid('json').locale);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/session',
      'x-permission': 'session.open',
      tags: ['accounts'],
      summary: 'The current session, if any (for a web app starting up: no error when signed out)',
      security,
      responses: {
        200: json(
          z.object({ me: MeSchema.nullable(), day: WorkingDaySchema.nullable() }),
          'the caller and the day their screens open on; nulls when not signed in, and no day when ' +
            'the network has neither a site nor a hospital (no zone to count days in)',
        ),
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      if (!caller) return c.json({ me: null, day: null }, 200);
      const day = (await workingDay(deps, caller)) ?? null;
      return c.json({ me: meView(caller), day }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: 'Issue an API token for a partner system (acts as you; shown once)',
      security,
      request: { body: jsonBody(TokenRequestSchema, 'a name for the token, and its lifetime') },
      responses: { 201: json(TokenSchema, 'the token'), ...errorResponses() },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await issueApiToken(deps, caller, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: 'Your API tokens: names, lifetimes, whether revoked (never the secrets)',
      security,
      responses: {
        200: json(z.object({ tokens: z.array(TokenListItemSchema) }), 'your tokens'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      return c.json({ tokens: await apiTokensOf(deps, caller) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: 'Revoke one of your API tokens at once',
      security,
      request: { params: IdParam },
      responses: {
        204: { description: 'revoked' },
        ...errorResponses('no such token of yours'),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await revokeOwnToken(deps, caller, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      ...guard('account.manage'),
      tags: ['accounts'],
      summary: 'Change your password (12–200 characters, not your email); other sessions end',
      security,
      request: { body: jsonBody(PasswordChangeSchema, 'the current and the new password') },
      responses: {
        204: { description: 'changed' },
        ...errorResponses(),
        400: json(ErrorSchema, 'the new password breaks the rule'),
        403: json(ErrorSchema, 'the current password does not match'),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const body = c.req.valid('json');
      const result = await changePassword(deps, caller, {
        ...body,
        sessionToken: getCookie(c, SESSION_COOKIE),
      });
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(null, 204);
    },
  );
}
