import type { ShipmentDetail, ShipmentDose, ShipmentSummary } from './delivery-types.js';

/** A shipment and a dose as the API gives them, for the unit tests (Beijing, 5 Dec 2026). */
export function shipmentSummary(patch: Partial<ShipmentSummary> = {}): ShipmentSummary {
  return {
    id: '7d4c7a58-2b1f-4d3e-9a55-0b8b4f3a1c01',
    key: 'S3',
    planDate: '2026-12-05',
    siteId: '1f0e3c1a-8d2b-4b8e-a2e4-5c7d9e0f1a22',
    siteName: 'Beijing Radiopharmacy',
    siteZone: 'Asia/Shanghai',
    hospitalId: '2a1b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
    hospitalName: 'Peking Union Medical College Hospital',
    hospitalZone: 'Asia/Shanghai',
    mode: 'road',
    departAt: '2026-12-05T00:40:00.000Z',
    arriveAt: '2026-12-05T01:20:00.000Z',
    expectedArrivalAt: '2026-12-05T01:20:00.000Z',
    delayMinutes: 0,
    status: 'planned',
    vehicle: null,
    courierName: null,
    doses: 2,
    dispensed: 0,
    packages: 0,
    ...patch,
  };
}

export function shipmentDose(patch: Partial<ShipmentDose> = {}): ShipmentDose {
  return {
    orderId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    orderStatus: 'dispatched',
    patientRef: 'P-0042',
    productCode: 'GA68-PSMA11',
    productName: 'Ga-68 PSMA-11',
    nuclide: 'Ga-68',
    orderedBq: 160e6,
    calibrationAt: '2026-12-05T02:00:00.000Z',
    tolerancePct: 10,
    batchNumber: 'BJ-GA68-20261205-01',
    doseId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
    dispensedBq: 400e6,
    dispensedAt: '2026-12-05T00:20:00.000Z',
    expiresAt: '2026-12-05T04:20:00.000Z',
    packageCode: 'P-7F3A21',
    atUse: { at: '2026-12-05T02:00:00.000Z', activityBq: 162e6, deviation: 0.0125, ok: true },
    receipt: null,
    administration: null,
    ...patch,
  };
}

export function shipmentDetail(
  patch: Partial<ShipmentSummary> = {},
  events: ShipmentDetail['events'] = [],
): ShipmentDetail {
  return {
    shipment: shipmentSummary(patch),
    doses: [shipmentDose()],
    packages: [],
    transportIndexSum: null,
    events,
    signature: null,
  };
}
