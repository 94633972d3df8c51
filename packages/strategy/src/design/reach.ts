/**
 * Which sites can serve a hospital's demand for a product, and at what cost (issue 16). A site
 * reaches a hospital when a dose made there arrives within the product's shelf life: QC after the
 * end of synthesis, the fastest lane that is cheapest overall, and the hospital's preparation
 * margin before calibration. The extra activity decay costs is counted: a dose that travels needs
 * more starting isotope (decay engine, whole chain), which uses capacity and costs money.
 *
 * A site–hospital pair uses its recorded lanes where the scenario has them (the network's own);
 * otherwise lanes are estimated from coordinates with the demo network's rules (road up to 8 h, air
 * from air hubs beyond 600 km; geo.ts and demo-lanes.ts in @halflife/domain), since a new site has
 * no lane yet. Production is assumed timed to the lane's departure.
 */
import {
  airLaneCost,
  airMinutes,
  greatCircleKm,
  MAX_ROAD_MINUTES,
  MIN_AIR_KM,
  roadLaneCost,
  roadMinutes,
} from '@halflife/domain/demo';
import { productDecay, type ProductDecay } from '@halflife/planner';
import type { DesignScenario } from './design-scenario.js';

/** Options kept per hospital and product when the scenario does not say. */
export const DEFAULT_OPTIONS_PER_DEMAND = 10;

export type LegMode = 'on-site' | 'road' | 'air';

/** One way to serve a demand: a technology at a site, over one lane. */
export interface DemandOption {
  readonly site: number;
  readonly technology: number;
  readonly mode: LegMode;
  readonly transportMinutes: number;
  /** From the end of synthesis to calibration: QC, transport, preparation margin. */
  readonly eosToCalibrationMinutes: number;
  /** Starting isotope one dose needs, GBq, counting yield and decay. */
  readonly startGbqPerDose: number;
  /** Per week when the whole demand is served this way: isotope and deliveries. */
  readonly isotopeCostPerWeek: number;
  readonly transportCostPerWeek: number;
}

export type UnreachableReason = 'no-site' | 'out-of-reach';

/** A hospital's weekly demand for one product, and the ways to serve it. */
export interface Demand {
  readonly hospital: number;
  readonly product: number;
  readonly dosesPerWeek: number;
  /** The cheapest options, best first (at most `optionsPerDemand`). */
  readonly options: readonly DemandOption[];
  /** Why no option exists (only when `options` is empty). */
  readonly unreachable?: { readonly reason: UnreachableReason; readonly detail: string };
}

interface Leg {
  readonly mode: LegMode;
  readonly minutes: number;
  readonly cost: number;
}

/** Recorded lanes by site id, then hospital id. */
type LaneBook = ReadonlyMap<string, ReadonlyMap<string, Leg[]>>;

function laneBook(scenario: DesignScenario): LaneBook {
  const book = new Map<string, Map<string, Leg[]>>();
  for (const lane of scenario.lanes ?? []) {
    let bySite = book.get(lane.site);
    if (!bySite) book.set(lane.site, (bySite = new Map<string, Leg[]>()));
    const legs = bySite.get(lane.hospital) ?? [];
    legs.push({ mode: lane.mode, minutes: lane.minutes, cost: lane.cost });
    bySite.set(lane.hospital, legs);
  }
  return book;
}

/**
 * The lanes from a site to a hospital: on site; the recorded ones; or none, one or two estimated
 * (road and air).
 */
function legs(scenario: DesignScenario, book: LaneBook, s: number, h: number): Leg[] {
  const site = scenario.sites[s]!;
  const hospital = scenario.hospitals[h]!;
  if (site.hospital === hospital.id) return [{ mode: 'on-site', minutes: 0, cost: 0 }];
  const recorded = book.get(site.id)?.get(hospital.id);
  if (recorded) return recorded;
  const km = greatCircleKm(site, hospital);
  const out: Leg[] = [];
  const road = roadMinutes(km);
  if (road <= MAX_ROAD_MINUTES) out.push({ mode: 'road', minutes: road, cost: roadLaneCost(km) });
  if (site.airHub && km > MIN_AIR_KM)
    out.push({ mode: 'air', minutes: airMinutes(km), cost: airLaneCost(km) });
  return out;
}

const hours = (minutes: number): string => `${(minutes / 60).toFixed(1)} h`;

