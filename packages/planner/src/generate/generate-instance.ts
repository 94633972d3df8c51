/**
 * Generated planning instances in three tiers (tiers.ts), deterministic for a seed: real Chinese
 * cities, demo products with transport indices, estimated lanes and a day of orders. Every figure
 * is either from facts.md (via the demo products and transport-index-data.ts) or an assumption
 * (demo); the instance's `sources` lists them.
 */
import { DEMO_PRODUCTS, DEMO_ZONE, seededRng, type Rng } from '@halflife/domain/demo';
import {
  INSTANCE_FORMAT,
  type LaneSpec,
  type OrderSpec,
  type PlanningInstance,
  type ProductSpec,
} from '../instance.js';
import { addDays, isLocalDate, isoWeekday } from '@halflife/domain';
import { localInstant } from './local-time.js';
import { MAX_ROAD_MINUTES, networkLanes } from './network-lanes.js';
import { networkOrders, receivingOf, SITE_OPEN, type GeneratedOrders } from './network-orders.js';
import { networkPlaces, type Places } from './network-places.js';
import { planningProduct } from './planning-products.js';
import { generatorSupply } from './site-generators.js';
import { hospitalLicences, siteLicences, siteLines, siteSupply } from './site-resources.js';
import { TIERS, type Tier, type TierConfig } from './tiers.js';

export interface GenerateInstanceInput {
  readonly tier: Tier;
  readonly seed: number;
  /** Local date (in the demo zone, Asia/Shanghai) of the first planned day, 'YYYY-MM-DD'. */
  readonly date: string;
  /**
   * Days in the horizon (default 1, at most MAX_HORIZON_DAYS): the tier's orders are spread over
   * them, and a batch of one day may serve an order of a later one within shelf life. Sites are
   * closed and hospitals receive nothing on Sundays (assumption, demo), so Sunday has no orders.
   */
  readonly days?: number;
  /** Orders over the whole horizon instead of the tier's own count (benchmarks of scale). */
  readonly orders?: number;
}

/** Most days a generated horizon spans. */
export const MAX_HORIZON_DAYS = 7;
/** ISO weekday on which the demo sites and hospitals are closed (assumption, demo). */
const CLOSED_WEEKDAY = 7;

const GENERAL_SOURCES = [
  'Cities: CHINA_CITIES of @halflife/domain/demo (real city centres; sites and hospitals placed around them at random, demo).',
  'Network scale: facts.md — about 1,150–1,200 nuclear-medicine departments and 427 PET scanners in China (2019 national survey; J Nucl Med 2024); tier sizes and capabilities: assumption (demo).',
  `Road lanes: 1.3 × great circle at 70 km/h plus 20 min handling, up to ${MAX_ROAD_MINUTES / 60} h and within the product's shelf life less QC and preparation; air lanes beyond 600 km from the two nearest air hubs, 2 × 45 min ground legs, 60 min handling, 750 km/h, departures 07:30 and 13:30 local (geo.ts and demo-lanes.ts of @halflife/domain/demo; assumption, demo).`,
  'Vehicles: 24 dose packages by road, 40 by air (assumption, demo); summed TI ≤ 50 per non-exclusive-use conveyance (IAEA SSR-6; not in facts.md, unconfirmed).',
  'Hours (local, +08:00): sites open 05:00–21:00, hospitals receive 07:00–19:00, county hospitals 08:00–17:00; over a horizon of several days sites are closed and hospitals receive nothing on Sundays, and the tier’s orders are spread over the open days (assumption, demo).',
  'Orders: product mix after demo-orders.ts of @halflife/domain/demo; Ga-68 PSMA-11 2.0 MBq/kg within 111–259 MBq (facts.md) for patient weights ~ N(75 kg, 12 kg) clamped to 45–130 kg; FDG 370 MBq and Tc-99m MDP 740 MBq per patient, some multi-dose packages; Lu-177 PSMA-617 7.4 GBq, one in ten 5.9 GBq (facts.md); 3% urgent (priority 10), 5% with an earliest arrival 2 h before calibration, preparation 30 min (60 min for therapies) (assumption, demo).',
  'Lines sized from the expected orders per site, 4 batches per line and day (demo-sites.ts); Lu-177 as a bulk lot released 14:00 the day before, 1.6 × expected demand in 185 GBq units; Ga-68, F-18 and Tc-99m supply unlimited (no entry); licences: round figures above twice the most that can be in process, hospital licences several times their orders (assumption, demo).',
];

const GENERATOR_SOURCE =
  'Tier G Ga-68 supply: 1.85 GBq Ge-68/Ga-68 generators calibrated 2–26 weeks before the day, one per 6 expected Ga-68 orders (at most 4), eluted the evening before and every 2 h from 06:00 to 18:00; each elution as the supply model of @halflife/nuclear predicts it (Ge-68 decay, Ga-68 ingrowth, column efficiency by age: see docs/supply.md) (assumption, demo).';

