import type { components } from '../api/schema.js';

/** The distribution API's replies, named once for the hospital's screens (types only). */
export type {
  ShipmentDetail,
  ShipmentDose,
  ShipmentEvent,
  ShipmentStatus,
  ShipmentSummary,
} from '../dispatch/shipment-types.js';
import type { ShipmentDose } from '../dispatch/shipment-types.js';
export type Receipt = NonNullable<ShipmentDose['receipt']>;
export type Administration = NonNullable<ShipmentDose['administration']>;
export type WasteContainer = components['schemas']['WasteContainer'];
