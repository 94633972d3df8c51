import { describe, expect, it } from 'vitest';
import { demoEmail, e2eAvailable, screenshot, signIn, productInBrowser } from './harness.js';

describe.runIf(e2eAvailable())('decay calculator in Chromium', () => {
  const suite = productInBrowser();

  it('shows the Ac-225 chain on a log chart with its table, in the unit chosen', async () => {
    const { page, problems, context } = await suite.open();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');
    await signIn(page, demoEmail('radiopharmacist'));
    await page.getByRole('link', { name: 'Decay calculator' }).click();
    await page.getByLabel('Nuclide').fill('Ac-225');
    await page.getByRole('button', { name: 'Calculate' }).click();

    const rows = page.locator('table.data tbody th[scope=row]');
    await rows.first().waitFor();
    const members = await rows.allTextContents();
    // The chain as NUBASE2020 gives it: Ac-225 → Fr-221 → At-217 → Bi-213 → Po-213 / Tl-209 → Pb-209 → Bi-209.
    for (const n of ['Ac-225', 'Fr-221', 'At-217', 'Bi-213', 'Po-213', 'Tl-209', 'Pb-209']) {
      expect(members).toContain(n);
    }
    await expect.poll(() => page.locator('[role=img] svg').count()).toBeGreaterThan(0);
    await screenshot(page, 'decay-calculator');

    await page
      .getByRole('group', { name: 'Activity unit' })
      .getByRole('button', { name: 'mCi' })
      .click();
    await expect
      .poll(() => page.locator('table.data tbody td.num').first().textContent())
      .toMatch(/mCi/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
