import {
  listOutages,
  networkRows,
  ordersToPlan,
  supplyRows,
  type NetworkRows,
  type SupplyRows,
  type OrderStatus,
  type PlanningOrderRow,
  type Database,
} from '@halflife/db';
import { addDays, dayStart, nextDayStart, PLANNABLE } from '@halflife/domain';
import {
  INSTANCE_FORMAT,
  type HospitalSpec,
  type LaneSpec,
  type OrderSpec,
  type PlanningInstance,
  type ProductSpec,
  type SiteSpec,
} from '@halflife/planner';
import type { Kysely } from 'kysely';
import { instanceOffThread } from '../heavy-pool.js';
import { hoursOn, instantAt } from './local-day.js';
import { siteDaySupply } from './site-supply.js';
import { transportIndexOf } from './transport-index-figures.js';

/**
 * The planning instance of a local date, built from the network in the database. The figures the
 * database does not hold are assumptions, listed in the instance's `sources` and in
 * docs/platform.md ("Planning through the API").
 */

/** Dose packages per vehicle (assumption, as the planner's generated instances). */
export const VEHICLE_CAPACITY = { road: 24, air: 40 } as const;
/** Summed TI of one non-exclusive-use conveyance (IAEA SSR-6; not in facts.md, unconfirmed). */
export const MAX_TRANSPORT_INDEX = 50;
/** The dose must arrive this long before calibration (assumption). */
export const PREP_MARGIN_MINUTES = 30;
/** Orders a plan of the date covers: a new plan re-plans the committed one's orders too. */
export const PLANNABLE_STATUSES: readonly OrderStatus[] = PLANNABLE;

const ASSUMPTIONS = [
  `Vehicles: ${VEHICLE_CAPACITY.road} dose packages by road, ${VEHICLE_CAPACITY.air} by air; summed TI ≤ ${MAX_TRANSPORT_INDEX} per conveyance (assumption; IAEA SSR-6 non-exclusive use, unconfirmed).`,
  `Orders: arrive at least ${PREP_MARGIN_MINUTES} min before calibration; priority 1 (orders carry no priority yet) (assumption).`,
  'Supply: from the supply records (generators with their elutions, bulk lots, cyclotron runs) through the models of @halflife/nuclear; a nuclide a site has no record for is bought as needed, within the site licences (assumption). Generators are eluted on a regular schedule from the site’s opening (each generator’s interval, or the time its daughter needs to grow back to 90%); a lot counts once, whole, at the start of the day or on arrival; a run at its end of bombardment.',
  'Lines: equipment rows whose capacity.productCodes lists the products they make; hours: the sites’ opening hours and the hospitals’ receiving hours of the weekday, each in its own time zone.',
];

export interface NetworkInstance {
  readonly instance: PlanningInstance;
  /** Each order's version when the instance was built. */
  readonly orderVersions: Record<string, number>;
}

/** What a day's instance is built from, read from the database: plain rows (structured-clonable). */
export interface InstanceRows {
  readonly date: string;
  /** Local days in the horizon from `date`. */
  readonly days: number;
  readonly zone: string;
  readonly rows: NetworkRows;
  readonly orders: PlanningOrderRow[];
  readonly outages: Awaited<ReturnType<typeof listOutages>>;
  readonly supply: SupplyRows;
  /**
   * Supply counts from here (default: the horizon's start): earlier when an earlier horizon's
   * started batches are carried, so that what they drew is released before them.
   */
  readonly supplyFrom?: string;
}