/** Every demand of the scenario with its options, in hospital then product order. */
export function demandOptions(scenario: DesignScenario): Demand[] {
  const keep = scenario.settings?.optionsPerDemand ?? DEFAULT_OPTIONS_PER_DEMAND;
  const productIndex = new Map(scenario.products.map((p, i) => [p.id, i]));
  const book = laneBook(scenario);
  const decays = new Map<string, ProductDecay>();
  const decayOf = (nuclide: string): ProductDecay => {
    let d = decays.get(nuclide);
    if (!d) decays.set(nuclide, (d = productDecay(nuclide, {})));
    return d;
  };
  // (site, technology) pairs that may make each product.
  const makers = scenario.products.map(() => [] as { site: number; technology: number }[]);
  scenario.sites.forEach((site, s) => {
    if (site.closed) return;
    scenario.technologies.forEach((t, k) => {
      const present = (site.existing?.[t.id] ?? 0) > 0 || site.allowed.includes(t.id);
      if (!present) return;
      for (const p of t.products) makers[productIndex.get(p)!]!.push({ site: s, technology: k });
    });
  });

  const demands: Demand[] = [];
  scenario.hospitals.forEach((hospital, h) => {
    // The lanes from each site to this hospital, computed once for all its products; memory stays
    // one hospital's worth however large the scenario.
    const legCache: (Leg[] | undefined)[] = new Array<Leg[] | undefined>(scenario.sites.length);
    const legsOf = (s: number): Leg[] => (legCache[s] ??= legs(scenario, book, s, h));
    scenario.products.forEach((product, p) => {
      const doses = hospital.demand[product.id] ?? 0;
      if (!(doses > 0)) return;
      const decay = decayOf(product.nuclide);
      const options: DemandOption[] = [];
      let nearest: { minutes: number; site: number } | undefined;
      for (const { site, technology } of makers[p]!) {
        let best: DemandOption | undefined;
        for (const leg of legsOf(site)) {
          const total = product.qcMinutes + leg.minutes + product.prepMarginMinutes;
          if (!nearest || total < nearest.minutes) nearest = { minutes: total, site };
          if (total > product.shelfLifeMinutes) continue;
          const startGbq =
            product.doseBq / (product.radiochemicalYield * decay.factor(total)) / 1e9;
          const option: DemandOption = {
            site,
            technology,
            mode: leg.mode,
            transportMinutes: leg.minutes,
            eosToCalibrationMinutes: total,
            startGbqPerDose: startGbq,
            isotopeCostPerWeek: doses * startGbq * product.costPerGbq,
            transportCostPerWeek: product.deliveriesPerWeek * leg.cost,
          };
          if (!best || weeklyCost(option) < weeklyCost(best)) best = option;
        }
        if (best) options.push(best);
      }
      options.sort((a, b) => weeklyCost(a) - weeklyCost(b) || a.site - b.site);
      const demand: Demand = {
        hospital: h,
        product: p,
        dosesPerWeek: doses,
        options: options.slice(0, keep),
      };
      if (options.length > 0) demands.push(demand);
      else if (makers[p]!.length === 0)
        demands.push({
          ...demand,
          unreachable: { reason: 'no-site', detail: `no site may make ${product.name}` },
        });
      else if (!nearest) {
        const closest = Math.min(
          ...makers[p]!.map(({ site }) => greatCircleKm(scenario.sites[site]!, hospital)),
        );
        demands.push({
          ...demand,
          unreachable: {
            reason: 'out-of-reach',
            detail:
              `no lane reaches it: the nearest site that can make ${product.name} is ` +
              `${Math.round(closest)} km away, beyond ${MAX_ROAD_MINUTES / 60} h by road, ` +
              `and no air hub that can make it flies there`,
          },
        });
      } else {
        const site = scenario.sites[nearest.site]!;
        demands.push({
          ...demand,
          unreachable: {
            reason: 'out-of-reach',
            detail:
              `the nearest site that can make ${product.name}, ${site.name}, needs ` +
              `${hours(nearest.minutes)} from the end of synthesis to calibration (QC, transport, ` +
              `preparation); its shelf life is ${hours(product.shelfLifeMinutes)}`,
          },
        });
      }
    });
  });
  return demands;
}

export const weeklyCost = (o: DemandOption): number =>
  o.isotopeCostPerWeek + o.transportCostPerWeek;
