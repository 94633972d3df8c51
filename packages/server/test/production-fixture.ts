import { inflateSync } from 'node:zlib';
import { builtinDataset, resolveNuclide } from '@halflife/nuclear';
import { specificationFor, type SpecTest } from '@halflife/ops';
import { expect } from 'vitest';
import type { App } from '../src/app-env.js';

/**
 * Driving the production day through the API in tests: a client that signs each demo user in
 * (again when the test's clock leaves their session), and a batch record taken step by step to
 * release with its doses dispensed — the starting material drawn as a radiopharmacist would
 * (a Ga-68 generator eluted, a Lu-177 bulk lot received), QC results imported from CSV, the QP's
 * re-authenticating signature, each dose measured at the activity that decays to its order.
 */

export type Body = Record<string, unknown>;
export interface Reply {
  readonly status: number;
  readonly body: Body;
}

const MINUTE = 60_000;
/** Sessions last 12 h (SESSION_HOURS); a user signs in again well before. */
const SESSION_REUSE_MS = 11 * 60 * MINUTE;

/** The app of a test with its clock, and each demo user's session. */
export class TestApi {
  /** Each user's session: when it began, and the latest clock anyone signed in at since. */
  private readonly sessions = new Map<string, { cookie: string; at: number; signIns: number }>();

  constructor(
    readonly app: App,
    private readonly clock: { now: Date },
    readonly password: string,
  ) {}

  get now(): Date {
    return this.clock.now;
  }

  /** Moves the test's clock (forward or back); sessions follow lazily. */
  setClock(to: Date): void {
    this.clock.now = to;
  }

  /**
   * The session cookie of `email`: signed in now unless its session covers the clock. A session
   * is gone once anyone signed in after its end (a sign-in clears expired sessions), whatever the
   * clock says now.
   */
  async cookie(email: string): Promise<string> {
    const now = this.clock.now.getTime();
    const known = this.sessions.get(email);
    const alive = (t: number) => known !== undefined && t - known.at < SESSION_REUSE_MS;
    if (known && now >= known.at && alive(now) && alive(known.signIns)) return known.cookie;
    return this.signIn(email);
  }

