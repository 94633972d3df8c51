import type { components } from '../api/schema.js';

/** The distribution API's replies, named once for the hospital's screens (types only). */
export type ShipmentSummary = components['schemas']['ShipmentSummary'];
export type ShipmentStatus = components['schemas']['ShipmentStatus'];
export type ShipmentDetail = components['schemas']['ShipmentDetail'];
export type ShipmentDose = components['schemas']['ShipmentDose'];
export type ShipmentEvent = ShipmentDetail['events'][number];
export type Receipt = NonNullable<ShipmentDose['receipt']>;
export type Administration = NonNullable<ShipmentDose['administration']>;
export type WasteContainer = components['schemas']['WasteContainer'];
