/**
 * Distances and travel-time estimates for demo lanes. Every time here is an estimate from straight
 * distance, not a routed or scheduled time: lanes built from them carry `estimated: true`.
 */

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius (IUGG R1), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;
const toDegrees = (radians: number): number => (radians * 180) / Math.PI;

/** Great-circle distance in km (haversine on a sphere of radius R1). */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `km` away from `from` on the initial bearing `bearingDegrees` (0 = north). */
export function offsetKm(from: LatLng, bearingDegrees: number, km: number): LatLng {
  const delta = km / EARTH_RADIUS_KM;
  const theta = toRadians(bearingDegrees);
  const phi1 = toRadians(from.latitude);
  const lambda1 = toRadians(from.longitude);
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta),
  );
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
      Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2),
    );
  return { latitude: toDegrees(phi2), longitude: toDegrees(lambda2) };
}

/** Degrees rounded to 4 decimals (about 11 m), as demo coordinates are stored. */
export const round4 = (degrees: number): number => Math.round(degrees * 1e4) / 1e4;

/** Road distance ≈ 1.3 × great circle (a common detour factor; assumption, demo). */
export const ROAD_DETOUR_FACTOR = 1.3;
/** Average road speed including city legs, km/h (assumption, demo). */
export const ROAD_SPEED_KMH = 70;
/** Loading, paperwork and hand-over at both ends of a road leg, minutes (assumption, demo). */
export const ROAD_HANDLING_MINUTES = 20;

/** Estimated door-to-door road time for a great-circle distance `km`, in minutes. */
export function roadMinutes(km: number): number {
  return ((ROAD_DETOUR_FACTOR * km) / ROAD_SPEED_KMH) * 60 + ROAD_HANDLING_MINUTES;
}

/** Road leg to the airport and from the airport at the far end, minutes each (assumption, demo). */
export const AIR_GROUND_LEG_MINUTES = 45;
/** Airport handling: acceptance, security screening, loading, collection (assumption, demo). */
export const AIR_HANDLING_MINUTES = 60;
/** Block speed of a domestic flight, km/h over the great circle (assumption, demo). */
export const AIR_SPEED_KMH = 750;

/** Estimated door-to-door air time for a great-circle distance `km`, in minutes. */
export function airMinutes(km: number): number {
  return 2 * AIR_GROUND_LEG_MINUTES + AIR_HANDLING_MINUTES + (km / AIR_SPEED_KMH) * 60;
}