/** A planning instance of `tier` for the local days from `date`, the same for the same seed. */
export function generateInstance(input: GenerateInstanceInput): PlanningInstance {
  const { tier, seed, date, days = 1 } = input;
  if (!isLocalDate(date))
    throw new RangeError(`generateInstance: expected YYYY-MM-DD, got '${date}'`);
  if (!Number.isInteger(seed)) throw new RangeError(`generateInstance: seed must be an integer`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_HORIZON_DAYS)
    throw new RangeError(`generateInstance: days must be an integer 1–${MAX_HORIZON_DAYS}`);
  if (input.orders !== undefined && !(Number.isInteger(input.orders) && input.orders > 0))
    throw new RangeError('generateInstance: orders must be a positive integer');
  const count = input.orders;
  const config = count === undefined ? TIERS[tier] : { ...TIERS[tier], orders: () => count };
  const rng = seededRng(seed);
  const codes = config.products(rng);
  const made = codes.map(planningProduct);
  const products: ProductSpec[] = made.map((m) => m.product);
  const productById = new Map(products.map((p) => [p.id, p]));

  const places = networkPlaces(tier, rng, codes);
  const dates = Array.from({ length: days }, (_, d) => addDays(date, d));
  // One day keeps the single-day instances exactly as they were; a longer horizon is open only on
  // its working days (Sundays closed).
  const open = days === 1 ? dates : dates.filter((d) => isoWeekday(d) !== CLOSED_WEEKDAY);
  const lanes = networkLanes(open, places.sites, places.hospitals, productById);
  const { orders, homeSite } = horizonOrders(open, rng, config, places, products, lanes);
  const dayOf = (o: OrderSpec): string => o.calibrationAt.slice(0, 10);
  const hours = (range: readonly [number, number]) =>
    open.map((d) => ({ start: localInstant(d, range[0]), end: localInstant(d, range[1]) }));

  const sites = places.sites.map((site) => {
    const mine = orders.filter((o) => homeSite.get(o.id) === site.id);
    const lines = siteLines(site, busiestDay(mine, dayOf));
    const supply = [
      ...open.flatMap((d) =>
        siteSupply(
          d,
          mine.filter((o) => dayOf(o) === d),
          productById,
        ),
      ),
      ...(config.generatorFed ? generatorSupply(open, site.name, mine, rng) : []),
    ];
    return {
      id: site.id,
      name: site.name,
      latitude: site.latitude,
      longitude: site.longitude,
      open: hours(SITE_OPEN),
      lines,
      supply,
      licences: siteLicences(lines, supply, productById),
    };
  });
  const ordersByHospital = new Map<string, OrderSpec[]>();
  for (const o of orders)
    ordersByHospital.set(o.hospital, [...(ordersByHospital.get(o.hospital) ?? []), o]);
  const hospitals = places.hospitals.map((h) => ({
    id: h.id,
    name: h.name,
    city: h.city.name,
    latitude: h.latitude,
    longitude: h.longitude,
    receiving: hours(receivingOf(h)),
    licences: hospitalLicences(h, busiestDay(ordersByHospital.get(h.id) ?? [], dayOf), products),
  }));

  const demoSources = DEMO_PRODUCTS.filter((p) => codes.includes(p.code)).map(
    (p) => `${p.code} (DEMO_PRODUCTS of @halflife/domain/demo): ${p.source}`,
  );
  return {
    format: INSTANCE_FORMAT,
    name: `Tier ${tier}, ${places.label}, ${date}${days > 1 ? ` + ${days - 1} days` : ''}, seed ${seed}`,
    timeZone: DEMO_ZONE,
    horizon: { start: localInstant(date, 0), end: localInstant(addDays(date, days), 0) },
    products,
    sites,
    hospitals,
    lanes,
    orders,
    sources: [
      ...demoSources,
      ...made.map((m) => m.tiSource),
      ...GENERAL_SOURCES,
      ...(config.generatorFed ? [GENERATOR_SOURCE] : []),
    ],
  };
}

/**
 * The tier's orders spread over the open days (one day: exactly the single-day draw), numbered
 * in calibration order across the horizon.
 */
function horizonOrders(
  open: readonly string[],
  rng: Rng,
  config: TierConfig,
  places: Places,
  products: readonly ProductSpec[],
  lanes: readonly LaneSpec[],
): GeneratedOrders {
  if (open.length <= 1) {
    return open.length === 0
      ? { orders: [], homeSite: new Map() }
      : networkOrders(open[0]!, rng, config, places, products, lanes);
  }
  const perDay = Math.max(1, Math.round(config.orders(rng) / open.length));
  const daily = { ...config, orders: () => perDay };
  const drafts = open.flatMap((d) => {
    const day = networkOrders(d, rng, daily, places, products, lanes);
    return day.orders.map((o) => ({ order: o, home: day.homeSite.get(o.id) }));
  });
  const homeSite = new Map<string, string>();
  const orders = drafts.map(({ order, home }, i) => {
    const id = `o-${String(i + 1).padStart(5, '0')}`;
    if (home !== undefined) homeSite.set(id, home);
    return { ...order, id };
  });
  return { orders, homeSite };
}

/** The orders of the day with the most of them (sizes lines and licences per day). */
function busiestDay(
  orders: readonly OrderSpec[],
  dayOf: (o: OrderSpec) => string,
): readonly OrderSpec[] {
  const byDay = new Map<string, OrderSpec[]>();
  for (const o of orders) byDay.set(dayOf(o), [...(byDay.get(dayOf(o)) ?? []), o]);
  let best: readonly OrderSpec[] = [];
  for (const list of byDay.values()) if (list.length > best.length) best = list;
  return best;
}
