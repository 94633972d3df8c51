import { tomorrowIn } from '@halflife/domain';
import { verifyAudit, type Db } from '@halflife/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { plansSettled } from './services/plan-execution.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * One production day through the API on the seeded demo network: a committed plan opens batch
 * records; a Ga-68 batch is made step by step from a generator's eluate, tested (an out-of-
 * specification pH corrected with a reason), released conditionally by the QP with a
 * re-authenticating signature, dispensed within tolerance, and then fails sterility after release;
 * a second batch is rejected and its orders go back to planning. The clock is set, step by step.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(SEEDED_AT, 'Asia/Shanghai');
const PASSWORD = 'test-password';
let now = SEEDED_AT;
let db: Db;
let app: App;
const who: Record<string, string> = {};

type Body = Record<string, unknown>;
type Detail = {
  batch: Body & { id: string; status: string; eosAt: string; startAt: string };
  steps: {
    code: string;
    draws: string | null;
    eos: boolean;
    fields: { code: string; kind: string; min?: number; max?: number }[];
  }[];
  qc: {
    verdict: string;
    tests: { code: string; kind: string; timing: string; status: string; limit: string }[];
  };
  signatures: { meaning: string; valid: boolean; printedName: string; contentHash: string }[];
  release: Record<string, string | null>;
  doses: {
    orderId: string;
    orderStatus: string;
    hospitalId: string;
    orderedBq: number;
    calibrationAt: string;
    dispensed: Body | null;
  }[];
  alerts: { hospitalId: string; kind: string; message: string }[];
};

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => now, databaseKind: db.kind, secureCookies: false });
  await signInAll();
  const started = await call('POST', '/api/plans', who['planner']!, {
    date: DATE,
    method: 'greedy',
  });
  expect(started.status).toBe(202);
  const id = started.body['id'] as string;
  for (let k = 0; k < 600; k++) {
    const r = await call('GET', `/api/plans/${id}`, who['planner']!);
    if (r.body['status'] !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const committed = await call('POST', `/api/plans/${id}/commit`, who['planner']!);
  expect(committed.status, JSON.stringify(committed.body)).toBe(200);
}, 180_000);
afterAll(async () => {
  await plansSettled();
  await db?.close();
});

async function call(
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
  type = 'application/json',
) {
  const res = await app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
}

const LOGINS = {
  planner: 'planner@demo.halflife',
  radiopharmacist: 'radiopharmacist@demo.halflife',
  qc: 'qc@demo.halflife',
  qp: 'qp@demo.halflife',
  hospital: 'hospital1.staff@demo.halflife',
};

async function signInAll(): Promise<void> {
  for (const [role, email] of Object.entries(LOGINS)) who[role] = await signIn(email);
}

