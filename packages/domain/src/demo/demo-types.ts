import type { Role } from '../people.js';
/**
 * The shape of a demo network: plain data that a seeding step can write to the database. Numbers
 * are SI (Bq, minutes, kg); local times are wall-clock strings in the row's `timeZone`.
 */
import type { DemoProduct } from './demo-products.js';

/** Opening or receiving hours: ISO weekdays (1 = Monday … 7 = Sunday), local "HH:MM". */
export interface Hours {
  days: number[];
  open: string;
  close: string;
}

export interface Licence {
  nuclide: string;
  maxActivityBq: number;
}

export type EquipmentKind =
  'cyclotron' | 'generator' | 'hot_cell' | 'synthesis_module' | 'dispenser' | 'dose_calibrator';

export interface DemoEquipment {
  kind: EquipmentKind;
  name: string;
  capacity: Record<string, unknown>;
}

/** What a demo site and a demo hospital both have: a place with licences. */
export interface DemoPlace {
  key: string;
  name: string;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  licences: Licence[];
}

export interface DemoSite extends DemoPlace {
  openingHours: Hours[];
  equipment: DemoEquipment[];
  productCodes: string[];
}

export interface DemoHospital extends DemoPlace {
  receivingHours: Hours[];
}

export interface DemoLane {
  siteKey: string;
  hospitalKey: string;
  mode: 'road' | 'air';
  durationMinutes: number;
  /** CNY per shipment (an estimate). */
  cost: number;
  /** Local departure times "HH:MM" at the site, or null when the lane leaves on demand. */
  departures: string[] | null;
  estimated: boolean;
  note: string;
}

export type DemoRole = Role;

export interface DemoUser {
  email: string;
  displayName: string;
  role: DemoRole;
  organisation: 'producer' | 'courier' | { hospitalKey: string };
}

export interface DemoOrder {
  hospitalKey: string;
  productCode: string;
  /** Local wall-clock time of calibration (the planned injection), 'YYYY-MM-DDTHH:MM'. */
  calibrationLocal: string;
  timeZone: string;
  amountKind: 'fixed' | 'per_kg' | 'doses';
  /**
   * The activity asked for at calibration: per_kg = perKgBq × weight, clamped to the product's
   * dose bounds where it has them; doses = doses × the product's dose; fixed as asked.
   */
  activityBq: number;
  perKgBq?: number;
  patientWeightKg?: number;
  doses?: number;
  tolerancePct: number;
  /** Pseudonymous, 'P-' and five of [0-9A-Z]; never a name. */
  patientRef: string;
  notes: string;
}

export interface DemoNetwork {
  producer: { name: string };
  courier: { name: string };
  sites: DemoSite[];
  products: DemoProduct[];
  hospitals: DemoHospital[];
  lanes: DemoLane[];
  users: DemoUser[];
  orders: DemoOrder[];
}
