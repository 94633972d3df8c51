/**
 * A realistic day of demo orders (assumption, demo): about 450–560 on a weekday, mostly F-18 FDG,
 * then Ga-68 PSMA-11, Tc-99m MDP and F-18 PSMA, a few Lu-177 therapies and very few alpha doses;
 * about a sixth of that on a Saturday and none on a Sunday, when no demo hospital receives.
 *
 * Every order is plannable: its hospital is licensed for the nuclide, open that day, and reached
 * by a lane from a site that makes the product, early enough that the calibration time can be met
 * (site opening + synthesis + QC + the lane, the next scheduled flight for air lanes) and within the
 * product's practical reach. Long-lived therapies (shelf life ≥ 24 h) ship the day before.
 */
import { CHINA_CITIES } from './china-cities.js';
import { demoOrderAmount, type AmountStyle } from './demo-order-amount.js';
import type { DemoProduct } from './demo-products.js';
import type { DemoHospital, DemoLane, DemoOrder, DemoSite, Hours } from './demo-types.js';
import { formatMinutes, isoWeekday, minutesOfDay } from '../calendar.js';
import { intBetween, pick, weightedPick, type Rng } from './rng.js';

interface OrderPlan {
  /** Share of the day's orders. */
  share: number;
  /** Longest lane worth using for this product, minutes (its practical reach). */
  reachMinutes: number;
  /** Local injection window, before it is cut to the hospital's receiving hours. */
  window: readonly [string, string];
  amount: AmountStyle;
}

/**
 * Mix, reach and windows: assumption (demo). F-18's reach of 180 min stretches the practical
 * 100–120 min by road of facts.md (Alagona et al. 1994) so that the planner meets hard cases;
 * Ga-68 (68 min half-life) stops at 120 min.
 */
const PLANS: Record<string, OrderPlan> = {
  'F18-FDG': { share: 0.56, reachMinutes: 180, window: ['08:00', '17:00'], amount: 'fdg' },
  'GA68-PSMA11': { share: 0.18, reachMinutes: 120, window: ['08:00', '16:00'], amount: 'per-kg' },
  'F18-DCFPYL': { share: 0.07, reachMinutes: 180, window: ['08:00', '16:00'], amount: 'fixed' },
  'TC99M-MDP': { share: 0.14, reachMinutes: 480, window: ['08:00', '16:00'], amount: 'tc99m' },
  'LU177-PSMA617': {
    share: 0.028,
    reachMinutes: Infinity,
    window: ['09:00', '13:00'],
    amount: 'lu177-psma',
  },
  'LU177-DOTATATE': {
    share: 0.012,
    reachMinutes: Infinity,
    window: ['09:00', '12:00'],
    amount: 'lu177-dotatate',
  },
  'AC225-PSMA617': {
    share: 0.005,
    reachMinutes: Infinity,
    window: ['09:00', '13:00'],
    amount: 'per-kg',
  },
  'PB212-PSMA': { share: 0.005, reachMinutes: 360, window: ['10:00', '14:00'], amount: 'fixed' },
};

const SLOT_MINUTES = 15;
const TIER_WEIGHT: Record<number, number> = { 1: 3, 2: 2, 3: 1.5, 4: 1 };
const DAY_SCALE: Record<number, number> = { 6: 0.15, 7: 0.05 };

const hoursOn = (hours: readonly Hours[], weekday: number): Hours | undefined =>
  hours.find((h) => h.days.includes(weekday));

export interface DemoOrdersInput {
  date: string;
  rng: Rng;
  products: readonly DemoProduct[];
  sites: readonly DemoSite[];
  hospitals: readonly DemoHospital[];
  lanes: readonly DemoLane[];
}

interface Eligible {
  hospital: DemoHospital;
  weight: number;
  /** Calibration times that can be met, minutes after local midnight. */
  slots: number[];
}