/** Moves the clock; sessions last 12 h, so everyone signs in again. */
async function setClock(to: Date): Promise<void> {
  now = to;
  await signInAll();
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

const detail = async (id: string) =>
  (await call('GET', `/api/batches/${id}`, who['qp']!)).body as unknown as Detail;
const message = (body: Body) => (body['error'] as Body)['message'] as string;
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

/** Values for a step's fields that the recipe accepts (the middle of each range). */
function valuesFor(step: Detail['steps'][number], overrides: Body = {}): Body {
  const values: Body = {};
  for (const f of step.fields) {
    values[f.code] = f.kind === 'text' ? `LOT-${f.code}` : ((f.min ?? 0) + (f.max ?? 100)) / 2;
  }
  return { ...values, ...overrides };
}

/** Passing results for the tests of one timing, as a CSV export would carry them. */
function passingCsv(tests: Detail['qc']['tests'], timing: string): string {
  const rows = tests
    .filter((t) => t.timing === timing)
    .map((t) => {
      if (t.kind === 'pass-fail') return `${t.code},pass`;
      const [lo, hi] = t.limit
        .replace(/[^\d.–≥≤ -]/g, '')
        .split('–')
        .map((x) => parseFloat(x.replace(/[≥≤ ]/g, '')));
      const value =
        t.kind === 'range' ? (lo! + hi!) / 2 : t.kind === 'min' ? lo! * 1.02 : lo! * 0.5;
      return `${t.code},${value}`;
    });
  return ['test,value', ...rows].join('\n');
}

describe('the production day through the API', () => {
  let batches: (Body & {
    id: string;
    productCode: string;
    doses: number;
    status: string;
    siteId: string;
  })[];
  let ga: Detail;

  it('opens a record for every batch of the committed plan; hospitals may not see them', async () => {
    const list = await call('GET', `/api/batches?date=${DATE}`, who['radiopharmacist']!);
    expect(list.status).toBe(200);
    batches = list.body['batches'] as typeof batches;

    expect(batches.length).toBeGreaterThan(10);
    expect(new Set(batches.map((b) => b.status))).toEqual(new Set(['open']));
    expect((await call('GET', `/api/batches?date=${DATE}`, who['hospital']!)).status).toBe(403);
    const first = batches.find((b) => b.productCode === 'GA68-PSMA11' && b.doses >= 2)!;
    expect(first).toBeDefined();
    ga = await detail(first.id);
    expect(ga.steps.map((s) => s.code)).toEqual([
      'elution',
      'labelling',
      'purification',
      'formulation',
      'qc-sampling',
    ]);
  });

  it('signs the steps in order only, drawing the eluate from the supply records', async () => {
    const id = ga.batch.id;
    await setClock(at(ga.batch.startAt, 0));
    const rp = who['radiopharmacist']!;
    const early = await call('POST', `/api/batches/${id}/steps`, rp, {
      step: 'labelling',
      values: valuesFor(ga.steps[1]!),
    });
    expect(early.status).toBe(400);
    expect(message(early.body)).toMatch(/cannot be signed before "Generator elution"/);
    expect(
      (await call('POST', `/api/batches/${id}/steps`, who['qc']!, { step: 'elution', values: {} }))
        .status,
    ).toBe(403);

    const generator = await db.kysely
      .selectFrom('generators')
      .select('id')
      .where('site_id', '=', ga.batch['siteId'] as string)
      .where('type', '=', 'Ge-68/Ga-68')
      .executeTakeFirstOrThrow();
    const eluted = await call('POST', `/api/generators/${generator.id}/elutions`, rp, {
      at: now.toISOString(),
      measuredActivityBq: 1.6e9,
    });
    expect(eluted.status, JSON.stringify(eluted.body)).toBe(201);
    const elutionId = (eluted.body['elution'] as Body)['id'] as string;
    const tooMuch = await call('POST', `/api/batches/${id}/steps`, rp, {
      step: 'elution',
      values: valuesFor(ga.steps[0]!, { activityMBq: 1700 }),
      draws: [{ kind: 'generator-elution', source: elutionId }],
    });
    expect(tooMuch.status).toBe(400);
    expect(message(tooMuch.body)).toMatch(
      /^values\.activityMBq: 1700\.0 MBq is more than the 1600\.0 MBq of Ga-68 left/,
    );
    const signed = await call('POST', `/api/batches/${id}/steps`, rp, {
      step: 'elution',
      values: valuesFor(ga.steps[0]!, { activityMBq: 1500 }),
      draws: [{ kind: 'generator-elution', source: elutionId }],
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((signed.body['batch'] as Body)['status']).toBe('in-production');
    expect(
      (signed.body['doses'] as Detail['doses']).every((d) => d.orderStatus === 'in_production'),
    ).toBe(true);

    const other = batches.find(
      (b) => b.productCode === 'GA68-PSMA11' && b.id !== id && b.siteId === ga.batch['siteId'],
    )!;
    if (other) {
      const again = await call('POST', `/api/batches/${other.id}/steps`, rp, {
        step: 'elution',
        values: valuesFor(ga.steps[0]!, { activityMBq: 10 }),
        draws: [{ kind: 'generator-elution', source: elutionId }],
      });
      expect(again.status).toBe(409);
      expect(message(again.body)).toMatch(/another batch/);
    }

    await setClock(at(ga.batch.startAt, 10));
    for (const step of ga.steps.slice(1)) {
      if (step.eos) now = at(ga.batch.eosAt, 0);
      const r = await call('POST', `/api/batches/${id}/steps`, rp, {
        step: step.code,
        values: valuesFor(step, step.eos ? { eosActivityMBq: 950, volumeMl: 10 } : {}),
        draws: step.draws === 'kit-lot' ? [{ kind: 'kit-lot', source: 'KIT-2026-118' }] : [],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    ga = await detail(id);
    expect(ga.batch.status).toBe('awaiting-release');
    expect((ga as unknown as Body)['eos']).toMatchObject({ activityBq: 950e6, volumeMl: 10 });
  });

  it('imports QC results from CSV, names an out-of-specification result, and needs a reason to replace it', async () => {
    const id = ga.batch.id;
    const qc = who['qc']!;
    const bad = await call(
      'POST',
      `/api/batches/${id}/qc-results/csv`,
      qc,
      'test,value\nph,abc\n',
      'text/csv',
    );
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/line 2/);
    const csv = passingCsv(ga.qc.tests, 'before-release').replace(/\nph,[\d.]+/, '\nph,9.1');
    const imported = await call('POST', `/api/batches/${id}/qc-results/csv`, qc, csv, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const after = imported.body as unknown as Detail;
    expect(after.qc.verdict).toBe('out-of-specification');
    expect(after.release['conditional-release']).toBe('out of specification: pH 9.1 is above 8');

    const noReason = await call('POST', `/api/batches/${id}/qc-results`, qc, {
      results: [{ test: 'ph', value: 6.2 }],
    });
    expect(noReason.status).toBe(400);
    expect(message(noReason.body)).toMatch(/^reason: pH has a result already/);
    const fixed = await call('POST', `/api/batches/${id}/qc-results`, qc, {
      results: [{ test: 'ph', value: 6.2 }],
      reason: 'strip read against the wrong scale; re-measured with the meter',
    });
    expect(fixed.status).toBe(200);
    expect((fixed.body as unknown as Detail).qc.verdict).toBe('conditional');
  });

  it('releases conditionally only for a QP who re-authenticates, bound to the record’s content', async () => {
    const id = ga.batch.id;
    const byRadiopharmacist = await call(
      'POST',
      `/api/batches/${id}/signatures`,
      who['radiopharmacist']!,
      {
        meaning: 'conditional-release',
        password: PASSWORD,
      },
    );
    expect(byRadiopharmacist.status).toBe(403);
    const final = await call('POST', `/api/batches/${id}/signatures`, who['qp']!, {
      meaning: 'final-release',
      password: PASSWORD,
      email: 'qp@demo.halflife',
    });
    expect(final.status).toBe(409);
    expect(message(final.body)).toMatch(/final certification needs every result/);
    const noId = await call('POST', `/api/batches/${id}/signatures`, who['qp']!, {
      meaning: 'conditional-release',
      password: PASSWORD,
    });
    expect(noId.status).toBe(400);
    expect(message(noId.body)).toMatch(/^email: the first signature of a session/);
    const wrong = await call('POST', `/api/batches/${id}/signatures`, who['qp']!, {
      meaning: 'conditional-release',
      email: 'qp@demo.halflife',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    const signed = await call('POST', `/api/batches/${id}/signatures`, who['qp']!, {
      meaning: 'conditional-release',
      email: 'qp@demo.halflife',
      password: PASSWORD,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    ga = signed.body as unknown as Detail;
    expect(ga.batch.status).toBe('conditionally-released');
    // The QP's queue holds it whatever the date asked for.
    const queue = await call('GET', '/api/batches?queue=release&date=2030-01-01', who['qp']!);
    expect((queue.body['batches'] as { id: string }[]).map((b) => b.id)).toContain(id);
    expect(ga.signatures).toEqual([
      expect.objectContaining({
        meaning: 'conditional-release',
        printedName: 'Demo Qualified Person',
        valid: true,
      }),
    ]);
    expect(ga.signatures[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ga.doses.every((d) => d.orderStatus === 'released')).toBe(true);
  });

  it('dispenses a dose within the order’s tolerance and refuses one outside it, with the figures', async () => {
    const id = ga.batch.id;
    const dose = ga.doses[0]!;
    await setClock(at(ga.batch.eosAt, 5));
    const halfLifeMs = 67.84 * 60_000;
    const exact =
      dose.orderedBq * Math.pow(2, (Date.parse(dose.calibrationAt) - now.getTime()) / halfLifeMs);
    const high = await call('POST', `/api/batches/${id}/doses`, who['radiopharmacist']!, {
      orderId: dose.orderId,
      measuredBq: exact * 0.7,
      measuredAt: now.toISOString(),
      volumeMl: 1.5,
      container: 'syringe',
    });
    expect(high.status).toBe(400);
    expect(message(high.body)).toMatch(
      /^measuredBq: .* MBq measured gives .* at calibration, -30\.0% from the .* ordered \(tolerance ±20%\)$/,
    );
    const ok = await call('POST', `/api/batches/${id}/doses`, who['radiopharmacist']!, {
      orderId: dose.orderId,
      measuredBq: exact,
      measuredAt: `${now.toISOString().replace('Z', '')}[UTC]`,
      volumeMl: 1.5,
      container: 'syringe',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const dispensed = (ok.body as unknown as Detail).doses[0]!.dispensed!;
    expect(Math.abs(dispensed['deviation'] as number)).toBeLessThan(1e-3);
    const twice = await call('POST', `/api/batches/${id}/doses`, who['radiopharmacist']!, {
      orderId: dose.orderId,
      measuredBq: exact,
      measuredAt: now.toISOString(),
      volumeMl: 1.5,
      container: 'syringe',
    });
    expect(twice.status).toBe(409);
    // The batch held 950 MBq at EOS: a second dose of 2 GBq cannot come from it, whatever its order.
    const tooMuch = await call('POST', `/api/batches/${id}/doses`, who['radiopharmacist']!, {
      orderId: ga.doses[1]!.orderId,
      measuredBq: 2e9,
      measuredAt: now.toISOString(),
      volumeMl: 1,
      container: 'syringe',
    });
    expect(tooMuch.status).toBe(400);
    expect(message(tooMuch.body)).toMatch(/^measuredBq: the batch holds .* MBq now/);

    // The dispensed dose's label and the batch's certificate, as PDF; hospitals may not print them.
    const pdf = async (path: string, cookie: string) => {
      const res = await app.request(path, { headers: { cookie } });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };
    const labels = await pdf(`/api/batches/${id}/labels.pdf`, who['radiopharmacist']!);
    expect(labels.status, labels.bytes.toString()).toBe(200);
    expect(labels.type).toBe('application/pdf');
    expect(labels.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(labels.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
    const none = await pdf(
      `/api/batches/${id}/labels.pdf?orderId=${ga.doses[1]!.orderId}`,
      who['radiopharmacist']!,
    );
    expect(none.status).toBe(404);
    const certificate = await pdf(`/api/batches/${id}/certificate.pdf`, who['qp']!);
    expect(certificate.status).toBe(200);
    expect(certificate.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdf(`/api/batches/${id}/certificate.pdf`, who['hospital']!)).status).toBe(403);
    // In Chinese on asking (the embedded font, not Helvetica); a language it has not is a 400.
    for (const path of ['labels.pdf', 'certificate.pdf']) {
      const chinese = await pdf(`/api/batches/${id}/${path}?lang=zh-CN`, who['qp']!);
      expect(chinese.status, chinese.bytes.toString()).toBe(200);
      expect(chinese.bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
      const bad = await pdf(`/api/batches/${id}/${path}?lang=de`, who['qp']!);
      expect(bad.status).toBe(400);
      expect(bad.bytes.toString()).toMatch(/"message":"lang/);
    }
  });

  it('alerts every hospital with a dose when sterility fails after release, each seeing its own', async () => {
    const id = ga.batch.id;
    await setClock(at(ga.batch.eosAt, 14 * 24 * 60));
    const after = await call(
      'POST',
      `/api/batches/${id}/qc-results/csv`,
      who['qc']!,
      passingCsv(ga.qc.tests, 'after-release').replace(/sterility,pass/, 'sterility,fail'),
      'text/csv',
    );
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    const d = after.body as unknown as Detail;
    expect(d.qc.verdict).toBe('out-of-specification');
    const hospitals = new Set(ga.doses.map((x) => x.hospitalId));
    expect(d.alerts.map((a) => a.hospitalId).sort()).toEqual([...hospitals].sort());
    expect(d.alerts[0]!.message).toMatch(/failed a test after release: Sterility/);
    const own = await call('GET', '/api/alerts', who['hospital']!);
    expect(own.status).toBe(200);
    const hospital1 = await db.kysely
      .selectFrom('hospitals')
      .innerJoin('users', 'users.organisation_id', 'hospitals.organisation_id')
      .select('hospitals.id')
      .where('users.email', '=', 'hospital1.staff@demo.halflife')
      .execute();
    const mine = new Set(hospital1.map((h) => h.id));
    for (const a of own.body['alerts'] as { hospitalId: string }[])
      expect(mine.has(a.hospitalId)).toBe(true);
  });

  it('shows the signature as broken when the signed record changes, through the API or behind it', async () => {
    const id = ga.batch.id;
    const corrected = await call('POST', `/api/batches/${id}/steps`, who['radiopharmacist']!, {
      step: 'purification',
      values: valuesFor(ga.steps[2]!, { cartridgeLot: 'C18-OTHER' }),
      reason: 'cartridge lot transcribed wrongly',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect((corrected.body as unknown as Detail).signatures[0]!.valid).toBe(false);
    const refused = await call('POST', `/api/batches/${id}/doses`, who['radiopharmacist']!, {
      orderId: ga.doses[1]!.orderId,
      measuredBq: 1e8,
      measuredAt: now.toISOString(),
      volumeMl: 1,
      container: 'vial',
    });
    expect(refused.status).toBe(409);
    expect(message(refused.body)).toMatch(/changed after the release was signed/);
  });

  it('breaks the signature when a signed row is altered in the database directly', async () => {
    const other =
      batches.find((b) => b.productCode === 'F18-FDG' && b.doses >= 1) ??
      batches.find((b) => b.id !== ga.batch.id)!;
    const d = await detail(other.id);
    // Only the radiopharmacist's entries are needed: make the record, then sign a rejection.
    await setClock(at(d.batch.startAt, 0));
    await call('POST', `/api/batches/${other.id}/deviations`, who['radiopharmacist']!, {
      description: 'synthesis module pressure alarm during transfer',
      classification: 'major',
    });
    const rejected = await call('POST', `/api/batches/${other.id}/signatures`, who['qp']!, {
      meaning: 'rejection',
      email: 'qp@demo.halflife',
      password: PASSWORD,
      reason: 'pressure alarm: the batch cannot be shown to be sterile',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const r = rejected.body as unknown as Detail;
    expect(r.batch.status).toBe('rejected');
    expect(r.signatures[0]!.valid).toBe(true);
    expect(r.doses.every((x) => x.orderStatus === 'not_planned')).toBe(true);
    expect(new Set(r.alerts.map((a) => a.kind))).toEqual(
      new Set(r.doses.length > 0 ? ['batch-rejected'] : []),
    );
    const orders = await call(
      'GET',
      `/api/orders?date=${DATE}&status=not_planned&limit=5000`,
      who['planner']!,
    );
    const reasons = (
      orders.body['orders'] as { id: string; statusReason?: string; status_reason?: string }[]
    ).filter((o) => r.doses.some((x) => x.orderId === o.id));
    expect(reasons.length).toBe(r.doses.length);

    await sql`UPDATE batch_deviations SET classification = 'minor' WHERE record_id = ${other.id}`.execute(
      db.kysely,
    );
    expect((await detail(other.id)).signatures[0]!.valid).toBe(false);
    const audit = await verifyAudit(db.kysely);
    expect(audit.ok).toBe(true);
  });

  it('re-plans around the records: a batch being made keeps its doses, a rejected batch is lost', async () => {
    await setClock(at(ga.batch.eosAt, 30));
    const planner = who['planner']!;
    const plans = (await call('GET', `/api/plans?date=${DATE}`, planner)).body['plans'] as Body[];
    const committed = plans.find((p) => p['status'] === 'committed')!;
    const replan = await call('POST', `/api/plans/${committed['id'] as string}/replan`, planner, {
      now: now.toISOString(),
    });
    expect(replan.status, JSON.stringify(replan.body)).toBe(202);
    const id = replan.body['id'] as string;
    for (let k = 0; k < 600; k++) {
      const r = await call('GET', `/api/plans/${id}`, planner);
      if (r.body['status'] !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const done = await call('POST', `/api/plans/${id}/commit`, planner);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await detail(ga.batch.id);
    expect(after.batch['planDate']).toBe(DATE);
    expect(after.doses.map((d) => [d.orderId, d.orderStatus])).toEqual(
      ga.doses.map((d) => [d.orderId, 'released']),
    );
    const listed = (await call('GET', `/api/batches?date=${DATE}`, who['qp']!)).body['batches'] as {
      id: string;
      status: string;
    }[];
    expect(listed.some((b) => b.id === ga.batch.id)).toBe(true);
    expect(listed.some((b) => b.status === 'rejected')).toBe(false);
  });

  it('answers hostile input with a 4xx naming the field, never a 5xx', async () => {
    const id = ga.batch.id;
    const rp = who['radiopharmacist']!;
    const cases: [string, string, unknown, number, RegExp][] = [
      ['steps', rp, { step: 'x'.repeat(61), values: {} }, 400, /step/],
      ['steps', rp, { step: 'elution', values: { activityMBq: 1e308 } }, 400, /values|step|record/],
      ['steps', rp, { step: 'elution', values: { a: { b: 1 } } }, 400, /values/],
      [
        'steps',
        rp,
        { step: 'elution', values: {}, draws: [{ kind: 'lot', source: 'x' }] },
        400,
        /draws/,
      ],
      ['deviations', rp, { description: '', classification: 'minor' }, 400, /description/],
      ['deviations', rp, { description: 'x', classification: 'fatal' }, 400, /classification/],
      ['qc-results', who['qc']!, { results: [] }, 400, /results/],
      ['qc-results', who['qc']!, { results: [{ test: 'ph', value: 'seven' }] }, 400, /value/],
      [
        'qc-results',
        who['qc']!,
        { results: [{ test: 'ph', value: 7, passed: true }] },
        400,
        /either value/,
      ],
      ['signatures', who['qp']!, { meaning: 'approve', password: 'x' }, 400, /meaning/],
      ['signatures', who['qp']!, { meaning: 'rejection', password: 'x' }, 400, /reason/],
      [
        'doses',
        rp,
        { orderId: 'x', measuredBq: -1, measuredAt: 'now', volumeMl: 0, container: 'cup' },
        400,
        /orderId|measuredBq/,
      ],
    ];
    for (const [path, cookie, body, status, pattern] of cases) {
      const r = await call('POST', `/api/batches/${id}/${path}`, cookie, body);
      expect(r.status, `${path} ${JSON.stringify(body)}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(message(r.body)).toMatch(pattern);
    }
    const rows = ['test,value', ...Array.from({ length: 201 }, () => 'ph,6')].join('\n');
    const many = await call(
      'POST',
      `/api/batches/${id}/qc-results/csv`,
      who['qc']!,
      rows,
      'text/csv',
    );
    expect(many.status).toBe(400);
    expect(message(many.body)).toMatch(/200/);
    const huge = await call(
      'POST',
      `/api/batches/${id}/qc-results/csv`,
      who['qc']!,
      'test,value\n' + 'x'.repeat(70_000),
      'text/csv',
    );
    expect(huge.status).toBe(413);
    const unknown = await call(
      'GET',
      '/api/batches/00000000-0000-4000-8000-000000000000',
      who['qp']!,
    );
    expect(unknown.status).toBe(404);
    const trend = await call(
      'GET',
      '/api/qc/trends?product=GA68-PSMA11&test=appearance',
      who['qp']!,
    );
    expect(trend.status).toBe(400);
    expect(message(trend.body)).toMatch(/^test: .*observation/);
  });

  it('draws the control chart of a QC test over the product’s batches', async () => {
    const trend = await call('GET', '/api/qc/trends?product=GA68-PSMA11&test=ph', who['qp']!);
    expect(trend.status, JSON.stringify(trend.body)).toBe(200);
    // The one batch tested: its corrected pH (6.2) is the current result, the 9.1 it replaced is not.
    expect(trend.body['points']).toEqual([expect.objectContaining({ value: 6.2 })]);
    expect(trend.body).toMatchObject({ specMin: 4, specMax: 8, centre: 6.2, ucl: null });
  });

  it('draws a bulk lot: the lot shows the draw and what is left', async () => {
    const lu = batches.find((b) => b.productCode === 'LU177-PSMA617')!;
    expect(lu).toBeDefined();
    const d = await detail(lu.id);
    await setClock(at(d.batch.startAt, 0));
    const lot = await db.kysely
      .selectFrom('isotope_lots')
      .select('id')
      .where('site_id', '=', lu.siteId)
      .where('nuclide', '=', 'Lu-177')
      .orderBy('reference_at', 'desc')
      .executeTakeFirstOrThrow();
    const before = (await call('GET', `/api/lots/${lot.id}`, who['radiopharmacist']!)).body;
    const first = d.steps[0]!;
    expect(first.draws).toBe('bulk-lot');
    const signed = await call('POST', `/api/batches/${lu.id}/steps`, who['radiopharmacist']!, {
      step: first.code,
      values: valuesFor(first, { activityMBq: 8000 }),
      draws: [{ kind: 'bulk-lot', source: lot.id }],
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const after = (await call('GET', `/api/lots/${lot.id}`, who['radiopharmacist']!)).body;
    expect(after['draws']).toEqual([
      expect.objectContaining({ batchNumber: lu['batchNumber'], activityBq: 8000e6 }),
    ]);
    expect(after['remainingNowBq'] as number).toBeCloseTo(
      (before['remainingNowBq'] as number) - 8000e6,
      -6,
    );
  });

  it('pools two eluates in one step, each with its share', async () => {
    const pool = batches.find(
      (b) =>
        b.productCode === 'GA68-PSMA11' && b.siteId !== ga.batch['siteId'] && b.status === 'open',
    )!;
    expect(pool).toBeDefined();
    const d = await detail(pool.id);
    await setClock(at(d.batch.startAt, 0));
    const rp = who['radiopharmacist']!;
    const generators = await db.kysely
      .selectFrom('generators')
      .select('id')
      .where('site_id', '=', pool.siteId)
      .where('type', '=', 'Ge-68/Ga-68')
      .limit(2)
      .execute();
    expect(generators).toHaveLength(2);
    const eluates: string[] = [];
    for (const g of generators) {
      const e = await call('POST', `/api/generators/${g.id}/elutions`, rp, {
        at: now.toISOString(),
        measuredActivityBq: 1.0e9,
      });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      eluates.push((e.body['elution'] as Body)['id'] as string);
    }
    const step = (draws: unknown[], activityMBq = 1800) =>
      call('POST', `/api/batches/${pool.id}/steps`, rp, {
        step: 'elution',
        values: valuesFor(d.steps[0]!, { activityMBq }),
        draws,
      });
    const noShares = await step(eluates.map((source) => ({ kind: 'generator-elution', source })));
    expect(noShares.status).toBe(400);
    expect(message(noShares.body)).toMatch(/^draws\[0\]\.activityMBq: with several sources/);
    const wrongSum = await step(
      eluates.map((source) => ({ kind: 'generator-elution', source, activityMBq: 800 })),
    );
    expect(wrongSum.status).toBe(400);
    expect(message(wrongSum.body)).toMatch(/add up to 1600\.0 MBq, not the 1800\.0 MBq drawn/);
    const pooled = await step(
      eluates.map((source) => ({ kind: 'generator-elution', source, activityMBq: 900 })),
    );
    expect(pooled.status, JSON.stringify(pooled.body)).toBe(200);
    const materials = (
      pooled.body as unknown as { steps: { materials: { activityBq: number }[] }[] }
    ).steps[0]!.materials;
    expect(materials.map((m) => m.activityBq)).toEqual([900e6, 900e6]);
  });
});
