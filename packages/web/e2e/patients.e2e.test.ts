import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  E2E_NOW,
  e2eAvailable,
  productInBrowser,
  screenshot,
  signIn,
  TABLET,
  type WatchedPage,
} from './harness.js';

/**
 * A patient's theranostic pathway in the browser (issue 15). A physician of hospital 1 enrols a
 * patient (a name as the reference is refused next to its field), records a PSMA-positive PET,
 * starts Pluvicto with the first cycle ten days after the harness's "now" (in Shanghai), orders
 * the cycle due and sees its order, records a visit with its PSA and lesions, delays cycle 2 with
 * a reason (refused without one) and sees the later cycles move; then opens a synthetic patient
 * of the hospital for a full timeline. A physician of hospital 2 does not see the new patient.
 *
 * Every date is worked out here from the harness's E2E_NOW; nothing reads the machine's clock.
 */
const PHYSICIAN_1 = 'hospital1.physician@demo.halflife';
const PHYSICIAN_2 = 'hospital2.physician@demo.halflife';
const ZONE = 'Asia/Shanghai';
const REFERENCE = 'P-E2E-001';
const SYNTHETIC = 'SYN-ACPSMA-013';
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day in Shanghai (UTC+8 all year) of an instant. */
const shanghaiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** "15 Dec 2026", as the screen writes a day. */
const dayText = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

const TODAY = shanghaiDate(E2E_NOW.getTime());
const FIRST_CYCLE = addDays(TODAY, 10);
/** Pluvicto: every 42 days, 6 cycles; the dose is ordered 14 days ahead, at 10:00 on the day. */
const INTERVAL = 42;
const due = (cycle: number, delay = 0) =>
  addDays(FIRST_CYCLE, INTERVAL * (cycle - 1) + (cycle >= 2 ? delay : 0));
const BAD_REQUEST =
  'console: Failed to load resource: the server responded with a status of 400 (Bad Request)';
const NOT_FOUND =
  'console: Failed to load resource: the server responded with a status of 404 (Not Found)';

/** The due days of the cycle table, cycle by cycle. */
async function dueDays(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Therapy cycles' }).locator('tbody tr');
  const cells = await rows.locator('td:nth-child(2)').allInnerTexts();
  return cells.map((c) => c.split('\n')[0]!.trim());
}

/** Opens a pathway form by its button and answers it. */
async function openForm(page: Page, button: string, form: string): Promise<Locator> {
  await page
    .getByRole('group', { name: 'Record on the pathway' })
    .getByRole('button', { name: button })
    .click();
  const f = page.getByRole('form', { name: form });
  await f.waitFor();
  return f;
}

async function chartDrawn(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('img', { name }).locator('svg').first().waitFor();
}

async function enrol(w: WatchedPage): Promise<string> {
  const { page } = w;
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Enrol a patient' }).click();
  const form = page.getByRole('form', { name: 'Enrol a patient' });
  // A name is not a pseudonymous reference: the server refuses it, under the field.
  await form.getByLabel('Reference').fill('Zhang San');
  await form.getByLabel('Weight (kg)').fill('78');
  await form.getByLabel('Baseline PSA (ng/mL)').fill('42');
  const first = form.getByRole('group', { name: 'Target lesion lesion 1' });
  await first.getByLabel('Organ or node').fill('liver');
  await first.getByLabel('Longest diameter (mm)').fill('30');
  await form.getByRole('button', { name: 'Add a target lesion' }).click();
  const second = form.getByRole('group', { name: 'Target lesion lesion 2' });
  await second.getByLabel('Organ or node').fill('pelvic node');
  await second.getByLabel('lymph node').check();
  await second.getByLabel('Short axis (mm)').fill('20');
  await form.getByRole('button', { name: 'Enrol', exact: true }).click();
  await expect
    .poll(() => form.locator('.field-error').first().textContent(), { timeout: 10_000 })
    .toMatch(/pseudonymous reference: letters, digits/);
  await form.getByLabel('Reference').fill(REFERENCE);
  await form.getByRole('button', { name: 'Enrol', exact: true }).click();
  await page.getByRole('heading', { name: `Patient ${REFERENCE}`, level: 1 }).waitFor();
  const header = await page.locator('.patient-header').innerText();
  expect(header).toMatch(/screening/);
  expect(header).toMatch(new RegExp(`Enrolled\\s+${dayText(TODAY)}`));
  expect(header).toMatch(/Weight\s+78 kg/);
  expect(header).toMatch(/Baseline PSA\s+42 ng\/mL/);
  const id = /\/patients\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(id).toBeDefined();
  return id!;
}

