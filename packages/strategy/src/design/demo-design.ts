/**
 * Design scenarios on the demo network (the questions of issue 16, answered side by side in
 * docs/network-design.md) and synthetic China-scale scenarios for the benchmark. Everything here
 * is demo data, named so: not for real investment decisions.
 */
import {
  CHINA_CITIES,
  demoNetwork,
  intBetween,
  offsetKm,
  round4,
  seededRng,
  uniform,
  weightedPick,
  type ChinaCity,
  type DemoNetwork,
} from '@halflife/domain/demo';
import {
  AC225_SUPPLY,
  DESIGN_PRODUCTS,
  DESIGN_SOURCES,
  DESIGN_TECHNOLOGIES,
} from './design-catalogue.js';
import {
  DESIGN_FORMAT,
  type CandidateSite,
  type DesignHospital,
  type DesignProduct,
  type DesignScenario,
  type RecordedLane,
  type Technology,
} from './design-scenario.js';

/** Demand a week from one demo day: five working days like it (assumption, demo). */
const WORKING_DAYS = 5;
/**
 * The Pb-212 comparison asks about a future in which every hospital that gives radioligand therapy
 * on the demo day also gives Pb-212 PSMA, this many doses a week (assumption, demo).
 */
export const PB212_DOSES_PER_WEEK = 2;
/** Cities offered for the one new 30 MeV cyclotron (assumption, demo: large western and central hubs). */
export const CYCLOTRON_30_CITIES = ['chengdu', 'wuhan', 'xian', 'guangzhou', 'shenyang'];
/** The site closed in the "closing a site" question. */
export const CLOSED_SITE = 'site-xian';

const NEW_SITE_TECHNOLOGIES = ['cyclotron', 'generator-lab', 'pb212-benchtop'];
const HOSPITAL_TECHNOLOGIES = ['generator-lab', 'pb212-benchtop'];

const isTherapy = (code: string): boolean =>
  DESIGN_PRODUCTS.find((p) => p.id === code)?.use === 'therapy';

/** A production site as the records hold it. */
export interface RecordedSite {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Has an air lane: ships by air to far hospitals. */
  readonly airHub: boolean;
  readonly equipment: readonly { readonly kind: string; readonly name: string }[];
  readonly productCodes: readonly string[];
}

/** A hospital as the records hold it, with its weekly demand by product code. */
export interface RecordedHospital {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly demand: Readonly<Record<string, number>>;
}

export interface RecordedNetwork {
  readonly name: string;
  readonly description: string;
  readonly sites: readonly RecordedSite[];
  readonly hospitals: readonly RecordedHospital[];
  readonly products: readonly DesignProduct[];
  /** The network's own lanes (site and hospital ids as above). */
  readonly lanes: readonly RecordedLane[];
  readonly sources: readonly string[];
}

/**
 * The existing units of a site, from its equipment and products: cyclotrons; generator labs (as
 * many as its Ge-68/Ga-68 or Mo-99/Tc-99m generators); Pb-212 benchtops; a central plant where it
 * makes Lu-177 or Ac-225 products.
 */
export function existingUnits(site: RecordedSite): Record<string, number> {
  const count = (name: RegExp) => site.equipment.filter((e) => name.test(e.name)).length;
  const units: Record<string, number> = {};
  const cyclotrons = site.equipment.filter((e) => e.kind === 'cyclotron').length;
  if (cyclotrons > 0) units['cyclotron'] = cyclotrons;
  const generators = Math.max(count(/Ge-68\/Ga-68/), count(/Mo-99\/Tc-99m/));
  if (generators > 0) units['generator-lab'] = generators;
  if (count(/Pb-212/) > 0) units['pb212-benchtop'] = count(/Pb-212/);
  if (site.productCodes.some((c) => c.startsWith('LU177') || c.startsWith('AC225')))
    units['central-plant'] = 1;
  return units;
}

/**
 * A network as a design scenario: its sites with what they have, every demo city without a site
 * and every hospital as candidates, and the hospitals' weekly demand. Products with no design
 * technology (none makes them) are left out.
 */
