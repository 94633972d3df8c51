import { tomorrowIn } from '@halflife/domain';
import { type Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import type { NetworkMapView } from './services/map-service.js';
import { seededTestDb } from '../test/seeded-db.js';

/** The network map on the seeded demo network (12 sites, 150 hospitals, 8 products). */
const NOW = new Date('2026-11-23T00:00:00Z'); // a Monday; tomorrow in Shanghai is a Tuesday
const DATE = tomorrowIn(NOW, 'Asia/Shanghai');
const PASSWORD = 'test-password';
let db: Db;
let app: App;

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

async function signIn(email: string): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function getMap(cookie: string | undefined, date = DATE) {
  const res = await app.request(`/api/network/map?date=${date}`, {
    headers: cookie ? { cookie } : {},
  });
  return { status: res.status, body: await res.json() };
}

describe('GET /api/network/map', () => {
  it("shows a planner every hospital's reach for every product", async () => {
    const cookie = await signIn('planner@demo.halflife');
    const started = performance.now();
    const res = await getMap(cookie);
    const ms = performance.now() - started;
    console.info(`GET /api/network/map on the demo network: ${ms.toFixed(0)} ms`);
    expect(res.status).toBe(200);
    const map = res.body as NetworkMapView;
    expect(map.sites).toHaveLength(12);
    expect(map.hospitals).toHaveLength(150);
    expect(map.lanes).toHaveLength(188 + 493);
    expect(map.sites.every((s) => s.products.length > 0)).toBe(true);
    const products = map.hospitals[0]!.reach.map((r) => r.productCode);
    expect(products).toHaveLength(8);
    for (const h of map.hospitals) {
      expect(h.reach.map((r) => r.productCode)).toEqual(products);
      for (const r of h.reach) {
        expect(r.hoursChecked).toBeGreaterThan(0);
        if (r.servable) {
          expect(r.earliest).toMatch(/^\d\d:00$/);
          expect(r.latest! >= r.earliest!).toBe(true);
          expect(r.sites.length).toBeGreaterThan(0);
          expect(r.reason).toBeNull();
        } else {
          expect(r.reason).toEqual(expect.any(String));
          expect(r.earliest).toBeNull();
        }
      }
    }
    const all = map.hospitals.flatMap((h) => h.reach);
    expect(all.some((r) => r.servable)).toBe(true);
    const unreachable = all.find((r) => !r.servable);
    expect(unreachable?.reason?.length).toBeGreaterThan(10);
  }, 120_000);

  it('is for producer staff only', async () => {
    expect((await getMap(undefined)).status).toBe(401);
    expect((await getMap(await signIn('hospital1.staff@demo.halflife'))).status).toBe(403);
    expect((await getMap(await signIn('courier@demo.halflife'))).status).toBe(403);
  });

  it('refuses a date that does not exist', async () => {
    const res = await getMap(await signIn('analyst@demo.halflife'), '2026-02-30');
    expect(res.status).toBe(400);
  });
});
