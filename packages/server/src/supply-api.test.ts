import { tomorrowIn } from '@halflife/domain';
import { verifyAudit, type Db } from '@halflife/db';
import { checkPlan, type Plan, type PlanningInstance } from '@halflife/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { plansSettled } from './services/plan-execution.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Supply records through the API (issue 6): generators and elutions re-estimating the efficiency,
 * cyclotron runs within the target's limits, lots with decay and expiry, and a plan of the date
 * that takes a recorded generator's elutions as its supply.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(NOW, 'Asia/Shanghai');
const PASSWORD = 'test-password';
let db: Db;
let app: App;
let planner: string;
let pharmacist: string;
let siteId: string;

type Body = Record<string, unknown>;

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
  planner = await signIn('planner@demo.halflife');
  pharmacist = await signIn('radiopharmacist@demo.halflife');
  siteId = (
    await db.kysely
      .selectFrom('sites')
      .select('id')
      .where('name', 'like', '%Hangzhou%')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await plansSettled();
  await db?.close();
});

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: {
      cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
}

async function signIn(email: string): Promise<string> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const issuePaths = (body: Body) =>
  ((body['error'] as Body)['issues'] as { path: string }[] | undefined)?.map((i) => i.path);

/** The daughter on the column at `at` (a 100% elution), from the yield curve. */
async function columnAt(id: string, at: string): Promise<number> {
  const r = await call('GET', `/api/generators/${id}/yield?from=${at}&to=${at}&step=60`, planner);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return ((r.body['points'] as Body[])[0] as Body)['columnBq'] as number;
}

let generatorId: string;
const LABEL = 'Ge-68/Ga-68 test generator (supply API test)';