async function recordPetAndStart(page: Page): Promise<void> {
  const pet = await openForm(page, 'Record a PET scan', 'Record a PET scan');
  await expect.poll(() => pet.getByLabel('Tracer').inputValue()).toBe('GA68-PSMA11');
  await pet.getByLabel('PSMA-positive', { exact: true }).check();
  await pet.getByLabel('SUVmax').fill('18.4');
  await pet.getByRole('button', { name: 'Record PET scan' }).click();
  await page.getByText('PET scan recorded.').waitFor();
  expect(await page.getByRole('table', { name: 'PET scans' }).innerText()).toMatch(
    new RegExp(`${dayText(TODAY)}\\s+GA68-PSMA11\\s+PSMA-positive\\s+18.4`),
  );

  const start = await openForm(page, 'Start therapy', 'Start therapy');
  // Regimens the network does not make are offered with the reason they cannot start.
  expect(await start.getByRole('radio', { name: /Xofigo/ }).isDisabled()).toBe(true);
  expect(await start.getByText(/Not now: not made in this network/).count()).toBeGreaterThan(0);
  const pluvicto = start.getByRole('radio', { name: /^Pluvicto/ });
  await pluvicto.check();
  expect(
    await start
      .locator('label')
      .filter({ has: page.getByRole('radio', { name: /^Pluvicto/ }) })
      .innerText(),
  ).toMatch(
    /Lu-177 · PSMA · 7,400 MBq · every 42 days \(±7\), up to 6 cycles · reduced 5,900 MBq[\s\S]*Source: .*US label/,
  );
  await start.getByLabel('First cycle on').fill(FIRST_CYCLE);
  await start.evaluate((form) => form.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'patients-start-therapy');
  await start.getByRole('button', { name: 'Start therapy' }).click();
  await page.getByText('Therapy started.').waitFor();
  expect(await page.locator('.patient-header').innerText()).toMatch(/on therapy/);
  expect(await dueDays(page)).toEqual([1, 2, 3, 4, 5, 6].map((c) => dayText(due(c))));
  const next = page.getByRole('region', { name: 'Next cycle' });
  const text = await next.innerText();
  expect(text).toMatch(new RegExp(`Cycle 1 of 6\\s+${dayText(FIRST_CYCLE)}\\s+planned`));
  expect(text).toMatch(new RegExp(`Its dose orders on\\s+${dayText(addDays(FIRST_CYCLE, -14))}`));
  expect(text).toMatch(/Order\s+not ordered yet/);
}

async function orderDue(page: Page): Promise<void> {
  const next = page.getByRole('region', { name: 'Next cycle' });
  await next.getByRole('button', { name: 'Order due cycles now' }).click();
  await next.getByText('Ordered 1 cycle.').waitFor();
  // The dose is ordered for 10:00 on the cycle's day, in the hospital's zone.
  const calibrated = `calibrated for ${dayText(FIRST_CYCLE).slice(0, -5)} 10:00`;
  expect(await next.innerText()).toMatch(
    new RegExp(`Order\\s+submitted\\s+${calibrated} \\(${ZONE}\\)`),
  );
  const row = page.getByRole('table', { name: 'Therapy cycles' }).locator('tbody tr').first();
  expect(await row.innerText()).toMatch(
    new RegExp(`1\\s+ordered[\\s\\S]*submitted\\s+${calibrated}`),
  );
}

async function recordVisit(page: Page): Promise<void> {
  const visit = await openForm(page, 'Record a visit', 'Record a visit');
  await visit.getByLabel('PSA (ng/mL)').fill('8.4');
  await visit
    .getByRole('group', { name: /^Target lesion T1/ })
    .getByLabel('Longest diameter (mm)')
    .fill('20');
  await visit
    .getByRole('group', { name: /^Target lesion T2/ })
    .getByLabel('Short axis (mm)')
    .fill('12');
  await visit.getByRole('button', { name: 'Add an adverse event' }).click();
  const ae = visit.getByRole('group', { name: 'Adverse event 1' });
  await ae.getByLabel('Term').fill('Dry mouth');
  await ae.getByLabel('Grade').selectOption('1');
  await visit.getByRole('button', { name: 'Record visit' }).click();
  await page.getByText('Visit recorded.').waitFor();
  // 42 → 8.4 ng/mL: −80%, a PSA50 and not a PSA90; the lesions 50 → 32 mm.
  const endpoints = await page.getByRole('region', { name: 'Endpoints' }).innerText();
  expect(endpoints).toMatch(/Best PSA change\s+−80\.0%\s+PSA50 yes · PSA90 no/);
  expect(await page.getByRole('table', { name: 'Visits' }).innerText()).toMatch(
    new RegExp(`${dayText(TODAY)}\\s+8.4 ng/mL\\s+—\\s+32 mm \\w\\w\\s+no\\s+Dry mouth G1`),
  );
}

