import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { verifyAudit, type Db } from '@halflife/db';
import { addDays } from '@halflife/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { message, TestApi, type Body } from '../test/production-fixture.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * The supply outlook through the API (issue 16): the demo's synthetic history forecast and
 * back-tested, a constructed history whose outlook is known exactly (a shortfall week with its
 * probability, the allocation, the scenario), a history too short to forecast or to back-test,
 * hostile input and who may not call it.
 */
const NOW = new Date('2026-11-23T00:00:00Z'); // Monday 08:00 in Shanghai
const PASSWORD = 'test-password';
const planner = 'planner@demo.halflife';
const analyst = 'analyst@demo.halflife';
const pharmacist = 'radiopharmacist@demo.halflife';
const orderer = 'hospital1.orderer@demo.halflife';
const courier = 'courier@demo.halflife';
let db: Db;
let api: TestApi;
/** A site with the Ac-225 hot cell (0.2 GBq each Tuesday), and one without Ac-225. */
let acSite: { id: string; name: string };
let otherSite: { id: string; name: string };

interface Week {
  week: string;
  demand: { mean: number; lower80: number; upper80: number; lower95: number; upper95: number };
  forecast: number;
  known: number;
  scenario: number;
  supply: { mean: number; sd: number };
  probability: number;
  gap: number;
}
type Outlook = Body & {
  weekly: Week[];
  history: Body & { series: Body[] };
  backTest: Body;
  conversion: { productCode: string; nuclideGBqPerDose: number }[];
  allocation: (Body & { claims: Body[]; allocations: Body[] }) | null;
};

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  const app = createApp({
    db: db.kysely,
    now: () => NOW,
    databaseKind: db.kind,
    secureCookies: false,
  });
  api = new TestApi(app, { now: NOW }, PASSWORD);
  const sites = await db.kysely
    .selectFrom('sites')
    .leftJoin('site_products', 'site_products.site_id', 'sites.id')
    .leftJoin('products', 'products.id', 'site_products.product_id')
    .select(['sites.id', 'sites.name', 'products.code'])
    .orderBy('sites.name')
    .execute();
  const makesAc = new Set(sites.filter((s) => s.code === 'AC225-PSMA617').map((s) => s.id));
  acSite = sites.find((s) => makesAc.has(s.id))!;
  otherSite = sites.find((s) => !makesAc.has(s.id))!;
});
afterAll(async () => {
  await db?.close();
});

const outlook = async (query: string, who = planner) => {
  const r = await api.call('GET', `/api/strategy/outlook?${query}`, who);
  return { status: r.status, body: r.body as Outlook };
};

/** `n` weekly rows of `doses` ending with the last whole week before NOW. */
function csv(site: string, weeks: number, doses: (t: number) => number): string {
  const last = '2026-11-16';
  const rows = Array.from({ length: weeks }, (_, t) => {
    const week = addDays(last, -7 * (weeks - 1 - t));
    return `${week},AC225-PSMA617,${site},${doses(t)}`;
  });
  return ['week,product,site,doses', ...rows].join('\n');
}

