import {
  importedDemandHistory,
  listCyclotronRuns,
  listOutages,
  listProducts,
  networkRows,
  networkZone,
  supplyRows,
  weeklyOrderedDoses,
  type Database,
} from '@halflife/db';
import { addDays, dayStart, isoWeekday, localDateOf } from '@halflife/domain';
import type { Kysely } from 'kysely';
import { outlookOffThread } from '../heavy-pool.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import type { OutlookQuerySchema } from '../strategy-schemas.js';
import type { z } from '@hono/zod-openapi';
import {
  doseConversion,
  REFERENCE_WEIGHT_KG,
  TYPICAL_TRANSIT_MINUTES,
} from './outlook-conversion.js';
import type { KnownWeek, Outlook, OutlookInput } from './outlook-figures.js';
import { historySeries, totalSince } from './outlook-history.js';
import {
  CYCLOTRON_RUN_FAILURE,
  GENERATOR_YIELD_CV,
  LOT_DELIVERY_RISK,
  type SupplyRecords,
} from './outlook-supply-types.js';
import { therapyDemand } from './pathway-service.js';

/**
 * The supply analyst's outlook (issue 16; docs/supply-strategy.md, "Outlook"): reads the history,
 * the scheduled cycles and the supply records, and has the worker pool forecast, project supply
 * and weigh the two (outlook-figures.ts, outlook-supply.ts).
 */

export interface OutlookDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));
const invalid = (field: string, message: string): ServiceResult<never> =>
  failure('invalid', `${field}: ${message}`, [{ path: field, message }]);

/** Weeks of history whose share of the nuclide apportions the known cycles to a site. */
const SHARE_WEEKS = 26;

export const OUTLOOK_ASSUMPTIONS: readonly string[] = [
  `Unit: GBq of the nuclide a week, when it becomes available (a lot at receipt, a run at end of bombardment, an elution when eluted) against the activity needed at the start of synthesis.`,
  `A dose needs its product's usual activity (a per-kg dose for a ${REFERENCE_WEIGHT_KG} kg adult), decayed back over synthesis, QC and ${TYPICAL_TRANSIT_MINUTES} min of transit, divided by the radiochemical yield.`,
  'The forecast counts all demand; the scheduled therapy cycles are part of it, so the part not yet known is the forecast less the known cycles (at least zero).',
  'Scenario growth is linear in the weeks ahead (growthPct a year) on the part not yet known; extra doses a week are certain and take the history’s product mix.',
  `Uncertainty: a delivery not yet received fails with probability ${LOT_DELIVERY_RISK}; a generator's weekly yield spreads ±${GENERATOR_YIELD_CV * 100}% (one sd); a cyclotron run fails with probability ${CYCLOTRON_RUN_FAILURE}; demand and supply independent normals.`,
  'A lot counts once, in the week it arrives; stock carried over from an earlier week is not counted.',
  'Only whole weeks count as history: the current week is left out until it ends.',
];