export function recordedDesignScenario(network: RecordedNetwork): DesignScenario {
  const cities = new Set(network.sites.map((s) => s.city));
  const technologies = DESIGN_TECHNOLOGIES.filter((t) => t.id !== 'cyclotron-30mev');
  const made = new Set(technologies.flatMap((t) => t.products));
  const products = network.products.filter((p) => made.has(p.id));
  const known = new Set(products.map((p) => p.id));
  const sites: CandidateSite[] = network.sites.map((s) => ({
    id: s.id,
    name: s.name,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    airHub: s.airHub,
    existing: existingUnits(s),
    allowed: NEW_SITE_TECHNOLOGIES,
  }));
  for (const city of CHINA_CITIES) {
    if (cities.has(city.name)) continue;
    sites.push(citySite(city));
  }
  const hospitals: DesignHospital[] = network.hospitals.map((h) => ({
    id: h.id,
    name: h.name,
    city: h.city,
    latitude: h.latitude,
    longitude: h.longitude,
    demand: Object.fromEntries(Object.entries(h.demand).filter(([code]) => known.has(code))),
  }));
  for (const h of network.hospitals)
    sites.push({
      id: `at-${h.id}`,
      name: `${h.name} (on site)`,
      city: h.city,
      latitude: h.latitude,
      longitude: h.longitude,
      airHub: false,
      hospital: h.id,
      allowed: HOSPITAL_TECHNOLOGIES,
    });
  return {
    format: DESIGN_FORMAT,
    name: network.name,
    description: network.description,
    objective: { kind: 'cost' },
    technologies,
    products,
    sites,
    hospitals,
    lanes: network.lanes,
    supplyLimits: known.has('AC225-PSMA617') ? [AC225_SUPPLY] : [],
    sources: [...DESIGN_SOURCES, ...network.sources],
  };
}

/**
 * The demo network as a design scenario: its 12 sites, every other demo city and every hospital
 * as candidates, and a week's demand from the demo day's orders.
 */
export function demoDesignBase(network: DemoNetwork): DesignScenario {
  const hubs = new Set(network.lanes.filter((l) => l.mode === 'air').map((l) => l.siteKey));
  const demand = new Map<string, Record<string, number>>();
  for (const o of network.orders) {
    const row = demand.get(o.hospitalKey) ?? {};
    row[o.productCode] = (row[o.productCode] ?? 0) + WORKING_DAYS;
    demand.set(o.hospitalKey, row);
  }
  return recordedDesignScenario({
    name: 'Demo network (demo data)',
    description:
      'The demo network as it stands, with every other demo city and every hospital as a candidate: where would new units go?',
    sites: network.sites.map((s) => ({
      id: s.key,
      name: s.name,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
      airHub: hubs.has(s.key),
      equipment: s.equipment,
      productCodes: s.productCodes,
    })),
    hospitals: network.hospitals.map((h) => ({
      id: h.key,
      name: h.name,
      city: h.city,
      latitude: h.latitude,
      longitude: h.longitude,
      demand: demand.get(h.key) ?? {},
    })),
    products: DESIGN_PRODUCTS,
    lanes: network.lanes.map((l) => ({
      site: l.siteKey,
      hospital: l.hospitalKey,
      mode: l.mode,
      minutes: l.durationMinutes,
      cost: l.cost,
    })),
    sources: ['Demand: the demo day’s orders × 5 working days (assumption, demo).'],
  });
}

function citySite(city: ChinaCity): CandidateSite {
  return {
    id: `city-${city.key}`,
    name: `${city.name} (new site)`,
    city: city.name,
    latitude: city.latitude,
    longitude: city.longitude,
    // A new site in a first- or second-tier city ships by air (assumption, demo).
    airHub: city.tier <= 2,
    allowed: city.tier <= 2 ? [...NEW_SITE_TECHNOLOGIES, 'central-plant'] : NEW_SITE_TECHNOLOGIES,
  };
}

/** The base with one site closed: what does the network lose? */
export function demoCloseSite(base: DesignScenario, siteId = CLOSED_SITE): DesignScenario {
  return {
    ...base,
    name: `Close ${siteId} (demo data)`,
    description: `The demo network with ${siteId} closed.`,
    sites: base.sites.map((s) => (s.id === siteId ? { ...s, closed: true } : s)),
  };
}

