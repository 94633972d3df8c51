import { tomorrowIn } from '@halflife/domain';
import type { Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import {
  CALIBRATION_TIME_URL,
  ORDER_STATUS_URL,
  ORDER_SYSTEM,
  PRODUCT_SYSTEM,
  UCUM,
} from './fhir/fhir-terms.js';
import { validateFhirResource } from './fhir/fhir-validation.js';
import { plansSettled } from './services/plan-execution.js';
import { exampleMedicationRequest } from '../test/fhir-examples.js';
import {
  at,
  batchOfOrder,
  LOGINS,
  makeReleasedBatch,
  TestApi,
  type Body,
} from '../test/production-fixture.js';
import {
  administerDose,
  deliverShipment,
  dispatchShipment,
  doseOf,
  planAndCommit,
  receiveDose,
  shipmentOfOrder,
} from '../test/dose-journey.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * The FHIR R4 endpoint (issue 17) on the seeded demo network: a hospital's HIS orders a Lu-177
 * therapy dose as a MedicationRequest with an API token, and a PET study as a ServiceRequest; the
 * orders are planned, made, dispensed, shipped, received and administered through the API as the
 * distribution tests do; the HIS then finds the MedicationDispense, MedicationAdministration and
 * Radiation Dose Summary Observation by patient and date, with the request included. Invalid
 * resources are answered with an OperationOutcome naming the element; another hospital sees
 * nothing of it.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(SEEDED_AT, 'Asia/Shanghai');
const PASSWORD = 'test-password';
const clock = { now: SEEDED_AT };
const PATIENT = 'P-FHIR-0001';
const ORDERER = 'hospital1.orderer@demo.halflife';
const STAFF = 'hospital1.staff@demo.halflife';
const OTHER = 'hospital2.orderer@demo.halflife';
let db: Db;
let app: App;
let api: TestApi;
let token: string;
/** A demo order of hospital 1 for tomorrow: the FHIR order asks for the same product and time. */
let template: { id: string; hospitalId: string; calibrationTime: string };
let orderId: string;

interface Reply {
  readonly status: number;
  readonly body: Body;
  readonly headers: Headers;
}

/** A FHIR request with the HIS's token (or a demo user's session, or neither). */
async function fhir(
  method: string,
  path: string,
  as: { token: string } | { email: string } | 'anonymous',
  body?: unknown,
  type = 'application/fhir+json',
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (as !== 'anonymous') {
    if ('token' in as) headers['authorization'] = `Bearer ${as.token}`;
    else headers['cookie'] = await api.cookie(as.email);
  }
  if (body !== undefined) headers['content-type'] = type;
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body, headers: res.headers };
}
const his = () => ({ token });
/** "expression: diagnostics" of each issue of an OperationOutcome. */
const issues = (r: Reply) => {
  expect(r.body['resourceType'], JSON.stringify(r.body)).toBe('OperationOutcome');
  // Each diagnostics reads on its own: "MedicationRequest.status: …".
  return (r.body['issue'] as { expression?: string[]; diagnostics: string }[]).map((i) => {
    const at = i.expression?.[0];
    if (at !== undefined) expect(i.diagnostics.startsWith(`${at}: `), i.diagnostics).toBe(true);
    return `${at ?? ''} | ${at === undefined ? i.diagnostics : i.diagnostics.slice(at.length + 2)}`;
  });
};
type Entry = { resource: Body & { id: string; resourceType: string }; search: { mode: string } };
const entries = (r: Reply, mode = 'match') => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return ((r.body['entry'] ?? []) as Entry[])
    .filter((e) => e.search.mode === mode)
    .map((e) => e.resource);
};
const orderStatus = (resource: Body) =>
  (resource['extension'] as { url: string; valueCode?: string }[]).find(
    (e) => e.url === ORDER_STATUS_URL,
  )?.valueCode;

