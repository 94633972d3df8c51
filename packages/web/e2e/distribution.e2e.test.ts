import {
  request,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../src/api/schema.js';
import type { BatchDetail, BatchSummary } from '../src/batches/batch-types.js';
import type { ShipmentDetail } from '../src/dispatch/shipment-types.js';
import type { WasteContainer } from '../src/waste/waste-types.js';
import {
  DEMO_PASSWORD,
  DESKTOP,
  demoEmail,
  e2eAvailable,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startProduct,
  type Product,
  type WatchedPage,
} from './harness.js';

/**
 * Distribution and use in the browser: a Ga-68 PSMA-11 dose and a Lu-177 PSMA-617 therapy dose
 * for hospital 1 go from release to the patient and the residues to the waste store. The
 * radiopharmacist packs each shipment (Type A, measured dose rates) and loads it — a wrong box
 * scanned is refused, naming the package missing; the courier, on a phone, signs for both runs
 * and delivers each at its arrival; the hospital's staff receive each dose measured in their
 * calibrator, open a waste container, give each dose and put its residue in; the container is
 * closed for decay and released after its survey once ten half-lives of its longest-lived member
 * (Lu-177m, the site's lot being carrier-added) have passed, nearly four and a half years on.
 *
 * The batches are made over the API, as the production day's simulation makes them (each step at
 * its planned time, passing QC from an instrument's CSV, the QP's signature, each dose measured at
 * the activity that decays to its order). The server's clock is moved ahead as the day goes, and
 * each page's clock with it. Every expected figure is worked out here from the half-lives.
 */
const NOW = new Date('2026-12-07T01:58:00Z'); // Monday 09:58 in Shanghai, before the first batch
const TODAY = '2026-12-07';
const ZONE = 'Asia/Shanghai';
const CALIBRATION = '14:00';
const STAFF = 'hospital1.staff@demo.halflife';
const PHONE = { width: 390, height: 844 } as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Half-lives in seconds (NUBASE2020, as @halflife/nuclear has them). */
const HALF_LIFE_S: Readonly<Record<string, number>> = {
  'Ga-68': 4070.52,
  'Lu-177': 574067.52,
  'Lu-177m': 13858560,
};

const DOSES = [
  { productCode: 'GA68-PSMA11', orderedBq: 185e6, patientRef: 'E2E-GA-1' },
  { productCode: 'LU177-PSMA617', orderedBq: 7.4e9, patientRef: 'E2E-LU-1' },
] as const;

/**
 * Passing results, as an instrument exports them: the middle of a range, half a maximum, well
 * above a minimum, "pass" for an observation (the specifications of @halflife/ops, version 1).
 */
const PASSING_CSV: Readonly<Record<string, string>> = {
  'GA68-PSMA11': `test,value
appearance,pass
ph,6
rcp,95
half-life,68
rnp,99
endotoxin,5.45
filter-integrity,55
`,
  'LU177-PSMA617': `test,value
appearance,pass
ph,5.75
activity,100
`,
};

/** `bq` of `nuclide` at `fromMs`, decayed to `toMs` (or undecayed, going back). */
function decayed(nuclide: string, bq: number, fromMs: number, toMs: number): number {
  const halfLife = HALF_LIFE_S[nuclide];
  if (halfLife === undefined) throw new Error(`no half-life for ${nuclide} here`);
  return bq * Math.pow(2, -(toMs - fromMs) / 1000 / halfLife);
}

/** "YYYY-MM-DDTHH:mm" in Shanghai (UTC+8 all year), as a datetime-local input takes it. */
const wallTime = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "15 May 2031 14:07" in Shanghai, as the waste register writes it. */
function dateTime(ms: number): string {
  const [date = '', time = ''] = wallTime(ms).split('T');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year} ${time}`;
}
/** An instant of the production day in Shanghai. */
const today = (hhmm: string) => Date.parse(`${TODAY}T${hhmm}:00+08:00`);
/** Four significant digits, as the app writes activities. */
const four = (v: number) =>
  Number(v.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });

// ---------------------------------------------------------------------------------------------
// The production day over the API

async function ok<T>(res: APIResponse): Promise<T> {
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

async function caller(product: Product, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: product.url });
  await ok(await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } }));
  return api;
}

/** Moves the server's clock ahead to `at` (epoch ms); it never goes back. */
function advanceTo(product: Product, at: number): void {
  const ahead = at - product.clock().getTime();
  if (ahead > 0) product.advance(ahead);
}

/** Sets a page's clock to the server's, after the server's moved ahead. */
async function follow(w: WatchedPage, product: Product): Promise<void> {
  await w.context.clock.setSystemTime(product.clock());
}

type Lot = components['schemas']['Lot'];
type Generator = components['schemas']['GeneratorDetail'];
type Draw = { kind: string; source: string; activityMBq?: number };

/** What the labelling keeps of the activity drawn; the margin the EOS is given over the doses. */
const LABELLING_YIELD = 0.9;
const EOS_MARGIN = 1.25;

interface Staff {
  readonly rp: APIRequestContext;
  readonly qc: APIRequestContext;
  readonly qp: APIRequestContext;
}

/**
 * The starting material a step draws: the site's generators eluted now, or its bulk lot. `needBq`
 * and the activity drawn are a minute from now: the server's clock runs on until the signature.
 */
async function drawFor(
  product: Product,
  rp: APIRequestContext,
  b: BatchDetail['batch'],
  kind: string,
  needBq: number,
): Promise<{ draws: Draw[]; activityMBq: number }> {
  const now = product.clock().getTime();
  const then = now + MINUTE;
  const kBqDown = (bq: number) => Math.floor(bq / 1e3) / 1e3;
  if (kind === 'bulk-lot') {
    // The site's lot with the most left (the simulation buys one only when none has enough).
    const { lots } = await ok<{ lots: Lot[] }>(await rp.get(`/api/lots?siteId=${b.siteId}`));
    const lot = lots
      .filter((l) => l.nuclide === b.nuclide)
      .sort((x, y) => y.activityBq - x.activityBq)[0];
    expect(lot, `a ${b.nuclide} lot at the site`).toBeDefined();
    // The residue's Lu-177m, and so the waste's release date, come from this.
    expect(lot!.carrier).toBe('carrier-added');
    const left = decayed(b.nuclide, lot!.activityBq, Date.parse(lot!.referenceAt), then);
    expect(left).toBeGreaterThan(needBq);
    return { draws: [{ kind, source: lot!.id }], activityMBq: kBqDown(needBq) };
  }
  expect(kind).toBe('generator-elution');
  // The site's generators of the daughter, fullest first, eluted until they hold what is needed.
  const { generators } = await ok<{ generators: Generator[] }>(
    await rp.get(`/api/generators?siteId=${b.siteId}`),
  );
  const details: Generator[] = [];
  for (const g of generators.filter((x) => x.daughter === b.nuclide && !x.retired)) {
    details.push(await ok<Generator>(await rp.get(`/api/generators/${g.id}`)));
  }
  details.sort((x, y) => (y.now?.eluateBq ?? 0) - (x.now?.eluateBq ?? 0));
  const made: { id: string; bqThen: number }[] = [];
  const total = () => made.reduce((s, m) => s + m.bqThen, 0);
  for (const g of details) {
    if (total() >= needBq) break;
    const bq = Math.floor(g.now?.eluateBq ?? 0);
    if (!(bq > 0)) continue;
    const r = await ok<{ elution: { id: string } }>(
      await rp.post(`/api/generators/${g.id}/elutions`, {
        data: { at: new Date(now).toISOString(), measuredActivityBq: bq },
      }),
    );
    made.push({ id: r.elution.id, bqThen: decayed(b.nuclide, bq, now, then) });
  }
  expect(total(), 'the eluates of the site').toBeGreaterThanOrEqual(needBq);
  const shares = made.map((m) => kBqDown(m.bqThen));
  return {
    draws:
      made.length === 1
        ? [{ kind, source: made[0]!.id }]
        : made.map((m, k) => ({ kind, source: m.id, activityMBq: shares[k]! })),
    activityMBq: Math.round(shares.reduce((s, x) => s + x, 0) * 1e3) / 1e3,
  };
}

/**
 * Takes an open batch record to release and dispenses its doses: each step signed at its planned
 * time (or now, when that has passed), values in the middle of their ranges, the EOS a quarter
 * above what the doses need; passing QC imported; the QP's release (conditional when the record
 * allows it, else final); each dose measured 8 minutes after EOS at the activity that decays to
 * its order at its calibration time.
 */
async function makeReleasedBatch(product: Product, staff: Staff, id: string): Promise<void> {
  const { rp, qc, qp } = staff;
  let d = await ok<BatchDetail>(await rp.get(`/api/batches/${id}`));
  const b = d.batch;
  const eosAt = Date.parse(b.eosAt);
  const needEosBq =
    EOS_MARGIN *
    d.doses.reduce(
      (s, x) => s + decayed(b.nuclide, x.orderedBq, Date.parse(x.calibrationAt), eosAt),
      0,
    );
  const eosIndex = d.steps.findIndex((s) => s.eos);
  for (const [k, step] of d.steps.entries()) {
    const startAt = Date.parse(b.startAt);
    advanceTo(
      product,
      k < eosIndex
        ? startAt + Math.min(k * 5 * MINUTE, eosAt - startAt - MINUTE)
        : eosAt + (k - eosIndex) * MINUTE,
    );
    const values: Record<string, string | number> = {};
    for (const f of step.fields) {
      values[f.code] = f.kind === 'text' ? `LOT-${f.code}` : ((f.min ?? 0) + (f.max ?? 100)) / 2;
    }
    let draws: Draw[] = [];
    if (step.draws === 'kit-lot') {
      draws = [{ kind: 'kit-lot', source: `KIT-${b.productCode}-${b.planDate}` }];
    } else if (step.draws !== null) {
      const then = product.clock().getTime() + MINUTE;
      const needThen = decayed(b.nuclide, needEosBq / LABELLING_YIELD, eosAt, then);
      const drawn = await drawFor(product, rp, b, step.draws, needThen);
      draws = drawn.draws;
      values['activityMBq'] = drawn.activityMBq;
    }
    if (step.eos) values['eosActivityMBq'] = Math.ceil(needEosBq / 1e3) / 1e3;
    await ok(
      await rp.post(`/api/batches/${id}/steps`, { data: { step: step.code, values, draws } }),
    );
  }
  advanceTo(product, eosAt + 5 * MINUTE);
  d = await ok<BatchDetail>(
    await qc.post(`/api/batches/${id}/qc-results/csv`, {
      headers: { 'content-type': 'text/csv' },
      data: PASSING_CSV[b.productCode],
    }),
  );
  advanceTo(product, eosAt + 6 * MINUTE);
  const meaning =
    d.release['conditional-release'] === null ? 'conditional-release' : 'final-release';
  expect(d.release[meaning], `${b.batchNumber}: ${meaning}`).toBeNull();
  d = await ok<BatchDetail>(
    await qp.post(`/api/batches/${id}/signatures`, {
      data: { meaning, email: demoEmail('qualified_person'), password: DEMO_PASSWORD },
    }),
  );
  const dispensedAt = eosAt + 8 * MINUTE;
  advanceTo(product, dispensedAt);
  for (const dose of d.doses) {
    const calibrationAt = Date.parse(dose.calibrationAt);
    await ok(
      await rp.post(`/api/batches/${id}/doses`, {
        data: {
          orderId: dose.orderId,
          measuredBq: decayed(b.nuclide, dose.orderedBq, calibrationAt, dispensedAt),
          measuredAt: new Date(dispensedAt).toISOString(),
          volumeMl: 1,
          container: 'syringe',
        },
      }),
    );
  }
}

/** A dose as the test follows it: its shipment and what was dispensed. */
interface Carried {
  readonly patientRef: string;
  readonly nuclide: string;
  readonly orderedBq: number;
  readonly shipment: ShipmentDetail['shipment'];
  readonly dispensedBq: number;
  readonly dispensedAt: number;
}

/**
 * Hospital 1 orders the two doses for 14:00; the planner plans the day (greedy) and commits it;
 * both batches are made, released and dispensed. Answers each dose with its shipment.
 */
async function releaseTheDoses(product: Product): Promise<Carried[]> {
  const planner = await caller(product, demoEmail('planner'));
  const orderer = await caller(product, demoEmail('hospital_orderer'));
  const own = await ok<{ hospitals: { id: string }[] }>(await orderer.get('/api/hospitals'));
  await orderer.dispose();
  for (const dose of DOSES) {
    await ok(
      await planner.post('/api/orders', {
        data: {
          hospitalId: own.hospitals[0]!.id,
          productCode: dose.productCode,
          calibrationTime: `${TODAY}T${CALIBRATION}[${ZONE}]`,
          amount: { kind: 'fixed', activityBq: dose.orderedBq },
          patientRef: dose.patientRef,
        },
      }),
    );
  }
  const plan = await ok<{ id: string }>(
    await planner.post('/api/plans', { data: { date: TODAY, days: 1, method: 'greedy' } }),
  );
  for (let k = 0; k < 300; k++) {
    const p = await ok<{ status: string }>(await planner.get(`/api/plans/${plan.id}`));
    if (p.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await ok(await planner.post(`/api/plans/${plan.id}/commit`));
  const { batches } = await ok<{ batches: BatchSummary[] }>(
    await planner.get(`/api/batches?date=${TODAY}`),
  );
  await planner.dispose();
  expect(batches.map((b) => b.productCode).sort()).toEqual(['GA68-PSMA11', 'LU177-PSMA617']);

  const staff: Staff = {
    rp: await caller(product, demoEmail('radiopharmacist')),
    qc: await caller(product, demoEmail('qc_analyst')),
    qp: await caller(product, demoEmail('qualified_person')),
  };
  const byStart = [...batches].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
  for (const b of byStart) await makeReleasedBatch(product, staff, b.id);

  const { shipments } = await ok<{ shipments: { id: string }[] }>(
    await staff.rp.get(`/api/shipments?date=${TODAY}`),
  );
  const carried: Carried[] = [];
  for (const s of shipments) {
    const detail = await ok<ShipmentDetail>(await staff.rp.get(`/api/shipments/${s.id}`));
    for (const x of detail.doses) {
      expect(x.dispensedBq, `${x.patientRef} dispensed`).not.toBeNull();
      carried.push({
        patientRef: x.patientRef!,
        nuclide: x.nuclide,
        orderedBq: x.orderedBq,
        shipment: detail.shipment,
        dispensedBq: x.dispensedBq!,
        dispensedAt: Date.parse(x.dispensedAt!),
      });
    }
  }
  await Promise.all([staff.rp, staff.qc, staff.qp].map((api) => api.dispose()));
  expect(carried.map((c) => c.patientRef).sort()).toEqual(['E2E-GA-1', 'E2E-LU-1']);
  // The batches release 5 minutes apart (Ga-68 at 11:10, Lu-177 at 11:15): a shipment each.
  expect(new Set(carried.map((c) => c.shipment.id)).size).toBe(2);
  return carried.sort((a, b) => a.patientRef.localeCompare(b.patientRef));
}

// ---------------------------------------------------------------------------------------------
// In the browser

const VEHICLE = 'BJ-A 4471';
const COURIER = 'courier@demo.halflife';
const BAD_REQUEST =
  'console: Failed to load resource: the server responded with a status of 400 (Bad Request)';
/** Dose rates read on each package (µSv/h) and its lead: TI = 1 m reading in mSv/h × 100, up. */
const PACKING: Readonly<Record<string, { lead: string; surface: string; oneMetre: string }>> = {
  'Ga-68': { lead: '20', surface: '40', oneMetre: '1.5' }, // TI 0.15 → 0.2
  'Lu-177': { lead: '6', surface: '25', oneMetre: '0.8' }, // TI 0.08 → 0.1
};
const TI: Readonly<Record<string, string>> = { 'Ga-68': '0.2', 'Lu-177': '0.1' };

/** Chooses the option of `select` whose text holds `text` (once the options have come). */
async function choose(select: Locator, text: string): Promise<void> {
  const option = select.locator('option', { hasText: text });
  await option.waitFor({ state: 'attached' });
  const value = await option.getAttribute('value');
  if (value === null) throw new Error(`the option with ${text} has no value`);
  await select.selectOption(value);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

/** A dispatch shipment page, from the day's list. */
async function openDispatch(page: Page, key: string): Promise<void> {
  await nav(page, 'Dispatch');
  await page.getByRole('region', { name: 'Shipments' }).getByRole('link', { name: key }).click();
  await page.getByRole('heading', { name: `Shipment ${key}`, level: 1 }).waitFor();
}

/**
 * The radiopharmacist packs each dose into a Type A case with its measured dose rates, then loads
 * each shipment into the courier's vehicle: the first with the other shipment's box scanned, which
 * is refused naming the package missing. Answers each dose's package code.
 */
async function packAndLoad(w: WatchedPage, carried: readonly Carried[]): Promise<string[]> {
  const { page } = w;
  await signIn(page, demoEmail('radiopharmacist'));
  const codes: string[] = [];
  for (const c of carried) {
    await openDispatch(page, c.shipment.key);
    const pack = page.getByRole('form', { name: 'Pack doses' });
    await pack
      .getByRole('group', { name: 'Doses to pack' })
      .getByRole('checkbox', { name: new RegExp(`^${c.patientRef} · `) })
      .check();
    await pack.getByLabel('Packaging').selectOption('type-a-case');
    const rates = PACKING[c.nuclide]!;
    await pack.getByLabel('Lead (mm)').fill(rates.lead);
    await pack.getByLabel('Surface dose rate (µSv/h)').fill(rates.surface);
    await pack.getByLabel('Dose rate at 1 m (µSv/h)').fill(rates.oneMetre);
    await pack.getByRole('button', { name: 'Pack', exact: true }).click();
    const card = page.getByRole('region', { name: 'Packages' }).getByRole('article');
    await card.waitFor();
    const code = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
    expect(code).toMatch(/^PK-[0-9A-F]{10}$/);
    codes.push(code);
    // The card is the package as its label shows it.
    expect(await page.getByRole('article', { name: code }).count()).toBe(1);
    const facts = await card.innerText();
    expect(facts).toMatch(/Category\s+Type A/);
    expect(facts).toMatch(new RegExp(`TI\\s+${TI[c.nuclide]!.replace('.', '\\.')}\\s`));
    expect(facts).toMatch(/UN 2915 · Radioactive material, Type A package/i);
    expect(facts).toMatch(/Dose rates measured\s+surface \d+ µSv\/h · at 1 m [\d.]+ µSv\/h/);
    expect(await card.locator('.transport-label').innerText()).toBe('II-YELLOW');
    if (c.nuclide === 'Lu-177') {
      // The site's lot is carrier-added: the therapy dose carries its Lu-177m.
      expect(facts).toMatch(/At dispatch[^\n]*\n+Lu-177 7,\d{3} MBq · Lu-177m \d/);
    }
    const papers = page.getByRole('link', { name: 'Shipping papers (PDF)' });
    expect(await papers.getAttribute('href')).toBe(
      `/api/shipments/${c.shipment.id}/papers.pdf?lang=en`,
    );
    const pdf = await page.request.get(`/api/shipments/${c.shipment.id}/papers.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
  }

  for (const [k, c] of carried.entries()) {
    await openDispatch(page, c.shipment.key);
    const load = page.getByRole('form', { name: 'Load the vehicle' });
    await load.getByLabel('Vehicle registration').fill(VEHICLE);
    await choose(load.getByLabel('Courier'), 'Demo Courier Driver');
    expect(
      await load.getByRole('group', { name: 'Transport index on the vehicle' }).innerText(),
    ).toMatch(new RegExp(`^Σ TI ${TI[c.nuclide]!.replace('.', '\\.')} of 50`));
    const scan = load.getByLabel('Scan a package code');
    const code = codes[k]!;
    if (k === 0) {
      // The wrong box: the other shipment's package. The server names what is missing.
      const other = codes[1]!;
      await scan.fill(other);
      await scan.press('Enter');
      await load.getByRole('button', { name: 'Load', exact: true }).click();
      await expect
        .poll(() => load.locator('.field-error').textContent(), { timeout: 10_000 })
        .toBe(`missing ${code}; not of this shipment ${other}`);
      await load.getByRole('button', { name: `Remove ${other}` }).click();
    }
    await scan.fill(code);
    await scan.press('Enter');
    await load.getByRole('button', { name: 'Load', exact: true }).click();
    await load.waitFor({ state: 'detached' });
    const tracking = page.getByRole('list', { name: 'Tracking events' });
    await expect
      .poll(() => tracking.innerText())
      .toMatch(new RegExp(`Loaded · on ${VEHICLE} · 1 package scanned · Σ TI`));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'distribution-dispatch');
  expect(w.problems).toEqual([BAD_REQUEST]);
  return codes;
}

