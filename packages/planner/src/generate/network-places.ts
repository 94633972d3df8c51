/**
 * Where a tier's sites and hospitals are, what each site makes and what each hospital uses.
 * Real cities (CHINA_CITIES), seeded placement; capabilities are assumption (demo), loosely after
 * facts.md's survey of China (427 PET scanners among about 1,150 departments in 2019).
 */
import {
  CHINA_CITIES,
  chinaCity,
  greatCircleKm,
  intBetween,
  offsetKm,
  pick,
  round4,
  uniform,
  type ChinaCity,
  type Rng,
} from '@halflife/domain/demo';
import { productPlan, type HospitalUse } from './planning-products.js';
import type { Tier } from './tiers.js';

export interface PlaceSite {
  readonly id: string;
  readonly name: string;
  readonly city: ChinaCity;
  readonly latitude: number;
  readonly longitude: number;
  /** Demo product codes it makes. */
  readonly products: readonly string[];
  readonly airHub: boolean;
}

export interface PlaceHospital {
  readonly id: string;
  readonly name: string;
  readonly city: ChinaCity;
  readonly latitude: number;
  readonly longitude: number;
  readonly county: boolean;
  readonly uses: ReadonlySet<HospitalUse>;
  /** Relative size: how many orders it places. */
  readonly weight: number;
}

export interface Places {
  readonly label: string;
  readonly sites: PlaceSite[];
  readonly hospitals: PlaceHospital[];
}

const BIG_CITIES = CHINA_CITIES.filter((c) => c.tier <= 2).map((c) => c.key);
const TIER_WEIGHT: Record<ChinaCity['tier'], number> = { 1: 3, 2: 2, 3: 1.5, 4: 1 };

function place(rng: Rng, city: ChinaCity, minKm: number, maxKm: number) {
  const at = offsetKm(city, uniform(rng, 0, 360), uniform(rng, minKm, maxKm));
  return { latitude: round4(at.latitude), longitude: round4(at.longitude) };
}

function site(rng: Rng, city: ChinaCity, n: number, products: string[], airHub: boolean) {
  return {
    id: `site-${city.key}-${n}`,
    name: `Demo Isotopes ${city.name} ${n} (demo)`,
    city,
    ...place(rng, city, 5, 15),
    products: products.filter((p, i) => products.indexOf(p) === i),
    airHub,
  };
}

/** Hospitals of a city: most in town, `countyShare` of them 30–`countyKm` km out. */
function cityHospitals(
  rng: Rng,
  city: ChinaCity,
  count: number,
  countyShare: number,
  countyKm: number,
  uses: (city: ChinaCity, county: boolean) => Set<HospitalUse>,
  into: PlaceHospital[],
): void {
  for (let i = 1; i <= count; i += 1) {
    const county = i > 1 && rng() < countyShare;
    const at = county
      ? place(rng, city, 30, countyKm)
      : place(rng, city, 1, city.tier === 1 ? 30 : 15);
    into.push({
      id: `h-${String(into.length + 1).padStart(4, '0')}`,
      name: `Demo ${city.name} ${county ? 'County ' : ''}Hospital ${i} (demo)`,
      city,
      ...at,
      county,
      uses: uses(city, county),
      weight: TIER_WEIGHT[city.tier] * (county ? 0.6 : 1),
    });
  }
}

/** Splits `total` over cities in proportion to `weight`, at least one each. */
function apportion(cities: readonly ChinaCity[], total: number, weight: (c: ChinaCity) => number) {
  const sum = cities.reduce((s, c) => s + weight(c), 0);
  return cities.map((c) => Math.max(1, Math.round((total * weight(c)) / sum)));
}

function smallPlaces(rng: Rng, products: string[]): Places {
  const center = chinaCity(pick(rng, BIG_CITIES));
  const sites = Array.from({ length: intBetween(rng, 1, 2) }, (_, i) =>
    site(rng, center, i + 1, products, false),
  );
  const hospitals: PlaceHospital[] = [];
  const pet = () => new Set<HospitalUse>(['pet']);
  cityHospitals(rng, center, intBetween(rng, 14, 20), 0.1, 70, pet, hospitals);
  // The nearest other city: beyond Ga-68's practical reach, within its shelf life.
  const [neighbour] = CHINA_CITIES.filter((c) => c.key !== center.key).sort(
    (a, b) => greatCircleKm(center, a) - greatCircleKm(center, b),
  );
  if (neighbour !== undefined) cityHospitals(rng, neighbour, 2, 0, 0, pet, hospitals);
  return { label: `${center.name} cluster`, sites, hospitals };
}