describe('supply records through the API', () => {
  it('lets producer roles record, analysts read, and hospitals nothing', async () => {
    const orderer = await signIn('hospital1.orderer@demo.halflife');
    const analyst = await signIn('analyst@demo.halflife');
    expect((await call('GET', '/api/generators', orderer)).status).toBe(403);
    expect((await call('GET', '/api/lots', orderer)).status).toBe(403);
    expect((await call('GET', `/api/sites/${siteId}/supply`, orderer)).status).toBe(403);
    const lot = { siteId, supplier: 'x', profile: 'Lu-177 no-carrier-added', activityBq: 1e9 };
    const body = { ...lot, referenceAt: '2026-11-20T10:00:00+08:00', label: 'x' };
    expect((await call('POST', '/api/lots', orderer, body)).status).toBe(403);
    expect((await call('POST', '/api/lots', analyst, body)).status).toBe(403);
    const list = await call('GET', '/api/generators', analyst);
    expect(list.status).toBe(200);
    expect((list.body['generators'] as unknown[]).length).toBeGreaterThan(10);
    expect((await call('GET', '/api/generators', pharmacist)).status).toBe(200);
  });

  it('re-estimates a generator’s efficiency from recorded elutions, and predicts with it', async () => {
    const created = await call('POST', '/api/generators', pharmacist, {
      siteId,
      type: 'Ge-68/Ga-68',
      parentActivityBq: 1.85e9,
      calibratedAt: '2026-11-01T09:00:00+08:00',
      label: LABEL,
      serial: 'TEST-1',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    generatorId = created.body['id'] as string;
    const nominal = created.body['efficiency'] as Body;
    expect(nominal).toMatchObject({ basis: 'nominal', records: 0 });
    expect(nominal['value'] as number).toBeCloseTo(0.7 - 0.1 * (22 / 365.2422), 2);
    expect(created.body['elutionIntervalMinutes']).toBe(150);

    const first = '2026-11-20T01:00:00Z';
    const column1 = await columnAt(generatorId, first);
    expect(column1).toBeGreaterThan(1.7e9); // equilibrium, Ge-68 decayed for 19 d
    const r1 = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at: first,
      measuredActivityBq: 0.5 * column1,
      breakthroughBq: 1e-7 * column1,
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(r1.body['elution']).toMatchObject({ breakthroughPassed: true });
    expect((r1.body['elution'] as Body)['efficiency'] as number).toBeCloseTo(0.5, 9);
    const after1 = (r1.body['generator'] as Body)['efficiency'] as Body;
    expect(after1).toMatchObject({ basis: 'records', records: 1 });
    expect(after1['value'] as number).toBeCloseTo(0.5, 9);

    const second = '2026-11-21T01:00:00Z';
    const column2 = await columnAt(generatorId, second);
    const r2 = await call('POST', `/api/generators/${generatorId}/elutions`, planner, {
      at: second,
      measuredActivityBq: 0.6 * column2,
    });
    expect(r2.status).toBe(201);
    // The latest weighs twice the one before: (0.6 + 0.5 / 2) / 1.5.
    const detail = await call('GET', `/api/generators/${generatorId}`, planner);
    expect(detail.status).toBe(200);
    const estimate = detail.body['efficiency'] as Body;
    expect(estimate['value'] as number).toBeCloseTo(0.85 / 1.5, 9);
    const now = detail.body['now'] as Body;
    expect(now['efficiency'] as number).toBeCloseTo(0.85 / 1.5, 9);
    expect((now['eluateBq'] as number) / (now['columnBq'] as number)).toBeCloseTo(0.85 / 1.5, 9);
    expect(detail.body['elutions'] as unknown[]).toHaveLength(2);

    const curve = await call(
      'GET',
      `/api/generators/${generatorId}/yield?from=2026-11-20T00:00:00Z&to=2026-11-22T00:00:00Z&step=3600`,
      planner,
    );
    expect(curve.status).toBe(200);
    expect(curve.body['points'] as unknown[]).toHaveLength(49);
    expect(curve.body['elutions'] as unknown[]).toHaveLength(2);

    const interval = await call(
      'GET',
      `/api/generators/${generatorId}/optimal-interval?handlingHours=4`,
      planner,
    );
    expect(interval.status).toBe(200);
    expect(interval.body['atShortestTried']).toBe(false);
  });

  it('refuses an elution before the previous one, naming the field', async () => {
    const early = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at: '2026-11-20T12:00:00Z',
      measuredActivityBq: 1e8,
    });
    expect(early.status).toBe(400);
    expect(issuePaths(early.body)).toEqual(['at']);
    expect((early.body['error'] as Body)['message']).toMatch(/^at: is before the previous elution/);
    const zoneless = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at: '2026-11-22T09:00',
    });
    expect(zoneless.status).toBe(400);
    expect(issuePaths(zoneless.body)).toEqual(['at']);
    const future = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at: '2026-11-25T09:00:00+08:00',
    });
    expect(future.status).toBe(400);
  });

  it('refuses an eluate the column cannot hold, and corrects or voids a wrong record with a reason', async () => {
    const at = '2026-11-22T01:00:00Z';
    const column = await columnAt(generatorId, at);
    const impossible = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at,
      measuredActivityBq: 2.79 * column,
    });
    expect(impossible.status).toBe(400);
    expect(issuePaths(impossible.body)).toEqual(['measuredActivityBq']);
    expect((impossible.body['error'] as Body)['message']).toMatch(
      /^measuredActivityBq: .* is 279% of the .* of Ga-68 the column holds at that time; more than 110% cannot have been eluted/,
    );
    const before = await call('GET', `/api/generators/${generatorId}`, planner);
    expect(before.body['elutions'] as unknown[]).toHaveLength(2);

    // A record typed wrong (0.9 of the column instead of 0.7) is corrected, then one is voided.
    const typo = await call('POST', `/api/generators/${generatorId}/elutions`, pharmacist, {
      at,
      measuredActivityBq: 0.9 * column,
    });
    expect(typo.status).toBe(201);
    const elutionId = (typo.body['elution'] as Body)['id'] as string;
    const amend = (body: unknown, who = pharmacist) =>
      call('POST', `/api/generators/${generatorId}/elutions/${elutionId}/amend`, who, body);
    expect((await amend({ action: 'correct', measuredActivityBq: 0.7 * column })).status).toBe(400);
    const tooMuch = await amend({ action: 'correct', measuredActivityBq: 5 * column, reason: 'x' });
    expect(tooMuch.status).toBe(400);
    expect(issuePaths(tooMuch.body)).toEqual(['measuredActivityBq']);
    const corrected = await amend({
      action: 'correct',
      measuredActivityBq: 0.7 * column,
      reason: 'read 0.9 for 0.7 off the calibrator',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const last = (corrected.body['elutions'] as Body[]).at(-1)!;
    expect(last['efficiency'] as number).toBeCloseTo(0.7, 9);
    const voided = await amend({ action: 'void', reason: 'entered twice' });
    expect(voided.status).toBe(200);
    expect(voided.body['elutions'] as unknown[]).toHaveLength(2);
    expect((await amend({ action: 'void', reason: 'again' })).status).toBe(404);
    // Both changes are in the audit trail with the old values and the reasons.
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'reason', 'before'])
      .where('entity', '=', 'elution')
      .where('entity_id', '=', elutionId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ['create', null],
      ['correct', 'read 0.9 for 0.7 off the calibrator'],
      ['void', 'entered twice'],
    ]);
  });

  it('refuses a cyclotron run above the beam limit; predicts the EOB activity of one within', async () => {
    const run = {
      siteId,
      target: 'F-18 from O-18 water',
      startAt: '2026-11-24T04:00:00+08:00',
      endAt: '2026-11-24T05:30:00+08:00',
    };
    const over = await call('POST', '/api/cyclotron-runs', planner, { ...run, beamCurrentUA: 100 });
    expect(over.status).toBe(400);
    expect(issuePaths(over.body)).toEqual(['beamCurrentUA']);
    expect((over.body['error'] as Body)['message']).toMatch(/limit of 60 µA/);
    const ok = await call('POST', '/api/cyclotron-runs', planner, { ...run, beamCurrentUA: 20 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // 7 GBq/µA · 20 µA · (1 − 2^(−90 min / 109.7 min)) ≈ 61 GBq (facts.md: 60 GBq per 90-min run).
    expect(ok.body['predictedEobBq'] as number).toBeGreaterThan(58e9);
    expect(ok.body['predictedEobBq'] as number).toBeLessThan(64e9);
    const listed = await call('GET', `/api/cyclotron-runs?siteId=${siteId}`, planner);
    expect((listed.body['runs'] as unknown[]).length).toBe(1);
  });

  it("shows a lot's decay, impurity ratio, expiry, licence and waste impact", async () => {
    const created = await call('POST', '/api/lots', pharmacist, {
      siteId,
      supplier: 'Test supplier',
      profile: 'Lu-177 carrier-added',
      activityBq: 100e9,
      referenceAt: '2026-11-20T10:00:00+08:00',
      expiresAt: '2026-11-27T10:00:00+08:00',
      label: 'Lu-177 test lot',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ nuclide: 'Lu-177', carrier: 'carrier-added' });
    const detail = await call('GET', `/api/lots/${created.body['id'] as string}`, planner);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const days = (NOW.getTime() - Date.parse('2026-11-20T02:00:00Z')) / 86_400_000;
    expect((detail.body['activityNowBq'] as number) / 100e9).toBeCloseTo(2 ** (-days / 6.647), 2);
    const curve = detail.body['curve'] as { at: string; activityBq: number }[];
    expect(curve.length).toBeGreaterThan(50);
    expect(curve[0]?.activityBq).toBeCloseTo(100e9, -3);
    expect(curve.every((p, k) => k === 0 || p.activityBq < (curve[k - 1]?.activityBq ?? 0))).toBe(
      true,
    );
    expect(detail.body['expiry']).toEqual({ at: '2026-11-27T02:00:00.000Z', reason: 'label' });
    const ratio = (detail.body['impurityRatios'] as Body[])[0] as Body;
    expect(ratio['nuclide']).toBe('Lu-177m');
    expect(ratio['now'] as number).toBeGreaterThan(ratio['atReference'] as number);
    expect((detail.body['waste'] as Body)['longestLived']).toBe('Lu-177m');
    const held = (detail.body['licence'] as Body)['held'] as { nuclide: string }[];
    expect(held.map((h) => h.nuclide)).toContain('Lu-177m');
    // Hangzhou holds no Lu-177 licence: the lot exceeds it.
    const exceeded = (detail.body['licence'] as Body)['exceeded'] as { nuclide: string }[];
    expect(exceeded.map((e) => e.nuclide)).toContain('Lu-177');
  });

  it("plans the date with the recorded generator's elutions as the site's supply", async () => {
    const supply = await call('GET', `/api/sites/${siteId}/supply?date=${DATE}`, planner);
    expect(supply.status, JSON.stringify(supply.body)).toBe(200);
    const mine = (supply.body['generators'] as Body[]).find((g) => g['id'] === generatorId);
    expect(mine).toMatchObject({ efficiencyBasis: 'records', intervalMinutes: 150 });
    const releases = (mine as Body)['releases'] as { at: string; activityBq: number }[];
    expect(releases.map((r) => r.at.slice(11, 16))).toEqual([
      '21:00',
      '23:30',
      '02:00',
      '04:30',
      '07:00',
      '09:30',
      '12:00',
    ]); // 05:00–21:00 local, every 2.5 h (two Ga-68 half-lives)
    const first = releases[0] as { at: string; activityBq: number };
    const column = await columnAt(generatorId, first.at);
    expect(first.activityBq).toBeCloseTo((column * 0.85) / 1.5, -3);
    // The F-18 run recorded above is the site's F-18 for the day: nothing is left to buy.
    expect(supply.body['boughtAsNeeded']).toEqual([]);
    const runs = supply.body['cyclotronRuns'] as Body[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ nuclide: 'F-18', measured: false });

    const started = await call('POST', '/api/plans', planner, {
      date: DATE,
      days: 1,
      method: 'greedy',
    });
    expect(started.status).toBe(202);
    const id = started.body['id'] as string;
    let record: Body = {};
    for (let k = 0; k < 600; k++) {
      record = (await call('GET', `/api/plans/${id}?instance=true`, planner)).body;
      if (record['status'] !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(record['status'], String(record['error'])).toBe('ready');
    const instance = record['instance'] as PlanningInstance;
    const site = instance.sites.find((s) => s.id === siteId);
    const entry = site?.supply.find((s) => s.label === LABEL);
    expect(entry).toMatchObject({ nuclide: 'Ga-68', kind: 'generator' });
    expect(entry?.releases).toEqual(releases.map(({ at, activityBq }) => ({ at, activityBq })));
    expect(site?.supply.some((s) => s.kind === 'cyclotron' && s.nuclide === 'F-18')).toBe(true);
    expect((instance.sources ?? []).some((s) => s.includes(LABEL) && s.includes('records'))).toBe(
      true,
    );
    const check = checkPlan(instance, record['plan'] as Plan);
    expect(check.violations.slice(0, 5)).toEqual([]);
    expect(check.ok).toBe(true);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
