/**
 * A day's orders. Each product gets its share of the day; a hospital that uses the product is
 * picked by size, and its calibration time is one the network can meet (site opening, synthesis,
 * QC, the lane, the next flight, preparation) — except for hospitals beyond the product's practical
 * reach, which order rarely, and a small share of orders that ask for too early a time: the
 * planner's unserved cases. Doses: facts.md via the demo products (Ga-68 per kg, clamped to
 * 111–259 MBq); multi-dose shares, urgent share and earliest arrivals: assumption (demo).
 */
import {
  demoProduct,
  patientWeightKg,
  perKgActivityBq,
  pick,
  weightedPick,
  intBetween,
  type Rng,
} from '@halflife/domain/demo';
import type { LaneSpec, OrderSpec, ProductSpec } from '../instance.js';
import { localInstant } from './local-time.js';
import { AIR_DEPARTURES } from './network-lanes.js';
import type { PlaceHospital, Places } from './network-places.js';
import { productPlan, type ProductPlan } from './planning-products.js';
import type { TierConfig } from './tiers.js';

/** Local hours, minutes after midnight (assumption, demo). */
export const SITE_OPEN: readonly [number, number] = [5 * 60, 21 * 60];
export const RECEIVING: readonly [number, number] = [7 * 60, 19 * 60];
export const COUNTY_RECEIVING: readonly [number, number] = [8 * 60, 17 * 60];
const SLOT = 15;
const URGENT_SHARE = 0.03;
const EARLIEST_ARRIVAL_SHARE = 0.05;

export const receivingOf = (h: PlaceHospital) => (h.county ? COUNTY_RECEIVING : RECEIVING);

interface Candidate {
  readonly hospital: PlaceHospital;
  readonly weight: number;
  /** Calibration times the network can meet; empty when beyond reach. */
  readonly slots: readonly number[];
  /** The site that can deliver earliest (or the nearest maker when beyond reach). */
  readonly home: string;
}

/** Earliest local arrival over a lane of a product made at the lane's site. */
function earliestArrival(lane: LaneSpec, product: ProductSpec): number {
  const ready = SITE_OPEN[0] + product.synthesisMinutes + product.qcMinutes;
  if (lane.mode === 'road') return ready + lane.durationMinutes;
  const departure = AIR_DEPARTURES.find((d) => d >= ready);
  return departure === undefined ? Infinity : departure + lane.durationMinutes;
}

function candidates(
  plan: ProductPlan,
  product: ProductSpec,
  places: Places,
  lanesByHospital: ReadonlyMap<string, readonly LaneSpec[]>,
  unreachableWeight: number,
): Candidate[] {
  const makers = new Set(
    places.sites.filter((s) => s.products.includes(plan.code)).map((s) => s.id),
  );
  const out: Candidate[] = [];
  for (const hospital of places.hospitals) {
    if (!hospital.uses.has(plan.use)) continue;
    let best = Infinity;
    let home: string | undefined;
    let nearest: LaneSpec | undefined;
    for (const lane of lanesByHospital.get(hospital.id) ?? []) {
      if (!makers.has(lane.site)) continue;
      if (nearest === undefined || lane.durationMinutes < nearest.durationMinutes) nearest = lane;
      const usable = lane.mode === 'air' ? plan.byAir : lane.durationMinutes <= plan.reachMinutes;
      const arrival = usable ? earliestArrival(lane, product) : Infinity;
      if (arrival < best) [best, home] = [arrival, lane.site];
    }
    const [open, close] = receivingOf(hospital);
    const from = Math.max(
      plan.window[0],
      Math.ceil((Math.max(best, open) + plan.prepMarginMinutes) / SLOT) * SLOT,
    );
    const to = Math.min(plan.window[1], close);
    const slots: number[] = [];
    for (let t = from; t <= to; t += SLOT) slots.push(t);
    const reachable = slots.length > 0;
    const site = home ?? nearest?.site ?? [...makers][0];
    if (site === undefined) continue;
    out.push({
      hospital,
      weight: hospital.weight * (reachable ? 1 : unreachableWeight),
      slots,
      home: site,
    });
  }
  return out;
}

function activityBq(rng: Rng, plan: ProductPlan): number {
  const demo = demoProduct(plan.code);
  if (demo.doseBqPerKg !== null)
    return perKgActivityBq(demo, demo.doseBqPerKg, patientWeightKg(rng));
  const dose = demo.doseBq ?? 0;
  if (plan.code === 'LU177-PSMA617' && rng() < 0.1) return 5.9e9; // reduced after toxicity (facts.md)
  const n =
    rng() < plan.multiDose.share ? intBetween(rng, plan.multiDose.min, plan.multiDose.max) : 1;
  return n * dose;
}

export interface GeneratedOrders {
  readonly orders: OrderSpec[];
  /** The site expected to serve each order (sizes lines and lots). */
  readonly homeSite: ReadonlyMap<string, string>;
}

export function networkOrders(
  date: string,
  rng: Rng,
  config: TierConfig,
  places: Places,
  products: readonly ProductSpec[],
  lanes: readonly LaneSpec[],
): GeneratedOrders {
  const lanesByHospital = new Map<string, LaneSpec[]>();
  for (const lane of lanes) {
    const list = lanesByHospital.get(lane.hospital) ?? [];
    list.push(lane);
    lanesByHospital.set(lane.hospital, list);
  }
  const total = config.orders(rng);
  const shareSum = products.reduce((s, p) => s + productPlan(p.id).share, 0);
  const drafts: (Omit<OrderSpec, 'id'> & { home: string; at: number })[] = [];
  for (const product of products) {
    const plan = productPlan(product.id);
    const pool = candidates(plan, product, places, lanesByHospital, config.unreachableWeight);
    if (pool.length === 0) continue;
    const count = Math.round((total * plan.share) / shareSum);
    const remote = pool.filter((c) => c.slots.length === 0);
    const forced = plan.code === 'GA68-PSMA11' && remote.length > 0 ? config.remoteGa68Orders : 0;
    for (let i = 0; i < count; i += 1) {
      const c =
        i < forced
          ? weightedPick(rng, remote, (x) => x.hospital.weight)
          : weightedPick(rng, pool, (x) => x.weight);
      const early = rng() < config.tooEarlyShare;
      const at =
        c.slots.length > 0 && !early
          ? pick(rng, c.slots)
          : plan.window[0] +
            SLOT * intBetween(rng, 0, early ? 2 : (plan.window[1] - plan.window[0]) / SLOT);
      const withEarliest = rng() < EARLIEST_ARRIVAL_SHARE;
      drafts.push({
        hospital: c.hospital.id,
        product: product.id,
        activityBq: activityBq(rng, plan),
        calibrationAt: localInstant(date, at),
        prepMarginMinutes: plan.prepMarginMinutes,
        ...(withEarliest ? { earliestArrivalAt: localInstant(date, at - 120) } : {}),
        priority: rng() < URGENT_SHARE ? 10 : 1,
        home: c.home,
        at,
      });
    }
  }
  drafts.sort(
    (a, b) =>
      a.at - b.at || a.hospital.localeCompare(b.hospital) || a.product.localeCompare(b.product),
  );
  const homeSite = new Map<string, string>();
  const orders = drafts.map(({ home, at: _at, ...draft }, i) => {
    const id = `o-${String(i + 1).padStart(5, '0')}`;
    homeSite.set(id, home);
    return { id, ...draft };
  });
  return { orders, homeSite };
}
