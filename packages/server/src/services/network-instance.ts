import { listOutages, type Database, type OrderStatus } from '@halflife/db';
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
import { addDays, hoursOn, instantAt } from './local-day.js';
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
export const PLANNABLE_STATUSES: readonly OrderStatus[] = ['submitted', 'accepted', 'planned'];

const ASSUMPTIONS = [
  `Vehicles: ${VEHICLE_CAPACITY.road} dose packages by road, ${VEHICLE_CAPACITY.air} by air; summed TI ≤ ${MAX_TRANSPORT_INDEX} per conveyance (assumption; IAEA SSR-6 non-exclusive use, unconfirmed).`,
  `Orders: arrive at least ${PREP_MARGIN_MINUTES} min before calibration; priority 1 (orders carry no priority yet) (assumption).`,
  'Supply: no isotope supply recorded in the database; every nuclide is bought as needed, within the site licences (assumption).',
  'Lines: equipment rows whose capacity.productCodes lists the products they make; hours: sites’ opening hours and hospitals’ receiving hours of the weekday, in their own time zones.',
];

export interface NetworkInstance {
  readonly instance: PlanningInstance;
  /** Each order's version when the instance was built. */
  readonly orderVersions: Record<string, number>;
  /** The zone the date is read in (the sites'). */
  readonly zone: string;
}

/** The network's zone: the time zone most of its sites use (Asia/Shanghai for the demo). */
export async function networkZone(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('sites')
    .select(['time_zone', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('time_zone')
    .orderBy('n', 'desc')
    .orderBy('time_zone')
    .executeTakeFirst();
  return row?.time_zone;
}

export async function buildNetworkInstance(
  db: Kysely<Database>,
  date: string,
  zone: string,
): Promise<NetworkInstance> {
  const horizon = {
    start: instantAt(date, '00:00', zone),
    end: instantAt(addDays(date, 1), '00:00', zone),
  };
  const products = await productSpecs(db);
  const codes = new Set(products.map((p) => p.spec.id));
  const sites = await siteSpecs(db, date, codes);
  const hospitals = await hospitalSpecs(db, date);
  const lanes = await laneSpecs(db, date, sites);
  const rows = await ordersOf(db, horizon);
  const outages = await listOutages(db, {
    from: new Date(horizon.start),
    to: new Date(horizon.end),
  });
  const instance: PlanningInstance = {
    format: INSTANCE_FORMAT,
    name: `Network plan for ${date} (${zone})`,
    horizon,
    products: products.map((p) => p.spec),
    sites,
    hospitals,
    lanes,
    orders: rows.map(orderSpec),
    outages: outages.map((o) => ({
      site: o.site_id,
      line: o.equipment_id,
      from: o.from_at.toISOString(),
      ...(o.to_at ? { to: o.to_at.toISOString() } : {}),
      reason: o.reason,
    })),
    sources: [...products.map((p) => p.tiSource), ...ASSUMPTIONS],
  };
  return {
    instance,
    orderVersions: Object.fromEntries(rows.map((o) => [o.id, o.version])),
    zone,
  };
}

async function productSpecs(db: Kysely<Database>) {
  const rows = await db.selectFrom('products').selectAll().orderBy('code').execute();
  return rows.map((p) => {
    const ti = transportIndexOf(p.nuclide);
    const spec: ProductSpec = {
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
    };
    return { spec, tiSource: `${p.code}: ${ti.source}` };
  });
}

/** The product codes an equipment row makes (capacity.productCodes), known products only. */
function lineProducts(capacity: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  const codes = capacity['productCodes'];
  if (!Array.isArray(codes)) return [];
  return codes.filter((c): c is string => typeof c === 'string' && known.has(c));
}

async function siteSpecs(
  db: Kysely<Database>,
  date: string,
  known: ReadonlySet<string>,
): Promise<SiteSpec[]> {
  const [sites, equipment, licences] = await Promise.all([
    db.selectFrom('sites').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('equipment').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('site_licences').selectAll().orderBy('nuclide').execute(),
  ]);
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    latitude: s.latitude,
    longitude: s.longitude,
    open: hoursOn(s.opening_hours, date, s.time_zone),
    lines: equipment
      .filter((e) => e.site_id === s.id)
      .map((e) => ({ id: e.id, name: e.name, products: lineProducts(e.capacity, known) }))
      .filter((l) => l.products.length > 0),
    supply: [],
    licences: licences
      .filter((l) => l.site_id === s.id)
      .map((l) => ({ nuclide: l.nuclide, maxActivityBq: l.max_activity_bq })),
  }));
}

