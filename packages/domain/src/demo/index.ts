/**
 * The pure demo-data building blocks (cities, products, sites, hospitals, lanes, orders, supply,
 * logins, geography, seeded randomness and the demo's calendar), for the database's seed and the
 * planner's instance tiers. No IO.
 */
export { DEMO_LOGINS } from './demo-logins.js';
export { demoSupply } from './demo-supply.js';
export { CHINA_CITIES, chinaCity, type ChinaCity } from './china-cities.js';
export {
  DEMO_PRODUCTS,
  demoProduct,
  type DemoProduct,
  type ProductRoute,
} from './demo-products.js';
export { demoNetwork, type DemoNetworkInput } from './demo-network.js';
export type { DemoNetwork } from './demo-types.js';
export {
  AIR_DEPARTURES,
  airLaneCost,
  MAX_ROAD_MINUTES,
  MIN_AIR_KM,
  roadLaneCost,
} from './demo-lanes.js';
export {
  AIR_GROUND_LEG_MINUTES,
  AIR_HANDLING_MINUTES,
  AIR_SPEED_KMH,
  airMinutes,
  greatCircleKm,
  offsetKm,
  ROAD_DETOUR_FACTOR,
  ROAD_HANDLING_MINUTES,
  ROAD_SPEED_KMH,
  roadMinutes,
  round4,
  type LatLng,
} from './geo.js';
export { patientWeightKg, perKgActivityBq } from './demo-order-amount.js';
export {
  DEMO_RECEIVING_WEEKDAYS,
  DEMO_ZONE,
  demoOrderDay,
  nextDateOn,
  weekdayName,
} from './demo-day.js';
export * from './rng.js';
