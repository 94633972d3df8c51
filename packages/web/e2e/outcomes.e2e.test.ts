import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../src/outcomes/outcomes-types.js';
import { DESKTOP, e2eAvailable, productInBrowser, screenshot, signIn, TABLET } from './harness.js';

/**
 * The outcomes registry in the browser (issue 15). The study team opens the synthetic randomised
 * study: the endpoint table (checked against the API's figures), the PSA waterfall, the swimmer
 * plot, Kaplan–Meier curves with their numbers at risk, the exports; groups it by disease volume;
 * then opens the XTR022-like cohort, whose published table it reproduces (PSA50 10/13, PSA90 5/13,
 * ORR 3/9, DCR 8/9). An analyst sees the same figures, but no swimmer plot and no exports.
 */
const TEAM = 'study@demo.halflife';
const ANALYST = 'analyst@demo.halflife';

type Interval = { successes: number; n: number; estimate: number; lower: number; upper: number };

/** "76/143 · 53% (45–62%)", as the table writes an interval, worked out here. */
const interval = (i: Interval) =>
  `${i.successes}/${i.n} · ${Math.round(i.estimate * 100)}% (${Math.round(i.lower * 100)}–${Math.round(i.upper * 100)}%)`;

async function dashboardOf(page: Page, code: string, groupBy: string): Promise<Dashboard> {
  const res = await page.request.get(`/api/studies/${code}/dashboard?groupBy=${groupBy}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Dashboard;
}

/** The cells of an endpoint's row, group by group (their first line: the figure). */
async function cells(page: Page, endpoint: string): Promise<string[]> {
  const row = page.locator(`.endpoint-table tr[data-endpoint="${endpoint}"] td`);
  return (await row.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
}

async function openStudy(page: Page, code: string, grouping = 'arm'): Promise<Locator> {
  await page.getByLabel('Study').selectOption(code);
  const dashboard = page.locator(`.dashboard[data-study="${code}"][data-grouping="${grouping}"]`);
  await dashboard.waitFor();
  return dashboard;
}

async function chartDrawn(scope: Locator, name: RegExp): Promise<void> {
  await scope.getByRole('img', { name }).locator('svg').first().waitFor();
}

/** The numbers at risk under one endpoint's curves: row label → counts. */
async function atRisk(page: Page, endpoint: 'rpfs' | 'os'): Promise<Record<string, string[]>> {
  const table = page.locator(`.km-card[data-endpoint="${endpoint}"]`).getByRole('table');
  const rows = table.getByRole('row');
  const out: Record<string, string[]> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const label = (await row.getByRole('rowheader').innerText()).trim();
    out[label] = (await row.locator('[role=cell],[role=columnheader]').allInnerTexts()).map((t) =>
      t.trim(),
    );
  }
  return out;
}

describe.runIf(e2eAvailable())('the outcomes registry in Chromium', () => {
  const suite = productInBrowser();

  it('the study team reads a study’s endpoints, curves and patients, and exports them', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, TEAM);
    // The team's main work: Outcomes first, the studies to choose from.
    await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
    const studies = page.getByRole('list', { name: 'Studies' });
    await studies.getByRole('listitem').first().waitFor();
    expect(await studies.getByRole('listitem').count()).toBe(3);
    expect(await studies.locator('.synthetic').count()).toBe(3);
    await studies.getByRole('link', { name: /SYN-LUPSMA/ }).click();
    const board = page.locator('.dashboard[data-study="SYN-LUPSMA"][data-grouping="arm"]');
    await board.waitFor();
    expect(page.url()).toMatch(/\/outcomes\/SYN-LUPSMA$/);

    // The table is the API's figures, written as x/n, % (95% CI).
    const d = await dashboardOf(page, 'SYN-LUPSMA', 'arm');
    expect(d.groups.map((g) => g.group)).toEqual(['Lu-177 PSMA-617 + SoC', 'SoC']);
    const heads = await board.locator('.endpoint-table thead th').allInnerTexts();
    expect(heads.slice(1).map((h) => h.split('\n')[0])).toEqual(d.groups.map((g) => g.group));
    expect(await cells(page, 'patients')).toEqual(d.groups.map((g) => String(g.patients)));
    expect(await cells(page, 'psa50')).toEqual(d.groups.map((g) => interval(g.psa50!)));
    expect(await cells(page, 'orr')).toEqual(d.groups.map((g) => interval(g.orr!)));
    expect(await cells(page, 'dcr')).toEqual(d.groups.map((g) => interval(g.dcr!)));
    const [treated] = d.groups;
    // The treated arm's OS median is not reached: "NR" with its lower bound.
    expect(treated!.os.median.estimate).toBeNull();
    expect((await cells(page, 'os'))[0]).toBe(`NR (${treated!.os.median.lower!.toFixed(1)}–NR)`);
    const hr = d.rpfsComparison as Extract<Dashboard['rpfsComparison'], { reference: string }>;
    const soc = hr.hazardRatios[0]!;
    expect(await cells(page, 'rpfs-hr')).toEqual([
      'reference',
      `${soc.hr.toFixed(2)} (${soc.lower.toFixed(2)}–${soc.upper.toFixed(2)})`,
    ]);
    expect(await board.locator('.comparison').innerText()).toMatch(
      /rPFS: log-rank χ² \d+\.\d\d, 1 df, p < 0\.001/,
    );

    // The figures: waterfall, swimmer (300 patients, 30 at a time), both survival curves.
    await chartDrawn(board, /^Waterfall of the best PSA change from baseline for 300 patients/);
    await chartDrawn(board, /^Swimmer plot of 300 patients/);
    expect(await board.getByText(/30 of 300 at a time/).count()).toBe(1);
    await chartDrawn(board, /^Kaplan–Meier curves of rPFS by group/);
    await chartDrawn(board, /^Kaplan–Meier curves of OS by group/);
    const rpfsAtRisk = await atRisk(page, 'rpfs');
    expect(rpfsAtRisk['Months']).toEqual(d.atRiskMonths.map(String));
    for (const g of d.groups) expect(rpfsAtRisk[g.group]).toEqual(g.rpfs.atRisk.map(String));
    expect((await atRisk(page, 'os'))['SoC']).toEqual(d.groups[1]!.os.atRisk.map(String));

    // The team's exports: the cohort as CSV (a row per patient) and as a FHIR Bundle.
    const csv = board.getByRole('link', { name: 'Export CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/studies/SYN-LUPSMA/export.csv');
    const csvReply = await page.request.get('/api/studies/SYN-LUPSMA/export.csv');
    expect(csvReply.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csvReply.text()).trim().split('\n')).toHaveLength(301);
    expect(await board.getByRole('link', { name: 'Export FHIR' }).getAttribute('href')).toBe(
      '/api/studies/SYN-LUPSMA/export.fhir',
    );
    await page.setViewportSize({ width: DESKTOP.width, height: 1400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'outcomes-dashboard');

    // The curves with the 95% band, their numbers at risk beneath.
    const km = page.locator('.km-card[data-endpoint="rpfs"]');
    await km.getByLabel('95% confidence band').check();
    await page.setViewportSize({ width: DESKTOP.width, height: 1000 });
    await km.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      document.querySelector('.km-card[data-endpoint="rpfs"]')?.scrollIntoView({ block: 'start' });
    });
    await screenshot(page, 'outcomes-km');
    await page.evaluate(() => {
      document
        .querySelector('[aria-labelledby="swimmer-title"]')
        ?.scrollIntoView({ block: 'start' });
    });
    await screenshot(page, 'outcomes-swimmer');
    await page.setViewportSize(DESKTOP);

    // By disease volume: the table's groups change, as do the curves.
    await page.getByLabel('Group by').selectOption('diseaseVolume');
    const byVolume = page.locator(
      '.dashboard[data-study="SYN-LUPSMA"][data-grouping="diseaseVolume"]',
    );
    await byVolume.waitFor();
    const v = await dashboardOf(page, 'SYN-LUPSMA', 'diseaseVolume');
    expect(v.groups.map((g) => g.group)).toEqual(['high volume', 'low volume']);
    expect(await cells(page, 'patients')).toEqual(v.groups.map((g) => String(g.patients)));
    expect(await cells(page, 'psa50')).toEqual(v.groups.map((g) => interval(g.psa50!)));
    expect((await atRisk(page, 'rpfs'))['high volume']).toEqual(
      v.groups[0]!.rpfs.atRisk.map(String),
    );

    // The XTR022-like cohort reproduces its seed document's table.
    await page.getByLabel('Group by').selectOption('arm');
    await openStudy(page, 'SYN-XTR022');
    expect(await cells(page, 'psa50')).toEqual([expect.stringMatching(/^10\/13 · 77% /)]);
    expect(await cells(page, 'psa90')).toEqual([expect.stringMatching(/^5\/13 · 38% /)]);
    expect(await cells(page, 'orr')).toEqual([expect.stringMatching(/^3\/9 · 33% /)]);
    expect(await cells(page, 'dcr')).toEqual([expect.stringMatching(/^8\/9 · 89% /)]);
    expect(await page.locator('.comparison').innerText()).toMatch(
      /rPFS: Only one group: nothing to compare\./,
    );
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('an analyst sees the figures, not the patients: no swimmer plot, no exports', async () => {
    const w = await suite.open();
    const { page } = w;
    await signIn(page, ANALYST);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Outcomes', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
    const board = await openStudy(page, 'SYN-LUPSMA');
    const d = await dashboardOf(page, 'SYN-LUPSMA', 'arm');
    expect(d.swimmers).toBeNull();
    expect(await cells(page, 'psa50')).toEqual(d.groups.map((g) => interval(g.psa50!)));
    await chartDrawn(board, /^Waterfall of the best PSA change/);
    await chartDrawn(board, /^Kaplan–Meier curves of OS by group/);
    expect(await board.getByRole('img', { name: /^Swimmer plot/ }).count()).toBe(0);
    expect(await board.getByRole('note').innerText()).toMatch(
      /only the study’s team sees it\. You see the cohort’s figures/,
    );
    expect(await board.getByRole('link', { name: /^Export/ }).count()).toBe(0);
    expect((await page.request.get('/api/studies/SYN-LUPSMA/export.csv')).status()).toBe(403);
    await page.setViewportSize({ width: DESKTOP.width, height: 1100 });
    await page.evaluate(() => {
      document
        .querySelector('[aria-labelledby="swimmer-title"]')
        ?.scrollIntoView({ block: 'center' });
    });
    await screenshot(page, 'outcomes-analyst');
    // On a tablet held upright the table keeps its columns and the curves their risk table.
    await page.setViewportSize(TABLET);
    await page.evaluate(() => {
      document.querySelector('.km-card[data-endpoint="os"]')?.scrollIntoView({ block: 'start' });
    });
    await chartDrawn(board, /^Kaplan–Meier curves of OS by group/);
    await screenshot(page, 'outcomes-tablet');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
