/**
 * Every screen in Simplified Chinese, with no string left untranslated: each role signs in from a
 * browser that prefers Chinese, opens each of its screens, and the check reads every text and
 * label on the page. Names that are data (organisations, sites, hospitals, products, people,
 * studies) and codes, units and nuclide symbols may stay as they are; any other English word fails
 * the test, as does a key the catalogues lack.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  demoDay,
  demoEmail,
  DEMO_PASSWORD,
  e2eAvailable,
  productInBrowser,
  screenshot,
} from './harness.js';
import { dataNamesIn, englishIn } from './english-words.js';

/** A text the page shows and where: the element holding it (tag.class) or the attribute. */
interface Shown {
  readonly text: string;
  readonly at: string;
}

/** Every text node's text and every label-like attribute on the page. */
async function textsOn(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const out: { text: string; at: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, code, [hidden], [translate=no]')) continue;
      const text = n.textContent?.trim();
      if (text) out.push({ text, at: `${parent.tagName.toLowerCase()}.${parent.className}` });
    }
    for (const el of Array.from(
      document.querySelectorAll('[aria-label], [title], [placeholder]'),
    )) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const text = el.getAttribute(a)?.trim();
        if (text) out.push({ text, at: `[${a}]` });
      }
    }
    return out;
  });
}

/** Notes every English word the page shows, as `where (element): "text" ← word`. */
async function noteEnglish(page: Page, where: string, data: readonly string[], into: Set<string>) {
  for (const { text, at } of await textsOn(page)) {
    const word = englishIn(text, data);
    if (word) into.add(`${where} (${at}): "${text.slice(0, 160)}" ← ${word}`);
  }
}

/** Waits until the screen has loaded what it shows ("加载中…", "正在加载地图…" gone). */
async function loaded(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(
      () =>
        page
          .locator('main')
          .getByText(/加载中|正在加载/)
          .count(),
      { timeout: 60_000 },
    )
    .toBe(0);
}

