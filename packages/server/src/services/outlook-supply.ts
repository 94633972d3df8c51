import { addDays, dayStart, isoWeekday, nextDayStart } from '@halflife/domain';
import { hoursOn } from './local-day.js';
import { dayName, generatorItems, isOut } from './outlook-generators.js';
import {
  CYCLOTRON_RUN_FAILURE,
  LOT_DELIVERY_RISK,
  type OutlookSite,
  type SupplyItem,
  type SupplyProjection,
  type SupplyRecords,
} from './outlook-supply-types.js';
import { supplyData } from './supply-models.js';

/**
 * The supply of one nuclide week by week, from the records (docs/supply-strategy.md, "Outlook"):
 * generators (outlook-generators.ts), bulk lots already recorded for a coming day, the therapy hot
 * cell's standing deliveries (its equipment's `bulkLots`: activity and delivery weekdays, the
 * site's contract) on the days no recorded lot covers, and cyclotron runs at the capacity the
 * equipment gives (runs a day from the synthesis modules, EOB activity from the cyclotron or the
 * mean of the runs measured lately). An equipment outage takes out the days it touches. Every
 * figure is the nuclide's activity when it becomes available (a lot at receipt, a run at EOB, an
 * elution when eluted), in Bq.
 */
export function projectSupply(records: SupplyRecords): SupplyProjection {
  const notes: string[] = [];
  const items: SupplyItem[] = [];
  for (const site of records.sites) {
    items.push(...generatorItems(records, site, notes));
    items.push(...lotItems(records, site));
    items.push(...cyclotronItems(records, site, notes));
  }
  return { items, notes };
}

interface Day {
  readonly date: string;
  readonly week: number;
  readonly start: number;
  readonly end: number;
}

function daysOf(records: SupplyRecords, site: OutlookSite): Day[] {
  return records.weeks.flatMap((w, week) =>
    Array.from({ length: 7 }, (_, d) => {
      const date = addDays(w, d);
      return {
        date,
        week,
        start: dayStart(date, site.zone),
        end: nextDayStart(date, site.zone),
      };
    }),
  );
}

const halfLifeMs = (nuclide: string): number =>
  (supplyData().byName.get(nuclide)?.halfLife ?? Infinity) * 1000;

type Contract = { activityBq: number; weekdays: number[]; equipmentId: string; name: string };

function lotItems(records: SupplyRecords, site: OutlookSite): SupplyItem[] {
  const zeros = () => records.weeks.map(() => 0);
  const days = daysOf(records, site);
  const weekOf = (t: number) => days.find((d) => t >= d.start && t < d.end);
  const halfLife = halfLifeMs(records.nuclide);
  const items: SupplyItem[] = [];
  const recordedDays = new Set<string>();
  const lots = records.lots.filter((l) => l.site_id === site.id && l.nuclide === records.nuclide);
  if (lots.length > 0) {
    const meanBq = zeros();
    const varianceBq2 = zeros();
    for (const lot of lots) {
      const available = Math.max(lot.received_at.getTime(), lot.reference_at.getTime());
      const day = weekOf(available);
      if (!day) continue;
      if (lot.expires_at !== null && lot.expires_at.getTime() <= available) continue;
      recordedDays.add(day.date);
      const bq = lot.activity_bq * 2 ** (-(available - lot.reference_at.getTime()) / halfLife);
      const risk = lot.received_at.getTime() > records.now ? LOT_DELIVERY_RISK : 0;
      meanBq[day.week]! += (1 - risk) * bq;
      varianceBq2[day.week]! += risk * (1 - risk) * bq * bq;
    }
    if (meanBq.some((m) => m > 0))
      items.push({
        siteId: site.id,
        siteName: site.name,
        kind: 'lot',
        label: `${records.nuclide} lots recorded`,
        basis: `Lots recorded for a coming day, decayed from their reference to their arrival; one not yet received fails to arrive with probability ${LOT_DELIVERY_RISK} (delivery risk, assumption).`,
        meanBq,
        varianceBq2,
      });
  }
  for (const contract of contractsOf(records, site)) {
    const meanBq = zeros();
    const varianceBq2 = zeros();
    for (const day of days) {
      if (!contract.weekdays.includes(isoWeekday(day.date)) || recordedDays.has(day.date)) continue;
      if (isOut(records, contract.equipmentId, day.start, day.end)) continue;
      meanBq[day.week]! += (1 - LOT_DELIVERY_RISK) * contract.activityBq;
      varianceBq2[day.week]! +=
        LOT_DELIVERY_RISK * (1 - LOT_DELIVERY_RISK) * contract.activityBq ** 2;
    }
    items.push({
      siteId: site.id,
      siteName: site.name,
      kind: 'lot-contract',
      label: `${contract.name}: standing ${records.nuclide} delivery`,
      basis: `${(contract.activityBq / 1e9).toPrecision(3)} GBq each ${contract.weekdays.map(dayName).join(' and ')} (the equipment's standing delivery) on days without a recorded lot; each delivery fails with probability ${LOT_DELIVERY_RISK} (assumption).`,
      meanBq,
      varianceBq2,
    });
  }
  return items;
}

