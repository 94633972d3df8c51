import {
  request,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../src/batches/batch-types.js';
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
 * The production day in the browser: one Ga-68 batch from the committed plan to a dispensed,
 * labelled dose. The radiopharmacist signs every step of the record (drawing a recorded elution),
 * the QC analyst imports a CSV with an out-of-specification pH and replaces it with a reason, the
 * QP sees the conditional release refused and then allowed and signs it (re-authenticating), the
 * radiopharmacist dispenses a dose; a radiopharmacist cannot release, and a second batch is
 * rejected.
 *
 * "Now" is Monday 07:00 in Shanghai, the morning of the production day: the harness starts the
 * server's clock and each page's clock there (the demo's own orders fall on the next day). The
 * day's orders are placed and planned over the API, as a hospital and the planner would.
 */
const NOW = new Date('2026-12-06T23:00:00Z');
const TODAY = '2026-12-07';
const ZONE = 'Asia/Shanghai';
const GA68_HALF_LIFE_MS = 4070.52 * 1000;

/** "YYYY-MM-DDTHH:mm" of an instant in a zone, as a datetime-local input shows it. */
function wallTime(ms: number, zone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** A signed-in API caller, as the other e2e suites' setup uses the product. */
async function caller(product: Product, role: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: product.url });
  const r = await api.post('/api/auth/login', {
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
  });
  expect(r.status()).toBe(200);
  return api;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

interface Day {
  /** The Ga-68 batch with two doses, walked through the whole day. */
  readonly ga: BatchSummary;
  /** The F-18 FDG batch, rejected. */
  readonly fdg: BatchSummary;
  /** The elution recorded for the Ga-68 batch to draw from. */
  readonly elutionId: string;
}

/**
 * Hospital 1 orders Ga-68 PSMA-11 for 08:30 and 10:00 and FDG for 11:00, another Beijing hospital
 * Ga-68 for 10:30; the planner plans the day (greedy) and commits it; the radiopharmacist elutes a
 * Ga-68 generator of the batch's site; the QC analyst enters the earlier Ga-68 batch's pH, so the
 * trend has two batches.
 */
async function planTheDay(product: Product): Promise<Day> {
  const hospitalUser = await caller(product, 'hospital_orderer');
  const own = await json<{ hospitals: { id: string }[] }>(await hospitalUser.get('/api/hospitals'));
  const h1 = own.hospitals[0]!.id;
  await hospitalUser.dispose();

  const planner = await caller(product, 'planner');
  const all = await json<{ hospitals: { id: string; city: string }[] }>(
    await planner.get('/api/hospitals'),
  );
  const h2 = all.hospitals.find((h) => h.city === 'Beijing' && h.id !== h1)!.id;
  const orders: [string, string, string, number, string][] = [
    [h1, 'GA68-PSMA11', '08:30', 160e6, 'E2E-GA-3'],
    [h1, 'GA68-PSMA11', '10:00', 160e6, 'E2E-GA-1'],
    [h2, 'GA68-PSMA11', '10:30', 150e6, 'E2E-GA-2'],
    [h1, 'F18-FDG', '11:00', 370e6, 'E2E-FDG-1'],
  ];
  for (const [hospitalId, productCode, time, activityBq, patientRef] of orders) {
    await json(
      await planner.post('/api/orders', {
        data: {
          hospitalId,
          productCode,
          calibrationTime: `${TODAY}T${time}[${ZONE}]`,
          amount: { kind: 'fixed', activityBq },
          patientRef,
        },
      }),
    );
  }
  const plan = await json<{ id: string }>(
    await planner.post('/api/plans', { data: { date: TODAY, days: 1, method: 'greedy' } }),
  );
  for (let k = 0; k < 300; k++) {
    const p = await json<{ status: string }>(await planner.get(`/api/plans/${plan.id}`));
    if (p.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await json(await planner.post(`/api/plans/${plan.id}/commit`));
  const { batches } = await json<{ batches: BatchSummary[] }>(
    await planner.get(`/api/batches?date=${TODAY}`),
  );
  await planner.dispose();
  const ga = batches.find((b) => b.productCode === 'GA68-PSMA11' && b.doses === 2);
  const earlier = batches.find((b) => b.productCode === 'GA68-PSMA11' && b.id !== ga?.id);
  const fdg = batches.find((b) => b.productCode === 'F18-FDG');
  const listed = batches.map((b) => `${b.batchNumber} ${b.doses}`).join(', ');
  expect(ga, listed).toBeDefined();
  expect(fdg, listed).toBeDefined();

  const rp = await caller(product, 'radiopharmacist');
  const { generators } = await json<{ generators: { id: string; type: string }[] }>(
    await rp.get(`/api/generators?siteId=${ga!.siteId}`),
  );
  const generator = generators.find((g) => g.type === 'Ge-68/Ga-68');
  expect(generator, 'a Ga-68 generator at the batch’s site').toBeDefined();
  const eluted = await json<{ elution: { id: string } }>(
    await rp.post(`/api/generators/${generator!.id}/elutions`, {
      data: { at: NOW.toISOString(), measuredActivityBq: 1.6e9 },
    }),
  );
  await rp.dispose();

  if (earlier) {
    const qc = await caller(product, 'qc_analyst');
    await json(
      await qc.post(`/api/batches/${earlier.id}/qc-results`, {
        data: { results: [{ test: 'ph', value: 6.0 }] },
      }),
    );
    await qc.dispose();
  }
  return { ga: ga!, fdg: fdg!, elutionId: eluted.elution.id };
}

const BAD_REQUEST =
  'console: Failed to load resource: the server responded with a status of 400 (Bad Request)';

/** The region of a record page's section, by its heading. */
const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

/** A QC test's row, by the test's name. */
const testRow = (panel: Locator, name: string | RegExp) =>
  panel
    .locator('tbody tr')
    .filter({ has: panel.page().getByRole('rowheader', { name, exact: true }) });

/** Opens a batch record from the worklist by its batch number. */
async function openRecord(page: Page, batchNumber: string): Promise<void> {
  await page.getByRole('link', { name: batchNumber }).click();
  await page.getByRole('heading', { name: batchNumber, level: 1 }).waitFor();
}

describe.runIf(e2eAvailable())('production: batch record, QC, release and dispensing', () => {
  let product: Product | undefined;
  let browser: Browser | undefined;
  let day: Day;
  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(NOW), launchBrowser()]);
    day = await planTheDay(product);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
  const open = () => openPage(browser!, product!);

  /** The radiopharmacist's worklist, then every step of the Ga-68 record signed in order. */
  async function radiopharmacistSignsTheRecord(rp: WatchedPage): Promise<void> {
    const { page, problems } = rp;
    await signIn(page, demoEmail('radiopharmacist'));
    // Production is a radiopharmacist's main work: the first screen, today's batches.
    await page.getByRole('heading', { name: 'Production', level: 1 }).waitFor();
    expect(await page.getByLabel('Date').inputValue()).toBe(TODAY);
    const rows = page.getByRole('region', { name: 'Batch records' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const gaRow = rows.filter({ hasText: day.ga.batchNumber });
    expect(await gaRow.innerText()).toMatch(/07:30\s+in (29|30) min\s+open/);
    // The Ga-68 batch that should have started at 05:00 is late, in red.
    const late = page.locator('td.late');
    await expect.poll(() => late.count()).toBeGreaterThanOrEqual(1);
    expect(await late.first().innerText()).toMatch(
      /^not started, \d+ min after the planned start$/,
    );
    await screenshot(page, 'production-worklist');

    await openRecord(page, day.ga.batchNumber);
    const steps = section(page, 'Batch record');
    const sign = (name: string) => steps.getByRole('form', { name: `Sign “${name}”` });

    // The elution draws the recorded eluate: more than is left in it is refused, under the field.
    const elution = sign('Generator elution');
    await elution.getByLabel('Activity drawn').fill('1700');
    await elution.getByLabel('Eluate volume').fill('5');
    await elution.getByLabel('Generator elution').selectOption(day.elutionId);
    await elution.getByRole('button', { name: 'Sign step' }).click();
    await expect
      .poll(() => elution.locator('.field-error').first().textContent())
      .toMatch(/^1700\.0 MBq is more than the 1\d{3}\.\d MBq of Ga-68 left in it now$/);
    await elution.getByLabel('Activity drawn').fill('1500');
    await elution.getByRole('button', { name: 'Sign step' }).click();
    await sign('Labelling').waitFor();
    const first = steps.getByRole('listitem', { name: /^Step 1: Generator elution, signed/ });
    expect(await first.innerText()).toMatch(/Signed by Demo Radiopharmacist/);
    expect(await first.innerText()).toMatch(/Generator elution: \w{8}… · 1,500 MBq drawn/);

    const fill = async (step: string, values: Record<string, string>) => {
      const form = sign(step);
      for (const [label, value] of Object.entries(values)) await form.getByLabel(label).fill(value);
      await form.getByRole('button', { name: 'Sign step' }).click();
      await form.waitFor({ state: 'detached' });
    };
    await fill('Labelling', {
      Precursor: '20',
      'Reaction temperature': '95',
      'Reaction time': '8',
      'Kit lot number': 'KIT-2026-118',
    });
    await fill('Purification', { 'C18 cartridge lot': 'C18-2291' });
    await fill('Formulation and sterile filtration', {
      'Activity at end of synthesis': '1300',
      'Bulk volume': '10',
      'Sterile filter lot': 'SF-0.22-0417',
    });
    await fill('QC sampling', { 'Sample volume': '0.2', 'Sample identifier': 'QC-0417' });

    // A signed step is corrected with a reason; the earlier entry stays in the record.
    await steps.getByRole('button', { name: 'Correct Purification' }).click();
    const correct = steps.getByRole('form', { name: 'Correct “Purification”' });
    await correct.getByLabel('C18 cartridge lot').fill('C18-2219');
    await correct.getByRole('button', { name: 'Sign correction' }).click();
    await expect
      .poll(() => correct.locator('.field-error').textContent())
      .toMatch(/^step "Purification" is signed already: a correction needs a reason$/);
    await correct.getByLabel('Reason for the correction').fill('cartridge lot digits transposed');
    await correct.getByRole('button', { name: 'Sign correction' }).click();
    await correct.waitFor({ state: 'detached' });
    const purification = steps.getByRole('listitem', { name: /^Step 3: Purification/ });
    expect(await purification.innerText()).toMatch(/corrected: “cartridge lot digits transposed”/);
    expect(await purification.innerText()).toMatch(/1 earlier entry \(corrected\)/);

    const header = page.getByTestId('record-head');
    expect(await header.innerText()).toMatch(/awaiting release/);
    expect(await page.getByTestId('yield').innerText()).toMatch(
      /^1,300 MBq at EOS · \d+(\.\d+)?% of the/,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'batch-record');
    expect(problems).toEqual([BAD_REQUEST, BAD_REQUEST]);
  }

  /** The QC analyst imports the pre-release results from CSV: one is out of specification. */
  async function qcImportsWithOneFailing(qc: WatchedPage): Promise<void> {
    const { page } = qc;
    await signIn(page, demoEmail('qc_analyst'));
    await page.getByRole('heading', { name: 'Production', level: 1 }).waitFor();
    await openRecord(page, day.ga.batchNumber);
    const panel = section(page, 'Quality control');
    const csv = [
      'test,value',
      'appearance,pass',
      'ph,9.1',
      'rcp,98.5',
      'half-life,68',
      'rnp,99.95',
      'endotoxin,2.5',
      'filter-integrity,55',
    ].join('\n');
    await panel.getByLabel('CSV export').fill(csv);
    await panel.getByRole('button', { name: 'Import results' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Imported 7 results.');
    const verdict = panel.getByTestId('qc-verdict');
    expect(await verdict.innerText()).toMatch(/Out of specification\s+pH 9\.1 is above 8/);
    expect(await testRow(panel, 'pH').innerText()).toMatch(/9\.1\s+fail/);
    expect(await testRow(panel, /^Sterility/).innerText()).toMatch(/pending/);
  }

  /** The QC analyst replaces the failing result, with a reason. */
  async function qcReplacesTheFailure(qc: WatchedPage): Promise<void> {
    const { page, problems } = qc;
    const panel = section(page, 'Quality control');
    await panel.getByRole('button', { name: 'Replace the result of pH' }).click();
    const replace = panel.getByRole('form', { name: 'Replace the result of pH' });
    await replace.getByLabel('pH result').fill('6.2');
    await replace.getByRole('button', { name: 'Replace result' }).click();
    await expect
      .poll(() => replace.getByRole('alert').textContent())
      .toMatch(/pH has a result already: replacing it needs a reason/);
    await replace
      .getByLabel('Reason for replacing the result of pH')
      .fill('strip read against the wrong scale; re-measured with the meter');
    await replace.getByRole('button', { name: 'Replace result' }).click();
    const verdict = panel.getByTestId('qc-verdict');
    await expect
      .poll(() => verdict.innerText())
      .toMatch(/Pre-release tests pass; post-release tests outstanding/);
    expect(await testRow(panel, 'pH').innerText()).toMatch(/6\.2\s+pass[\s\S]*1 replaced/);
    // The pH trend over the product's batches: this one and the earlier batch.
    const chart = panel.getByRole('img', { name: /^pH over the last 2 batches of GA68-PSMA11/ });
    await chart.locator('svg').first().waitFor();
    // The whole QC panel, its table and its trend, in one picture: a taller window for it.
    await page.setViewportSize({ width: DESKTOP.width, height: 1180 });
    await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -8));
    await screenshot(page, 'qc-results');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([BAD_REQUEST]);
  }

  it(
    'walks a Ga-68 batch from the plan to a dispensed, labelled dose',
    { timeout: 300_000 },
    async () => {
      const rp = await open();
      await radiopharmacistSignsTheRecord(rp);

      const qc = await open();
      await qcImportsWithOneFailing(qc);

      // The QP's release queue holds the batch; out of specification, it cannot be released.
      const qp = await open();
      await signIn(qp.page, demoEmail('qualified_person'));
      const queue = qp.page.getByRole('tab', { name: /Release queue/ });
      await queue.waitFor();
      expect(await queue.getAttribute('aria-selected')).toBe('true');
      const queued = qp.page.getByRole('region', { name: 'Batch records' }).locator('tbody tr');
      await expect.poll(() => queued.count()).toBe(1);
      expect(await queued.innerText()).toMatch(/awaiting release/);
      await screenshot(qp.page, 'release-queue');
      await openRecord(qp.page, day.ga.batchNumber);
      const release = section(qp.page, 'Release');
      const decisions = release.getByRole('group', { name: 'Decisions' });
      const conditional = decisions.getByRole('button', { name: 'Sign conditional release…' });
      expect(await conditional.isDisabled()).toBe(true);
      expect(await decisions.innerText()).toMatch(
        /Not now: out of specification: pH 9\.1 is above 8/,
      );

      await qcReplacesTheFailure(qc);

      // Now it may be released conditionally, not finally (sterility is outstanding).
      await qp.page.reload();
      await conditional.waitFor();
      expect(await conditional.isDisabled()).toBe(false);
      const final = decisions.getByRole('button', { name: 'Sign final release…' });
      expect(await final.isDisabled()).toBe(true);
      expect(await decisions.innerText()).toMatch(
        /Not now: final certification needs every result/,
      );
      await conditional.click();
      const dialog = qp.page.getByRole('dialog', { name: /^Sign: conditional release of / });
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/I release this batch conditionally/);
      expect(await dialog.innerText()).toMatch(/Printed name\s+Demo Qualified Person/);
      expect(await dialog.innerText()).toMatch(/Time\s+7 Dec 07:\d\d/);
      // The first signature of the session asks for the ID as well as the password.
      await dialog.getByLabel('Your ID (email)').fill(demoEmail('qualified_person'));
      await dialog.getByLabel('Password').fill('not-the-password');
      await dialog.getByRole('button', { name: 'Sign conditional release' }).click();
      await expect
        .poll(() => dialog.locator('.field-error').textContent())
        .toBe('wrong ID or password');
      await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
      await screenshot(qp.page, 'release-sign');
      await dialog.getByRole('button', { name: 'Sign conditional release' }).click();
      await dialog.waitFor({ state: 'detached' });
      const signature = release.getByRole('listitem').filter({ hasText: 'Conditional release by' });
      await expect.poll(() => signature.innerText()).toMatch(/Demo Qualified Person[\s\S]*valid/);
      expect(await qp.page.getByTestId('record-head').innerText()).toMatch(
        /conditionally released/,
      );
      expect(qp.problems).toEqual([
        'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
      ]);

      // The radiopharmacist dispenses a dose: out of tolerance refused with the figures, then in.
      const { page } = rp;
      await page.reload();
      const doses = section(page, 'Doses and dispensing');
      await doses.getByRole('button', { name: 'Dispense the dose for E2E-GA-1' }).click();
      const form = doses.getByRole('form', { name: 'Dispense the dose for E2E-GA-1' });
      // The time defaults to now on the injected clock, in the site's zone; the test measures a
      // minute after the end of synthesis was signed (the browser's clock may run a little behind
      // the server's).
      expect(await form.getByLabel(/^Measured at/).inputValue()).toMatch(/^2026-12-07T07:\d\d$/);
      const record = await json<{ steps: { eos: boolean; entries: { signedAt: string }[] }[] }>(
        await page.request.get(`/api/batches/${day.ga.id}`),
      );
      const eosSigned = Date.parse(record.steps.find((s) => s.eos)!.entries.at(-1)!.signedAt);
      const measuredAt = wallTime(Math.ceil(eosSigned / 60_000) * 60_000 + 60_000, ZONE);
      await form.getByLabel(/^Measured at/).fill(measuredAt);
      const atMs = Date.parse(`${measuredAt}:00+08:00`);
      const calibration = Date.parse(`${TODAY}T10:00:00+08:00`);
      const exactMBq = 160 * Math.pow(2, (calibration - atMs) / GA68_HALF_LIFE_MS);
      await form.getByLabel(/^Measured activity/).fill((exactMBq * 1.3).toFixed(1));
      await form.getByLabel('Volume (mL)').fill('1.5');
      await form.getByRole('button', { name: 'Dispense' }).click();
      await expect
        .poll(() => form.locator('.field-error').textContent())
        .toMatch(
          /MBq measured gives .* at calibration, \+30\.0% from the 160\.0 MBq ordered \(tolerance ±\d+%\)$/,
        );
      await form.getByLabel(/^Measured activity/).fill(exactMBq.toFixed(1));
      await form.getByRole('button', { name: 'Dispense' }).click();
      await form.waitFor({ state: 'detached' });
      const dispensed = doses.getByTestId('dispensed-E2E-GA-1');
      expect(await dispensed.innerText()).toMatch(
        /MBq at 7 Dec 07:\d\d · 1\.5 mL syringe\s+160 MBq at calibration \((0%|[+−]0\.\d%)\)\s+expires 7 Dec \d\d:\d\d · Demo Radiopharmacist/,
      );
      expect(
        await doses
          .getByRole('link', { name: /^Labels of the dispensed doses/ })
          .getAttribute('href'),
      ).toBe(`/api/batches/${day.ga.id}/labels.pdf?lang=en`);
      expect(
        await doses.getByRole('link', { name: /^Certificate of analysis/ }).getAttribute('href'),
      ).toBe(`/api/batches/${day.ga.id}/certificate.pdf?lang=en`);
      // The documents behind the links: the dose's label and the certificate of analysis.
      for (const path of ['labels.pdf', 'certificate.pdf']) {
        const pdf = await page.request.get(`/api/batches/${day.ga.id}/${path}`);
        expect(pdf.status(), path).toBe(200);
        expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
      }
      await doses.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -8));
      await screenshot(page, 'dispensing');

      // A radiopharmacist sees the signatures but no decision to sign, and the API refuses one.
      const rpRelease = section(page, 'Release');
      expect(await rpRelease.getByRole('group', { name: 'Decisions' }).count()).toBe(0);
      expect(await rpRelease.getByRole('button').count()).toBe(0);
      expect(await rpRelease.innerText()).toMatch(/Conditional release by Demo Qualified Person/);
      const refused = await page.request.post(`/api/batches/${day.ga.id}/signatures`, {
        data: { meaning: 'final-release', password: DEMO_PASSWORD },
      });
      expect(refused.status()).toBe(403);
      expect(rp.problems).toEqual([BAD_REQUEST, BAD_REQUEST, BAD_REQUEST]);

      // The QP rejects the FDG batch: the password alone now (the session has signed once).
      await qp.page.getByRole('link', { name: 'Production', exact: true }).click();
      await qp.page.getByRole('tab', { name: 'All batches' }).click();
      await openRecord(qp.page, day.fdg.batchNumber);
      await qp.page.getByRole('button', { name: 'Reject…' }).click();
      const reject = qp.page.getByRole('dialog', { name: /^Sign: rejection of / });
      expect(await reject.getByLabel('Your ID (email)').count()).toBe(0);
      await reject.getByLabel('Reason for the rejection').fill('synthesis module pressure alarm');
      await reject.getByLabel('Password').fill(DEMO_PASSWORD);
      await reject.getByRole('button', { name: 'Sign rejection' }).click();
      await reject.waitFor({ state: 'detached' });
      const header = qp.page.getByTestId('record-head');
      await expect.poll(() => header.innerText()).toMatch(/rejected/);
      expect(await section(qp.page, 'Alerts sent to hospitals').innerText()).toMatch(
        /Batch rejected/,
      );
      await qp.page.getByRole('link', { name: 'Production', exact: true }).click();
      const rejectedRow = qp.page
        .getByRole('region', { name: 'Batch records' })
        .locator('tbody tr')
        .filter({ hasText: day.fdg.batchNumber });
      expect(await rejectedRow.innerText()).toMatch(/rejected/);
      expect(qp.problems).toHaveLength(1);

      // The hospital whose FDG dose it was sees the alert.
      const hospital = await open();
      await signIn(hospital.page, 'hospital1.staff@demo.halflife');
      await hospital.page.getByRole('link', { name: 'Alerts' }).click();
      const alert = hospital.page.getByRole('listitem').filter({ hasText: 'Batch rejected' });
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.innerText()).toMatch(/E2E-FDG-1/);
      expect(hospital.problems).toEqual([]);
    },
  );
});