/** The courier, on a phone, scans and signs for each run (the ID with the first signature). */
async function courierPicksUp(
  w: WatchedPage,
  carried: readonly Carried[],
  codes: readonly string[],
): Promise<void> {
  const { page } = w;
  await signIn(page, COURIER);
  await page.getByRole('heading', { name: 'My runs', level: 1 }).waitFor();
  for (const [k, c] of carried.entries()) {
    const run = page.getByRole('article', { name: new RegExp(`^${c.shipment.key} `) });
    expect(await run.innerText()).toMatch(new RegExp(`Vehicle ${VEHICLE}`));
    const form = run.getByRole('form', { name: 'Pick up' });
    const scan = form.getByLabel('Scan a package code');
    await scan.fill(codes[k]!);
    await scan.press('Enter');
    // The session's first signature needs the ID too; the second the password alone.
    if (k === 0) await form.getByLabel('Your ID (email)').fill(COURIER);
    else await expect.poll(() => form.getByLabel('Your ID (email)').count()).toBe(0);
    await form.getByLabel('Password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Sign and pick up' }).click();
    await run.getByRole('form', { name: 'Deliver' }).waitFor();
    expect(await run.innerText()).toMatch(/Picked up \d\d:\d\d, signed by Demo Courier Driver/);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'distribution-courier');
}

