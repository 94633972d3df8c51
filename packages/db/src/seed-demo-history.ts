import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays, isoWeekday, localDateOf } from '@halflife/domain';
import type { DemoNetwork } from '@halflife/domain/demo';
import { demoDemandHistory } from '@halflife/strategy';
import { appendAudit } from './audit-trail.js';
import type { Database } from './schema.js';

/**
 * The demo's synthetic weekly demand history (issue 16): the demo network has only its one day of
 * orders, so the supply outlook would have nothing to forecast from. For every site and product it
 * makes, three years of weekly doses from @halflife/strategy's `demoDemandHistory` (growth, a yearly
 * wave, two holiday weeks, Poisson-like noise), ending with the last whole week before the seed.
 * Every row is marked `synthetic`, with the source "demo seed (synthetic)"; the outlook says so.
 * One audit entry for all of it (counts and a digest): the rows are the seeded model's.
 */

export const DEMO_HISTORY_WEEKS = 156;
export const DEMO_HISTORY_SOURCE = 'demo seed (synthetic)';

/**
 * Doses a week per site at the start of the history (assumption, demo): chosen so that, with 20%
 * growth a year, Lu-177 demand nears the demo's standing deliveries (2 × 370 GBq a week) at the
 * wave's peak in the coming half-year, and the other nuclides stay within their supply.
 */
const BASE: Readonly<Record<string, number>> = {
  'F18-FDG': 60,
  'F18-DCFPYL': 15,
  'GA68-PSMA11': 20,
  'TC99M-MDP': 40,
  'LU177-PSMA617': 35,
  'LU177-DOTATATE': 15,
  'AC225-PSMA617': 3,
  'PB212-PSMA': 3,
};

/** The Monday of the week holding `date`. */
const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

const CHUNK = 500;

export async function insertDemoHistory(
  trx: Transaction<Database>,
  network: DemoNetwork,
  ids: { siteIds: ReadonlyMap<string, string>; seeder: string; producer: string },
  options: { readonly now: Date; readonly zone: string },
): Promise<{ historyRows: number }> {
  const last = addDays(mondayOf(localDateOf(options.now, options.zone)), -7);
  const first = addDays(last, -7 * (DEMO_HISTORY_WEEKS - 1));
  const rows: Database['demand_history'][] = [];
  network.sites.forEach((site, i) => {
    const siteId = ids.siteIds.get(site.key);
    if (siteId === undefined) return;
    site.productCodes.forEach((code, j) => {
      const base = BASE[code];
      if (base === undefined) return;
      const doses = demoDemandHistory({
        weeks: DEMO_HISTORY_WEEKS,
        seed: 1600 + 37 * i + j,
        // Sites differ by up to ±20% (assumption, demo).
        base: base * (0.8 + (0.4 * ((i * 7) % 12)) / 11),
        growthPerYear: 0.2,
        seasonalAmplitude: 0.15,
        holidayWeeks: [33, 34],
        holidayDip: 0.5,
      });
      doses.forEach((d, t) =>
        rows.push({
          week_start: addDays(first, 7 * t),
          product_code: code,
          site_id: siteId,
          doses: d,
          synthetic: true,
          source: DEMO_HISTORY_SOURCE,
          imported_by: ids.seeder,
          imported_at: options.now,
        } as unknown as Database['demand_history']),
      );
    });
  });
  for (let k = 0; k < rows.length; k += CHUNK)
    await trx
      .insertInto('demand_history')
      .values(rows.slice(k, k + CHUNK) as never)
      .execute();
  await appendAudit(trx, {
    at: options.now,
    actorId: ids.seeder,
    actorOrg: ids.producer,
    entity: 'demand_history',
    entityId: 'demo-seed',
    action: 'import',
    before: null,
    after: {
      rows: rows.length,
      first,
      last,
      synthetic: true,
      source: DEMO_HISTORY_SOURCE,
      digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
    },
    reason: 'demo network seed',
  });
  return { historyRows: rows.length };
}