function contractsOf(records: SupplyRecords, site: OutlookSite): Contract[] {
  const out: Contract[] = [];
  for (const e of records.equipment) {
    if (e.siteId !== site.id || !Array.isArray(e.capacity['bulkLots'])) continue;
    for (const lot of e.capacity['bulkLots'] as Record<string, unknown>[]) {
      const weekdays = Array.isArray(lot['deliveryWeekdays'])
        ? (lot['deliveryWeekdays'] as unknown[]).filter((x): x is number => typeof x === 'number')
        : [];
      const activityBq = lot['activityBq'];
      if (lot['nuclide'] !== records.nuclide || typeof activityBq !== 'number') continue;
      if (weekdays.length === 0) continue;
      out.push({ activityBq, weekdays, equipmentId: e.id, name: e.name });
    }
  }
  return out;
}

const MEASURED_WINDOW_MS = 90 * 86_400_000;

function cyclotronItems(records: SupplyRecords, site: OutlookSite, notes: string[]) {
  const cyclotrons = records.equipment.filter(
    (e) =>
      e.siteId === site.id && e.kind === 'cyclotron' && e.capacity['nuclide'] === records.nuclide,
  );
  if (cyclotrons.length === 0) return [];
  const codes = new Set(records.productCodes);
  const runsPerDay = records.equipment
    .filter((e) => e.siteId === site.id && e.kind === 'synthesis_module')
    .filter((e) => {
      const made = e.capacity['productCodes'];
      return Array.isArray(made) && made.some((c) => codes.has(String(c)));
    })
    .reduce(
      (s, e) => s + (typeof e.capacity['runsPerDay'] === 'number' ? e.capacity['runsPerDay'] : 0),
      0,
    );
  const measured = records.runs.filter(
    (r) =>
      r.site_id === site.id &&
      r.measured_activity_bq !== null &&
      r.end_at.getTime() > records.now - MEASURED_WINDOW_MS &&
      cyclotrons.some((c) => c.id === r.equipment_id || r.equipment_id === null),
  );
  const days = daysOf(records, site);
  return cyclotrons.map((c): SupplyItem => {
    const nominal =
      typeof c.capacity['eobActivityBq'] === 'number' ? c.capacity['eobActivityBq'] : 0;
    const own = measured.filter((r) => r.equipment_id === c.id || r.equipment_id === null);
    const eob =
      own.length > 0 ? own.reduce((s, r) => s + r.measured_activity_bq!, 0) / own.length : nominal;
    const bombardment =
      typeof c.capacity['bombardmentMinutes'] === 'number' ? c.capacity['bombardmentMinutes'] : 90;
    const meanBq = records.weeks.map(() => 0);
    const varianceBq2 = records.weeks.map(() => 0);
    let runsSeen = 0;
    for (const day of days) {
      if (isOut(records, c.id, day.start, day.end)) continue;
      const openMinutes = hoursOn(site.openingHours, day.date, site.zone).reduce(
        (s, o) => s + (Date.parse(o.end) - Date.parse(o.start)) / 60_000,
        0,
      );
      // The modules' runs shared among the cyclotrons, at most the bombardments the day holds.
      const runs = Math.min(runsPerDay / cyclotrons.length, Math.floor(openMinutes / bombardment));
      if (runs <= 0) continue;
      runsSeen += runs;
      meanBq[day.week]! += runs * (1 - CYCLOTRON_RUN_FAILURE) * eob;
      varianceBq2[day.week]! +=
        runs * CYCLOTRON_RUN_FAILURE * (1 - CYCLOTRON_RUN_FAILURE) * eob ** 2;
    }
    if (runsSeen === 0)
      notes.push(
        `${site.name}, ${c.name}: no synthesis module runs for ${records.nuclide} products, so no runs are counted.`,
      );
    return {
      siteId: site.id,
      siteName: site.name,
      kind: 'cyclotron',
      label: c.name,
      basis: `${runsPerDay / cyclotrons.length} run(s) an open day (the synthesis modules' runs shared among ${cyclotrons.length} cyclotron(s), at most what the opening hours hold at ${bombardment} min a bombardment), ${(eob / 1e9).toPrecision(3)} GBq at EOB each (${own.length > 0 ? `mean of ${own.length} run(s) measured in the last 90 days` : 'the cyclotron’s capacity'}); a run fails with probability ${CYCLOTRON_RUN_FAILURE} (assumption).`,
      meanBq,
      varianceBq2,
    };
  });
}
