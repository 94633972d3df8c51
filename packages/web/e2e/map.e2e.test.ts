import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  demoEmail,
  TABLET,
  e2eAvailable,
  screenshot,
  signIn,
  productInBrowser,
} from './harness.js';

/** The map's colours as drawn (map-data.ts COLOURS): a site's diamond, a hospital with none. */
const SITE_RGB = [0x1e, 0x3a, 0x8a] as const;
const NONE_RGB = [0xdc, 0x26, 0x26] as const;

/**
 * A point (CSS pixels, relative to the chart) inside a marker of the given fill: a pixel of that
 * colour whose neighbours 3 px away are too. The canvas is read in the page; no hook in the app.
 */
async function markerPoint(
  chart: Locator,
  rgb: readonly [number, number, number],
): Promise<{ x: number; y: number } | null> {
  return chart.evaluate((host, colour) => {
    const canvas = host.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const { width, height } = canvas;
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const is = (x: number, y: number) => {
      const k = (y * width + x) * 4;
      return pixels[k] === colour[0] && pixels[k + 1] === colour[1] && pixels[k + 2] === colour[2];
    };
    const ratio = width / host.clientWidth;
    for (let y = 3; y < height - 3; y++) {
      for (let x = 3; x < width - 3; x++) {
        if (is(x, y) && is(x - 3, y) && is(x + 3, y) && is(x, y - 3) && is(x, y + 3)) {
          return { x: x / ratio, y: y / ratio };
        }
      }
    }
    return null;
  }, rgb);
}

async function openMap(page: Page): Promise<Locator> {
  await signIn(page, demoEmail('planner'));
  await page.getByRole('link', { name: 'Network map' }).click();
  await page.getByRole('heading', { name: 'Network map' }).waitFor();
  const chart = page.getByRole('img', { name: /Map of the network/ });
  await chart.locator('canvas').first().waitFor();
  await page.getByRole('list', { name: 'Legend' }).getByText('No product in time').waitFor();
  await expect.poll(() => page.getByRole('status').count()).toBe(0);
  return chart;
}

describe.runIf(e2eAvailable())('network map in Chromium', () => {
  const suite = productInBrowser();

  it('shows sites, hospitals by reach and lanes; a click or the place list opens details', async () => {
    const { page, problems, context } = await suite.open();
    const chart = await openMap(page);
    const details = page.getByRole('complementary');

    // The legend counts all 150 demo hospitals across the reach classes.
    const counts = await page
      .getByRole('list', { name: 'Legend' })
      .locator('li .muted')
      .allTextContents();
    expect(counts.reduce((n, c) => n + Number(c.replace(/\D/g, '')), 0)).toBe(150);

    // Click a production site's diamond on the map.
    await expect.poll(() => markerPoint(chart, SITE_RGB)).not.toBeNull();
    const site = await markerPoint(chart, SITE_RGB);
    await chart.click({ position: site! });
    await details.getByText('Production site').waitFor();
    await details.getByText('Road lanes').waitFor();
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toMatch(/Radiopharmacy/);

    // A hospital no product reaches in time, if the day has one: red, with the planner's reasons.
    const none = await markerPoint(chart, NONE_RGB);
    if (none) {
      await chart.click({ position: none });
      await details.getByText(/^0 of 8 products can reach it in time/).waitFor();
      expect(await details.locator('.map-reason').first().textContent()).not.toBe('');
    }

    // The keyboard way: the place list opens the same details.
    const place = page.getByLabel('Place');
    const hospital = (await place
      .locator('optgroup')
      .nth(1)
      .locator('option')
      .first()
      .textContent())!;
    await place.selectOption({ label: hospital });
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe(hospital);
    await details.getByText(/of 8 products can reach it in time/).waitFor();
    expect(
      await details.getByRole('list', { name: 'Products' }).getByRole('listitem').count(),
    ).toBe(8);
    await place.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await details.getByText('Production site').waitFor();

    // Air lanes are off at first; the toggle turns them on, and back off for the picture.
    const air = page.getByRole('checkbox', { name: /Air/ });
    expect(await air.isChecked()).toBe(false);
    await air.check();
    await air.uncheck();
    // For the picture: a Beijing hospital, near a site, so some products reach it and some not.
    const beijing = place.locator('optgroup[label="Hospitals · Beijing"] option').first();
    await place.selectOption({ label: (await beijing.textContent())! });
    await details.getByText(/of 8 products can reach it in time/).waitFor();
    await screenshot(page, 'network-map');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('puts the details below the map on a tablet', async () => {
    const { page, problems, context } = await suite.open(TABLET);
    const chart = await openMap(page);
    const place = page.getByLabel('Place');
    const hospital = (await place
      .locator('optgroup')
      .nth(1)
      .locator('option')
      .first()
      .textContent())!;
    await place.selectOption({ label: hospital });
    const details = page.getByRole('complementary');
    await expect
      .poll(() => details.getByRole('heading', { level: 2 }).textContent())
      .toBe(hospital);
    const [map, panel] = await Promise.all([chart.boundingBox(), details.boundingBox()]);
    expect(panel!.y).toBeGreaterThanOrEqual(map!.y + map!.height);
    expect(map!.width).toBeGreaterThan(TABLET.width - 100);
    await screenshot(page, 'network-map-tablet');
    expect(problems).toEqual([]);
    await context.close();
  });
});
