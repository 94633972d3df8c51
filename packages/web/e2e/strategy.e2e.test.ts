import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Outlook } from '../src/strategy/outlook-types.js';
import {
  demoEmail,
  e2eAvailable,
  productInBrowser,
  screenshot,
  signIn,
  TABLET,
} from './harness.js';

/**
 * The supply outlook in the browser (issue 16). A planner opens Outlook: Lu-177 across the
 * network on the demo's synthetic history (marked synthetic), the chart, the back-test beside it,
 * the weeks at risk (the API's count), and the worst week's allocation, which they adjust and have
 * proposed again; then a scenario, and one site over 13 weeks. A hospital never sees the screen.
 */
const PLANNER = demoEmail('planner');
const REFUSED =
  'console: Failed to load resource: the server responded with a status of 400 (Bad Request)';

async function apiOutlook(page: Page, query: string): Promise<Outlook> {
  const res = await page.request.get(`/api/strategy/outlook?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Outlook;
}

describe.runIf(e2eAvailable())('the supply outlook in Chromium', () => {
  const suite = productInBrowser();

  it('a planner reads Lu-177 demand against supply, the back-test, and adjusts the allocation', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, PLANNER);
    await page.getByRole('link', { name: 'Outlook' }).click();
    await page.getByRole('heading', { name: 'Outlook', level: 1 }).waitFor();
    const view = page.locator('.outlook-view[data-nuclide="Lu-177"][data-site="network"]');
    await view.waitFor();
    expect(page.url()).toMatch(/\/outlook$/);

    // The demo's history is synthetic, and says so.
    await view.locator('.synthetic-badge').waitFor();
    expect(await view.locator('.history-note').innerText()).toMatch(/156 synthetic demo weeks/);
    await view
      .getByRole('img', { name: /Weekly Lu-177 demand against supply/ })
      .locator('svg')
      .first()
      .waitFor();

    // The table and the risk shading are the API's figures.
    const api = await apiOutlook(page, 'nuclide=Lu-177&weeks=26&growthPct=0&extraWeekly=0');
    expect(api.from).toBe('2026-12-07');
    const rows = view.locator('table.outlook-weeks tbody tr');
    expect(await rows.count()).toBe(26);
    expect(await view.locator('tr[data-risk="short"]').count()).toBe(api.shortfallWeeks);
    expect(api.shortfallWeeks).toBeGreaterThan(0);
    const first = api.weekly[0]!;
    expect(await rows.first().locator('th').innerText()).toBe(first.week);

    // The back-test beside the chart.
    const backTest = view.getByRole('complementary', { name: 'Back-test' });
    expect(await backTest.locator('dt').allInnerTexts()).toEqual([
      'MAPE',
      'sMAPE',
      'MASE',
      '80% interval coverage',
      '95% interval coverage',
    ]);
    expect(await backTest.locator('dd').first().innerText()).toBe(
      `${(api.backTest.mape! * 100).toFixed(1)}%`,
    );
    await screenshot(page, 'strategy-outlook');

    // The worst week's allocation: the person gives the first claim less; it is kept, the rest
    // proposed around it.
    const allocation = api.allocation!;
    const card = view.locator(`.allocation-card[data-week="${allocation.week}"]`);
    await card.waitFor();
    const claim = allocation.claims[0]!;
    const row = card.locator(`tr[data-claim="${claim.id}"]`);
    const less = Math.floor(claim.quantity / 2);
    await row.getByRole('spinbutton').fill(String(less));
    await card.getByRole('button', { name: 'Propose again' }).click();
    await expect.poll(() => row.locator('td').last().innerText()).toBe('Adjusted by hand');
    const others = card.locator('tbody tr').nth(1);
    await expect.poll(() => others.locator('td').last().innerText()).toMatch(/^(In full|In part)$/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'strategy-outlook-allocation');

    // More than a claim asks is refused, naming the claim.
    await row.getByRole('spinbutton').fill(String(claim.quantity + 1));
    await card.getByRole('button', { name: 'Propose again' }).click();
    await expect
      .poll(() => card.getByRole('alert').innerText())
      .toMatch(new RegExp(`adjustments ${claim.id}: must be 0–`));
    // The refusal itself is the only problem the page saw.
    expect(w.problems).toEqual([REFUSED]);
  });

  it('a scenario adds growth and doses; one site over 13 weeks', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, PLANNER);
    await page.getByRole('link', { name: 'Outlook' }).click();
    await page.locator('.outlook-view[data-nuclide="Lu-177"]').waitFor();
    await page.getByLabel('Growth a year (%)').fill('20');
    await page.getByLabel('Extra doses a week').fill('10');
    await page.getByRole('button', { name: 'Show outlook' }).click();
    const api = await apiOutlook(page, 'nuclide=Lu-177&weeks=26&growthPct=20&extraWeekly=10');
    expect(api.weekly[0]!.scenario).toBeGreaterThan(0);
    const scenarioCell = page.locator(`tr[data-week="${api.weekly[0]!.week}"] td`).nth(3);
    await expect.poll(() => scenarioCell.innerText()).not.toBe('0');

    const site = page.getByLabel('Site');
    const labels = await site.locator('option').allTextContents();
    const name = labels.find((l) => /Shanghai/.test(l))!;
    await site.selectOption({ label: name });
    await page.getByLabel('Horizon').selectOption('13');
    await page.getByRole('button', { name: 'Show outlook' }).click();
    const view = page.locator('.outlook-view[data-nuclide="Lu-177"]:not([data-site="network"])');
    await view.waitFor();
    await expect.poll(() => view.locator('table.outlook-weeks tbody tr').count()).toBe(13);
    expect(await view.locator('h2').first().innerText()).toContain(name);
    await page.setViewportSize(TABLET);
    await screenshot(page, 'strategy-outlook-tablet');
    expect(w.problems).toEqual([]);
  });

  it('a hospital does not see the outlook', async () => {
    const { page } = await suite.open();
    await signIn(page, demoEmail('hospital_orderer'));
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Outlook' }).count()).toBe(0);
    const res = await page.request.get('/api/strategy/outlook?nuclide=Lu-177');
    expect(res.status()).toBe(403);
  });
});
