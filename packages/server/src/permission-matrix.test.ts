import { ACTIONS, permitted, POLICY, type Action, type Who } from '@halflife/domain';
import { DEMO_LOGINS } from '@halflife/domain/demo';
import { type Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * The permission matrix, route by route: every operation of the OpenAPI document names its action
 * (`x-permission`), and every demo role the policy refuses it is refused (403, or 401 signed out)
 * before the request is even validated; every role it allows gets past the check.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const PASSWORD = 'test-password';
const ELSEWHERE = '00000000-0000-4000-8000-000000000000';
let db: Db;
let app: App;
const sessions = new Map<string, { who: Who; cookie: string }>();

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly action: Action;
}
let operations: Operation[] = [];

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
  // One login per role (the first demo user of each).
  for (const user of DEMO_LOGINS) {
    if (sessions.has(user.role)) continue;
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { role: Who['role']; organisation: { kind: string } };
    sessions.set(user.role, {
      who: { role: me.role, organisationKind: me.organisation.kind as Who['organisationKind'] },
      cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '',
    });
  }
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { 'x-permission'?: string }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      action: op['x-permission'] as Action,
    })),
  );
});
afterAll(async () => {
  await db?.close();
});

/** The route called with ids that name nothing and an empty body. */
async function call(op: Operation, cookie?: string): Promise<{ status: number; message: string }> {
  const url =
    op.path.replace(/\{[^}]+\}/g, ELSEWHERE) + (op.method === 'GET' ? '?date=2026-11-24' : '');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers['cookie'] = cookie;
  const res = await app.request(url, {
    method: op.method,
    headers,
    ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { body: '{}' }),
  });
  const text = await res.text();
  let message = '';
  try {
    const body = JSON.parse(text) as {
      error?: { message?: string };
      issue?: { diagnostics?: string }[];
    };
    // The FHIR endpoint (/fhir) refuses with an OperationOutcome.
    message = body.error?.message ?? body.issue?.[0]?.diagnostics ?? '';
  } catch {
    message = text;
  }
  return { status: res.status, message };
}

describe('the permission matrix', () => {
  it('covers every operation of the API, and every action is some route’s', () => {
    expect(operations.length).toBeGreaterThan(30);
    const missing = operations.filter((op) => !ACTIONS.includes(op.action));
    expect(missing.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const used = new Set(operations.map((op) => op.action));
    expect(ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });

  it('names the action each route needs, as the product means it', () => {
    const actionOf = (method: string, path: string) =>
      operations.find((op) => op.method === method && op.path === path)?.action;
    expect(actionOf('POST', '/api/plans')).toBe('plans.run');
    expect(actionOf('POST', '/api/plans/{id}/commit')).toBe('plans.run');
    expect(actionOf('GET', '/api/plans')).toBe('plans.read');
    expect(actionOf('POST', '/api/orders')).toBe('orders.place');
    expect(actionOf('POST', '/api/orders/{id}/accept')).toBe('orders.decide');
    expect(actionOf('POST', '/api/orders/{id}/cancel')).toBe('orders.cancel');
    expect(actionOf('POST', '/api/generators/{id}/elutions')).toBe('supply.record');
    expect(actionOf('POST', '/api/sites')).toBe('network.edit');
    expect(actionOf('POST', '/api/decay')).toBe('decay.compute');
    expect(actionOf('GET', '/api/strategy/outlook')).toBe('supply.read');
    expect(actionOf('POST', '/api/strategy/allocation')).toBe('supply.read');
    expect(actionOf('POST', '/api/strategy/history')).toBe('demand.import');
    expect(actionOf('POST', '/api/design/scenarios')).toBe('design.run');
    expect(actionOf('GET', '/api/design/scenarios/{id}')).toBe('design.read');
    // And the policy as the field needs it.
    const may = (role: Who['role'], kind: Who['organisationKind'], action: Action) =>
      permitted({ role, organisationKind: kind }, action);
    expect(may('radiopharmacist', 'producer', 'plans.run')).toBeUndefined();
    expect(may('planner', 'producer', 'network.edit')).toBeUndefined();
    expect(may('hospital_staff', 'hospital', 'orders.place')).toBeUndefined();
    expect(may('hospital_orderer', 'hospital', 'orders.place')).toBe('organisation');
    expect(may('hospital_orderer', 'hospital', 'plans.read')).toBeUndefined();
    expect(may('analyst', 'producer', 'supply.record')).toBeUndefined();
    expect(may('courier', 'courier', 'orders.read')).toBeUndefined();
    expect(may('analyst', 'producer', 'demand.import')).toBe('network');
    expect(may('radiopharmacist', 'producer', 'demand.import')).toBeUndefined();
    expect(may('hospital_orderer', 'hospital', 'supply.read')).toBeUndefined();
    expect(may('analyst', 'producer', 'design.run')).toBe('network');
    expect(may('radiopharmacist', 'producer', 'design.run')).toBeUndefined();
    expect(may('hospital_orderer', 'hospital', 'design.read')).toBeUndefined();
  });

  it('refuses every role the policy refuses, naming the role and the action, before validation', async () => {
    const refusals: string[] = [];
    let checked = 0;
    for (const op of operations) {
      for (const [role, { who, cookie }] of sessions) {
        if (permitted(who, op.action) !== undefined) continue;
        checked++;
        const { status, message } = await call(op, cookie);
        if (status !== 403 || !/ may not /.test(message))
          refusals.push(`${role} ${op.method} ${op.path}: ${status} ${message}`);
      }
    }
    expect(refusals).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('asks a signed-out caller to sign in on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      if (POLICY[op.action] === 'public') continue;
      const { status } = await call(op);
      if (status !== 401) wrong.push(`${op.method} ${op.path}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets every role the policy allows past the check', async () => {
    const blocked: string[] = [];
    for (const op of operations) {
      for (const [role, { who, cookie }] of sessions) {
        if (permitted(who, op.action) === undefined) continue;
        if (op.path === '/api/auth/logout') continue; // would end the session the loop uses
        const { status, message } = await call(op, cookie);
        if (status === 401 || (status === 403 && / may not /.test(message)))
          blocked.push(`${role} ${op.method} ${op.path}: ${status} ${message}`);
      }
    }
    expect(blocked).toEqual([]);
  });
});