async function hospitalSpecs(db: Kysely<Database>, date: string): Promise<HospitalSpec[]> {
  const [hospitals, licences] = await Promise.all([
    db.selectFrom('hospitals').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('hospital_licences').selectAll().orderBy('nuclide').execute(),
  ]);
  const byHospital = new Map<string, typeof licences>();
  for (const l of licences)
    byHospital.set(l.hospital_id, [...(byHospital.get(l.hospital_id) ?? []), l]);
  return hospitals.map((h) => ({
    id: h.id,
    name: h.name,
    city: h.city,
    latitude: h.latitude,
    longitude: h.longitude,
    receiving: hoursOn(h.receiving_hours, date, h.time_zone),
    licences: (byHospital.get(h.id) ?? []).map((l) => ({
      nuclide: l.nuclide,
      maxActivityBq: l.max_activity_bq,
    })),
  }));
}

async function laneSpecs(
  db: Kysely<Database>,
  date: string,
  sites: readonly SiteSpec[],
): Promise<LaneSpec[]> {
  const zones = new Map(
    (await db.selectFrom('sites').select(['id', 'time_zone']).execute()).map((s) => [
      s.id,
      s.time_zone,
    ]),
  );
  const known = new Set(sites.map((s) => s.id));
  const lanes = await db.selectFrom('lanes').selectAll().orderBy('id').execute();
  return lanes
    .filter((l) => known.has(l.site_id))
    .map((l) => ({
      id: l.id,
      site: l.site_id,
      hospital: l.hospital_id,
      mode: l.mode,
      durationMinutes: l.duration_minutes,
      cost: l.cost,
      // "HH:MM" local at the site → instants of the date.
      departures:
        l.departures === null
          ? null
          : l.departures.map((d) => instantAt(date, d, zones.get(l.site_id) ?? 'UTC')).sort(),
      vehicleCapacity: VEHICLE_CAPACITY[l.mode],
      maxTransportIndex: MAX_TRANSPORT_INDEX,
    }));
}

async function ordersOf(db: Kysely<Database>, horizon: { start: string; end: string }) {
  return db
    .selectFrom('orders')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .select([
      'orders.id',
      'orders.hospital_id',
      'orders.activity_bq',
      'orders.tolerance_pct',
      'orders.calibration_at',
      'orders.version',
      'products.code',
    ])
    .where('orders.status', 'in', [...PLANNABLE_STATUSES])
    .where('orders.calibration_at', '>=', new Date(horizon.start))
    .where('orders.calibration_at', '<', new Date(horizon.end))
    .orderBy('orders.calibration_at')
    .orderBy('orders.id')
    .execute();
}

type OrderRowLite = Awaited<ReturnType<typeof ordersOf>>[number];

export function orderSpec(o: OrderRowLite): OrderSpec {
  return {
    id: o.id,
    hospital: o.hospital_id,
    product: o.code,
    activityBq: o.activity_bq,
    tolerancePct: o.tolerance_pct,
    calibrationAt: o.calibration_at.toISOString(),
    prepMarginMinutes: PREP_MARGIN_MINUTES,
    priority: 1,
  };
}

/** Orders by id, for a re-plan's late orders: the same selection and mapping. */
export async function ordersByIds(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('orders')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .select([
      'orders.id',
      'orders.hospital_id',
      'orders.activity_bq',
      'orders.tolerance_pct',
      'orders.calibration_at',
      'orders.version',
      'orders.status',
      'products.code',
    ])
    .where('orders.id', 'in', [...ids])
    .execute();
}