/** Reads what the instance of `days` local days from `date` (in `zone`) is built from. */
export async function loadInstanceRows(
  db: Kysely<Database>,
  date: string,
  zone: string,
  {
    withOrders = true,
    days = 1,
    supplyFrom,
  }: { withOrders?: boolean; days?: number; supplyFrom?: Date } = {},
): Promise<InstanceRows> {
  const window = {
    from: new Date(dayStart(date, zone)),
    to: new Date(nextDayStart(addDays(date, days - 1), zone)),
  };
  const from = supplyFrom && supplyFrom < window.from ? supplyFrom : window.from;
  const [rows, orders, outages, supply] = await Promise.all([
    networkRows(db),
    withOrders ? ordersToPlan(db, { ...window, statuses: PLANNABLE_STATUSES }) : [],
    listOutages(db, window),
    supplyRows(db, { from, to: window.to }),
  ]);
  return { date, days, zone, rows, orders, outages, supply, supplyFrom: from.toISOString() };
}

/**
 * The instance from its rows: pure and CPU-bound (every site's day of supply goes through the
 * decay engine), so the server runs it in its worker pool.
 */
export function instanceFromRows(input: InstanceRows): NetworkInstance {
  const { date, days, zone, rows, orders, outages, supply, supplyFrom } = input;
  const dates = Array.from({ length: days }, (_, d) => addDays(date, d));
  const horizon = {
    start: new Date(dayStart(date, zone)).toISOString(),
    end: new Date(nextDayStart(dates.at(-1) ?? date, zone)).toISOString(),
  };
  const products = rows.products.map((p) => productSpec(p));
  const supplyWindow = { start: supplyFrom ?? horizon.start, end: horizon.end };
  const sites = siteSpecs(
    rows,
    supply,
    dates,
    supplyWindow,
    new Set(products.map((p) => p.spec.id)),
  );
  const instance: PlanningInstance = {
    format: INSTANCE_FORMAT,
    name:
      days === 1
        ? `Network plan for ${date} (${zone})`
        : `Network plan for ${date} to ${dates.at(-1)} (${zone})`,
    timeZone: zone,
    horizon,
    products: products.map((p) => p.spec),
    sites: sites.map((s) => s.spec),
    hospitals: hospitalSpecs(rows, dates),
    lanes: laneSpecs(rows, dates),
    orders: orders.map(orderSpec),
    outages: outages.map((o) => ({
      site: o.site_id,
      line: o.equipment_id,
      from: o.from_at.toISOString(),
      ...(o.to_at ? { to: o.to_at.toISOString() } : {}),
      reason: o.reason,
    })),
    sources: [...products.map((p) => p.source), ...ASSUMPTIONS, ...sites.flatMap((s) => s.sources)],
  };
  return { instance, orderVersions: Object.fromEntries(orders.map((o) => [o.id, o.version])) };
}

/**
 * The instance of local date `date` read in `zone` (the network's: its sites'), built off the
 * request thread. Without `withOrders` its orders are left out, for a caller that judges orders
 * of its own.
 */
