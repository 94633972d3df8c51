/**
 * Generated planning instances in three tiers (tiers.ts), deterministic for a seed: real Chinese
 * cities, demo products with transport indices, estimated lanes and a day of orders. Every figure
 * is either from facts.md (via the demo products and transport-index-data.ts) or an assumption
 * (demo); the instance's `sources` lists them.
 */
import { DEMO_PRODUCTS, DEMO_ZONE, seededRng } from '@halflife/domain/demo';
import {
  INSTANCE_FORMAT,
  type OrderSpec,
  type PlanningInstance,
  type ProductSpec,
} from '../instance.js';
import { addDays, isLocalDate } from '@halflife/domain';
import { localInstant } from './local-time.js';
import { MAX_ROAD_MINUTES, networkLanes } from './network-lanes.js';
import { networkOrders, receivingOf, SITE_OPEN } from './network-orders.js';
import { networkPlaces } from './network-places.js';
import { planningProduct } from './planning-products.js';
import { generatorSupply } from './site-generators.js';
import { hospitalLicences, siteLicences, siteLines, siteSupply } from './site-resources.js';
import { TIERS, type Tier } from './tiers.js';

export interface GenerateInstanceInput {
  readonly tier: Tier;
  readonly seed: number;
  /** Local date (in the demo zone, Asia/Shanghai) of the planned day, 'YYYY-MM-DD'. */
  readonly date: string;
}

const GENERAL_SOURCES = [
  'Cities: CHINA_CITIES of @halflife/domain/demo (real city centres; sites and hospitals placed around them at random, demo).',
  'Network scale: facts.md — about 1,150–1,200 nuclear-medicine departments and 427 PET scanners in China (2019 national survey; J Nucl Med 2024); tier sizes and capabilities: assumption (demo).',
  `Road lanes: 1.3 × great circle at 70 km/h plus 20 min handling, up to ${MAX_ROAD_MINUTES / 60} h and within the product's shelf life less QC and preparation; air lanes beyond 600 km from the two nearest air hubs, 2 × 45 min ground legs, 60 min handling, 750 km/h, departures 07:30 and 13:30 local (geo.ts and demo-lanes.ts of @halflife/domain/demo; assumption, demo).`,
  'Vehicles: 24 dose packages by road, 40 by air (assumption, demo); summed TI ≤ 50 per non-exclusive-use conveyance (IAEA SSR-6; not in facts.md, unconfirmed).',
  'Hours (local, +08:00): sites open 05:00–21:00, hospitals receive 07:00–19:00, county hospitals 08:00–17:00 (assumption, demo).',
  'Orders: product mix after demo-orders.ts of @halflife/domain/demo; Ga-68 PSMA-11 2.0 MBq/kg within 111–259 MBq (facts.md) for patient weights ~ N(75 kg, 12 kg) clamped to 45–130 kg; FDG 370 MBq and Tc-99m MDP 740 MBq per patient, some multi-dose packages; Lu-177 PSMA-617 7.4 GBq, one in ten 5.9 GBq (facts.md); 3% urgent (priority 10), 5% with an earliest arrival 2 h before calibration, preparation 30 min (60 min for therapies) (assumption, demo).',
  'Lines sized from the expected orders per site, 4 batches per line and day (demo-sites.ts); Lu-177 as a bulk lot released 14:00 the day before, 1.6 × expected demand in 185 GBq units; Ga-68, F-18 and Tc-99m supply unlimited (no entry); licences: round figures above twice the most that can be in process, hospital licences several times their orders (assumption, demo).',
];

const GENERATOR_SOURCE =
  'Tier G Ga-68 supply: 1.85 GBq Ge-68/Ga-68 generators calibrated 2–26 weeks before the day, one per 6 expected Ga-68 orders (at most 4), eluted the evening before and every 2 h from 06:00 to 18:00; each elution as the supply model of @halflife/nuclear predicts it (Ge-68 decay, Ga-68 ingrowth, column efficiency by age: see docs/supply.md) (assumption, demo).';

/** A planning instance of `tier` for the local day `date`, the same for the same seed. */
export function generateInstance(input: GenerateInstanceInput): PlanningInstance {
  const { tier, seed, date } = input;
  if (!isLocalDate(date))
    throw new RangeError(`generateInstance: expected YYYY-MM-DD, got '${date}'`);
  if (!Number.isInteger(seed)) throw new RangeError(`generateInstance: seed must be an integer`);
  const config = TIERS[tier];
  const rng = seededRng(seed);
  const codes = config.products(rng);
  const made = codes.map(planningProduct);
  const products: ProductSpec[] = made.map((m) => m.product);
  const productById = new Map(products.map((p) => [p.id, p]));

  const places = networkPlaces(tier, rng, codes);
  const lanes = networkLanes(date, places.sites, places.hospitals, productById);
  const { orders, homeSite } = networkOrders(date, rng, config, places, products, lanes);

  const sites = places.sites.map((site) => {
    const mine = orders.filter((o) => homeSite.get(o.id) === site.id);
    const lines = siteLines(site, mine);
    const supply = [
      ...siteSupply(date, mine, productById),
      ...(config.generatorFed ? generatorSupply(date, site.name, mine, rng) : []),
    ];
    return {
      id: site.id,
      name: site.name,
      latitude: site.latitude,
      longitude: site.longitude,
      open: [{ start: localInstant(date, SITE_OPEN[0]), end: localInstant(date, SITE_OPEN[1]) }],
      lines,
      supply,
      licences: siteLicences(lines, supply, productById),
    };
  });
  const ordersByHospital = new Map<string, OrderSpec[]>();
  for (const o of orders)
    ordersByHospital.set(o.hospital, [...(ordersByHospital.get(o.hospital) ?? []), o]);
  const hospitals = places.hospitals.map((h) => {
    const [open, close] = receivingOf(h);
    return {
      id: h.id,
      name: h.name,
      city: h.city.name,
      latitude: h.latitude,
      longitude: h.longitude,
      receiving: [{ start: localInstant(date, open), end: localInstant(date, close) }],
      licences: hospitalLicences(h, ordersByHospital.get(h.id) ?? [], products),
    };
  });

  const demoSources = DEMO_PRODUCTS.filter((p) => codes.includes(p.code)).map(
    (p) => `${p.code} (DEMO_PRODUCTS of @halflife/domain/demo): ${p.source}`,
  );
  return {
    format: INSTANCE_FORMAT,
    name: `Tier ${tier}, ${places.label}, ${date}, seed ${seed}`,
    timeZone: DEMO_ZONE,
    horizon: { start: localInstant(date, 0), end: localInstant(addDays(date, 1), 0) },
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
