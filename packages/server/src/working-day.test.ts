import { testDb, type Db } from '@halflife/db';
import { isoWeekday } from '@halflife/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { clockAt } from './clock.js';
import { seedDemoNetwork } from './services/seed-service.js';

/**
 * The product on awkward days: the demo is seeded and the screens open on a day with orders
 * whatever the clock says. Each case seeds its own database with its own clock.
 */
const PASSWORD = 'test-password';
let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function productAt(now: Date): Promise<{ app: App; seededOn: string; orders: number }> {
  db = await testDb();
  const summary = await seedDemoNetwork(db, { now, password: PASSWORD });
  if (!summary) throw new Error('the test database was not empty');
  const app = createApp({
    db: db.kysely,
    now: clockAt(now),
    databaseKind: db.kind,
    secureCookies: false,
  });
  return { app, seededOn: summary.date, orders: summary.orders };
}

async function session(app: App, email: string) {
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const res = await app.request('/api/auth/session', { headers: { cookie } });
  const body = (await res.json()) as {
    day: { today: string; date: string; why: string; zone: string; receivingWeekdays: number[] };
  };
  return { cookie, day: body.day };
}

describe('whatever day it is', () => {
  it.each([
    ['a Saturday noon in Shanghai', '2026-12-05T04:00:00Z', '2026-12-05', '2026-12-07'],
    ['a Sunday evening in Shanghai', '2026-12-06T12:00:00Z', '2026-12-06', '2026-12-07'],
    ['New Year’s Eve, 23:30 in Shanghai', '2026-12-31T15:30:00Z', '2026-12-31', '2027-01-01'],
    ['a Friday, 23:59 in Shanghai', '2026-12-04T15:59:00Z', '2026-12-04', '2026-12-07'],
    ['the hour Europe moves its clocks back', '2026-10-25T01:30:00Z', '2026-10-25', '2026-10-26'],
  ])('on %s the demo has orders and the screens open on them', async (_, at, today, expected) => {
    const { app, seededOn, orders } = await productAt(new Date(at));
    expect(seededOn).toBe(expected);
    expect(isoWeekday(seededOn)).toBeLessThanOrEqual(5);
    expect(orders).toBeGreaterThan(400);

    const { cookie, day } = await session(app, 'planner@demo.halflife');
    expect(day).toMatchObject({ zone: 'Asia/Shanghai', today, date: expected });
    expect(day.why).toContain(expected);
    const list = await app.request(`/api/orders?date=${day.date}&limit=10000`, {
      headers: { cookie },
    });
    expect(((await list.json()) as { total: number }).total).toBe(orders);

    const hospital = await session(app, 'hospital1.orderer@demo.halflife');
    expect(hospital.day.receivingWeekdays).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    expect(hospital.day.date >= hospital.day.today).toBe(true);
  });

  it('opens a hospital in a zone with daylight saving on its own next receiving day', async () => {
    // 05:30 UTC on 1 November 2026 is 01:30 in New York, in the hour that repeats.
    const { app } = await productAt(new Date('2026-11-01T05:30:00Z'));
    await db!.kysely
      .updateTable('hospitals')
      .set({ time_zone: 'America/New_York' })
      .where('organisation_id', 'in', (eb) =>
        eb
          .selectFrom('users')
          .select('organisation_id')
          .where('email', '=', 'hospital1.orderer@demo.halflife'),
      )
      .execute();
    await db!.kysely.updateTable('orders').set({ status: 'cancelled' }).execute();
    const { day } = await session(app, 'hospital1.orderer@demo.halflife');
    expect(day).toMatchObject({
      zone: 'America/New_York',
      today: '2026-11-01',
      date: '2026-11-02',
    });
    expect(day.why).toMatch(/the next day on which hospitals receive; no orders for it yet/);
  });
});