export async function buildNetworkInstance(
  db: Kysely<Database>,
  date: string,
  zone: string,
  options: { withOrders?: boolean; days?: number; supplyFrom?: Date } = {},
): Promise<NetworkInstance> {
  const built = await instanceOffThread(await loadInstanceRows(db, date, zone, options));
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

function productSpec(p: NetworkRows['products'][number]): { spec: ProductSpec; source: string } {
  const ti = transportIndexOf(p.code, p.nuclide);
  return {
    spec: {
      id: p.code,
      name: p.name,
      nuclide: p.nuclide,
      synthesisMinutes: p.synthesis_minutes,
      qcMinutes: p.qc_minutes,
      radiochemicalYield: p.radiochemical_yield,
      maxBatchBq: p.max_batch_bq,
      shelfLifeMinutes: p.shelf_life_minutes,
      tolerancePct: p.tolerance_pct,
      costPerBatch: p.cost_per_batch,
      costPerGbq: p.cost_per_gbq,
      transportIndexPerGbq: ti.perGbq,
    },
    source: `${p.code}: ${ti.source}`,
  };
}

/** The product codes an equipment row makes (capacity.productCodes), known products only. */
function lineProducts(capacity: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  const codes = capacity['productCodes'];
  if (!Array.isArray(codes)) return [];
  return codes.filter((c): c is string => typeof c === 'string' && known.has(c));
}

/** Records of one site among supplyRows'. */
export function recordsOfSite(supply: SupplyRows, siteId: string) {
  return {
    generators: supply.generators.filter((g) => g.generator.site_id === siteId),
    lots: supply.lots.filter((l) => l.site_id === siteId),
    runs: supply.runs.filter((r) => r.site_id === siteId),
  };
}

/** A weekly schedule over the horizon's dates, as instants (a closed weekday gives nothing). */
function hoursOver(
  hours: Parameters<typeof hoursOn>[0],
  dates: readonly string[],
  zone: string,
): { start: string; end: string }[] {
  return dates.flatMap((d) => hoursOn(hours, d, zone));
}

function siteSpecs(
  rows: NetworkRows,
  supply: SupplyRows,
  dates: readonly string[],
  supplyWindow: { start: string; end: string },
  known: ReadonlySet<string>,
): { spec: SiteSpec; sources: string[] }[] {
  return rows.sites.map((s) => {
    const open = hoursOver(s.opening_hours, dates, s.time_zone);
    const day = siteDaySupply(recordsOfSite(supply, s.id), open, supplyWindow, s.name);
    return {
      spec: {
        id: s.id,
        name: s.name,
        latitude: s.latitude,
        longitude: s.longitude,
        open,
        lines: rows.equipment
          .filter((e) => e.site_id === s.id)
          .map((e) => ({ id: e.id, name: e.name, products: lineProducts(e.capacity, known) }))
          .filter((l) => l.products.length > 0),
        supply: day.supply,
        licences: rows.siteLicences
          .filter((l) => l.site_id === s.id)
          .map((l) => ({ nuclide: l.nuclide, maxActivityBq: l.max_activity_bq })),
      },
      sources: day.sources,
    };
  });
}

function hospitalSpecs(rows: NetworkRows, dates: readonly string[]): HospitalSpec[] {
  const licences = new Map<string, { nuclide: string; maxActivityBq: number }[]>();
  for (const l of rows.hospitalLicences) {
    const list = licences.get(l.hospital_id) ?? [];
    list.push({ nuclide: l.nuclide, maxActivityBq: l.max_activity_bq });
    licences.set(l.hospital_id, list);
  }
  return rows.hospitals.map((h) => ({
    id: h.id,
    name: h.name,
    city: h.city,
    latitude: h.latitude,
    longitude: h.longitude,
    receiving: hoursOver(h.receiving_hours, dates, h.time_zone),
    licences: licences.get(h.id) ?? [],
  }));
}

function laneSpecs(rows: NetworkRows, dates: readonly string[]): LaneSpec[] {
  const zones = new Map(rows.sites.map((s) => [s.id, s.time_zone]));
  return rows.lanes.flatMap((l) => {
    const zone = zones.get(l.site_id);
    if (zone === undefined) return [];
    return [
      {
        id: l.id,
        site: l.site_id,
        hospital: l.hospital_id,
        mode: l.mode,
        durationMinutes: l.duration_minutes,
        cost: l.cost,
        // "HH:MM" local at the site → instants of every date of the horizon.
        departures:
          l.departures === null
            ? null
            : dates.flatMap((date) => l.departures!.map((d) => instantAt(date, d, zone))).sort(),
        vehicleCapacity: VEHICLE_CAPACITY[l.mode],
        maxTransportIndex: MAX_TRANSPORT_INDEX,
      },
    ];
  });
}

export function orderSpec(o: PlanningOrderRow): OrderSpec {
  return {
    id: o.id,
    hospital: o.hospital_id,
    product: o.product_code,
    activityBq: o.activity_bq,
    tolerancePct: o.tolerance_pct,
    calibrationAt: o.calibration_at.toISOString(),
    prepMarginMinutes: PREP_MARGIN_MINUTES,
    priority: 1,
  };
}