export async function supplyOutlook(
  deps: OutlookDeps,
  query: z.infer<typeof OutlookQuerySchema>,
): Promise<ServiceResult<Outlook>> {
  const now = deps.now();
  const rows = await networkRows(deps.db);
  const products = (await listProducts(deps.db)).filter((p) => p.nuclide === query.nuclide);
  if (products.length === 0) return invalid('nuclide', `no product is made of ${query.nuclide}`);
  const site = query.site === undefined ? undefined : rows.sites.find((s) => s.id === query.site);
  if (query.site !== undefined && site === undefined)
    return failure('not-found', `site ${query.site} not found`);
  const zone = site?.time_zone ?? (await networkZone(deps.db)) ?? 'UTC';
  const today = localDateOf(now, zone);
  const from = mondayOf(query.from ?? addDays(today, 7));
  const weeks = Array.from({ length: query.weeks }, (_, i) => addDays(from, 7 * i));
  // Whole weeks only, and none from the outlook on.
  const cutoff = [from, mondayOf(today)].sort()[0]!;
  const conversion = products.map(doseConversion);
  const before = new Date(dayStart(addDays(cutoff, 1), 'UTC'));
  const read = (siteId: string | undefined) =>
    Promise.all([
      weeklyOrderedDoses(deps.db, { nuclide: query.nuclide, before, siteId }),
      importedDemandHistory(deps.db, { nuclide: query.nuclide, before: cutoff, siteId }),
    ]).then(([recorded, imported]) =>
      historySeries(
        recorded.filter((r) => r.weekStart < cutoff),
        imported,
        conversion,
      ),
    );
  const history = await read(site?.id);
  const network = site === undefined ? history : await read(undefined);
  const last = history.series.at(-1)?.week;
  const offset =
    last === undefined ? 1 : Math.round((Date.parse(from) - Date.parse(last)) / (7 * 86_400_000));
  const since = addDays(cutoff, -7 * SHARE_WEEKS);
  const siteTotal = [...history.byProduct.values()].reduce((s, w) => s + totalSince(w, since), 0);
  const networkTotal = [...network.byProduct.values()].reduce(
    (s, w) => s + totalSince(w, since),
    0,
  );
  const makers = new Set(
    rows.equipment.filter((e) => e.kind !== 'dose_calibrator').map((e) => e.site_id),
  );
  const share =
    site === undefined
      ? 1
      : networkTotal > 0
        ? siteTotal / networkTotal
        : 1 / Math.max(1, makers.size);
  const notes: string[] = [];
  if (site !== undefined)
    notes.push(
      `Scheduled therapy cycles are not tied to a site: ${site.name} is given ${(share * 100).toFixed(1)}% of them, its share of the ${query.nuclide} history of the last ${SHARE_WEEKS} weeks.`,
      `A site's recorded orders are those a committed plan makes there; imported history names its site.`,
    );
  const known = await knownWeeks(deps, query.nuclide, from, weeks, conversion, share);
  const shares = conversion.map((c) => ({
    productCode: c.productCode,
    use: c.use,
    share:
      siteTotal > 0
        ? totalSince(history.byProduct.get(c.productCode), since) / siteTotal
        : 1 / conversion.length,
  }));
  const horizon = {
    from: new Date(dayStart(from, zone) - 86_400_000),
    to: new Date(dayStart(addDays(from, 7 * query.weeks + 1), zone)),
  };
  const siteFilter = site === undefined ? {} : { siteId: site.id };
  const [supply, runs, outages] = await Promise.all([
    supplyRows(deps.db, { ...horizon, ...siteFilter }),
    listCyclotronRuns(deps.db, {
      ...siteFilter,
      from: new Date(now.getTime() - 90 * 86_400_000),
      to: now,
    }),
    listOutages(deps.db, horizon),
  ]);
  const sites = (site ? [site] : rows.sites).map((s) => ({
    id: s.id,
    name: s.name,
    zone: s.time_zone,
    openingHours: s.opening_hours,
  }));
  const records: SupplyRecords = {
    nuclide: query.nuclide,
    productCodes: products.map((p) => p.code),
    weeks,
    now: now.getTime(),
    sites,
    equipment: rows.equipment
      .filter((e) => sites.some((s) => s.id === e.site_id))
      .map((e) => ({
        id: e.id,
        siteId: e.site_id,
        kind: e.kind,
        name: e.name,
        capacity: e.capacity,
      })),
    generators: supply.generators,
    lots: supply.lots,
    runs,
    outages,
  };
  const input: OutlookInput = {
    nuclide: query.nuclide,
    site: site ? { id: site.id, name: site.name } : null,
    from,
    weeks,
    holdout: query.holdout,
    growthPct: query.growthPct,
    extraWeekly: query.extraWeekly,
    history: history.series,
    offset,
    conversion,
    shares,
    known,
    notes,
    assumptions: OUTLOOK_ASSUMPTIONS,
  };
  const result = await outlookOffThread({ input, records });
  return result.ok ? success(result.value) : result;
}

/** The scheduled cycles of the nuclide's products, week by week, in GBq of the nuclide. */
async function knownWeeks(
  deps: OutlookDeps,
  nuclide: string,
  from: string,
  weeks: readonly string[],
  conversion: ReturnType<typeof doseConversion>[],
  share: number,
): Promise<KnownWeek[]> {
  const demand = await therapyDemand(deps, { from, weeks: weeks.length });
  const rows = demand.ok ? demand.value.rows.filter((r) => r.nuclide === nuclide) : [];
  const factor = (code: string) => {
    const c = conversion.find((x) => x.productCode === code);
    return c && c.doseGBq > 0 ? c.nuclideGBqPerDose / c.doseGBq : 0;
  };
  return weeks.map((week) => {
    const here = rows.filter((r) => r.weekStart === week);
    const byProduct = here.map((r) => ({
      productCode: r.productCode,
      inProgress: ((r.activityBq - r.firstActivityBq) / 1e9) * factor(r.productCode) * share,
      first: (r.firstActivityBq / 1e9) * factor(r.productCode) * share,
    }));
    return {
      gbq: byProduct.reduce((s, p) => s + p.inProgress + p.first, 0),
      cycles: here.reduce((s, r) => s + r.cycles, 0) * share,
      byProduct,
    };
  });
}