/** The base plus one new 30 MeV cyclotron in one of the offered cities. */
export function demoCyclotron30(base: DesignScenario): DesignScenario {
  const thirty = DESIGN_TECHNOLOGIES.find((t) => t.id === 'cyclotron-30mev')!;
  const offered = new Set(
    CYCLOTRON_30_CITIES.map((key) => CHINA_CITIES.find((c) => c.key === key)!.name),
  );
  return {
    ...base,
    name: 'One 30 MeV cyclotron in one of five cities (demo data)',
    description: `The demo network plus at most one 30 MeV cyclotron, at a site in ${[...offered].join(', ')}.`,
    technologies: [...base.technologies, thirty],
    sites: base.sites.map((s) =>
      s.hospital === undefined && s.city !== undefined && offered.has(s.city)
        ? { ...s, allowed: [...s.allowed, thirty.id] }
        : s,
    ),
    newUnitLimits: [{ technology: thirty.id, max: 1 }],
  };
}

/** Pb-212 alone: the comparison's demand (PB212_DOSES_PER_WEEK at every therapy hospital). */
function pb212Only(base: DesignScenario, technologies: readonly Technology[]): DesignScenario {
  const therapyHospitals = base.hospitals.filter((h) => Object.keys(h.demand).some(isTherapy));
  const used = new Set(technologies.map((t) => t.id));
  const kept = new Set(therapyHospitals.map((h) => h.id));
  return {
    ...base,
    technologies,
    products: base.products.filter((p) => p.id === 'PB212-PSMA'),
    hospitals: therapyHospitals.map((h) => ({
      ...h,
      demand: { 'PB212-PSMA': PB212_DOSES_PER_WEEK },
    })),
    sites: base.sites
      .filter((s) => s.hospital === undefined || kept.has(s.hospital))
      .map((s) => ({
        ...s,
        existing: Object.fromEntries(Object.entries(s.existing ?? {}).filter(([t]) => used.has(t))),
        allowed: s.allowed.filter((t) => used.has(t)),
      })),
    lanes: (base.lanes ?? []).filter((l) => kept.has(l.hospital)),
    supplyLimits: [],
  };
}

/**
 * Pb-212 made centrally: only at the existing central plants (Beijing, Shanghai), whose running
 * cost the Lu-177 work already pays (so it counts zero here); no benchtops.
 */
export function demoPb212Central(base: DesignScenario): DesignScenario {
  const plant = DESIGN_TECHNOLOGIES.find((t) => t.id === 'central-plant')!;
  const scenario = pb212Only(base, [
    { ...plant, products: ['PB212-PSMA'], existingUnitCostPerYear: 0 },
  ]);
  return {
    ...scenario,
    name: 'Pb-212 central (demo data)',
    description:
      'Pb-212 PSMA from the existing central plants only, shipped by road or air before it decays.',
    sites: scenario.sites.map((s) => ({ ...s, allowed: [] })),
  };
}

/** Pb-212 made on benchtops: at any existing site, new city site or hospital; no central plant. */
export function demoPb212Distributed(base: DesignScenario): DesignScenario {
  const benchtop = DESIGN_TECHNOLOGIES.find((t) => t.id === 'pb212-benchtop')!;
  return {
    ...pb212Only(base, [benchtop]),
    name: 'Pb-212 distributed (demo data)',
    description:
      'Pb-212 PSMA from benchtop generators placed where they pay: at sites, in new cities or in the hospitals.',
  };
}

/**
 * The demo day whose orders give the design's weekly demand: a fixed Monday, so that the answers
 * never depend on the day they are asked.
 */
export const DEMO_DESIGN_DAY = '2026-12-07';

/** Every demo question, base first, on the demo network (seed 1) of the fixed demo day. */
export function demoDesignScenarios(
  network: DemoNetwork = demoNetwork({ date: DEMO_DESIGN_DAY, rng: seededRng(1) }),
): DesignScenario[] {
  const base = demoDesignBase(network);
  return [
    base,
    demoCloseSite(base),
    demoCyclotron30(base),
    demoPb212Central(base),
    demoPb212Distributed(base),
  ];
}

