import type { components } from '../api/schema.js';

/** The distribution API's replies, named once for the dispatch and courier screens (types only). */
export type ShipmentSummary = components['schemas']['ShipmentSummary'];
export type ShipmentStatus = components['schemas']['ShipmentStatus'];
export type ShipmentDetail = components['schemas']['ShipmentDetail'];
export type ShipmentDose = components['schemas']['ShipmentDose'];
export type ShipmentEvent = ShipmentDetail['events'][number];
export type TransportPackage = components['schemas']['TransportPackage'];
export type PackageClassification = components['schemas']['PackageClassification'];
export type TransportLabel = NonNullable<TransportPackage['label']>;
export type Packaging = components['schemas']['Pack']['packaging'];
export type Courier = components['schemas']['CourierList']['couriers'][number];
export type PlanSummary = components['schemas']['PlanSummary'];
