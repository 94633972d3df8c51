import { expect } from 'vitest';
import { at, decayed, LOGINS, type Body, type TestApi } from './production-fixture.js';

/**
 * A dose's way from a committed plan to the patient through the API, as the interface tests
 * (FHIR, HL7 v2 and their acceptance test) drive it: the day planned and committed by the planner,
 * the shipment that carries an order found, its dispensed doses packed, loaded and picked up before
 * departure, delivered on arrival, received and measured at the hospital, and administered. Each
 * step sets the test's clock to its time; the batch itself is made with makeReleasedBatch.
 */

export interface ShipmentDose {
  readonly orderId: string;
  readonly doseId: string | null;
  readonly packageCode: string | null;
  readonly dispensedBq: number | null;
  readonly dispensedAt: string | null;
}

export interface ShipmentDetail {
  readonly shipment: {
    readonly id: string;
    readonly siteId: string;
    readonly departAt: string;
    readonly arriveAt: string;
  };
  readonly doses: readonly ShipmentDose[];
  readonly packages: readonly { readonly code: string }[];
}

const PLAN_POLL_MS = 200;
const PLAN_POLLS = 600;

/** The planner plans `date` (greedy) and commits the plan once it has run; its id. */
export async function planAndCommit(api: TestApi, date: string): Promise<string> {
  const started = await api.call('POST', '/api/plans', LOGINS.planner, { date, method: 'greedy' });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const planId = started.body['id'] as string;
  for (let k = 0; k < PLAN_POLLS; k++) {
    const r = await api.call('GET', `/api/plans/${planId}`, LOGINS.planner);
    if (r.body['status'] !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, PLAN_POLL_MS));
  }
  const committed = await api.call('POST', `/api/plans/${planId}/commit`, LOGINS.planner);
  expect(committed.status, JSON.stringify(committed.body)).toBe(200);
  return planId;
}

async function shipment(api: TestApi, id: string, email: string): Promise<ShipmentDetail> {
  const r = await api.call('GET', `/api/shipments/${id}`, email);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as unknown as ShipmentDetail;
}

/** The shipment of `date` that carries the dose of `orderId`, as `email` sees it. */
export async function shipmentOfOrder(
  api: TestApi,
  date: string,
  orderId: string,
  email: string = LOGINS.radiopharmacist,
): Promise<ShipmentDetail> {
  const list = await api.call('GET', `/api/shipments?date=${date}`, email);
  expect(list.status).toBe(200);
  for (const s of list.body['shipments'] as { id: string }[]) {
    const d = await shipment(api, s.id, email);
    if (d.doses.some((x) => x.orderId === orderId)) return d;
  }
  throw new Error(`no shipment of ${date} carries order ${orderId}`);
}

/** The dose of `orderId` in a shipment. */
export function doseOf(detail: ShipmentDetail, orderId: string): ShipmentDose {
  const dose = detail.doses.find((x) => x.orderId === orderId);
  if (!dose) throw new Error(`shipment ${detail.shipment.id} does not carry order ${orderId}`);
  return dose;
}

/**
 * Every dispensed dose of the shipment packed into one Type A case 25 minutes before departure,
 * loaded with the package scans 15 minutes before, and picked up by the demo courier (signing
 * with the password) a minute before: the shipment after the pick-up.
 */
