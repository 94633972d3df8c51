import type {
  PackageClassification,
  ShipmentDetail,
  ShipmentDose,
  ShipmentSummary,
  TransportPackage,
} from './shipment-types.js';

/** Replies of the distribution API as the tests of the dispatch and courier screens use them. */

export const SUMMARY: ShipmentSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  key: 'BJ1-H001-0830',
  planDate: '2026-12-07',
  siteId: '22222222-2222-4222-8222-222222222222',
  siteName: 'Beijing radiopharmacy',
  siteZone: 'Asia/Shanghai',
  hospitalId: '33333333-3333-4333-8333-333333333333',
  hospitalName: 'Peking Union Medical College Hospital',
  hospitalZone: 'Asia/Shanghai',
  mode: 'road',
  departAt: '2026-12-07T00:30:00.000Z',
  arriveAt: '2026-12-07T01:15:00.000Z',
  expectedArrivalAt: '2026-12-07T01:15:00.000Z',
  delayMinutes: 0,
  status: 'packed',
  vehicle: null,
  courierName: null,
  doses: 2,
  dispensed: 2,
  packages: 1,
};

export const DOSE: ShipmentDose = {
  orderId: '0a1b2c3d-0000-4000-8000-000000000001',
  orderStatus: 'in_production',
  patientRef: 'P-0001',
  productCode: 'GA68-PSMA11',
  productName: 'Ga-68 PSMA-11',
  nuclide: 'Ga-68',
  orderedBq: 160e6,
  calibrationAt: '2026-12-07T02:00:00.000Z',
  tolerancePct: 10,
  batchNumber: '20261207-BJ1-GA68-1',
  doseId: '44444444-4444-4444-8444-444444444444',
  dispensedBq: 400e6,
  dispensedAt: '2026-12-07T00:10:00.000Z',
  expiresAt: '2026-12-07T04:10:00.000Z',
  packageCode: null,
  atUse: { at: '2026-12-07T02:00:00.000Z', activityBq: 158e6, deviation: -0.0125, ok: true },
  receipt: null,
  administration: null,
};

const CLASSIFICATION: PackageClassification = {
  at: '2026-12-07T00:30:00.000Z',
  contents: [
    { nuclide: 'Ge-68', activityBq: 2e3 },
    { nuclide: 'Ga-68', activityBq: 300e6 },
  ],
  category: 'type-a',
  a2Fraction: 0.6,
  unlisted: [],
  unNumber: 'UN 2915',
  properShippingName: 'RADIOACTIVE MATERIAL, TYPE A PACKAGE, non-special form',
  transportIndex: 0.3,
  label: 'II-YELLOW',
  exclusiveUse: false,
  reasons: ['A/A2 = 0.6 ≤ 1: Type A'],
};

export const PACKAGE: TransportPackage = {
  id: '55555555-5555-4555-8555-555555555555',
  code: 'PK-0A1B2C3D4E',
  packaging: 'type-a-case',
  leadMm: 30,
  orderIds: [DOSE.orderId],
  measured: null,
  estimate: { surfaceUSvPerH: 12.5, oneMetreUSvPerH: 2.5, basis: 'Γ·A/d² for Ga-68' },
  atDispatch: CLASSIFICATION,
  atArrival: {
    ...CLASSIFICATION,
    at: '2026-12-07T01:15:00.000Z',
    contents: [{ nuclide: 'Ga-68', activityBq: 190e6 }],
    transportIndex: 0.2,
  },
  transportIndex: 0.3,
  label: 'II-YELLOW',
  category: 'type-a',
  unNumber: 'UN 2915',
};

export const DETAIL: ShipmentDetail = {
  shipment: SUMMARY,
  doses: [{ ...DOSE, packageCode: PACKAGE.code }],
  packages: [PACKAGE],
  transportIndexSum: 0.3,
  events: [
    {
      kind: 'packed',
      at: '2026-12-07T00:15:00.000Z',
      by: 'Wang Fang',
      detail: { package: PACKAGE.code, orders: [DOSE.orderId] },
    },
  ],
  signature: null,
};
