import { getSite, siteProductNuclides, supplyRows } from '@halflife/db';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import type { SiteSupplySchema } from '../supply-schemas.js';
import { dayStart, isLocalDate, nextDayStart, tomorrowIn } from '@halflife/domain';
import { hoursOn } from './local-day.js';
import { siteDaySupply } from './site-supply.js';
import { invalid, type SupplyDeps } from './supply-access.js';

/**
 * A site's supply for one local day, exactly as a plan of that date takes it (the same
 * siteDaySupply as the network instance), with what each record gives and the nuclides left to be
 * bought as needed.
 */
export async function siteSupplyFor(
  deps: SupplyDeps,
  caller: Caller,
  siteId: string,
  query: { date?: string | undefined },
): Promise<ServiceResult<z.infer<typeof SiteSupplySchema>>> {
  const site = await getSite(deps.db, siteId);
  if (!site) return failure('not-found', `site ${siteId} not found`);
  const date = query.date ?? tomorrowIn(deps.now(), site.time_zone);
  if (!isLocalDate(date)) return invalid('date', `no such date "${date}"`);
  const horizon = {
    start: new Date(dayStart(date, site.time_zone)).toISOString(),
    end: new Date(nextDayStart(date, site.time_zone)).toISOString(),
  };
  const [rows, made] = await Promise.all([
    supplyRows(deps.db, { from: new Date(horizon.start), to: new Date(horizon.end), siteId }),
    siteProductNuclides(deps.db, siteId),
  ]);
  const day = siteDaySupply(
    rows,
    hoursOn(site.opening_hours, date, site.time_zone),
    horizon,
    site.name,
  );
  const supplied = new Set(day.supply.map((s) => s.nuclide));
  return success({
    siteId,
    date,
    timeZone: site.time_zone,
    horizon,
    supply: day.supply.map((s) => ({ ...s, releases: [...s.releases] })),
    generators: day.generators.map((g) => ({ ...g, releases: [...g.releases] })),
    lots: day.lots,
    cyclotronRuns: day.runs,
    boughtAsNeeded: made.filter((n) => !supplied.has(n)),
    notes: day.notes,
  });
}