  /** A new session for `email` (its first signature will need the ID again). */
  async signIn(email: string): Promise<string> {
    const res = await this.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: this.password }),
    });
    expect(res.status, `sign-in of ${email}`).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const now = this.clock.now.getTime();
    for (const other of this.sessions.values()) other.signIns = Math.max(other.signIns, now);
    this.sessions.set(email, { cookie, at: now, signIns: now });
    return cookie;
  }

  /** A request as `email` (a demo login); JSON unless `type` says otherwise. */
  async call(
    method: string,
    path: string,
    email: string,
    body?: unknown,
    type = 'application/json',
  ): Promise<Reply> {
    const res = await this.app.request(path, {
      method,
      headers: {
        cookie: await this.cookie(email),
        ...(body === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  }

  /** The raw response (for PDFs). */
  async fetch(path: string, email: string): Promise<Response> {
    return this.app.request(path, { headers: { cookie: await this.cookie(email) } });
  }
}

export const LOGINS = {
  planner: 'planner@demo.halflife',
  radiopharmacist: 'radiopharmacist@demo.halflife',
  qc: 'qc@demo.halflife',
  qp: 'qp@demo.halflife',
  courier: 'courier@demo.halflife',
} as const;

export const message = (body: Body): string => (body['error'] as Body)['message'] as string;
export const at = (when: string | Date | number, minutes: number): Date =>
  new Date(new Date(when).getTime() + minutes * MINUTE);

// ---------------------------------------------------------------------------------------------
// Decay by hand

/** The half-life in seconds from @halflife/nuclear's dataset. */
export function halfLifeSeconds(nuclide: string): number {
  const found = resolveNuclide(builtinDataset(), nuclide);
  if (!found.ok) throw new Error(`nuclide ${nuclide}: ${found.error.message}`);
  return found.value.halfLife;
}

/** `bq` of `nuclide` at `fromMs`, decayed (or, backwards, undecayed) to `toMs`. */
export function decayed(nuclide: string, bq: number, fromMs: number, toMs: number): number {
  return bq * Math.pow(2, -(toMs - fromMs) / 1000 / halfLifeSeconds(nuclide));
}

// ---------------------------------------------------------------------------------------------
// Batch records

export interface StepView {
  readonly code: string;
  readonly draws: string | null;
  readonly eos: boolean;
  readonly fields: readonly { code: string; kind: string; min?: number; max?: number }[];
}

export interface DoseView {
  readonly orderId: string;
  readonly orderStatus: string;
  readonly hospitalId: string;
  readonly orderedBq: number;
  readonly calibrationAt: string;
  readonly tolerancePct: number;
  readonly dispensed: {
    readonly id: string;
    readonly measuredBq: number;
    readonly measuredAt: string;
    readonly expiresAt: string;
  } | null;
}

export interface BatchDetail {
  readonly batch: {
    readonly id: string;
    readonly batchNumber: string;
    readonly productCode: string;
    readonly nuclide: string;
    readonly siteId: string;
    readonly siteZone: string;
    readonly planDate: string;
    readonly status: string;
    readonly startAt: string;
    readonly eosAt: string;
    readonly releaseAt: string;
    readonly expectedEosBq: number;
  };
  readonly steps: readonly StepView[];
  readonly nextStep: string | null;
  readonly qc: {
    readonly tests: readonly { code: string; timing: string; status: string }[];
  };
  readonly release: Readonly<Record<string, string | null>>;
  readonly doses: readonly DoseView[];
}

export async function batchDetail(api: TestApi, id: string): Promise<BatchDetail> {
  const r = await api.call('GET', `/api/batches/${id}`, LOGINS.radiopharmacist);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as unknown as BatchDetail;
}

/** The batch record of the day that makes the dose of `orderId` (a product made at a site). */
export async function batchOfOrder(
  api: TestApi,
  date: string,
  orderId: string,
  where: { readonly siteId: string; readonly productCode: string },
): Promise<BatchDetail> {
  const list = await api.call(
    'GET',
    `/api/batches?date=${date}&siteId=${where.siteId}`,
    LOGINS.radiopharmacist,
  );
  expect(list.status).toBe(200);
  for (const b of list.body['batches'] as { id: string; productCode: string }[]) {
    if (b.productCode !== where.productCode) continue;
    const d = await batchDetail(api, b.id);
    if (d.doses.some((x) => x.orderId === orderId)) return d;
  }
  throw new Error(`no batch record of ${date} makes order ${orderId}`);
}

/** Passing results for the tests of `codes`, as an instrument's CSV export carries them. */
export function passingCsv(productCode: string, planDate: string, codes: readonly string[]) {
  const spec = specificationFor(productCode, planDate);
  if (!spec) throw new Error(`no QC specification of ${productCode} on ${planDate}`);
  const value = (t: SpecTest): string => {
    switch (t.kind) {
      case 'pass-fail':
        return 'pass';
      case 'range':
        return String((t.min + t.max) / 2);
      case 'min':
        return String(t.unit === '%' ? (t.min + 100) / 2 : t.min * 1.1);
      case 'max':
        return String(t.max / 2);
    }
  };
  const rows = codes.map((code) => {
    const t = spec.tests.find((x) => x.code === code);
    if (!t) throw new Error(`no test ${code} in the specification of ${productCode}`);
    return `${code},${value(t)}`;
  });
  return ['test,value', ...rows].join('\n') + '\n';
}

/** What the labelling keeps of the activity drawn, and the margin the EOS is given over the doses. */
const LABELLING_YIELD = 0.9;
const EOS_MARGIN = 1.25;

export interface MadeBatch {
  readonly detail: BatchDetail;
  /** Every supply record drawn: generator elutions or the bulk lot received for the batch. */
  readonly sources: readonly { kind: string; id: string; activityBq: number; at: string }[];
  /** The EOS activity recorded, Bq, at the planned EOS. */
  readonly eosBq: number;
}

export interface MakeOptions {
  /** The profile of the Lu-177 bulk lot received for the batch (default carrier-added). */
  readonly lotProfile?: 'Lu-177 carrier-added' | 'Lu-177 no-carrier-added';
  /** Minutes after the planned EOS at which the doses are dispensed (default 8). */
  readonly dispenseAfterEosMinutes?: number;
}

/**
 * Takes an open batch record to release and dispenses every dose it makes: the steps signed in
 * order at the planned times (the EOS step at the planned EOS), the starting material drawn from
 * supply records made for it, passing QC results imported, the QP's release (conditional when the
 * record allows it, else final), and each dose measured at the activity that decays exactly to its
 * order at its calibration time. The clock is left at the dispensing.
 */
export async function makeReleasedBatch(
  api: TestApi,
  batchId: string,
  options: MakeOptions = {},
): Promise<MadeBatch> {
  let d = await batchDetail(api, batchId);
  const b = d.batch;
  expect(b.status, `${b.batchNumber} is ${b.status}`).toBe('open');
  const eosAt = Date.parse(b.eosAt);
  // Every dose at the EOS, with a margin: what the EOS must hold.
  const needEosBq =
    EOS_MARGIN *
    d.doses.reduce(
      (sum, x) => sum + decayed(b.nuclide, x.orderedBq, Date.parse(x.calibrationAt), eosAt),
      0,
    );
  const sources: { kind: string; id: string; activityBq: number; at: string }[] = [];
  const eosIndex = d.steps.findIndex((s) => s.eos);
  let eosBq = 0;
  for (const [k, step] of d.steps.entries()) {
    const when =
      k < eosIndex
        ? at(b.startAt, Math.min(k * 5, (eosAt - Date.parse(b.startAt)) / MINUTE - 1))
        : at(b.eosAt, k - eosIndex);
    api.setClock(when);
    const values: Body = {};
    for (const f of step.fields) {
      values[f.code] = f.kind === 'text' ? `LOT-${f.code}` : ((f.min ?? 0) + (f.max ?? 100)) / 2;
    }
    const max = (code: string) => step.fields.find((f) => f.code === code)?.max ?? Infinity;
    let draws: unknown[] = [];
    if (step.draws === 'kit-lot') {
      draws = [{ kind: 'kit-lot', source: `KIT-${b.productCode}-${b.planDate}` }];
    } else if (step.draws === 'generator-elution' || step.draws === 'bulk-lot') {
      // Drawn now, to hold the EOS's need at the EOS after the labelling's losses.
      const needNowBq = decayed(b.nuclide, needEosBq / LABELLING_YIELD, eosAt, when.getTime());
      const made =
        step.draws === 'generator-elution'
          ? await elute(api, b, needNowBq)
          : await receiveLot(api, b, needNowBq, options.lotProfile ?? 'Lu-177 carrier-added');
      sources.push(...made);
      // Each source's share to the kBq below; the step's activity is their sum.
      const shares = made.map((m) => Math.floor(m.activityBq / 1e3) / 1e3);
      const totalMBq = Math.round(shares.reduce((s, x) => s + x, 0) * 1e3) / 1e3;
      expect(totalMBq, `${b.batchNumber}: activity drawn`).toBeLessThanOrEqual(max('activityMBq'));
      values['activityMBq'] = totalMBq;
      draws =
        made.length === 1
          ? [{ kind: step.draws, source: made[0]!.id }]
          : made.map((m, i) => ({ kind: step.draws, source: m.id, activityMBq: shares[i] }));
    } else if (step.draws !== null) {
      throw new Error(`${b.batchNumber}: the fixture does not draw a ${step.draws}`);
    }
    if (step.eos) {
      const eosMBq = Math.ceil(needEosBq / 1e3) / 1e3;
      expect(eosMBq, `${b.batchNumber}: EOS within the field`).toBeLessThanOrEqual(
        max('eosActivityMBq'),
      );
      values['eosActivityMBq'] = eosMBq;
      eosBq = eosMBq * 1e6;
    }
    const r = await api.call('POST', `/api/batches/${batchId}/steps`, LOGINS.radiopharmacist, {
      step: step.code,
      values,
      draws,
    });
    expect(r.status, `${b.batchNumber} ${step.code}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  d = await batchDetail(api, batchId);
  expect(d.batch.status).toBe('awaiting-release');

  api.setClock(at(b.eosAt, 5));
  const pending = d.qc.tests
    .filter((t) => t.timing === 'before-release' && t.status === 'pending')
    .map((t) => t.code);
  const qc = await api.call(
    'POST',
    `/api/batches/${batchId}/qc-results/csv`,
    LOGINS.qc,
    passingCsv(b.productCode, b.planDate, pending),
    'text/csv',
  );
  expect(qc.status, JSON.stringify(qc.body)).toBe(200);
  d = qc.body as unknown as BatchDetail;

  api.setClock(at(b.eosAt, 6));
  const meaning =
    d.release['conditional-release'] === null ? 'conditional-release' : 'final-release';
  expect(d.release[meaning], `${b.batchNumber}: ${meaning}`).toBeNull();
  const signed = await api.call('POST', `/api/batches/${batchId}/signatures`, LOGINS.qp, {
    meaning,
    email: LOGINS.qp,
    password: api.password,
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);

  const dispensedAt = at(b.eosAt, options.dispenseAfterEosMinutes ?? 8);
  api.setClock(dispensedAt);
  for (const dose of (signed.body as unknown as BatchDetail).doses) {
    if (dose.orderStatus !== 'released' || dose.dispensed !== null) continue;
    const r = await api.call('POST', `/api/batches/${batchId}/doses`, LOGINS.radiopharmacist, {
      orderId: dose.orderId,
      measuredBq: decayed(
        b.nuclide,
        dose.orderedBq,
        Date.parse(dose.calibrationAt),
        dispensedAt.getTime(),
      ),
      measuredAt: dispensedAt.toISOString(),
      volumeMl: 1,
      container: 'syringe',
    });
    expect(r.status, `${b.batchNumber} dose ${dose.orderId}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return { detail: await batchDetail(api, batchId), sources, eosBq };
}

interface GeneratorDetail {
  readonly id: string;
  readonly daughter: string;
  readonly retired: boolean;
  readonly now: { readonly eluateBq: number } | null;
}

/** The site's generators of the batch's nuclide eluted, fullest first, until they hold `needBq`. */
async function elute(api: TestApi, b: BatchDetail['batch'], needBq: number) {
  const rp = LOGINS.radiopharmacist;
  const list = await api.call('GET', `/api/generators?siteId=${b.siteId}`, rp);
  expect(list.status).toBe(200);
  const details: GeneratorDetail[] = [];
  for (const g of list.body['generators'] as GeneratorDetail[]) {
    if (g.daughter !== b.nuclide || g.retired) continue;
    const r = await api.call('GET', `/api/generators/${g.id}`, rp);
    if (r.status === 200) details.push(r.body as unknown as GeneratorDetail);
  }
  details.sort((x, y) => (y.now?.eluateBq ?? 0) - (x.now?.eluateBq ?? 0));
  const made: { kind: string; id: string; activityBq: number; at: string }[] = [];
  for (const g of details) {
    if (made.reduce((s, m) => s + m.activityBq, 0) >= needBq) break;
    const bq = Math.floor(g.now?.eluateBq ?? 0);
    if (!(bq > 0)) continue;
    const r = await api.call('POST', `/api/generators/${g.id}/elutions`, rp, {
      at: api.now.toISOString(),
      measuredActivityBq: bq,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = (r.body['elution'] as Body)['id'] as string;
    made.push({ kind: 'generator-elution', id, activityBq: bq, at: api.now.toISOString() });
  }
  const total = made.reduce((s, m) => s + m.activityBq, 0);
  expect(total, `${b.batchNumber}: eluates of the site's generators`).toBeGreaterThanOrEqual(
    needBq,
  );
  return made;
}

/** A bulk lot received for the batch a minute ago, holding twice what it draws. */
async function receiveLot(api: TestApi, b: BatchDetail['batch'], needBq: number, profile: string) {
  const referenceAt = at(api.now, -1).toISOString();
  const r = await api.call('POST', '/api/lots', LOGINS.radiopharmacist, {
    siteId: b.siteId,
    supplier: 'Test supplier (demo data)',
    profile,
    activityBq: Math.ceil(2 * needBq),
    referenceAt,
    expiresAt: at(api.now, 7 * 24 * 60).toISOString(),
    label: `lot for batch ${b.batchNumber}`,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body['id'] as string;
  // Drawn now: the lot's activity decayed from its reference a minute ago, to the kBq below.
  const drawBq = Math.floor(
    Math.min(
      needBq,
      decayed(b.nuclide, Math.ceil(2 * needBq), Date.parse(referenceAt), api.now.getTime()),
    ),
  );
  return [{ kind: 'bulk-lot', id, activityBq: drawBq, at: referenceAt }];
}

/**
 * A served PDF (pdfkit, compressed) with its content streams inflated, so that
 * src/documents/read-pdf.ts, which reads uncompressed output only, can read its text.
 */
export function inflatePdf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const head = /<<\n\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/g;
  const parts: Buffer[] = [];
  let from = 0;
  for (let m = head.exec(text); m !== null; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = start + Number(m[1]);
    const data = inflateSync(bytes.subarray(start, end));
    parts.push(
      bytes.subarray(from, m.index),
      Buffer.from(`<<\n/Length ${data.length}\n>>\nstream\n`, 'latin1'),
      data,
    );
    from = end;
    head.lastIndex = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