describe('the supply outlook on the demo network', () => {
  it('forecasts the synthetic history, says it is synthetic, and back-tests it', async () => {
    const { status, body } = await outlook('nuclide=Lu-177');
    expect(status, JSON.stringify(body)).toBe(200);
    const inChinese = await outlook(`nuclide=${encodeURIComponent('镥-177')}`);
    expect(inChinese.body).toEqual(body);
    expect(body).toMatchObject({ nuclide: 'Lu-177', site: null, from: '2026-11-30', weeks: 26 });
    expect(body['unit']).toBe('GBq');
    expect(body.history).toMatchObject({
      status: 'ok',
      weeks: 156,
      syntheticWeeks: 156,
      synthetic: true,
      last: '2026-11-16',
    });
    expect(body.history['message']).toMatch(/156 synthetic demo weeks/);
    expect(body['method']).toMatchObject({ season: 52, seasonal: true });
    expect(body.backTest).toMatchObject({ status: 'ok', holdout: 26, trainedOn: 130 });
    // The synthetic history's noise is about 10% of a week: a fair forecast, better than naive.
    expect(body.backTest['mape']).toBeLessThan(0.2);
    expect(body.backTest['mase']).toBeLessThan(1);
    expect(body.backTest['coverage95']).toBeGreaterThan(0.8);
    expect(body.weekly).toHaveLength(26);
    expect(body.weekly[0]!.week).toBe('2026-11-30');
    for (const w of body.weekly) {
      expect(w.demand.lower95).toBeLessThanOrEqual(w.demand.lower80);
      expect(w.demand.lower80).toBeLessThanOrEqual(w.demand.mean + 1e-9);
      expect(w.demand.mean).toBeLessThanOrEqual(w.demand.upper80 + 1e-9);
      expect(w.demand.upper80).toBeLessThanOrEqual(w.demand.upper95);
      expect(w.supply.mean).toBeGreaterThan(0);
      expect(w.probability).toBeGreaterThanOrEqual(0);
      expect(w.probability).toBeLessThanOrEqual(1);
    }
    // Three Lu-177 sites, each 2 × 370 GBq a week, 5% delivery risk.
    expect(body.weekly[0]!.supply.mean).toBeCloseTo(3 * 2 * 370 * 0.95, 6);
    expect(body['supplyItems']).toContainEqual(
      expect.objectContaining({ kind: 'lot-contract', meanGBqPerWeek: 703 }),
    );
  });

  it('projects a generator’s decay week by week', async () => {
    const { status, body } = await outlook('nuclide=Ga-68&weeks=12');
    expect(status).toBe(200);
    const supply = body.weekly.map((w) => w.supply.mean);
    // Ge-68 (271 d) decays about 1.8% a week; the weekly elutions follow it.
    for (let i = 1; i < supply.length; i++) {
      expect(supply[i]! / supply[i - 1]!).toBeGreaterThan(0.97);
      expect(supply[i]! / supply[i - 1]!).toBeLessThan(1);
    }
  });
});