/** The example MedicationRequest for the template's product, time and a fresh identifier. */
function doseOrder(identifier: string, change: (mr: Body) => void = () => {}): Body {
  const mr = exampleMedicationRequest();
  mr['identifier'] = [{ system: 'urn:oid:2.16.156.1.2.3.4', value: identifier }];
  mr['subject'] = { reference: `Patient/${PATIENT}` };
  mr['extension'] = [{ url: CALIBRATION_TIME_URL, valueDateTime: template.calibrationTime }];
  change(mr);
  return mr;
}

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  app = createApp({
    db: db.kysely,
    now: () => clock.now,
    databaseKind: db.kind,
    secureCookies: false,
  });
  api = new TestApi(app, clock, PASSWORD);
  const issued = await api.call('POST', '/api/tokens', ORDERER, { name: 'HIS', days: 30 });
  expect(issued.status).toBe(201);
  token = issued.body['token'] as string;
  const list = await api.call('GET', `/api/orders?date=${DATE}&product=LU177-PSMA617`, ORDERER);
  expect(list.status).toBe(200);
  const found = (list.body['orders'] as (typeof template & { status: string })[]).find((o) =>
    ['submitted', 'accepted'].includes(o.status),
  );
  expect(found, 'hospital 1 has a Lu-177 PSMA-617 order tomorrow').toBeDefined();
  template = found!;
}, 300_000);

afterAll(async () => {
  await plansSettled();
  await db?.close();
});