export async function dispatchShipment(api: TestApi, shipmentId: string): Promise<ShipmentDetail> {
  const rp = LOGINS.radiopharmacist;
  const made = await shipment(api, shipmentId, rp);
  const departAt = made.shipment.departAt;
  api.setClock(at(departAt, -25));
  const packed = await api.call('POST', `/api/shipments/${shipmentId}/packages`, rp, {
    orderIds: made.doses.filter((x) => x.doseId !== null).map((x) => x.orderId),
    packaging: 'type-a-case',
    leadMm: 3,
    surfaceUSvPerH: 95,
    oneMetreUSvPerH: 0.8,
  });
  expect(packed.status, JSON.stringify(packed.body)).toBe(200);
  const codes = (packed.body as unknown as ShipmentDetail).packages.map((p) => p.code);
  const couriers = (await api.call('GET', '/api/couriers', rp)).body['couriers'] as Body[];
  const courier = couriers.find((c) => c['name'] === 'Demo Courier Driver');
  expect(courier, 'the demo network has its courier driver').toBeDefined();
  api.setClock(at(departAt, -15));
  const loaded = await api.call('POST', `/api/shipments/${shipmentId}/load`, rp, {
    vehicle: 'BJ-A 12345',
    courierId: courier!['id'],
    scannedCodes: codes,
  });
  expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
  api.setClock(at(departAt, -1));
  const picked = await api.call('POST', `/api/shipments/${shipmentId}/pick-up`, LOGINS.courier, {
    scannedCodes: codes,
    password: api.password,
    email: LOGINS.courier,
  });
  expect(picked.status, JSON.stringify(picked.body)).toBe(200);
  return picked.body as unknown as ShipmentDetail;
}

/** The courier delivers the shipment at its planned arrival (scanning every package). */
export async function deliverShipment(
  api: TestApi,
  detail: ShipmentDetail,
): Promise<ShipmentDetail> {
  api.setClock(new Date(detail.shipment.arriveAt));
  const delivered = await api.call(
    'POST',
    `/api/shipments/${detail.shipment.id}/deliver`,
    LOGINS.courier,
    { scannedCodes: detail.packages.map((p) => p.code) },
  );
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  return delivered.body as unknown as ShipmentDetail;
}

/**
 * The hospital's `staff` receive the dose of `orderId` 15 minutes after the shipment's arrival,
 * measured 5 minutes before at exactly its dispensed activity decayed.
 */
export async function receiveDose(
  api: TestApi,
  staff: string,
  detail: ShipmentDetail,
  orderId: string,
  nuclide: string,
): Promise<void> {
  const dose = doseOf(detail, orderId);
  api.setClock(at(detail.shipment.arriveAt, 15));
  const measuredAt = at(api.now, -5).getTime();
  const receipt = await api.call('POST', `/api/doses/${dose.doseId}/receipt`, staff, {
    packageCode: dose.packageCode,
    measuredBq: decayed(nuclide, dose.dispensedBq!, Date.parse(dose.dispensedAt!), measuredAt),
    measuredAt: new Date(measuredAt).toISOString(),
  });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
}

export interface Administered {
  /** The syringe measured before (its dispensed activity decayed), 30 minutes before the clock. */
  readonly beforeBq: number;
  readonly beforeAt: Date;
  /** Given 20 minutes before the clock. */
  readonly administeredAt: Date;
  /** The residue measured 10 minutes before the clock. */
  readonly residueBq: number;
  readonly residueAt: Date;
  /** The activity given as the API records it. */
  readonly administeredBq: number;
}

/** The hospital's `staff` record the dose's administration, at the test's clock. */
export async function administerDose(
  api: TestApi,
  staff: string,
  dose: ShipmentDose,
  given: {
    readonly nuclide: string;
    readonly patientRef: string;
    readonly prescribedBq: number;
    readonly residueBq: number;
  },
): Promise<Administered> {
  const beforeAt = at(api.now, -30);
  const administeredAt = at(api.now, -20);
  const residueAt = at(api.now, -10);
  const beforeBq = decayed(
    given.nuclide,
    dose.dispensedBq!,
    Date.parse(dose.dispensedAt!),
    beforeAt.getTime(),
  );
  const r = await api.call('POST', `/api/doses/${dose.doseId}/administration`, staff, {
    patientRef: given.patientRef,
    prescribedBq: given.prescribedBq,
    beforeBq,
    beforeAt: beforeAt.toISOString(),
    residueBq: given.residueBq,
    residueAt: residueAt.toISOString(),
    administeredAt: administeredAt.toISOString(),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const doses = (r.body['shipment'] as { doses: (ShipmentDose & { administration: Body })[] })
    .doses;
  const administration = doses.find((x) => x.orderId === dose.orderId)!.administration;
  return {
    beforeBq,
    beforeAt,
    administeredAt,
    residueBq: given.residueBq,
    residueAt,
    administeredBq: administration['administeredBq'] as number,
  };
}
