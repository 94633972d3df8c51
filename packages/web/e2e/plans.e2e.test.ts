import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoEmail,
  TABLET,
  e2eAvailable,
  screenshot,
  signIn,
  productInBrowser,
  demoDay,
} from './harness.js';

const PLANNING = 300_000;

async function waitRendered(page: Page): Promise<string> {
  const view = page.locator('[data-plan-rendered]');
  await view.waitFor({ timeout: PLANNING });
  return (await view.getAttribute('data-plan-rendered')) ?? '';
}

describe.runIf(e2eAvailable())('plan view in Chromium', () => {
  const suite = productInBrowser();

  it(
    'plans the demo day with progress, shows figures and timeline, re-plans after a line goes down',
    { timeout: 3 * PLANNING },
    async () => {
      const { page, problems, context } = await suite.open();
      await signIn(page, demoEmail('planner'));
      await page.getByRole('link', { name: 'Plans' }).click();
      const day = demoDay(suite.product.now);
      await page.getByLabel('Date to plan').fill(day);
      // Three days by default: therapies are made days ahead.
      await page.getByRole('button', { name: 'Plan 3 days' }).click();
      await page
        .getByRole('button', { name: new RegExp(`^Open the plan for ${day} to `) })
        .waitFor();

      // Progress while the worker plans, then the plan itself.
      await page.getByRole('progressbar', { name: 'Planning progress' }).waitFor();
      const planId = await waitRendered(page);
      expect(planId).not.toBe('');
      const figures = page.locator('.plan-figures');
      for (const label of [
        'Served',
        'Unservable',
        'Batches',
        'Isotope efficiency',
        'Cost',
        'Gap',
      ]) {
        await expect.poll(() => figures.getByText(label, { exact: true }).count()).toBe(1);
      }
      expect(await figures.textContent()).toMatch(/\d+ \/ \d+/);
      await expect.poll(() => page.locator('.timeline-chart canvas').count()).toBeGreaterThan(0);
      // Names, never ids: the site filter lists the demo's sites by name.
      const sites = await page.locator('.section-head select option').allTextContents();
      expect(sites.length).toBeGreaterThan(1);
      expect(sites.slice(1).every((s) => !/^[0-9a-f]{8}-/.test(s))).toBe(true);
      await page.locator('#plans-title').scrollIntoViewIfNeeded();
      await page.locator('.plan-detail').evaluate((e) => e.scrollIntoView());
      await screenshot(page, 'plan');

      // The commit button is reachable by keyboard.
      let focused = '';
      for (let i = 0; i < 60 && focused !== 'Commit this plan'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(focused).toBe('Commit this plan');

      // The same plan on a tablet held upright.
      const tablet = await suite.open(TABLET);
      await signIn(tablet.page, demoEmail('planner'));
      await tablet.page.goto(`/plans?plan=${planId}`);
      await waitRendered(tablet.page);
      await tablet.page.locator('.plan-detail').evaluate((e) => e.scrollIntoView());
      await screenshot(tablet.page, 'plan-tablet');
      expect(tablet.problems).toEqual([]);
      await tablet.context.close();

      // A line goes down (the busiest, chosen by default) for the whole day: re-plan.
      const replan = page.getByRole('form', { name: 'Mark equipment down and re-plan' });
      await replan.getByLabel('Reason').fill('hot cell failed its leak test');
      const line = await replan.getByLabel('Line').locator('option:checked').textContent();
      const site = (await replan.getByLabel('Site').locator('option:checked').textContent()) ?? '';
      await replan.getByRole('button', { name: 'Re-plan with this line down' }).click();
      await page
        .locator(`[data-plan-rendered]:not([data-plan-rendered="${planId}"])`)
        .waitFor({ timeout: PLANNING });
      const changes = page.locator('.changes');
      await changes.waitFor();
      expect(await changes.textContent()).toMatch(/\d+ doses moved/);
      await expect.poll(() => page.locator('.key').textContent()).toContain('line down');
      expect(line).toBeTruthy();
      // The site filter shows the site whose line is down.
      await page.locator('.section-head select').selectOption({ label: site });
      await waitRendered(page);
      await page.locator('.plan-detail').evaluate((e) => e.scrollIntoView());
      await screenshot(page, 'replan');

      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