describe('the FHIR R4 endpoint', () => {
  it('publishes its CapabilityStatement to anyone', async () => {
    const r = await fhir('GET', '/fhir/metadata', 'anonymous');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(r.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      fhirVersion: '4.0.1',
      kind: 'instance',
    });
    const resources = (
      r.body['rest'] as { resource: { type: string; searchInclude?: string[] }[] }[]
    )[0]!.resource;
    expect(resources.map((x) => x.type)).toEqual([
      'MedicationRequest',
      'ServiceRequest',
      'MedicationDispense',
      'MedicationAdministration',
      'Observation',
    ]);
    expect(resources[2]!.searchInclude).toContain('MedicationDispense:authorizingPrescription');
    expect(validateFhirResource(r.body)).toEqual([]);
    const unknown = await fhir('GET', '/fhir/Patient/P-1', 'anonymous');
    expect(unknown.status).toBe(404);
    expect(issues(unknown)).toEqual([' | no route GET /fhir/Patient/P-1']);
  });

  it('asks for a sign-in and refuses roles the policy refuses, as OperationOutcome', async () => {
    const anonymous = await fhir('POST', '/fhir/MedicationRequest', 'anonymous', doseOrder('A'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(issues(anonymous)).toEqual([' | sign in first']);
    const badToken = await fhir('GET', '/fhir/MedicationRequest', { token: 'hl_not-a-token' });
    expect(badToken.status).toBe(401);
    const staff = await fhir('POST', '/fhir/MedicationRequest', { email: STAFF }, doseOrder('A'));
    expect(staff.status).toBe(403);
    expect(issues(staff)).toEqual([" | a hospital's staff may not place orders"]);
    const courier = await fhir('GET', '/fhir/MedicationDispense', { email: LOGINS.courier });
    expect(courier.status).toBe(403);
    expect(issues(courier)[0]).toMatch(/a courier may not see orders/);
  });

  it('places a MedicationRequest as an order, once, and answers it with the order’s status', async () => {
    const before = await api.call('GET', `/api/orders?date=${DATE}`, ORDERER);
    const placed = await fhir('POST', '/fhir/MedicationRequest', his(), doseOrder('RX-1'));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    orderId = placed.body['id'] as string;
    expect(placed.headers.get('location')).toBe(
      `http://localhost/fhir/MedicationRequest/${orderId}`,
    );
    expect(placed.body).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      intent: 'order',
      subject: { reference: `Patient/${PATIENT}` },
      requester: { display: 'Dr Wang' },
      meta: { versionId: '1' },
      identifier: [
        { system: 'urn:oid:2.16.156.1.2.3.4', value: 'RX-1' },
        { system: ORDER_SYSTEM, value: orderId },
      ],
    });
    expect(orderStatus(placed.body)).toBe('submitted');

    const order = await api.call('GET', `/api/orders/${orderId}`, ORDERER);
    expect(order.body).toMatchObject({
      hospitalId: template.hospitalId,
      productCode: 'LU177-PSMA617',
      calibrationTime: new Date(template.calibrationTime).toISOString(),
      calibrationZone: 'Asia/Shanghai',
      amountKind: 'fixed',
      activityBq: 7.4e9,
      patientRef: PATIENT,
      notes: 'cycle 2 of 6',
      status: 'submitted',
    });
    const after = await api.call('GET', `/api/orders?date=${DATE}`, ORDERER);
    expect(after.body['total']).toBe((before.body['total'] as number) + 1);

    // A resend (the HIS did not see the answer) is the same order; the same identifier for a
    // different order is refused.
    const again = await fhir('POST', '/fhir/MedicationRequest', his(), doseOrder('RX-1'));
    expect(again.status).toBe(200);
    expect(again.body['id']).toBe(orderId);
    expect((await api.call('GET', `/api/orders?date=${DATE}`, ORDERER)).body['total']).toBe(
      after.body['total'],
    );
    const changed = await fhir(
      'POST',
      '/fhir/MedicationRequest',
      his(),
      doseOrder('RX-1', (mr) => {
        mr['contained'] = [];
        mr['medicationReference'] = { reference: 'Medication/LU177-PSMA617' };
        mr['dosageInstruction'] = [
          { doseAndRate: [{ doseQuantity: { value: 6, system: UCUM, code: 'GBq' } }] },
        ];
      }),
    );
    expect(changed.status).toBe(422);
    expect(issues(changed)[0]).toMatch(
      /^MedicationRequest\.identifier\[0\] \| already used for a different order \(its activity_bq differs\)/,
    );

    const read = await fhir('GET', `/fhir/MedicationRequest/${orderId}`, his());
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: orderId, status: 'draft' });
  });

  it('answers an invalid resource with an OperationOutcome naming the element', async () => {
    const post = (body: unknown, type?: string) =>
      fhir('POST', '/fhir/MedicationRequest', his(), body, type);
    const cases: [Body, string[]][] = [
      [
        doseOrder('BAD-1', (mr) => {
          mr['dosageInstruction'] = [
            { doseAndRate: [{ doseQuantity: { value: '7.4', system: UCUM, code: 'GBq' } }] },
          ];
          mr['dosage'] = 1;
        }),
        [
          'MedicationRequest.dosageInstruction[0].doseAndRate[0].dose[x].value | Invalid JSON type: expected number, but got string',
          'MedicationRequest.dosage | Invalid additional property "dosage"',
        ],
      ],
      [
        doseOrder('BAD-2', (mr) => (mr['status'] = 'approved')),
        [
          'MedicationRequest.status | "approved" is not in the required value set http://hl7.org/fhir/ValueSet/medicationrequest-status',
        ],
      ],
      [
        doseOrder(
          'BAD-3',
          (mr) =>
            (mr['extension'] = [
              { url: CALIBRATION_TIME_URL, valueDateTime: '2026-11-22T10:00:00+08:00' },
            ]),
        ),
        ['MedicationRequest.extension[0].valueDateTime | must be in the future'],
      ],
      [
        doseOrder('BAD-4', (mr) => {
          const medication = (mr['contained'] as Body[])[0]!;
          medication['code'] = { coding: [{ system: PRODUCT_SYSTEM, code: 'LU177-UNKNOWN' }] };
        }),
        ['MedicationRequest.contained[0].code | unknown product "LU177-UNKNOWN"'],
      ],
      [
        doseOrder('BAD-5', (mr) => {
          const medication = (mr['contained'] as Body[])[0]!;
          (medication['ingredient'] as { strength: { numerator: Body } }[])[0]!.strength.numerator =
            {
              value: 2000,
              system: UCUM,
              code: 'mCi',
            };
        }),
        [
          'MedicationRequest.contained[0].ingredient[0].strength.numerator | 74 GBq is above the most one patient may get of LU177-PSMA617, 8.14 GBq',
        ],
      ],
      [
        doseOrder(
          'BAD-6',
          (mr) =>
            (mr['performer'] = { reference: 'Organization/00000000-0000-4000-8000-000000000000' }),
        ),
        ['MedicationRequest.performer | no such hospital of yours'],
      ],
    ];
    for (const [body, expected] of cases) {
      const r = await post(body);
      expect(r.status === 400 || r.status === 404, JSON.stringify(r.body)).toBe(true);
      expect(r.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(issues(r).map((i) => i.replace(/ \(.*\)$/, ''))).toEqual(
        expected.map((i) => i.replace(/ \(.*\)$/, '')),
      );
    }
    expect((await post({ resourceType: 'Patient', id: 'x' })).status).toBe(400);
    const malformed = await post('{"resourceType": "MedicationRequest",');
    expect(malformed.status).toBe(400);
    expect(issues(malformed)).toHaveLength(1);
    expect((await post(JSON.stringify(doseOrder('BAD-7')), 'text/plain')).status).toBe(400);
    const huge = await post(
      doseOrder('BAD-8', (mr) => (mr['note'] = [{ text: 'x'.repeat(200_000) }])),
    );
    expect(huge.status).toBe(413);
    expect(issues(huge)[0]).toMatch(/larger than the 128 KiB/);
    const notes = await post(
      doseOrder('BAD-9', (mr) => (mr['note'] = [{ text: 'x'.repeat(3000) }])),
    );
    expect(issues(notes)).toEqual([
      'MedicationRequest.note | the notes may hold at most 2000 characters',
    ]);
    // None of them became an order.
    const search = await fhir('GET', `/fhir/MedicationRequest?patient=${PATIENT}`, his());
    expect(entries(search).map((r) => r.id)).toEqual([orderId]);
  });

  it('places a ServiceRequest for a PET study at the product’s usual activity', async () => {
    const study = (code: string, identifier: string) => ({
      resourceType: 'ServiceRequest',
      identifier: [{ system: 'urn:ris', value: identifier }],
      status: 'active',
      intent: 'order',
      code: { coding: [{ system: PRODUCT_SYSTEM, code }] },
      subject: { reference: 'Patient/P-FHIR-0002' },
      occurrenceDateTime: template.calibrationTime,
      requester: { display: 'RIS' },
    });
    const placed = await fhir(
      'POST',
      '/fhir/ServiceRequest',
      his(),
      study('F18-FDG', 'ACC-1'),
      'application/json',
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const id = placed.body['id'] as string;
    expect(placed.body).toMatchObject({ resourceType: 'ServiceRequest', status: 'draft' });
    const order = await api.call('GET', `/api/orders/${id}`, ORDERER);
    expect(order.body).toMatchObject({
      productCode: 'F18-FDG',
      activityBq: 370e6,
      amountKind: 'doses',
      doses: 1,
    });
    const asRequest = await fhir('GET', `/fhir/MedicationRequest/${id}`, his());
    expect(asRequest.body).toMatchObject({
      basedOn: [{ reference: `ServiceRequest/${id}` }],
      identifier: [
        { system: 'urn:ris', value: 'ACC-1' },
        { system: ORDER_SYSTEM, value: id },
      ],
      dosageInstruction: [
        { doseAndRate: [{ doseQuantity: { value: 370, code: 'MBq', system: UCUM } }] },
      ],
    });
    expect(validateFhirResource(asRequest.body)).toEqual([]);
    expect((await fhir('GET', `/fhir/ServiceRequest/${id}`, his())).body['id']).toBe(id);
    expect((await fhir('GET', `/fhir/ServiceRequest/${orderId}`, his())).status).toBe(404);
    const noDose = await fhir('POST', '/fhir/ServiceRequest', his(), study('GA68-PSMA11', 'ACC-2'));
    expect(noDose.status).toBe(400);
    expect(issues(noDose)).toEqual([
      'ServiceRequest.code | this product has no usual dose; give the activity per dose',
    ]);
  });

  it('shows a hospital only its own', async () => {
    const other = { email: OTHER };
    expect((await fhir('GET', `/fhir/MedicationRequest/${orderId}`, other)).status).toBe(404);
    expect(entries(await fhir('GET', `/fhir/MedicationRequest?patient=${PATIENT}`, other))).toEqual(
      [],
    );
    const planner = entries(
      await fhir('GET', `/fhir/MedicationRequest?patient=${PATIENT}&date=${DATE}`, {
        email: LOGINS.planner,
      }),
    );
    expect(planner.map((r) => r.id)).toEqual([orderId]);
    // Orders placed on the web are published as MedicationRequest too, valid R4.
    const day = await fhir('GET', `/fhir/MedicationRequest?date=${DATE}&_count=500`, his());
    expect(entries(day).length).toBeGreaterThan(2);
    expect(validateFhirResource(day.body)).toEqual([]);
    // Another hospital cannot order for hospital 1 by naming it.
    const forOther = await fhir(
      'POST',
      '/fhir/MedicationRequest',
      other,
      doseOrder(
        'X-1',
        (mr) => (mr['performer'] = { reference: `Organization/${template.hospitalId}` }),
      ),
    );
    expect(forOther.status).toBe(404);
    expect(issues(forOther)).toEqual(['MedicationRequest.performer | no such hospital of yours']);
  });

  it('publishes the dispense, the administration and the dose summary, found by patient and date', async () => {
    // Planned…
    await planAndCommit(api, DATE);
    const planned = await fhir('GET', `/fhir/MedicationRequest/${orderId}`, his());
    expect(planned.body['status']).toBe('active');
    expect(orderStatus(planned.body)).toBe('planned');

    // …made, dispensed, packed, carried, delivered, received and given.
    const shipment = await shipmentOfOrder(api, DATE, orderId, STAFF);
    const trip = shipment.shipment;
    const batch = await batchOfOrder(api, DATE, orderId, {
      siteId: trip.siteId,
      productCode: 'LU177-PSMA617',
    });
    await makeReleasedBatch(api, batch.batch.id);
    const dispatched = await dispatchShipment(api, trip.id);
    expect(doseOf(dispatched, orderId).packageCode).not.toBeNull();
    const inTransit = entries(
      await fhir('GET', `/fhir/MedicationDispense?patient=${PATIENT}`, his()),
    );
    expect(inTransit.map((r) => r['status'])).toEqual(['in-progress']);
    const delivered = await deliverShipment(api, dispatched);
    await receiveDose(api, STAFF, delivered, orderId, 'Lu-177');
    api.setClock(at(template.calibrationTime, 10));
    const { administeredAt, administeredBq } = await administerDose(
      api,
      STAFF,
      doseOf(delivered, orderId),
      { nuclide: 'Lu-177', patientRef: PATIENT, prescribedBq: 7.4e9, residueBq: 100e6 },
    );

    // The HIS asks: the dispensed dose with its request…
    const search = `patient=${PATIENT}&date=${DATE}`;
    const dispensed = await fhir(
      'GET',
      `/fhir/MedicationDispense?${search}&_include=MedicationDispense:authorizingPrescription`,
      his(),
    );
    const [dispense] = entries(dispensed);
    expect(entries(dispensed)).toHaveLength(1);
    expect(dispense).toMatchObject({
      resourceType: 'MedicationDispense',
      status: 'completed',
      subject: { reference: `Patient/${PATIENT}` },
      authorizingPrescription: [{ reference: `MedicationRequest/${orderId}` }],
      contained: [{ resourceType: 'Medication', batch: { lotNumber: batch.batch.batchNumber } }],
      quantity: { value: 7400, unit: 'MBq', system: UCUM, code: 'MBq' },
      whenHandedOver: new Date(trip.arriveAt).toISOString(),
      extension: [
        {
          url: CALIBRATION_TIME_URL,
          valueDateTime: new Date(template.calibrationTime).toISOString(),
        },
      ],
    });
    const [request] = entries(dispensed, 'include');
    expect(request).toMatchObject({
      resourceType: 'MedicationRequest',
      id: orderId,
      status: 'completed',
    });
    expect(dispensed.body['total']).toBe(1);

    // …the administration with its request, and the dose summary with the administration.
    const administrations = await fhir(
      'GET',
      `/fhir/MedicationAdministration?${search}&_include=MedicationAdministration:request`,
      his(),
    );
    const [administration] = entries(administrations);
    expect(administration).toMatchObject({
      status: 'completed',
      effectiveDateTime: administeredAt.toISOString(),
      request: { reference: `MedicationRequest/${orderId}` },
      dosage: {
        dose: { value: Math.round(administeredBq) / 1e6, unit: 'MBq', system: UCUM, code: 'MBq' },
      },
    });
    expect(entries(administrations, 'include').map((r) => r.id)).toEqual([orderId]);
    const summaries = await fhir(
      'GET',
      `/fhir/Observation?${search}&code=http://loinc.org|73569-6&_include=Observation:part-of`,
      his(),
    );
    const [summary] = entries(summaries);
    expect(summary).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '73569-6' }] },
      partOf: [{ reference: `MedicationAdministration/${administration!.id}` }],
    });
    const activity = (
      summary!['component'] as { code: { coding: { code: string }[] }; valueQuantity?: Body }[]
    ).find((c) => c.code.coding[0]!.code === '113507');
    expect(activity!.valueQuantity).toEqual({
      value: Math.round(administeredBq) / 1e6,
      unit: 'MBq',
      system: UCUM,
      code: 'MBq',
    });
    expect(entries(summaries, 'include').map((r) => r.resourceType)).toEqual([
      'MedicationAdministration',
    ]);

    // What the endpoint publishes is valid R4 itself.
    for (const bundle of [dispensed, administrations, summaries]) {
      expect(validateFhirResource(bundle.body)).toEqual([]);
    }

    // Read by id; another day or patient finds nothing; another hospital sees none of it.
    expect((await fhir('GET', `/fhir/MedicationDispense/${dispense!.id}`, his())).body['id']).toBe(
      dispense!.id,
    );
    expect((await fhir('GET', `/fhir/Observation/${summary!.id}`, his())).body['id']).toBe(
      summary!.id,
    );
    expect(
      entries(
        await fhir('GET', `/fhir/MedicationDispense?patient=${PATIENT}&date=lt${DATE}`, his()),
      ),
    ).toEqual([]);
    expect(entries(await fhir('GET', `/fhir/Observation?patient=P-OTHER`, his()))).toEqual([]);
    for (const path of [
      `/fhir/MedicationDispense/${dispense!.id}`,
      `/fhir/MedicationAdministration/${administration!.id}`,
    ]) {
      expect((await fhir('GET', path, { email: OTHER })).status).toBe(404);
    }
    expect(
      entries(await fhir('GET', `/fhir/MedicationDispense?${search}`, { email: OTHER })),
    ).toEqual([]);
    const unknown = await fhir(
      'GET',
      `/fhir/MedicationDispense?${search}&_include=MedicationDispense:performer`,
      his(),
    );
    expect(unknown.status).toBe(400);
    expect(issues(unknown)[0]).toMatch(
      /^_include \| "MedicationDispense:performer" is not supported/,
    );
  });
});