async function delayCycle2(page: Page): Promise<void> {
  const change = await openForm(page, 'Change a cycle', 'Change a cycle');
  await change.getByLabel('Delay', { exact: true }).check();
  await change.getByRole('combobox', { name: /^Cycle/ }).selectOption('2');
  await change.getByLabel('Delay (days)').fill('7');
  // Without a reason the form refuses, under the field, before asking the server.
  await change.getByRole('button', { name: 'Record change' }).click();
  await expect
    .poll(() => change.locator('.field-error').textContent())
    .toBe('every change to a therapy plan needs a reason');
  await change.getByLabel('Reason').fill('Grade 2 platelet count decreased');
  await change.getByRole('button', { name: 'Record change' }).click();
  await page.getByText('Change recorded.').waitFor();
  // Cycle 1 keeps its day; cycle 2 and every later one move a week.
  expect(await dueDays(page)).toEqual([1, 2, 3, 4, 5, 6].map((c) => dayText(due(c, 7))));
  const rows = page.getByRole('table', { name: 'Therapy cycles' }).locator('tbody tr');
  expect(await rows.nth(1).innerText()).toMatch(/49 d[\s\S]*Grade 2 platelet count decreased/);
  expect(await page.getByRole('list', { name: 'Changes recorded' }).innerText()).toMatch(
    /Delay cycle 2 by 7 days: Grade 2 platelet count decreased/,
  );
}

describe.runIf(e2eAvailable())('patients on a theranostic pathway in Chromium', () => {
  const suite = productInBrowser();
  let patientId = '';

  it('a physician enrols a patient, selects by PET, plans Pluvicto, orders, records and delays', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, PHYSICIAN_1);
    patientId = await enrol(w);
    await recordPetAndStart(page);
    await orderDue(page);
    await recordVisit(page);
    await delayCycle2(page);
    await chartDrawn(page, new RegExp(`^Timeline of ${REFERENCE}: 1 PET scan, 6 therapy cycles`));
    await page.setViewportSize({ width: DESKTOP.width, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'patients-new-pathway');
    await page
      .getByRole('region', { name: /^Therapy: Pluvicto/ })
      .evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'patients-cycles');
    await page.setViewportSize(DESKTOP);

    // The list: the new patient first (enrolled today), the hospital's synthetic ones marked.
    await page.getByRole('link', { name: '← Patients' }).click();
    const list = page.getByRole('region', { name: 'Patient list' });
    const firstRow = list.locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toMatch(
      new RegExp(`^${REFERENCE}\\s+no study\\s+on therapy\\s+PLUVICTO\\s+${dayText(TODAY)}`),
    );
    expect(await list.locator('.synthetic').count()).toBe(37);
    await screenshot(page, 'patients-list');
    expect(w.problems).toEqual([BAD_REQUEST]);
    await w.context.close();
  });

  it('opens a synthetic patient of the hospital: the whole pathway on one timeline', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, PHYSICIAN_1);
    await page.getByLabel('Search').fill(SYNTHETIC);
    await page.getByRole('link', { name: SYNTHETIC }).click();
    await page.getByRole('heading', { name: `Patient ${SYNTHETIC}`, level: 1 }).waitFor();
    const header = await page.locator('.patient-header').innerText();
    expect(header).toMatch(/follow-up/);
    expect(header).toMatch(/synthetic/i);
    expect(header).toMatch(/SYN-ACPSMA · Ac-225 PSMA-617 10 MBq/);
    await chartDrawn(page, new RegExp(`^Timeline of ${SYNTHETIC}: 1 PET scan, 5 therapy cycles`));
    const key = await page.getByRole('list', { name: 'Timeline key' }).innerText();
    for (const mark of ['Cycle given', 'AE grade 4', 'Radiographic progression', 'PSA progression'])
      expect(key).toContain(mark);
    // Stopped at progression before cycle 6; two delays with their reasons.
    const cycles = await page.getByRole('table', { name: 'Therapy cycles' }).innerText();
    expect(cycles).toMatch(/Stopped before this cycle: Radiographic progression \(synthetic\)/);
    expect(cycles.match(/grade 2 platelet count decreased/g)).toHaveLength(2);
    const endpoints = await page.getByRole('region', { name: 'Endpoints' }).innerText();
    expect(endpoints).toMatch(/Best overall response\s+SD\s+stable disease/);
    expect(endpoints).toMatch(/rPFS\s+9\.8 months\s+progressed 1 Sep 2025/);
    await page.setViewportSize({ width: DESKTOP.width, height: 1260 });
    await page.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'patients-pathway');

    // On a tablet the page stacks, the chart keeps its lanes.
    await page.setViewportSize(TABLET);
    await page.evaluate(() => window.scrollTo(0, 0));
    await chartDrawn(page, new RegExp(`^Timeline of ${SYNTHETIC}`));
    await screenshot(page, 'patients-tablet');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('a physician of another hospital does not see the new patient', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, PHYSICIAN_2);
    const list = page.getByRole('region', { name: 'Patient list' });
    await list.locator('tbody tr').first().waitFor();
    expect(await list.innerText()).not.toContain(REFERENCE);
    await page.goto(`/patients/${patientId}`);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(`patient ${patientId} not found`);
    expect(w.problems).toEqual([NOT_FOUND]);
    await w.context.close();
  });
});