/** At each shipment's arrival the courier scans its package and delivers it. */
async function courierDelivers(
  w: WatchedPage,
  product: Product,
  carried: readonly Carried[],
  codes: readonly string[],
): Promise<void> {
  const { page } = w;
  const byArrival = carried
    .map((c, k) => ({ c, code: codes[k]! }))
    .sort((a, b) => Date.parse(a.c.shipment.arriveAt) - Date.parse(b.c.shipment.arriveAt));
  for (const { c, code } of byArrival) {
    advanceTo(product, Date.parse(c.shipment.arriveAt));
    await follow(w, product);
    const run = page.getByRole('article', { name: new RegExp(`^${c.shipment.key} `) });
    const form = run.getByRole('form', { name: 'Deliver' });
    const scan = form.getByLabel('Scan a package code');
    await scan.fill(code);
    await scan.press('Enter');
    await form.getByRole('button', { name: 'Deliver', exact: true }).click();
    const done = run.getByText(/^Delivered to /);
    await done.waitFor();
    expect(await done.innerText()).toBe(
      `Delivered to ${c.shipment.hospitalName} at ${wallTime(Date.parse(c.shipment.arriveAt)).slice(11)}.`,
    );
  }
  expect(w.problems).toEqual([]);
}

/** A shipment page of the hospital's deliveries. */
async function openDelivery(page: Page, key: string): Promise<void> {
  await nav(page, 'Deliveries');
  await page.getByRole('link', { name: `Shipment ${key}`, exact: true }).click();
  await page.getByRole('heading', { name: `Shipment ${key}`, level: 1 }).waitFor();
}

