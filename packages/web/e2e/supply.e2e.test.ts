import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoEmail,
  TABLET,
  e2eAvailable,
  screenshot,
  signIn,
  productInBrowser,
} from './harness.js';

/** "YYYY-MM-DDTHH:mm" of an instant in a zone, as the elution form's datetime-local takes it. */
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

/** Opens the Supply screen and picks the first site that holds three Ga-68 generators. */
async function openGaSite(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Supply' }).click();
  // The screen signed in on (Production) has a site picker too: read the Supply screen's.
  const site = page.getByRole('region', { name: 'Supply' }).getByLabel('Site');
  await expect.poll(() => site.locator('option').count()).toBeGreaterThan(1);
  const labels = await site.locator('option').allTextContents();
  const label = labels.find((l) => l.includes('Ga-68 ×3'));
  expect(label, `a Ga-68 site among ${labels.join(' | ')}`).toBeDefined();
  await site.selectOption({ label: label ?? '' });
  return label ?? '';
}

describe.runIf(e2eAvailable())('supply screen in Chromium', () => {
  const suite = productInBrowser();

  it("shows a Ga-68 site's generators and day, a yield curve, and records an elution on it", async () => {
    const { page, problems, context } = await suite.open();
    await signIn(page, demoEmail('radiopharmacist'));
    await openGaSite(page);

    // Its three Ge-68/Ga-68 generators, each with its eluate now.
    const generators = page.getByRole('region', { name: 'Generators' });
    const gaRows = generators.locator('tbody tr', { hasText: 'Ge-68/Ga-68 generator' });
    await expect.poll(() => gaRows.count()).toBe(3);
    await expect.poll(() => gaRows.first().textContent()).toMatch(/MBq/);

    // The day's supply: a chart and a Ga-68 line in the totals.
    const day = page.getByRole('region', { name: /^Supply for / });
    await day.locator('svg').first().waitFor();
    await expect.poll(() => day.locator('table tbody').first().textContent()).toMatch(/Ga-68/);
    await screenshot(page, 'supply');

    // A generator's yield curve, with no elution recorded yet, and its optimal interval.
    const name = 'Ge-68/Ga-68 generator 1 (demo)';
    await page.getByRole('button', { name: `Show the yield curve of ${name}` }).click();
    const panel = page.getByRole('region', {
      name: new RegExp(`^${name.replace(/[()/]/g, '\\$&')}`),
    });
    await panel.locator('svg').first().waitFor();
    await expect
      .poll(() => panel.getByRole('img').getAttribute('aria-label'))
      .toMatch(/0 recorded elutions/);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Optimal interval' }).textContent())
      .toMatch(/shortest tried/);

    // Record an elution 30 min ago (the site's clock), measured in MBq: it appears on the curve.
    const zone =
      (await page.locator('.supply-site-line').textContent())?.split('times in ')[1] ?? '';
    expect(zone).toBe('Asia/Shanghai');
    const at = suite.product.now.getTime() - 30 * 60_000;
    await panel.getByLabel(/^Time/).fill(wallTime(at, zone));
    await panel.getByLabel(/^Measured Ga-68/).fill('1100');
    await panel.getByRole('button', { name: 'Record elution' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Recorded 1,100 MBq/);
    await expect
      .poll(() => panel.getByRole('img').getAttribute('aria-label'))
      .toMatch(/with 1 recorded elution marked/);
    await expect.poll(() => gaRows.first().textContent()).toMatch(/records/);

    // One before it is refused, and the API's reason is shown inline; the browser logs the 400
    // response itself, and nothing else is logged.
    expect(problems).toEqual([]);
    await panel.getByLabel(/^Time/).fill(wallTime(at - 60 * 60_000, zone));
    await panel.getByRole('button', { name: 'Record elution' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toMatch(/before the previous elution/);

    await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await screenshot(page, 'supply-generator');

    // Closing the panel leaves the screen as it was, with no error.
    await page.getByRole('button', { name: `Hide the yield curve of ${name}` }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await page.getByRole('button', { name: `Show the yield curve of ${name}` }).waitFor();
    await expect.poll(() => gaRows.count()).toBe(3);
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('fits a tablet: the day, the generators and a lot’s decay with its impurity ratio', async () => {
    const { page, problems, context } = await suite.open(TABLET);
    await signIn(page, demoEmail('radiopharmacist'));
    await openGaSite(page);
    const day = page.getByRole('region', { name: /^Supply for / });
    await day.locator('svg').first().waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Generators' }).locator('tbody tr').count())
      .toBeGreaterThanOrEqual(3);
    await screenshot(page, 'supply-tablet');

    // Lots, when the site holds any: decay, impurity ratio, expiry, licence and waste.
    const lots = page.getByRole('region', { name: 'Bulk lots' });
    const decay = lots.getByRole('button', { name: /^Show the decay of / });
    if ((await decay.count()) > 0) {
      await decay.first().click();
      const panel = page
        .getByRole('region', { name: /lot/ })
        .filter({ has: page.getByText('Store waste until') });
      await panel.locator('svg').first().waitFor();
      await expect.poll(() => panel.textContent()).toMatch(/Licence/);
      await panel.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'supply-lot-tablet');
    }
    // No horizontal scrolling of the page on a tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      TABLET.width,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
