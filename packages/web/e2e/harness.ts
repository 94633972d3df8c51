/**
 * The end-to-end harness: the product as `npm start` runs it (migrated, demo-seeded embedded
 * database, API and built web app on one port) and Debian's Chromium driven by playwright-core.
 *
 * Chromium is found at `HALFLIFE_CHROMIUM` or `/usr/bin/chromium`. Without it the e2e suites skip
 * with a notice, so `npm test` still runs on a machine with only Node and npm; CI sets
 * `HALFLIFE_E2E=require`, which turns a missing browser into a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDb, migrate, DEMO_LOGINS, type Db } from '@halflife/db';
import { clockAt, createApp, demoDayAfter, seedDemoNetwork } from '@halflife/server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const WEB_ROOT = fileURLToPath(new URL('../dist', import.meta.url));
export const DEMO_PASSWORD = 'e2e-demo-password';
/** Where the suites save screenshots (copied by hand into docs/screenshots after a look). */
export const SCREENSHOT_DIR =
  process.env['HALFLIFE_SCREENSHOTS'] ?? fileURLToPath(new URL('./screenshots', import.meta.url));

const CHROMIUM = process.env['HALFLIFE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Whether the e2e suites can run here; throws when CI requires them and they cannot. */
export function e2eAvailable(): boolean {
  const missing = [
    existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set HALFLIFE_CHROMIUM)`,
    existsSync(join(WEB_ROOT, 'index.html'))
      ? null
      : `no built web app in ${WEB_ROOT} (npm run build)`,
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return true;
  const message = `browser tests skipped: ${missing.join('; ')}`;
  if (process.env['HALFLIFE_E2E'] === 'require') throw new Error(message);
  console.warn(message);
  return false;
}

export interface Product {
  readonly url: string;
  readonly db: Db;
  /** Where the server's clock started. */
  readonly now: Date;
  /** The server's clock now. */
  clock(): Date;
  /** Moves the server's clock `ms` ahead (it runs on from there); answers the new reading. */
  advance(ms: number): Date;
  close(): Promise<void>;
}

/**
 * The browser tests' "now": a Saturday noon in Shanghai, so that tomorrow is a Sunday on which no
 * demo hospital receives. The product's server and each page's browser clock start here and run
 * on; nothing in the browser tests reads the machine's date.
 */
export const E2E_NOW = new Date('2026-12-05T04:00:00Z');

/**
 * A fresh product on a free port: memory database, demo network seeded for the next day after
 * `now` on which the demo hospitals receive, and a server clock that starts at `now` and runs on
 * (a test may move it ahead: `advance`).
 */
export async function startProduct(now = E2E_NOW): Promise<Product> {
  const db = await createDb('memory://');
  await migrate(db);
  await seedDemoNetwork(db, { now, password: DEMO_PASSWORD });
  const running = clockAt(now);
  let aheadMs = 0;
  const clock = () => new Date(running().getTime() + aheadMs);
  const app = createApp({
    db: db.kysely,
    now: clock,
    databaseKind: db.kind,
    secureCookies: false,
    webRoot: WEB_ROOT,
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    now,
    clock,
    advance(ms) {
      if (!(ms >= 0)) throw new Error(`the server's clock only moves ahead, not by ${ms} ms`);
      aheadMs += ms;
      return clock();
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Viewports the app is built for: the desk screen first, then a tablet held upright. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const TABLET = { width: 820, height: 1180 } as const;

export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far; a clean page has none. */
  readonly problems: string[];
}

/**
 * A new page in its own context (own cookies), its clock set to the product's `now` and running
 * on, that records console errors and page errors.
 */
export async function openPage(
  browser: Browser,
  product: Product,
  viewport: { width: number; height: number } = DESKTOP,
  locale = 'en-GB',
): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: product.url, viewport, locale });
  await context.clock.install({ time: product.now });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, context, problems };
}

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export const demoEmail = (role: string): string => {
  const user = DEMO_LOGINS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user.email;
};

export interface BrowserSuite {
  readonly product: Product;
  readonly browser: Browser;
  /** A new watched page (own cookies) on the product, its browser in `locale` (en-GB unless said). */
  open(viewport?: { width: number; height: number }, locale?: string): Promise<WatchedPage>;
}

/** A suite's product and browser: started before its tests, closed after them. */
export function productInBrowser(): BrowserSuite {
  let product: Product | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the product and browser start before the tests');
    return x;
  };
  return {
    get product() {
      return started(product);
    },
    get browser() {
      return started(browser);
    },
    open(viewport, locale) {
      return openPage(started(browser), started(product), viewport, locale);
    },
  };
}

/** The demo network's order day as of `now`: the next day on which its hospitals receive. */
export function demoDay(now: Date): string {
  return demoDayAfter(now).date;
}