/** A number as the app writes it ("7,512", "0.0148") read back. */
const figure = (text: string) => Number(text.replaceAll(',', ''));

/**
 * The hospital's staff follow each shipment to its delivery and receive each dose, measured on
 * arrival (to the minute) at 1% above the dispensed activity decayed to the measurement.
 */
async function hospitalReceives(
  w: WatchedPage,
  product: Product,
  carried: readonly Carried[],
  codes: readonly string[],
): Promise<void> {
  const { page } = w;
  await signIn(page, STAFF);
  for (const [k, c] of carried.entries()) {
    await openDelivery(page, c.shipment.key);
    const timeline = await page.getByRole('list', { name: 'Tracking events' }).innerText();
    expect(timeline).toMatch(
      /Picked up[\s\S]*hand-over signed by Demo Courier Driver[\s\S]*Delivered[\s\S]*1 package scanned/,
    );
    const card = page.getByRole('article', { name: new RegExp(`^${c.patientRef} · `) });
    await card.getByRole('button', { name: `Receive the dose for ${c.patientRef}` }).click();
    const form = card.getByRole('form', { name: `Receive the dose for ${c.patientRef}` });
    const at = Math.floor(product.clock().getTime() / MINUTE) * MINUTE;
    const expectedBq = decayed(c.nuclide, c.dispensedBq, c.dispensedAt, at);
    const measuredMBq = Math.round((expectedBq * 1.01) / 1e5) / 10;
    await form.getByLabel('Package code').fill(codes[k]!);
    await form.getByLabel('Measured activity (MBq)').fill(String(measuredMBq));
    await form.getByLabel(`Measured at (${ZONE})`).fill(wallTime(at));
    await form.getByRole('button', { name: 'Record receipt' }).click();
    await form.waitFor({ state: 'detached' });
    const receipt = await card.getByRole('status').innerText();
    const m =
      /accepted\s+measured ([\d,.]+) MBq, expected ([\d,.]+) MBq \(\+1\.0%\) at 7 Dec (\d\d:\d\d) — within ±10%/.exec(
        receipt,
      );
    expect(m, receipt).not.toBeNull();
    expect(figure(m![1]!)).toBe(Number(four(measuredMBq).replaceAll(',', '')));
    expect(Math.abs(figure(m![2]!) / (expectedBq / 1e6) - 1)).toBeLessThan(1e-3);
    expect(m![3]).toBe(wallTime(at).slice(11));
  }
  expect(w.problems).toEqual([]);
}

