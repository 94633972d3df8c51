import { type Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { plansSettled } from './services/plan-execution.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * A plan's progress as Server-Sent Events: read from the record (so any server process can serve
 * the stream), `progress` while it runs and one `done` at the end.
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
  await plansSettled();
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

/** The events of a stream, read to its end. */
function events(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

describe('plan events', () => {
  it('streams a running plan’s progress and ends with done when it is ready', async () => {
    const planner = await signIn('planner@demo.halflife');
    const session = await app.request('/api/auth/session', { headers: { cookie: planner } });
    const { day } = (await session.json()) as { day: { date: string } };
    const started = await app.request('/api/plans', {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'application/json' },
      body: JSON.stringify({ date: day.date, method: 'greedy' }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };

    const res = await app.request(`/api/plans/${id}/events`, { headers: { cookie: planner } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = events(await res.text());
    expect(stream.length).toBeGreaterThanOrEqual(1);
    expect(stream.at(-1)).toMatchObject({ event: 'done', data: { id, status: 'ready' } });
    expect(stream.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);

    // A finished plan answers done at once; another caller's role is refused; an unknown plan 404.
    const again = events(
      await (await app.request(`/api/plans/${id}/events`, { headers: { cookie: planner } })).text(),
    );
    expect(again.map((e) => [e.event, e.data['status']])).toEqual([['done', 'ready']]);
    const hospital = await signIn('hospital1.orderer@demo.halflife');
    const refused = await app.request(`/api/plans/${id}/events`, { headers: { cookie: hospital } });
    expect(refused.status).toBe(403);
    const missing = await app.request('/api/plans/00000000-0000-4000-8000-000000000000/events', {
      headers: { cookie: planner },
    });
    expect(missing.status).toBe(404);
  });
});
