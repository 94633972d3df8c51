/**
 * A whole demo network for Halflife, generated from a seed: a national producer with 12 sites in
 * China, the eight demo products, 150 hospitals in 63 cities, estimated road and air lanes, demo
 * logins and a day of orders. Pure and deterministic: the same `rng` seed and `date` give a
 * deep-equal network. Everything in it is demo data, named so, and not for planning real patients.
 */
import { DEMO_LOGINS } from './demo-logins.js';
import { demoHospitals } from './demo-hospitals.js';
import { demoLanes } from './demo-lanes.js';
import { demoOrders } from './demo-orders.js';
import { DEMO_PRODUCTS } from './demo-products.js';
import { AIR_HUB_SITE_KEYS, demoSites } from './demo-sites.js';
import type { DemoNetwork } from './demo-types.js';
import { isLocalDate } from '../calendar.js';
import type { Rng } from './rng.js';

export type {
  DemoHospital,
  DemoLane,
  DemoNetwork,
  DemoOrder,
  DemoSite,
  DemoUser,
  Hours,
} from './demo-types.js';
export type { DemoProduct } from './demo-products.js';

export const DEMO_PRODUCER_NAME = 'Demo Isotopes (demo data)';
export const DEMO_COURIER_NAME = 'Demo Cold-Chain Couriers (demo data)';

export interface DemoNetworkInput {
  /** The local date of the orders, 'YYYY-MM-DD' (the caller's "tomorrow"). */
  date: string;
  /** A seeded generator, e.g. seededRng(1); it is consumed. */
  rng: Rng;
}

export function demoNetwork({ date, rng }: DemoNetworkInput): DemoNetwork {
  if (!isLocalDate(date)) throw new Error(`demoNetwork: date must be YYYY-MM-DD, got '${date}'`);
  const products = DEMO_PRODUCTS.map((p) => ({ ...p }));
  const sites = demoSites(rng);
  const hospitals = demoHospitals(rng);
  const lanes = demoLanes(sites, hospitals, AIR_HUB_SITE_KEYS);
  const orders = demoOrders({ date, rng, products, sites, hospitals, lanes });
  return {
    producer: { name: DEMO_PRODUCER_NAME },
    courier: { name: DEMO_COURIER_NAME },
    sites,
    products,
    hospitals,
    lanes,
    users: DEMO_LOGINS.map((u) => ({
      ...u,
      organisation: typeof u.organisation === 'string' ? u.organisation : { ...u.organisation },
    })),
    orders,
  };
}