/** The hospital opens a container for the day's residues: ten half-lives of decay in storage. */
async function openWasteContainer(w: WatchedPage, hospitalName: string): Promise<string> {
  const { page } = w;
  await nav(page, 'Waste');
  const form = page.getByRole('form', { name: 'Open a container' });
  await choose(form.getByLabel('Place'), hospitalName);
  await form.getByLabel('Kind').selectOption('residues');
  await form.getByLabel('Release rule').selectOption('ten-half-lives');
  await form.getByRole('button', { name: 'Open container' }).click();
  const opened = form.getByRole('status');
  await opened.waitFor();
  const m = /^Opened (W-[0-9A-F]{8}) at (.*)\.$/.exec(await opened.innerText());
  expect(m).not.toBeNull();
  expect(m![2]).toBe(hospitalName);
  return m![1]!;
}

/**
 * Each dose given at its calibration time, 14:00: the syringe measured five minutes before at
 * the ordered activity decayed back, the residue (1% of the dose for the therapy, 4 MBq of the
 * Ga-68) five minutes after, into the waste container. The findings give what the patient got,
 * decay-corrected; here it is worked out from the half-life.
 */
async function hospitalAdministers(
  w: WatchedPage,
  carried: readonly Carried[],
  wasteCode: string,
): Promise<void> {
  const { page } = w;
  const givenAt = today(CALIBRATION);
  const beforeAt = givenAt - 5 * MINUTE;
  const residueAt = givenAt + 5 * MINUTE;
  for (const c of carried) {
    await openDelivery(page, c.shipment.key);
    const card = page.getByRole('article', { name: new RegExp(`^${c.patientRef} · `) });
    await card.getByRole('button', { name: `Administer the dose for ${c.patientRef}` }).click();
    const form = card.getByRole('form', { name: `Administer the dose for ${c.patientRef}` });
    const beforeMBq = Math.round(decayed(c.nuclide, c.orderedBq, givenAt, beforeAt) / 1e5) / 10;
    const residueMBq = c.nuclide === 'Lu-177' ? Math.round(c.orderedBq / 1e6) / 100 : 4;
    await form.getByLabel('Prescribed activity (MBq)').fill(String(c.orderedBq / 1e6));
    await form.getByLabel('Activity before (MBq)').fill(String(beforeMBq));
    await form.getByLabel(`Measured before at (${ZONE})`).fill(wallTime(beforeAt));
    await form.getByLabel(`Administered at (${ZONE})`).fill(wallTime(givenAt));
    await form.getByLabel('Residue after (MBq)').fill(String(residueMBq));
    await form.getByLabel(`Residue measured at (${ZONE})`).fill(wallTime(residueAt));
    await choose(form.getByLabel('Waste container for the residue'), wasteCode);
    await form.getByRole('button', { name: 'Record administration' }).click();
    await form.waitFor({ state: 'detached' });
    // By hand: both readings decay-corrected to 14:00, the residue's subtracted.
    const before = decayed(c.nuclide, beforeMBq, beforeAt, givenAt);
    const residue = decayed(c.nuclide, residueMBq, residueAt, givenAt);
    const given = before - residue;
    const pct = (given / (c.orderedBq / 1e6) - 1) * 100;
    const finding = await card.getByRole('status').locator('.finding-main').innerText();
    expect(finding).toBe(
      `administered ${given.toFixed(1)} MBq at the time of administration (${before.toFixed(1)} MBq before − ${residue.toFixed(1)} MBq residue), ${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% from the prescribed ${(c.orderedBq / 1e6).toFixed(1)} MBq`,
    );
    expect(Math.abs(pct)).toBeLessThan(5);
    expect(await card.innerText()).toMatch(/administered/);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'distribution-deliveries');
  expect(w.problems).toEqual([]);
}