function regionPlaces(rng: Rng, products: string[]): Places {
  const center = chinaCity(pick(rng, BIG_CITIES));
  const cities = CHINA_CITIES.filter((c) => greatCircleKm(center, c) <= 450).sort(
    (a, b) => a.tier - b.tier || greatCircleKm(center, a) - greatCircleKm(center, b),
  );
  const siteCount = intBetween(rng, 3, 6);
  const sites: PlaceSite[] = [];
  for (let i = 0; i < siteCount; i += 1) {
    const city = cities[i] ?? center;
    const n = sites.filter((s) => s.city.key === city.key).length + 1;
    const makes = products.filter((p) => {
      const plan = productPlan(p);
      if (plan.use === 'therapy') return i === 0;
      return p !== 'F18-DCFPYL' || city.tier <= 2;
    });
    sites.push(site(rng, city, n, makes, i === 0));
  }
  const hospitals: PlaceHospital[] = [];
  const uses = (city: ChinaCity, county: boolean) => {
    const set = new Set<HospitalUse>(['spect']);
    if (rng() < (county ? 0.4 : 0.8)) set.add('pet');
    if (set.has('pet') && !county && city.tier <= 2 && rng() < 0.25) set.add('therapy');
    return set;
  };
  const counts = apportion(cities, intBetween(rng, 120, 140), (c) => TIER_WEIGHT[c.tier] ** 2);
  cities.forEach((city, i) => cityHospitals(rng, city, counts[i] ?? 1, 0.15, 120, uses, hospitals));
  return { label: `${center.name} region`, sites, hospitals };
}

function nationalPlaces(rng: Rng, products: string[]): Places {
  const tier3 = CHINA_CITIES.filter((c) => c.tier === 3);
  const skipped = new Set<string>();
  while (skipped.size < 5) skipped.add(pick(rng, tier3).key);
  const hubs = new Set(['chengdu', 'wuhan', 'xian']);
  const sites: PlaceSite[] = [];
  for (const city of CHINA_CITIES) {
    if (city.tier === 4 || skipped.has(city.key)) continue;
    for (let n = 1; n <= (city.tier === 1 ? 2 : 1); n += 1) {
      const hub = (city.tier === 1 && n === 1) || hubs.has(city.key);
      const makes = products.filter((p) => {
        const plan = productPlan(p);
        if (plan.use === 'therapy') return hub;
        if (p === 'F18-DCFPYL') return city.tier <= 2;
        if (p === 'GA68-PSMA11') return city.tier <= 2 || rng() < 0.7;
        if (p === 'TC99M-MDP') return rng() < 0.5;
        return true;
      });
      sites.push(site(rng, city, n, makes, hub));
    }
  }
  const hospitals: PlaceHospital[] = [];
  const PET: Record<ChinaCity['tier'], number> = { 1: 0.7, 2: 0.55, 3: 0.4, 4: 0.25 };
  const THERAPY: Record<ChinaCity['tier'], number> = { 1: 0.3, 2: 0.2, 3: 0.08, 4: 0 };
  const uses = (city: ChinaCity, county: boolean) => {
    const set = new Set<HospitalUse>(['spect']);
    if (rng() < PET[city.tier] * (county ? 0.5 : 1)) set.add('pet');
    if (set.has('pet') && !county && rng() < THERAPY[city.tier]) set.add('therapy');
    return set;
  };
  const target = intBetween(rng, 1150, 1200);
  const weights: Record<ChinaCity['tier'], number> = { 1: 40, 2: 22, 3: 14, 4: 8 };
  const counts = apportion(CHINA_CITIES, target, (c) => weights[c.tier]);
  CHINA_CITIES.forEach((city, i) =>
    cityHospitals(rng, city, counts[i] ?? 1, 0.25, 200, uses, hospitals),
  );
  return { label: 'China', sites, hospitals };
}

export function networkPlaces(tier: Tier, rng: Rng, products: string[]): Places {
  switch (tier) {
    case 'S':
      return smallPlaces(rng, products);
    case 'M':
    case 'G':
      return regionPlaces(rng, products);
    case 'L':
      return nationalPlaces(rng, products);
  }
}