export function demoOrders(input: DemoOrdersInput): DemoOrder[] {
  const { date, rng, products, sites, hospitals, lanes } = input;
  const weekday = isoWeekday(date);
  const weekdayTotal = intBetween(rng, 450, 560);
  const total = Math.round(weekdayTotal * (DAY_SCALE[weekday] ?? 1));
  const tierOf = new Map(CHINA_CITIES.map((c) => [c.name, c.tier]));
  const usedRefs = new Set<string>();
  const orders: DemoOrder[] = [];

  for (const product of products) {
    const plan = PLANS[product.code];
    if (plan === undefined) continue;
    const eligible = eligibleHospitals(product, plan, weekday, sites, hospitals, lanes, tierOf);
    const count = eligible.length === 0 ? 0 : Math.round(total * plan.share);
    for (let i = 0; i < count; i += 1) {
      const { hospital, slots } = weightedPick(rng, eligible, (e) => e.weight);
      const slot = pick(rng, slots);
      orders.push({
        hospitalKey: hospital.key,
        productCode: product.code,
        calibrationLocal: `${date}T${formatMinutes(slot)}`,
        timeZone: hospital.timeZone,
        ...demoOrderAmount(rng, product, plan.amount),
        tolerancePct: product.tolerancePct,
        patientRef: patientRef(rng, usedRefs),
      });
    }
  }
  return orders.sort(
    (a, b) =>
      a.calibrationLocal.localeCompare(b.calibrationLocal) ||
      a.hospitalKey.localeCompare(b.hospitalKey) ||
      a.productCode.localeCompare(b.productCode),
  );
}

function eligibleHospitals(
  product: DemoProduct,
  plan: OrderPlan,
  weekday: number,
  sites: readonly DemoSite[],
  hospitals: readonly DemoHospital[],
  lanes: readonly DemoLane[],
  tierOf: ReadonlyMap<string, number>,
): Eligible[] {
  const makers = new Map(
    sites.filter((s) => s.productCodes.includes(product.code)).map((s) => [s.key, s]),
  );
  const shipsDayBefore = product.shelfLifeMinutes >= 24 * 60;
  const eligible: Eligible[] = [];
  for (const hospital of hospitals) {
    const receiving = hoursOn(hospital.receivingHours, weekday);
    if (receiving === undefined) continue;
    if (!hospital.licences.some((l) => l.nuclide === product.nuclide)) continue;
    let earliest = Infinity;
    for (const lane of lanes) {
      if (lane.hospitalKey !== hospital.key || lane.durationMinutes > plan.reachMinutes) continue;
      const site = makers.get(lane.siteKey);
      if (site === undefined) continue;
      const arrival = shipsDayBefore ? 0 : earliestArrival(site, lane, product, weekday);
      earliest = Math.min(earliest, arrival);
    }
    if (earliest === Infinity) continue;
    const from = Math.max(
      minutesOfDay(receiving.open),
      minutesOfDay(plan.window[0]),
      Math.ceil(earliest / SLOT_MINUTES) * SLOT_MINUTES,
    );
    const to = Math.min(minutesOfDay(receiving.close), minutesOfDay(plan.window[1]));
    const slots: number[] = [];
    for (let t = from; t < to; t += SLOT_MINUTES) slots.push(t);
    if (slots.length === 0) continue;
    const tier = tierOf.get(hospital.city) ?? 4;
    eligible.push({ hospital, weight: TIER_WEIGHT[tier] ?? 1, slots });
  }
  return eligible;
}

/** Earliest same-day arrival over a lane, minutes after local midnight; Infinity when none. */
function earliestArrival(
  site: DemoSite,
  lane: DemoLane,
  product: DemoProduct,
  weekday: number,
): number {
  const opening = hoursOn(site.openingHours, weekday);
  if (opening === undefined) return Infinity;
  const ready = minutesOfDay(opening.open) + product.synthesisMinutes + product.qcMinutes;
  if (lane.departures === null) return ready + lane.durationMinutes;
  const departure = lane.departures.map(minutesOfDay).find((d) => d >= ready);
  return departure === undefined ? Infinity : departure + lane.durationMinutes;
}

const REF_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A fresh pseudonymous patient reference, 'P-' and five of [0-9A-Z]. */
function patientRef(rng: Rng, used: Set<string>): string {
  for (;;) {
    let ref = 'P-';
    for (let i = 0; i < 5; i += 1) ref += REF_ALPHABET[intBetween(rng, 0, REF_ALPHABET.length - 1)];
    if (!used.has(ref)) {
      used.add(ref);
      return ref;
    }
  }
}
