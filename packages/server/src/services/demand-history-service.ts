import {
  importDemandHistory,
  listProducts,
  networkRows,
  networkZone,
  type Database,
  type NewDemandWeek,
} from '@halflife/db';
import { addDays, isLocalDate, isoWeekday, localDateOf } from '@halflife/domain';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/**
 * A weekly demand history imported as CSV (issue 16): `week,product,site,doses`, one row per
 * Monday, product code and site (its id or its name), for weeks already past. The whole file is
 * checked first; the first fault found is refused naming its line and field, and nothing is stored.
 */

export interface HistoryDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

export const MAX_HISTORY_ROWS = 20_000;
const HEADER = ['week', 'product', 'site', 'doses'];

const refuse = (line: number, field: string, message: string): ServiceResult<never> =>
  failure('invalid', `csv line ${line}: ${field}: ${message}`, [
    { path: `csv.line ${line}.${field}`, message },
  ]);

export async function importHistory(
  deps: HistoryDeps,
  caller: Caller,
  body: { csv: string },
): Promise<ServiceResult<{ rows: number; replaced: number; first: string; last: string }>> {
  const lines = body.csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(','))
    return refuse(1, 'header', `expected "${HEADER.join(',')}", got "${lines[0] ?? ''}"`);
  if (lines.length < 2) return refuse(2, 'week', 'no rows after the header');
  if (lines.length - 1 > MAX_HISTORY_ROWS)
    return failure('too-large', `csv: at most ${MAX_HISTORY_ROWS} rows, got ${lines.length - 1}`);
  const products = new Set((await listProducts(deps.db)).map((p) => p.code));
  const { sites } = await networkRows(deps.db);
  /** The site a cell names: its id, else the one site of that name (or city). */
  const siteOf = (text: string) => {
    const byId = sites.find((s) => s.id === text);
    if (byId) return byId;
    const named = sites.filter((s) => s.name === text || s.city === text);
    return named.length === 1 ? named[0] : undefined;
  };
  const zone = (await networkZone(deps.db)) ?? 'UTC';
  const today = localDateOf(deps.now(), zone);
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const rows: NewDemandWeek[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    const cells = lines[i]!.split(',').map((c) => c.trim());
    if (cells.length !== 4) return refuse(n, 'row', `expected 4 fields, got ${cells.length}`);
    const [week, product, siteText, dosesText] = cells as [string, string, string, string];
    if (!isLocalDate(week)) return refuse(n, 'week', `expected a date YYYY-MM-DD, got "${week}"`);
    if (isoWeekday(week) !== 1) return refuse(n, 'week', `${week} is not a Monday`);
    if (week >= thisMonday) return refuse(n, 'week', `${week} is not a past week`);
    if (!products.has(product)) return refuse(n, 'product', `no product "${product}"`);
    const site = siteOf(siteText);
    if (site === undefined)
      return refuse(n, 'site', `no single site "${siteText}" (give its id or its name)`);
    if (!/^\d{1,7}$/.test(dosesText))
      return refuse(n, 'doses', `expected a whole number of doses ≥ 0, got "${dosesText}"`);
    const key = `${week}|${product}|${site.id}`;
    if (seen.has(key)) return refuse(n, 'week', `${week} ${product} at ${site.name} appears twice`);
    seen.add(key);
    rows.push({ weekStart: week, productCode: product, siteId: site.id, doses: Number(dosesText) });
  }
  const at = deps.now();
  const stored = await importDemandHistory(
    deps.db,
    rows,
    { synthetic: false, source: `import ${localDateOf(at, zone)} by ${caller.email}` },
    { userId: caller.userId, organisationId: caller.organisationId, at },
  );
  const weeks = rows.map((r) => r.weekStart).sort();
  return success({ ...stored, first: weeks[0]!, last: weeks.at(-1)! });
}
