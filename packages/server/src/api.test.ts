import { unauditedChanges, verifyAudit, type Db } from '@halflife/db';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * The API end to end on one seeded database (PGlite by default, PostgreSQL in CI's second run):
 * who may see and do what, idempotency, versions, validation, and the audit trail behind it.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const PASSWORD = 'test-password';
let db: Db;
let app: App;

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
});
afterAll(async () => {
  await db?.close(); // set-up may have failed before db was set
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  method: string,
  path: string,
  options: {
    cookie?: string;
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply & { cookie?: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await res.text();
  const setCookie = res.headers.get('set-cookie')?.split(';')[0];
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    ...(setCookie ? { cookie: setCookie } : {}),
  };
}

async function signIn(email: string): Promise<string> {
  const r = await call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.cookie as string;
}

const lutetiumOrder = {
  productCode: 'LU177-PSMA617',
  calibrationTime: '2026-11-25T10:00+08:00',
  amount: { kind: 'fixed', activityBq: 7.4e9 },
  patientRef: 'P-TEST1',
};

describe('the API', () => {
  it('answers /api/health and serves an OpenAPI 3.1 document with every route', async () => {
    const health = await call('GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok' });
    const doc = await call('GET', '/api/openapi.json');
    expect(doc.body['openapi']).toBe('3.1.0');
    const paths = Object.keys(doc.body['paths'] as object);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/orders', '/api/orders/{id}', '/api/auth/login', '/api/decay']),
    );
    const verdict = await new Validator().validate(doc.body);
    expect(verdict.errors ?? []).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('limits sign-ins per client and account, and never lets a stranger lock the user out', async () => {
    // Behind a trusted proxy, X-Forwarded-For names the client (documentation addresses).
    const proxied = createApp({
      db: db.kysely,
      now: () => NOW,
      databaseKind: db.kind,
      secureCookies: false,
      trustProxy: true,
    });
    const attempt = async (client: string, email: string, password: string) => {
      const r = await proxied.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ email, password }),
      });
      return r.status;
    };
    const stranger = '198.51.100.7';
    for (let k = 0; k < 5; k++) {
      expect(await attempt(stranger, 'analyst@demo.halflife', 'nope')).toBe(401);
    }
    expect(await attempt(stranger, 'analyst@demo.halflife', PASSWORD)).toBe(429);
    // The analyst, from their own machine, is not locked out by the stranger.
    expect(await attempt('198.51.100.20', 'analyst@demo.halflife', PASSWORD)).toBe(200);
    // One client trying many accounts is stopped after 20 failures, whatever the accounts.
    const sprayer = '198.51.100.99';
    for (let k = 0; k < 20; k++) {
      expect(await attempt(sprayer, `nobody${k}@demo.halflife`, 'guess')).toBe(401);
    }
    expect(await attempt(sprayer, 'planner@demo.halflife', PASSWORD)).toBe(429);
  });

  it('spends as long on an unknown email as on a wrong password', async () => {
    const time = async (email: string) => {
      const t0 = performance.now();
      const r = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong-password' }),
      });
      expect(r.status).toBe(401);
      return performance.now() - t0;
    };
    await time('nobody@demo.halflife'); // the dummy hash is made once
    // Interleaved samples, each side's fastest: a busy machine slows single runs, never speeds one.
    const unknowns: number[] = [];
    const knowns: number[] = [];
    for (let k = 0; k < 4; k++) {
      unknowns.push(await time(`ghost${k}@demo.halflife`));
      knowns.push(await time('courier@demo.halflife'));
    }
    const unknown = Math.min(...unknowns);
    const known = Math.min(...knowns);
    expect(unknown / known).toBeGreaterThan(0.5);
  });

  it('gives every seeded user a password hash of their own salt', async () => {
    const rows = await db.kysely.selectFrom('users').select('password_hash').execute();
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
  });

  it('lets a user list, expire and revoke API tokens, and change their password', async () => {
    let now = NOW;
    const clocked = createApp({
      db: db.kysely,
      now: () => now,
      databaseKind: db.kind,
      secureCookies: false,
    });
    const req = async (
      method: string,
      path: string,
      auth: Record<string, string>,
      body?: unknown,
    ) => {
      const res = await clocked.request(path, {
        method,
        headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
    };
    const email = 'hospital3.staff@demo.halflife';
    const login = await clocked.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    const day = await req('POST', '/api/tokens', cookie, { name: 'his', days: 1 });
    const year = await req('POST', '/api/tokens', cookie, { name: 'ris' });
    expect(day.status).toBe(201);
    expect(year.body['expiresAt']).toBe(new Date(NOW.getTime() + 90 * 86_400_000).toISOString());
    expect((await req('POST', '/api/tokens', cookie, { name: 'x', days: 366 })).status).toBe(400);
    const bearer = (t: { body: Record<string, unknown> }) => ({
      authorization: `Bearer ${t.body['token'] as string}`,
    });
    expect((await req('GET', '/api/me', bearer(day))).status).toBe(200);
    const listed = await req('GET', '/api/tokens', cookie);
    const tokens = listed.body['tokens'] as { name: string; active: boolean }[];
    expect(tokens.map((t) => [t.name, t.active])).toEqual(
      expect.arrayContaining([
        ['his', true],
        ['ris', true],
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain('hlt_');
    // A day later the one-day token no longer works; a revoked one stops at once.
    now = new Date(NOW.getTime() + 25 * 3_600_000);
    expect((await req('GET', '/api/me', bearer(day))).status).toBe(401);
    expect(
      (await req('DELETE', `/api/tokens/${year.body['id'] as string}`, bearer(year))).status,
    ).toBe(204);
    expect((await req('GET', '/api/me', bearer(year))).status).toBe(401);
    now = NOW; // the session cookie lives 12 hours
    expect((await req('DELETE', `/api/tokens/${year.body['id'] as string}`, cookie)).status).toBe(
      204,
    );

    // The password rule, the current password, and the old password no longer working.
    const change = (body: unknown) => req('POST', '/api/auth/password', cookie, body);
    const short = await change({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((short.body['error'] as { message: string }).message).toBe(
      'newPassword: must be at least 12 characters',
    );
    expect((await change({ currentPassword: PASSWORD, newPassword: email })).status).toBe(400);
    expect(
      (await change({ currentPassword: 'wrong', newPassword: 'a-much-longer-one' })).status,
    ).toBe(403);
    expect(
      (await change({ currentPassword: PASSWORD, newPassword: 'a-much-longer-one' })).status,
    ).toBe(204);
    const old = await clocked.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(old.status).toBe(401);
    expect((await req('GET', '/api/me', cookie)).status).toBe(200);
  });

  it('keeps each hospital to its own orders (role × resource)', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const h2 = await signIn('hospital2.orderer@demo.halflife');
    const staff1 = await signIn('hospital1.staff@demo.halflife');
    const planner = await signIn('planner@demo.halflife');

    const created = await call('POST', '/api/orders', { cookie: h1, body: lutetiumOrder });
    expect(created.status).toBe(201);
    // Delivered to the hospital's nuclear-medicine department unless the order names another point.
    expect(created.body['deliveryPointId']).toEqual(expect.any(String));
    const foreignPoint = await db.kysely
      .selectFrom('delivery_points')
      .select('id')
      .where('hospital_id', '!=', created.body['hospitalId'] as string)
      .limit(1)
      .executeTakeFirstOrThrow();
    const misdirected = await call('POST', '/api/orders', {
      cookie: h1,
      body: { ...lutetiumOrder, deliveryPointId: foreignPoint.id },
    });
    expect(misdirected.status).toBe(400);
    const id = created.body['id'] as string;

    // Another hospital can neither read, list, cancel nor accept it; it does not even learn it exists.
    expect((await call('GET', `/api/orders/${id}`, { cookie: h2 })).status).toBe(404);
    const theirs = await call('GET', '/api/orders?limit=10000', { cookie: h2 });
    expect((theirs.body['orders'] as { id: string }[]).some((o) => o.id === id)).toBe(false);
    expect(
      (await call('POST', `/api/orders/${id}/cancel`, { cookie: h2, body: { version: 1 } })).status,
    ).toBe(404);

    // The ordering hospital cannot accept its own order; staff may read but not order.
    expect(
      (await call('POST', `/api/orders/${id}/accept`, { cookie: h1, body: { version: 1 } })).status,
    ).toBe(403);
    expect((await call('GET', `/api/orders/${id}`, { cookie: staff1 })).status).toBe(200);
    expect(
      (await call('POST', '/api/orders', { cookie: staff1, body: lutetiumOrder })).status,
    ).toBe(403);

    // Every order a hospital lists is its own.
    const mine = await call('GET', '/api/orders?limit=10000', { cookie: h1 });
    const hospitals = new Set(
      (mine.body['orders'] as { hospitalId: string }[]).map((o) => o.hospitalId),
    );
    expect(hospitals.size).toBe(1);

    // The planner sees the whole network, this order included, and accepts it.
    const all = await call('GET', '/api/orders?limit=10000', { cookie: planner });
    expect((all.body['orders'] as { id: string }[]).some((o) => o.id === id)).toBe(true);
    expect(all.body['total']).toBeGreaterThan(400);
    const accepted = await call('POST', `/api/orders/${id}/accept`, {
      cookie: planner,
      body: { version: 1 },
    });
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('assesses an order before it is placed: activity at injection and whether a site can serve it', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const before = (await call('GET', '/api/orders?limit=10000', { cookie: h1 })).body['total'];
    const gallium = {
      productCode: 'GA68-PSMA11',
      calibrationTime: '2026-11-24T11:00 Asia/Shanghai',
      amount: { kind: 'per_kg', perKgBq: 2e6, patientWeightKg: 80 },
    };
    const ok = await call('POST', '/api/orders/assess', { cookie: h1, body: gallium });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ activityBq: 160e6, servable: true, reason: null });
    expect(ok.body['minBq']).toBeCloseTo(160e6 * (1 - (ok.body['tolerancePct'] as number) / 100));
    expect((ok.body['sites'] as string[]).length).toBeGreaterThan(0);
    expect(ok.body['latestBatchStart']).toMatch(/^\d\d:\d\d$/);

    // Before any site opens, no dose of a 68-minute nuclide can be there: the planner says why.
    const early = await call('POST', '/api/orders/assess', {
      cookie: h1,
      body: { ...gallium, calibrationTime: '2026-11-24T05:00 Asia/Shanghai' },
    });
    expect(early.body).toMatchObject({ servable: false, sites: [], latestBatchStart: null });
    expect(early.body['reason']).toMatch(/no delivery can arrive/);

    // Nothing is stored, and the same checks as placing an order apply.
    expect((await call('GET', '/api/orders?limit=10000', { cookie: h1 })).body['total']).toBe(
      before,
    );
    const past = await call('POST', '/api/orders/assess', {
      cookie: h1,
      body: { ...gallium, calibrationTime: '2026-11-22T10:00 Asia/Shanghai' },
    });
    expect(past.status).toBe(400);
    const staff = await signIn('hospital1.staff@demo.halflife');
    expect(
      (await call('POST', '/api/orders/assess', { cookie: staff, body: gallium })).status,
    ).toBe(403);
  });

  it('never makes a second order for a retried idempotency key', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const headers = { 'idempotency-key': 'retry-42' };
    const first = await call('POST', '/api/orders', { cookie: h1, body: lutetiumOrder, headers });
    const again = await call('POST', '/api/orders', { cookie: h1, body: lutetiumOrder, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body['id']).toBe(first.body['id']);
    // The same key for a different order is a client's mistake, not a retry.
    const other = await call('POST', '/api/orders', {
      cookie: h1,
      body: { ...lutetiumOrder, amount: { kind: 'fixed', activityBq: 6e9 } },
      headers,
    });
    expect(other.status).toBe(422);
    expect((other.body['error'] as { message: string }).message).toBe(
      'Idempotency-Key: already used for a different order (its activity_bq differs); use a new key for a new order',
    );
  });

  it('sends security headers on every page and refuses cross-origin writes with a session', async () => {
    for (const path of ['/api/health', '/api/docs', '/api/openapi.json']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const planner = await signIn('planner@demo.halflife');
    const generators = await call('GET', '/api/generators', { cookie: planner });
    const id = (generators.body['generators'] as { id: string }[])[0]!.id;
    const retire = (headers: Record<string, string>) =>
      app.request(`/api/generators/${id}/retire`, {
        method: 'POST',
        headers: { cookie: planner, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ reason: 'csrf probe' }),
      });
    const forged = await retire({ origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(
      /^Origin: https:\/\/evil\.example may not act/,
    );
    expect((await retire({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await retire({ origin: 'null' })).status).toBe(403);
    // Nothing was retired by the forgeries.
    const still = await call('GET', `/api/generators/${id}`, { cookie: planner });
    expect(still.body['retired']).toBe(false);
  });

  it('marks the session cookie Secure when the browser came over HTTPS', async () => {
    const login = async (url: string, headers: Record<string, string>, trustProxy: boolean) => {
      const deps = { db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false };
      const res = await createApp({ ...deps, trustProxy }).request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'planner@demo.halflife', password: PASSWORD }),
      });
      return res.headers.get('set-cookie') ?? '';
    };
    expect(await login('https://halflife.example/api/auth/login', {}, false)).toMatch(/; Secure/);
    expect(await login('http://localhost/api/auth/login', {}, false)).not.toMatch(/Secure/);
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'halflife.example' };
    expect(await login('http://localhost/api/auth/login', proxied, true)).toMatch(/; Secure/);
    expect(await login('http://localhost/api/auth/login', proxied, false)).not.toMatch(/Secure/);
  });

  it('refuses NUL characters and absurd numbers with a 4xx naming the field', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const nul = await call('POST', '/api/orders', {
      cookie: h1,
      body: { ...lutetiumOrder, patientRef: 'P-\u0000' },
    });
    expect(nul.status).toBe(400);
    expect((nul.body['error'] as { message: string }).message).toBe(
      'patientRef: must not contain the NUL character',
    );
    const query = await call('GET', '/api/orders?product=F18%00FDG', { cookie: h1 });
    expect(query.status).toBe(400);
    const login = await call('POST', '/api/auth/login', {
      body: { email: 'a\u0000@b.c', password: 'x' },
    });
    expect(login.status).toBe(400);
    for (const body of [
      { inventory: { 'Lu-177': 7.4 }, unit: 'GBq', seconds: 1e308 },
      { inventory: { 'Lu-177': 5e-324 }, unit: 'GBq', seconds: 60 },
      { inventory: { 'Lu-177': 1e308 }, unit: 'TBq', seconds: 60 },
      { inventory: { 'Ac-225\u0000': 1 }, unit: 'MBq', seconds: 60 },
    ]) {
      const r = await call('POST', '/api/decay', { body });
      expect(r.status, JSON.stringify(body)).toBeLessThan(500);
    }
  });

  it('validates a request without a body or Content-Type, and refuses an oversized body', async () => {
    const noBody = await app.request('/api/auth/login', { method: 'POST' });
    expect(noBody.status).toBe(400);
    const planner = await signIn('planner@demo.halflife');
    const generators = await call('GET', '/api/generators', { cookie: planner });
    const id = (generators.body['generators'] as { id: string }[])[0]!.id;
    const retire = await app.request(`/api/generators/${id}/retire`, {
      method: 'POST',
      headers: { cookie: planner },
    });
    expect(retire.status).toBe(400);
    const asText = await app.request(`/api/generators/${id}/retire`, {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'text/plain' },
      body: 'because',
    });
    expect(asText.status).toBe(400);
    const huge = await call('POST', '/api/orders', {
      cookie: planner,
      body: { ...lutetiumOrder, notes: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect((huge.body['error'] as { message: string }).message).toMatch(/^body: larger than/);
  });

  it('refuses a stale version so two planners cannot overwrite each other', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const planner = await signIn('planner@demo.halflife');
    const id = (await call('POST', '/api/orders', { cookie: h1, body: lutetiumOrder })).body[
      'id'
    ] as string;
    expect(
      (await call('POST', `/api/orders/${id}/accept`, { cookie: planner, body: { version: 1 } }))
        .status,
    ).toBe(200);
    const stale = await call('POST', `/api/orders/${id}/reject`, {
      cookie: planner,
      body: { version: 1, reason: 'no slot' },
    });
    expect(stale.status).toBe(409);
    const fresh = await call('POST', `/api/orders/${id}/reject`, {
      cookie: planner,
      body: { version: 2, reason: 'no slot' },
    });
    expect(fresh.body).toMatchObject({ status: 'rejected', statusReason: 'no slot' });
  });

  it('names the field at fault and never answers malformed input with a 5xx', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const negative = await call('POST', '/api/orders', {
      cookie: h1,
      body: { ...lutetiumOrder, amount: { kind: 'fixed', activityBq: -5 } },
    });
    expect(negative.status).toBe(400);
    expect((negative.body['error'] as { message: string }).message).toBe(
      'amount.activityBq: must be positive',
    );
    const noZone = await call('POST', '/api/orders', {
      cookie: h1,
      body: { ...lutetiumOrder, calibrationTime: '2026-11-25T10:00' },
    });
    expect((noZone.body['error'] as { message: string }).message).toMatch(
      /^calibrationTime: .*no time zone/,
    );
    for (const body of ['{bad json', '[]', 'null', '{"amount": "lots"}']) {
      const r = await call('POST', '/api/orders', { cookie: h1, body });
      expect(r.status, body).toBe(400);
    }
    expect((await call('GET', '/api/orders?limit=-1', { cookie: h1 })).status).toBe(400);
    expect((await call('GET', '/api/orders/not-a-uuid', { cookie: h1 })).status).toBe(400);
    expect((await call('GET', '/api/orders')).status).toBe(401);
  });

  it('holds every order to the product’s per-patient limits, naming the limit', async () => {
    const h1 = await signIn('hospital1.orderer@demo.halflife');
    const refused = async (productCode: string, amount: unknown): Promise<string> => {
      const r = await call('POST', '/api/orders', {
        cookie: h1,
        body: { ...lutetiumOrder, productCode, amount },
      });
      expect(r.status, JSON.stringify(amount)).toBe(400);
      return (r.body['error'] as { message: string }).message;
    };
    expect(await refused('F18-FDG', { kind: 'fixed', activityBq: 370e12 })).toBe(
      'amount.activityBq: 370 TBq is above the most one patient may get of F18-FDG, 444 MBq',
    );
    expect(await refused('LU177-PSMA617', { kind: 'fixed', activityBq: 740e9 })).toBe(
      'amount.activityBq: 740 GBq is above the most one patient may get of LU177-PSMA617, 8.14 GBq',
    );
    expect(
      await refused('AC225-PSMA617', { kind: 'per_kg', perKgBq: 1e308, patientWeightKg: 400 }),
    ).toBe(
      'amount.perKgBq: an unbounded activity for the patient is above the most one patient may get of AC225-PSMA617, 75.48 MBq',
    );
    expect(await refused('F18-FDG', { kind: 'fixed', activityBq: 5e-324 })).toBe(
      'amount.activityBq: 4.94066e-324 Bq is below the least one patient may get of F18-FDG, 18.5 MBq',
    );
    expect(await refused('F18-FDG', { kind: 'doses', doses: 2, activityPerDoseBq: 1e12 })).toMatch(
      /^amount\.activityPerDoseBq: 1 TBq is above the most/,
    );
    expect(
      await refused('AC225-PSMA617', { kind: 'per_kg', perKgBq: 1e5, patientWeightKg: 401 }),
    ).toBe('amount.patientWeightKg: must be at most 400 kg');
    // The assessment refuses what placing refuses, with the same words.
    const assessed = await call('POST', '/api/orders/assess', {
      cookie: h1,
      body: { ...lutetiumOrder, amount: { kind: 'fixed', activityBq: 740e9 } },
    });
    expect(assessed.status).toBe(400);
    expect((assessed.body['error'] as { message: string }).message).toMatch(/8\.14 GBq$/);
    // The limits the web form checks are the API's own.
    const products = await call('GET', '/api/products', { cookie: h1 });
    expect(products.body['limits']).toEqual({ patientWeightKg: { min: 0, max: 400 } });
    const fdg = (products.body['products'] as { code: string; maxDoseBq: number }[]).find(
      (p) => p.code === 'F18-FDG',
    );
    expect(fdg?.maxDoseBq).toBeCloseTo(444e6, 0);
  });

  it('lets a partner system act through an API token', async () => {
    const planner = await signIn('planner@demo.halflife');
    const issued = await call('POST', '/api/tokens', {
      cookie: planner,
      body: { name: 'HIS bridge' },
    });
    expect(issued.status).toBe(201);
    const me = await call('GET', '/api/me', { token: issued.body['token'] as string });
    expect(me.body).toMatchObject({ email: 'planner@demo.halflife', role: 'planner' });
    expect((await call('GET', '/api/me', { token: 'hlt_forged' })).status).toBe(401);
  });

  it('tells a starting web app whether it is signed in without an error status', async () => {
    const out = await call('GET', '/api/auth/session');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ me: null, day: null });
    const planner = await signIn('planner@demo.halflife');
    const signedIn = await call('GET', '/api/auth/session', { cookie: planner });
    expect(signedIn.body['me']).toMatchObject({ email: 'planner@demo.halflife', role: 'planner' });
    // NOW is a Monday in Shanghai: the demo's orders are on Tuesday, tomorrow.
    expect(signedIn.body['day']).toMatchObject({
      zone: 'Asia/Shanghai',
      date: '2026-11-24',
      why: 'Tuesday 2026-11-24: tomorrow, the next day with orders',
    });
  });

  it('decays through the engine', async () => {
    const r = await call('POST', '/api/decay', {
      body: { inventory: { 'Lu-177': 7.4 }, unit: 'GBq', seconds: 6.6443 * 86400 },
    });
    const lu = (r.body['members'] as { nuclide: string; activityBq: number }[]).find(
      (m) => m.nuclide === 'Lu-177',
    );
    expect(lu?.activityBq).toBeCloseTo(3.7e9, -3);
  });

  it('reads nuclide names in Chinese: 镥-177 is Lu-177', async () => {
    const r = await call('POST', '/api/decay', {
      body: { inventory: { '镥-177': 7.4 }, unit: 'GBq', seconds: 6.6443 * 86400 },
    });
    expect(r.status).toBe(200);
    const members = r.body['members'] as { nuclide: string; activityBq: number }[];
    expect(members.find((m) => m.nuclide === 'Lu-177')?.activityBq).toBeCloseTo(3.7e9, -3);
  });

  it('keeps the language a user chooses, and refuses one it does not speak', async () => {
    const cookie = await signIn('analyst@demo.halflife');
    const before = await call('GET', '/api/me', { cookie });
    expect(before.body['locale']).toBeNull();
    const chosen = await call('PUT', '/api/me/locale', { cookie, body: { locale: 'zh-CN' } });
    expect(chosen.status).toBe(204);
    const after = await call('GET', '/api/auth/session', { cookie });
    expect((after.body['me'] as { locale: string }).locale).toBe('zh-CN');
    const wrong = await call('PUT', '/api/me/locale', { cookie, body: { locale: 'fr' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toMatch(/locale/);
    const signedOut = await call('PUT', '/api/me/locale', { body: { locale: 'en' } });
    expect(signedOut.status).toBe(401);
  });

  it('lets only an administrator add to the network, each addition audited', async () => {
    const admin = await signIn('admin@demo.halflife');
    const planner = await signIn('planner@demo.halflife');
    const product = {
      code: 'CU64-DOTATATE',
      name: 'Cu-64 DOTATATE (test)',
      ligand: 'DOTATATE',
      nuclide: '64Cu',
      target: 'SSTR2',
      use: 'diagnostic',
      route: 'cyclotron',
      synthesisMinutes: 40,
      qcMinutes: 30,
      radiochemicalYield: 0.8,
      maxBatchBq: 2e10,
      shelfLifeMinutes: 600,
      tolerancePct: 10,
      costPerBatch: 5000,
      costPerGbq: 1000,
      doseBq: 1.48e8,
      minDoseBq: 1e7,
      maxDoseBq: 2e8,
      source: 'test data',
    };
    expect((await call('POST', '/api/products', { cookie: planner, body: product })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/products', { cookie: admin, body: product })).status).toBe(
      201,
    );
    expect((await call('POST', '/api/products', { cookie: admin, body: product })).status).toBe(
      409,
    );
    // Two administrators racing to add the same product: one wins, the other gets 409, not 500.
    const race = await Promise.all(
      [1, 2, 3].map(() =>
        call('POST', '/api/products', { cookie: admin, body: { ...product, code: 'CU64-RACE' } }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const badNuclide = await call('POST', '/api/products', {
      cookie: admin,
      body: { ...product, code: 'X-1', nuclide: 'Cu-999' },
    });
    expect((badNuclide.body['error'] as { message: string }).message).toMatch(
      /^nuclide: unknown nuclide "Cu-999"/,
    );

    const place = {
      city: 'Lanzhou',
      address: 'test',
      latitude: 36.0611,
      longitude: 103.8343,
      timeZone: 'Asia/Shanghai',
    };
    const site = await call('POST', '/api/sites', {
      cookie: admin,
      body: {
        ...place,
        name: 'Test site',
        licences: [{ nuclide: 'cu64', maxActivityBq: 1e11 }],
        productCodes: ['CU64-DOTATATE'],
      },
    });
    expect(site.status).toBe(201);
    const hospital = await call('POST', '/api/hospitals', {
      cookie: admin,
      body: { ...place, name: 'Test hospital (test)' },
    });
    expect(hospital.status).toBe(201);
    const lane = await call('POST', '/api/lanes', {
      cookie: admin,
      body: {
        siteId: site.body['id'],
        hospitalId: hospital.body['id'],
        mode: 'road',
        durationMinutes: 35,
        cost: 200,
      },
    });
    expect(lane.status).toBe(201);
    const rows = await db.kysely
      .selectFrom('audit_log')
      .select('entity')
      .where('action', '=', 'create')
      .where('entity', 'in', ['product', 'site', 'hospital', 'lane'])
      .execute();
    expect(rows.map((r) => r.entity).sort()).toEqual([
      'hospital',
      'lane',
      'product',
      'product',
      'site',
    ]);
  });

  it('has written an intact audit trail of all of it', async () => {
    const verdict = await verifyAudit(db.kysely);
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThan(500);
    // Every order, generator, elution, run and lot re-derives from the trail as it stands.
    expect(await unauditedChanges(db.kysely)).toEqual([]);
  });

  it('names an order changed or removed behind the product’s back', async () => {
    const [first, second] = await db.kysely
      .selectFrom('orders')
      .select(['id', 'status'])
      .orderBy('id')
      .limit(2)
      .execute();
    await db.kysely
      .updateTable('orders')
      .set({ status: 'cancelled' })
      .where('id', '=', first!.id)
      .execute();
    await db.kysely.deleteFrom('orders').where('id', '=', second!.id).execute();
    const found = await unauditedChanges(db.kysely);
    expect(found).toEqual(
      expect.arrayContaining([
        {
          entity: 'order',
          id: first!.id,
          problem: `changed without an audit entry: status "${first!.status}" → "cancelled"`,
        },
        { entity: 'order', id: second!.id, problem: 'was removed without an audit entry' },
      ]),
    );
  });
});