/** The register's copy of a container (to read its fixed dates exactly). */
async function container(page: Page, code: string): Promise<WasteContainer> {
  const { containers } = await ok<{ containers: WasteContainer[] }>(
    await page.request.get('/api/waste'),
  );
  const found = containers.find((x) => x.code === code);
  expect(found, code).toBeDefined();
  return found!;
}

/**
 * The container holds both residues; closed for decay, its release date is fixed at ten
 * half-lives of its longest-lived member, Lu-177m. A release before then is refused; at the date
 * (the clock nearly four and a half years on, signed in again) a survey above background is
 * refused and one at background releases it.
 */
async function wasteReleased(w: WatchedPage, product: Product, code: string): Promise<void> {
  const { page } = w;
  await nav(page, 'Waste');
  const card = page.getByRole('region', { name: code, exact: true });
  const items = card.getByRole('table', { name: `Items in ${code}` });
  await items.waitFor();
  expect(await items.locator('tbody tr').allInnerTexts()).toEqual([
    expect.stringMatching(
      /^residue of Ga-68 PSMA-11 .*\(E2E-GA-1\)\s+7 Dec 2026 14:05\s+Ga-68 4 MBq$/,
    ),
    expect.stringMatching(
      /^residue of Lu-177 PSMA-617 .*\(E2E-LU-1\)\s+7 Dec 2026 14:05\s+Lu-177 74 MBq, Lu-177m [\d.]+(e-\d)? MBq$/,
    ),
  ]);
  expect(await card.innerText()).toMatch(
    /Activity now\s+[\d.]+ MBq\s+Lu-177 7\d(\.\d+)? MBq, Ga-68 [\d.]+ MBq, Lu-177m/,
  );

  await card.getByRole('button', { name: 'Close for decay' }).click();
  await expect.poll(() => card.innerText()).toMatch(/closed for decay/);
  const closed = await container(page, code);
  const closedAt = Date.parse(closed.closedAt!);
  const releaseAt = Date.parse(closed.releaseAfter!);
  // By hand: ten half-lives of Lu-177m (160.4 d) from the closing.
  expect(releaseAt - closedAt).toBe(10 * HALF_LIFE_S['Lu-177m']! * 1000);
  expect(closed.earliest.longestLived).toBe('Lu-177m');
  const text = await card.innerText();
  expect(text).toContain(
    `Earliest release\n${dateTime(releaseAt)}\n10 half-lives of Lu-177m: 1604 days`,
  );
  expect(await card.getByRole('list', { name: `Warnings for ${code}` }).innerText()).toMatch(
    /Lu-177m \(160\.4 d\) is above the 120-day limit of decay-in-storage under 10 CFR 35\.92/,
  );
  expect(text).toMatch(/Its release date has not come yet\./);

  const survey = async (background: string, reading: string) => {
    const form = card.getByRole('form', { name: `Release ${code}` });
    if ((await form.count()) === 0) await card.getByRole('button', { name: 'Release…' }).click();
    await form.getByLabel('Background (µSv/h)').fill(background);
    await form.getByLabel('Reading (µSv/h)').fill(reading);
    await form.getByLabel('Instrument').fill('RadEye B20 #4471');
    await form.getByRole('button', { name: 'Release container' }).click();
    return form;
  };
  // Before the date: refused, next to the survey's time.
  const early = await survey('0.1', '0.1');
  await expect
    .poll(() => early.locator('.survey-time').getByRole('alert').textContent(), { timeout: 10_000 })
    .toBe(`the container may not be released before ${dateTime(releaseAt)}`);
  await early.getByRole('button', { name: 'Cancel' }).click();

  // A day after the date: the session has long expired; the staff sign in again.
  advanceTo(product, releaseAt + 24 * HOUR);
  await follow(w, product);
  await signIn(page, STAFF);
  await nav(page, 'Waste');
  await card.waitFor();
  expect(await card.innerText()).not.toMatch(/Its release date has not come yet/);
  const above = await survey('0.1', '0.3');
  await expect
    .poll(() => above.locator('.field-error').textContent(), { timeout: 10_000 })
    .toBe('the surface reads 0.3 µSv/h, above the background 0.1 µSv/h');
  const released = await survey('0.1', '0.1');
  await released.waitFor({ state: 'detached' });
  await expect.poll(() => card.innerText()).toMatch(/released/);
  const after = await card.innerText();
  const final = await container(page, code);
  expect(after).toContain(`Release\nreleased ${dateTime(Date.parse(final.releasedAt!))}`);
  expect(after).toMatch(
    /Survey\s+0\.1 µSv\/h\s+background 0\.1 µSv\/h · RadEye B20 #4471 · Demo Staff, hospital 1/,
  );
  const chart = page.getByRole('img', {
    name: /^Total activity of 1 container over time, log scale/,
  });
  await chart.locator('svg').first().waitFor();
  // The register in one picture, the chart and the container: a taller window for it.
  await page.setViewportSize({ width: DESKTOP.width, height: 1260 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'distribution-waste');
  await page.setViewportSize(DESKTOP);
  const unexpected = w.problems.filter((p) => !/status of (401|409)/.test(p));
  expect(unexpected).toEqual([]);
  expect(w.problems.filter((p) => /status of 409/.test(p))).toHaveLength(2);
}

describe.runIf(e2eAvailable())(
  'distribution: from release to the patient and the waste store',
  () => {
    let product: Product | undefined;
    let browser: Browser | undefined;
    let carried: Carried[];
    beforeAll(async () => {
      [product, browser] = await Promise.all([startProduct(NOW), launchBrowser()]);
      carried = await releaseTheDoses(product);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await product?.close();
    });
    /** A new page whose clock reads the server's. */
    const open = async (viewport?: { width: number; height: number }) => {
      const w = await openPage(browser!, product!, viewport);
      await follow(w, product!);
      return w;
    };

    it(
      'carries a Lu-177 therapy dose and a Ga-68 dose from release to administration and the residue to its release',
      { timeout: 180_000 },
      async () => {
        const rp = await open();
        const codes = await packAndLoad(rp, carried);

        const courier = await open(PHONE);
        await courierPicksUp(courier, carried, codes);
        await courierDelivers(courier, product!, carried, codes);

        const staff = await open();
        await hospitalReceives(staff, product!, carried, codes);
        const wasteCode = await openWasteContainer(staff, carried[0]!.shipment.hospitalName);
        advanceTo(product!, today(CALIBRATION) + 6 * MINUTE);
        await follow(staff, product!);
        await hospitalAdministers(staff, carried, wasteCode);
        await wasteReleased(staff, product!, wasteCode);
      },
    );
  },
);