describe('an outlook known exactly', () => {
  it('imports a constant history and gives the shortfall with its probability', async () => {
    const imported = await api.call('POST', '/api/strategy/history', analyst, {
      csv: csv(acSite.name, 156, () => 30),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 156, replaced: 156, first: '2023-11-27' });

    const { status, body } = await outlook(`nuclide=Ac-225&site=${acSite.id}`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.history).toMatchObject({
      status: 'ok',
      weeks: 156,
      importedWeeks: 156,
      synthetic: false,
    });
    const perDose = body.conversion[0]!.nuclideGBqPerDose;
    const demand = 30 * perDose;
    // A constant history: the forecast is the constant, with no spread.
    expect(body['method']).toMatchObject({ sigma: 0 });
    expect(body.backTest).toMatchObject({
      status: 'ok',
      mape: 0,
      smape: 0,
      coverage80: 1,
      coverage95: 1,
      mase: null,
    });
    const first = body.weekly[0]!;
    expect(first.known).toBe(0);
    expect(first.demand.mean).toBeCloseTo(demand, 2);
    expect(first.demand.upper95).toBeCloseTo(demand, 2);
    // One 0.2 GBq delivery each Tuesday that fails with probability 0.05.
    const sd = 0.2 * Math.sqrt(0.05 * 0.95);
    expect(first.supply.mean).toBeCloseTo(0.19, 6);
    expect(first.supply.sd).toBeCloseTo(sd, 3);
    expect(first.gap).toBeCloseTo(demand - 0.19, 2);
    expect(first.probability).toBeCloseTo(normalCdf((demand - 0.19) / sd, 0, 1), 3);
    expect(first.probability).toBeGreaterThan(0.5);
    expect(body['shortfallWeeks']).toBe(26);
    // The worst week's allocation: everything available to the forecast's therapy claim.
    expect(body.allocation).toMatchObject({ week: '2026-11-30', available: 0.19 });
    expect(body.allocation!.allocations).toEqual([
      expect.objectContaining({
        id: 'forecast:AC225-PSMA617',
        priority: 'therapy-new',
        allocated: 0.19,
        basis: 'partial',
      }),
    ]);
  });

  it('adds the scenario: growth a year on the forecast, and extra doses a week', async () => {
    const { body } = await outlook(`nuclide=Ac-225&site=${acSite.id}&growthPct=52&extraWeekly=2`);
    const perDose = body.conversion[0]!.nuclideGBqPerDose;
    const base = 30 * perDose;
    // Week k (1-based) grows by 52% × k/52 = k%.
    expect(body.weekly[0]!.scenario).toBeCloseTo(base * 0.01 + 2 * perDose, 3);
    expect(body.weekly[9]!.scenario).toBeCloseTo(base * 0.1 + 2 * perDose, 3);
    expect(body.weekly[9]!.demand.mean).toBeCloseTo(base * 1.1 + 2 * perDose, 3);
  });

  it('says when the history is too short to forecast, or to back-test, and never fails', async () => {
    const none = await outlook(`nuclide=Ac-225&site=${otherSite.id}`);
    expect(none.status).toBe(200);
    expect(none.body.history).toMatchObject({ status: 'insufficient', weeks: 0 });
    expect(none.body.history['message']).toMatch(/at least 8 are needed/);
    expect(none.body['method']).toBeNull();
    expect(none.body.backTest).toMatchObject({ status: 'unavailable' });
    expect(none.body.weekly[0]).toMatchObject({ forecast: 0, probability: 0 });

    const twenty = await api.call('POST', '/api/strategy/history', planner, {
      csv: csv(otherSite.id, 20, (t) => 10 + (t % 3)),
    });
    expect(twenty.status, JSON.stringify(twenty.body)).toBe(200);
    const short = await outlook(`nuclide=Ac-225&site=${otherSite.id}`);
    expect(short.body.history).toMatchObject({ status: 'ok', weeks: 20, synthetic: false });
    expect(short.body['method']).toMatchObject({ seasonal: false });
    expect(short.body.backTest['status']).toBe('unavailable');
    expect(short.body.backTest['message']).toMatch(
      /20 week\(s\) of history: a back-test on 26 held-out weeks needs at least 34/,
    );
    const scored = await outlook(`nuclide=Ac-225&site=${otherSite.id}&holdout=6`);
    expect(scored.body.backTest).toMatchObject({ status: 'ok', holdout: 6, trainedOn: 14 });
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });

  it('proposes again around a person’s adjustment', async () => {
    const claims = [
      { id: 'diag', priority: 'diagnostic', quantity: 3 },
      { id: 'cycle', priority: 'therapy-in-progress', quantity: 4 },
      { id: 'new', priority: 'therapy-new', quantity: 4 },
    ];
    const r = await api.call('POST', '/api/strategy/allocation', analyst, {
      available: 8,
      claims,
      adjustments: [{ id: 'diag', quantity: 3 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      (r.body['allocations'] as Body[]).map((a) => [a['id'], a['allocated'], a['basis']]),
    ).toEqual([
      ['diag', 3, 'adjusted'],
      ['cycle', 4, 'full'],
      ['new', 1, 'partial'],
    ]);
    const over = await api.call('POST', '/api/strategy/allocation', analyst, {
      available: 8,
      claims,
      adjustments: [{ id: 'diag', quantity: 5 }],
    });
    expect(over.status).toBe(400);
    expect(message(over.body)).toMatch(/adjustments diag: must be 0–3/);
  });
});

describe('hostile input', () => {
  it('refuses a bad query naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['', /nuclide/],
      ['nuclide=lutetium', /nuclide: expected a nuclide/],
      ['nuclide=Xe-999', /nuclide: no product is made of Xe-999/],
      ['nuclide=Lu-177&weeks=105', /weeks: must be at most 104/],
      ['nuclide=Lu-177&weeks=0', /weeks: must be at least 1/],
      ['nuclide=Lu-177&weeks=2.5', /weeks: expected a whole number/],
      ['nuclide=Lu-177&holdout=-1', /holdout/],
      ['nuclide=Lu-177&growthPct=abc', /growthPct/],
      ['nuclide=Lu-177&growthPct=-101', /growthPct: must be at least -100/],
      ['nuclide=Lu-177&extraWeekly=-1', /extraWeekly: must not be negative/],
      ['nuclide=Lu-177&from=2026-02-30', /from: expected a calendar date/],
      ['nuclide=Lu-177&site=nope', /site: expected a site id/],
    ];
    for (const [query, pattern] of cases) {
      const r = await outlook(query);
      expect(r.status, query).toBe(400);
      expect(message(r.body), query).toMatch(pattern);
    }
    const missing = await outlook('nuclide=Lu-177&site=00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('refuses a bad history naming the line, and stores nothing of it', async () => {
    const head = 'week,product,site,doses';
    const cases: [string, RegExp][] = [
      [
        'when,what\n2026-11-02,F18-FDG,x,1',
        /csv line 1: header: expected "week,product,site,doses"/,
      ],
      [head, /csv line 2: week: no rows/],
      [
        `${head}\n2026-11-02,F18-FDG,${acSite.id},1\n2026-11-03,F18-FDG,${acSite.id},1`,
        /csv line 3: week: 2026-11-03 is not a Monday/,
      ],
      [
        `${head}\n2026-11-23,F18-FDG,${acSite.id},1`,
        /csv line 2: week: 2026-11-23 is not a past week/,
      ],
      [`${head}\n2026-11-02,NOPE,${acSite.id},1`, /csv line 2: product: no product "NOPE"/],
      [`${head}\n2026-11-02,F18-FDG,Atlantis,1`, /csv line 2: site: no single site "Atlantis"/],
      [`${head}\n2026-11-02,F18-FDG,${acSite.id},-3`, /csv line 2: doses: expected a whole number/],
      [
        `${head}\n2026-11-02,F18-FDG,${acSite.id},1\n2026-11-02,F18-FDG,${acSite.id},2`,
        /csv line 3: week: .* appears twice/,
      ],
      [`${head}\n2026-11-02,F18-FDG,${acSite.id}`, /csv line 2: row: expected 4 fields/],
      [`${head}\nnot-a-date,F18-FDG,${acSite.id},1`, /csv line 2: week: expected a date/],
    ];
    for (const [text, pattern] of cases) {
      const r = await api.call('POST', '/api/strategy/history', planner, { csv: text });
      expect(r.status, text).toBe(400);
      expect(message(r.body), text).toMatch(pattern);
    }
    const huge = await api.call('POST', '/api/strategy/history', planner, {
      csv: 'x'.repeat(200_001),
    });
    expect(huge.status).toBe(400);
    expect(message(huge.body)).toMatch(/csv: at most 200000 characters/);
    const { body } = await outlook(`nuclide=F-18&site=${acSite.id}`);
    expect(body.history['importedWeeks']).toBe(0);
  });
});

describe('who may not', () => {
  it('keeps the outlook from hospitals and couriers, and the import from those who do not plan', async () => {
    for (const who of [orderer, courier]) {
      const r = await outlook('nuclide=Lu-177', who);
      expect(r.status).toBe(403);
      expect(message(r.body)).toMatch(/may not see supply records/);
      const a = await api.call('POST', '/api/strategy/allocation', who, {
        available: 1,
        claims: [],
      });
      expect(a.status).toBe(403);
    }
    const pharmacistImport = await api.call('POST', '/api/strategy/history', pharmacist, {
      csv: csv(acSite.id, 1, () => 1),
    });
    expect(pharmacistImport.status).toBe(403);
    expect(message(pharmacistImport.body)).toMatch(
      /a radiopharmacist may not import demand history/,
    );
    expect((await outlook('nuclide=Lu-177', pharmacist)).status).toBe(200);
    const signedOut = await api.app.request('/api/strategy/outlook?nuclide=Lu-177');
    expect(signedOut.status).toBe(401);
  });
});