export interface SyntheticDesignInput {
  readonly hospitals: number;
  readonly candidates: number;
  readonly seed: number;
  /** Products used (default all eight). */
  readonly products?: readonly string[];
}

/**
 * Usage of each product: the share of hospitals that use it and their weekly doses (assumption,
 * demo; loosely after facts.md: 427 PET scanners among about 1,150 departments in China, 2019).
 */
const USAGE: Readonly<Record<string, { share: number; min: number; max: number }>> = {
  'F18-FDG': { share: 0.45, min: 10, max: 60 },
  'GA68-PSMA11': { share: 0.25, min: 2, max: 12 },
  'F18-DCFPYL': { share: 0.15, min: 2, max: 10 },
  'TC99M-MDP': { share: 0.85, min: 5, max: 40 },
  'LU177-PSMA617': { share: 0.15, min: 1, max: 6 },
  'LU177-DOTATATE': { share: 0.08, min: 1, max: 3 },
  'AC225-PSMA617': { share: 0.03, min: 1, max: 2 },
  'PB212-PSMA': { share: 0.06, min: 1, max: 3 },
};
const CITY_WEIGHT: Record<ChinaCity['tier'], number> = { 1: 6, 2: 3, 3: 1.5, 4: 0.6 };

/**
 * A seeded China-scale scenario: hospitals around the 63 demo cities (weighted by city tier),
 * candidates at every city (the first 12 as existing sites with a cyclotron and a generator lab,
 * Beijing and Shanghai with a central plant) and in hospitals, four technologies.
 */
export function syntheticDesignScenario(input: SyntheticDesignInput): DesignScenario {
  const rng = seededRng(input.seed);
  const productIds = input.products ?? DESIGN_PRODUCTS.map((p) => p.id);
  const products = DESIGN_PRODUCTS.filter((p) => productIds.includes(p.id));
  const hospitals: DesignHospital[] = [];
  for (let i = 0; i < input.hospitals; i++) {
    const city = weightedPick(rng, CHINA_CITIES, (c) => CITY_WEIGHT[c.tier]);
    const at = offsetKm(city, uniform(rng, 0, 360), uniform(rng, 1, 60));
    const demand: Record<string, number> = {};
    for (const p of products) {
      const use = USAGE[p.id]!;
      if (rng() < use.share) demand[p.id] = intBetween(rng, use.min, use.max);
    }
    hospitals.push({
      id: `h${i + 1}`,
      name: `Hospital ${i + 1}, ${city.name} (synthetic)`,
      city: city.name,
      latitude: round4(at.latitude),
      longitude: round4(at.longitude),
      demand,
    });
  }
  const sites: CandidateSite[] = CHINA_CITIES.slice(
    0,
    Math.min(CHINA_CITIES.length, input.candidates),
  ).map((city, i) => {
    const site = citySite(city);
    if (i >= 12) return site;
    return {
      ...site,
      name: `${city.name} (existing)`,
      existing: {
        cyclotron: 1,
        'generator-lab': 2,
        ...(i < 2 ? { 'central-plant': 1 } : {}),
      },
    };
  });
  const room = Math.max(0, input.candidates - sites.length);
  const step = hospitals.length / Math.max(1, room);
  for (let k = 0; k < room && k < hospitals.length; k++) {
    const h = hospitals[Math.floor(k * step)]!;
    sites.push({
      id: `at-${h.id}`,
      name: `${h.name} (on site)`,
      city: h.city!,
      latitude: h.latitude,
      longitude: h.longitude,
      airHub: false,
      hospital: h.id,
      allowed: HOSPITAL_TECHNOLOGIES,
    });
  }
  return {
    format: DESIGN_FORMAT,
    name: `Synthetic China: ${input.hospitals} hospitals, ${sites.length} candidates (seed ${input.seed})`,
    objective: { kind: 'cost' },
    technologies: DESIGN_TECHNOLOGIES.filter((t) => t.id !== 'cyclotron-30mev'),
    products,
    sites,
    hospitals,
    supplyLimits: productIds.includes('AC225-PSMA617') ? [AC225_SUPPLY] : [],
    sources: [...DESIGN_SOURCES, 'Hospitals and demand: synthetic (seeded), assumption (demo).'],
  };
}
