import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoEmail,
  DESKTOP,
  TABLET,
  e2eAvailable,
  screenshot,
  signIn,
  productInBrowser,
  demoDay,
  type WatchedPage,
} from './harness.js';

const PLANNING = 300_000;

/**
 * The day's loop in the browser: a hospital orders, the planner plans the day and commits the
 * plan, and the hospital sees its order planned with the activity the patient will get.
 */
describe.runIf(e2eAvailable())('from a hospital order to a committed plan, in Chromium', () => {
  const suite = productInBrowser();
  let hospital: WatchedPage;
  const patientRef = 'E2E-FDG-1';
  beforeAll(async () => {
    hospital = await suite.open();
  });

  /** The order form's assessment once it has settled on `text`. */
  async function assessment(page: Page, text: RegExp): Promise<string> {
    const box = page.locator('.assessment').filter({ hasText: text });
    await box.waitFor();
    return box.innerText();
  }

  /** A hospital orderer sees what the patient will get, is warned of a time no site can serve, and orders. */
  async function hospitalOrders(): Promise<void> {
    const { page, problems } = hospital;
    await signIn(page, demoEmail('hospital_orderer'));
    // The orderer's first screen is their orders, with the form open.
    const form = page.getByRole('form', { name: /New order for/ });
    await form.waitFor();

    await form.getByLabel('Product').selectOption({ label: 'Ga-68 PSMA-11 (gozetotide)' });
    // Ga-68 PSMA-11 is dosed per kg: 2 MBq/kg for an 80 kg patient is 160 MBq.
    expect(await form.getByLabel('Per kg of body weight').isChecked()).toBe(true);
    await form.getByLabel("Patient's weight (kg)").fill('80');
    await form.getByLabel(/Injection time/).fill('05:30');
    const early = await assessment(page, /No site can serve this time/);
    expect(early).toMatch(/The patient will get 160 MBq at 05:30/);
    expect(early).toMatch(/no delivery can arrive/);
    await expect
      .poll(() => form.getByRole('button', { name: 'Place order anyway' }).count())
      .toBe(1);
    await screenshot(page, 'order-form-unservable');

    await form.getByLabel(/Injection time/).fill('11:00');
    // Until the new time is checked, the earlier verdict is gone and the order cannot be placed.
    expect(await page.getByText('No site can serve this time').count()).toBe(0);
    expect(await form.getByRole('button', { name: /^(Checking…|Place order)$/ }).isDisabled()).toBe(
      true,
    );
    const served = await assessment(page, /Can be served from/);
    expect(served).toMatch(/The patient will get 160 MBq at 11:00/);
    await screenshot(page, 'order-form');

    // The order placed for the flow: F-18 FDG, the usual fixed 370 MBq.
    await form.getByLabel('Product').selectOption({ label: 'F-18 FDG (fludeoxyglucose)' });
    expect(await form.getByLabel('Fixed').isChecked()).toBe(true);
    expect(await form.getByLabel(/Activity at injection/).inputValue()).toBe('370');
    await form.getByLabel(/Patient reference/).fill(patientRef);
    await assessment(page, /The patient will get 370 MBq at 11:00[\s\S]*Can be served from/);
    await form.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('status').filter({ hasText: 'Order placed' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: patientRef });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/submitted/);
    expect(problems).toEqual([]);

    // The same screen held upright on a tablet.
    await page.setViewportSize(TABLET);
    await form.waitFor();
    await screenshot(page, 'orders-hospital-tablet');
    await page.setViewportSize(DESKTOP);
  }

  /** The planner plans the day and commits the plan. */
  async function plannerCommits(): Promise<void> {
    const { page, problems, context } = await suite.open();
    await signIn(page, demoEmail('planner'));
    // A planner's first screen is plans.
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    await page.getByLabel('Date to plan').fill(demoDay(suite.product.now));
    await page.getByLabel('Days ahead').selectOption('1');
    await page.getByRole('button', { name: 'Plan this day' }).click();
    await page.locator('[data-plan-rendered]').waitFor({ timeout: PLANNING });
    await page.getByRole('button', { name: 'Commit this plan' }).click();
    await page.getByText(/Committed: \d+ orders planned/).waitFor();

    // The whole network's orders of the day, planned ones with their dose at injection.
    await page.getByRole('link', { name: 'Orders' }).click();
    const planned = page.getByRole('row').filter({ hasText: 'planned' });
    await planned.first().waitFor();
    expect(await page.getByText(/^\d+ of \d+ orders$/).innerText()).toMatch(/^5\d\d of 5\d\d/);
    await screenshot(page, 'orders-planner');
    expect(problems).toEqual([]);
    await context.close();
  }

  /** The hospital sees its order planned, with the activity the patient will get. */
  async function hospitalSeesPlanned(): Promise<void> {
    const { page, problems } = hospital;
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: patientRef });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // Injection, product, ordered, at injection, from, arrives, patient, status, why not planned
    // (no hospital column here).
    expect(cells[0]).toBe('11:00');
    expect(cells[5]).toMatch(/^(0\d|10):[0-5]\d$/);
    expect(cells[7]).toBe('planned');
    const atInjection = /^([\d,.]+) MBq$/.exec(cells[3] ?? '');
    expect(atInjection, cells.join(' | ')).not.toBeNull();
    const mbq = Number(atInjection![1]!.replace(/,/g, ''));
    // Within the order's ±20% tolerance of the 370 MBq ordered.
    expect(mbq).toBeGreaterThanOrEqual(296);
    expect(mbq).toBeLessThanOrEqual(444);
    expect(cells[4]).toMatch(/Demo Isotopes/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'orders-hospital-planned');
    expect(problems).toEqual([]);
  }

  // One test for the one loop: it places its own order, plans it and reads it back, so it
  // depends on no other test.
  it(
    'a hospital orders, the planner plans and commits, the hospital sees the dose at injection',
    { timeout: PLANNING * 2 },
    async () => {
      await hospitalOrders();
      await plannerCommits();
      await hospitalSeesPlanned();
    },
  );

  it('says why a day has no orders', async () => {
    const { page, problems, context } = await suite.open();
    await signIn(page, demoEmail('planner'));
    await page.getByRole('link', { name: 'Orders' }).click();
    // The demo's clock is a Saturday: the screen opens on Monday, the day with the demo's orders.
    await page.getByText(/^\d+ of \d+ orders$/).waitFor();
    expect(await page.getByLabel('Injection date').inputValue()).toBe(demoDay(suite.product.now));
    await page.getByLabel('Injection date').fill('2026-12-06');
    await page
      .getByText(
        'No orders for Sunday 2026-12-06: no hospital receives deliveries on Sundays. Open on Monday 2026-12-07: the next day with orders.',
      )
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