/** Signs in through the Chinese sign-in form. */
async function signInChinese(page: Page, role: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('电子邮箱').fill(demoEmail(role));
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

const ROLES = [
  'planner',
  'radiopharmacist',
  'qualified_person',
  'admin',
  'analyst',
  'study_team',
  'courier',
  'hospital_orderer',
  'hospital_staff',
  'physician',
] as const;

describe.runIf(e2eAvailable())('the product in Simplified Chinese', () => {
  const suite = productInBrowser();

  it('signs in in Chinese and shows every screen of every role with no English left', async () => {
    const data = await dataNamesIn(suite.product.db);
    const untranslated = new Set<string>();
    const check = (where: string) => noteEnglish(page, where, data, untranslated);
    const { page, problems, context } = await suite.open(undefined, 'zh-CN');
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('登录');
    await check('sign-in');
    await screenshot(page, 'zh-sign-in');
    const shot = new Set<string>();
    for (const role of ROLES) {
      await signInChinese(page, role);
      const nav = page.getByRole('navigation', { name: '主导航' });
      const links = await nav
        .getByRole('link')
        .evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href') ?? '/', name: a.textContent ?? '' })),
        );
      for (const link of links) {
        await nav.getByRole('link', { name: link.name, exact: true }).click();
        await loaded(page);
        await check(`${role} ${link.href}`);
        const screen = link.href.replace(/^\//, '') || 'home';
        if (!shot.has(screen)) {
          shot.add(screen);
          await screenshot(page, `zh-${screen}`);
        }
        // The first record the screen lists, opened: a batch record, a shipment, a patient, a study.
        const detail = page.locator(`main a[href^="${link.href}/"]`).first();
        if ((await detail.count()) > 0) {
          const href = (await detail.getAttribute('href')) ?? '';
          await detail.click();
          await loaded(page);
          await check(`${role} ${href}`);
          if (!shot.has(`${screen}-detail`)) {
            shot.add(`${screen}-detail`);
            await screenshot(page, `zh-${screen}-detail`);
          }
        }
      }
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByLabel('电子邮箱').waitFor();
    }
    const missing = await page.evaluate(() => [
      ...(window as unknown as { halflifeMissingKeys: Set<string> }).halflifeMissingKeys,
    ]);
    expect(missing).toEqual([]);
    expect([...untranslated]).toEqual([]);
    expect(shot.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    await context.close();
    // Every screen of every role: 64–103 s in CI runs, so 120 s left too little room on a busy
    // machine.
  }, 300_000);

  it(
    'runs the day’s loop in Chinese: a hospital orders, the planner plans three days and commits, the hospital sees its dose planned',
    { timeout: 900_000 },
    async () => {
      const data = await dataNamesIn(suite.product.db);
      const untranslated = new Set<string>();
      const patientRef = 'E2E-ZH-1';

      // A hospital orderer orders in Chinese, and is told in Chinese why a time cannot be served.
      const hospital = await suite.open(undefined, 'zh-CN');
      await signInChinese(hospital.page, 'hospital_orderer');
      const form = hospital.page.getByRole('form', { name: /的新订单$/ });
      await form.waitFor();
      await form.getByLabel('产品').selectOption({ label: 'Ga-68 PSMA-11 (gozetotide)' });
      expect(await form.getByLabel('按体重（每千克）').isChecked()).toBe(true);
      await form.getByLabel('患者体重（kg）').fill('80');
      await form.getByLabel(/注射时间/).fill('05:30');
      const verdict = hospital.page.locator('.assessment');
      await verdict.filter({ hasText: '没有场地能满足此时间' }).waitFor();
      expect(await verdict.innerText()).toMatch(/患者将于 05:30 获得 160 MBq/);
      await noteEnglish(hospital.page, 'order form, a time no site can serve', data, untranslated);
      await screenshot(hospital.page, 'zh-order-form-unservable');
      await form.getByLabel('产品').selectOption({ label: 'F-18 FDG (fludeoxyglucose)' });
      await form.getByLabel(/注射时间/).fill('11:00');
      await form.getByLabel(/患者编号/).fill(patientRef);
      await verdict.filter({ hasText: '可由' }).waitFor();
      await form.getByRole('button', { name: '提交订单' }).click();
      await hospital.page.getByRole('status').filter({ hasText: '订单已提交' }).waitFor();
      await noteEnglish(hospital.page, 'order placed', data, untranslated);

      // The planner plans three days in Chinese and commits the plan.
      const { page, problems, context } = await suite.open(undefined, 'zh-CN');
      await signInChinese(page, 'planner');
      await page.getByRole('link', { name: '计划', exact: true }).click();
      await page.getByLabel('计划日期').fill(demoDay(suite.product.now));
      await page.getByRole('button', { name: '编制 3 天计划' }).click();
      await page.getByRole('progressbar').waitFor();
      await noteEnglish(page, 'planning', data, untranslated);
      await page.locator('[data-plan-rendered]').waitFor({ timeout: 500_000 });
      await page.waitForLoadState('networkidle');
      await noteEnglish(page, 'plan', data, untranslated);
      await screenshot(page, 'zh-plan');
      await page.getByRole('button', { name: '提交此计划' }).click();
      await page.getByText(/^已提交：\d+ 个订单已排入计划/).waitFor();
      await noteEnglish(page, 'plan committed', data, untranslated);

      // The hospital sees its order planned, in Chinese.
      await hospital.page.reload();
      const row = hospital.page.getByRole('row').filter({ hasText: patientRef });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/已排产/);
      await noteEnglish(hospital.page, 'orders, planned', data, untranslated);

      expect([...untranslated]).toEqual([]);
      expect(problems).toEqual([]);
      expect(hospital.problems).toEqual([]);
      await context.close();
      await hospital.context.close();
    },
  );

  it('draws a chart and shows a refusal in Chinese: the chart’s words and the server’s', async () => {
    const data = await dataNamesIn(suite.product.db);
    const untranslated = new Set<string>();
    const { page, problems, context } = await suite.open(undefined, 'zh-CN');
    await signInChinese(page, 'radiopharmacist');
    await page.getByRole('link', { name: '衰变计算器' }).click();
    await page.getByLabel('核素').fill('锕-225');
    await page.getByRole('button', { name: '计算' }).click();
    await page.locator('table.data tbody th[scope=row]').first().waitFor();
    // The chart is SVG: its axis names and legend are text the check reads.
    const chart = page.locator('[role=img] svg').first();
    await chart.waitFor();
    await expect.poll(() => chart.locator('text').count()).toBeGreaterThan(5);
    expect(await chart.locator('text').allTextContents()).toContain('时间（天）');
    await noteEnglish(page, 'decay chart', data, untranslated);
    await page.getByLabel('核素').fill('锝-999');
    await page.getByRole('button', { name: '计算' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/u);
    await noteEnglish(page, 'decay refusal', data, untranslated);
    await screenshot(page, 'zh-decay-refusal');
    expect([...untranslated]).toEqual([]);
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
    await context.close();
  });

  it('keeps the language a user chooses, over the browser’s', async () => {
    const { page, context } = await suite.open(undefined, 'zh-CN');
    await page.goto('/');
    await page.getByLabel('电子邮箱').fill(demoEmail('planner'));
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page
      .getByRole('group', { name: '语言' })
      .getByRole('button', { name: 'English' })
      .click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    // Chosen once, kept: the browser still prefers Chinese, the screens speak English.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await context.close();
  });
});
