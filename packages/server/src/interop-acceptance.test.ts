import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { tomorrowIn } from '@halflife/domain';
import type { Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { CALIBRATION_TIME_URL, UCUM } from './fhir/fhir-terms.js';
import { readAck } from './hl7/acknowledgement.js';
import { ackControlId } from './hl7/hl7-interface.js';
import { startMllpListener, type MllpListener } from './hl7/mllp-listener.js';
import { sendMllp } from './hl7/mllp-send.js';
import { ompO09 } from './hl7/sample-messages.js';
import { jobsSettled } from './services/durable-jobs.js';
import { hl7Delivery } from './services/hl7-delivery.js';
import { receiveHl7 } from './services/hl7-intake-service.js';
import { plansSettled } from './services/plan-execution.js';
import { exampleMedicationRequest } from '../test/fhir-examples.js';
import {
  administerDose,
  deliverShipment,
  dispatchShipment,
  doseOf,
  planAndCommit,
  receiveDose,
  shipmentOfOrder,
  type ShipmentDetail,
} from '../test/dose-journey.js';
import {
  at,
  batchOfOrder,
  LOGINS,
  makeReleasedBatch,
  TestApi,
  type BatchDetail,
  type Body,
} from '../test/production-fixture.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Issue 17's acceptance: a hospital's order sent as FHIR and one sent as HL7 v2 each appear in the
 * planner's orders, are planned, dispensed and administered, and the hospital's system receives
 * the dispense and administration records. The hospital's system is a small fake HIS: it holds an
 * API token of the hospital, posts a MedicationRequest to /fhir over HTTP, sends an OMP^O09 to the
 * product's MLLP listener, and runs its own MLLP server that keeps and acknowledges (AA) what it is
 * sent. Everything between is done through the API as the people of the network do it; the clock
 * is the test's and the outbox is delivered when the test says.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(SEEDED_AT, 'Asia/Shanghai');
const PASSWORD = 'test-password';
const ADMIN = 'admin@demo.halflife';
const ORDERER = 'hospital1.orderer@demo.halflife';
const STAFF = 'hospital1.staff@demo.halflife';
const FACILITY = '北京协和医院';
const FHIR_PATIENT = 'P-FHIR-0417';
const HL7_PATIENT = 'P-HL7-0418';
const PLACER = 'HIS-RX-20261124-0007';
const MINUTE = 60_000;
const clock = { now: SEEDED_AT };

let db: Db;
let api: TestApi;
let http: ServerType;
let listener: MllpListener;
let his: FakeHis;
let jobs: ReturnType<typeof hl7Delivery>;
/** A demo order of hospital 1 for tomorrow: both orders ask for its product and time. */
let template: { hospitalId: string; calibrationTime: string };

/** Delivers whatever the outbox has due now, as a server process's worker does. */
const deliverDue = async () => {
  jobs.nudge();
  await jobsSettled();
};

/**
 * The hospital's system, as small as it can be: a FHIR client over HTTP with the hospital's API
 * token, an MLLP client, and an MLLP server that keeps each message it is sent and answers AA.
 */
class FakeHis {
  private constructor(
    private readonly fhirBase: string,
    private readonly token: string,
    private readonly server: MllpListener,
    /** Each message its MLLP server was sent, in order. */
    readonly received: readonly string[],
  ) {}

  static async start(fhirBase: string, token: string): Promise<FakeHis> {
    const received: string[] = [];
    const server = await startMllpListener({
      port: 0,
      handle: (frame) => {
        const text = frame.toString('utf8');
        received.push(text);
        const controlId = field(text, 'MSH', 10);
        return Promise.resolve(
          Buffer.from(
            `MSH|^~\\&|HIS|${FACILITY}|HALFLIFE|HALFLIFE|20261124||ACK|A-${controlId.slice(0, 17)}|P|2.5.1\rMSA|AA|${controlId}\r`,
          ),
        );
      },
    });
    return new FakeHis(fhirBase, token, server, received);
  }

  get port(): number {
    return this.server.port;
  }

  async fhir(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(`${this.fhirBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/fhir+json',
        ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Body };
  }

  /** Sends an HL7 v2 message to the product's MLLP listener; its acknowledgement. */
  async sendHl7(port: number, text: string) {
    const ack = readAck(await sendMllp({ host: '127.0.0.1', port }, text, 10_000));
    if (!ack) throw new Error('no acknowledgement');
    return ack;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

interface Reply {
  readonly status: number;
  readonly body: Body;
}

/** Field `n` (component `c`) of the first `name` segment, split as the HIS reads it. */
function field(text: string, name: string, n: number, c = 1): string {
  const segment = text.split('\r').find((s) => s.startsWith(`${name}|`));
  if (segment === undefined) throw new Error(`no ${name} segment in ${text}`);
  // MSH-1 is the field separator itself: MSH-n is the n-th piece after the name minus one.
  const value = segment.split('|')[name === 'MSH' ? n - 1 : n] ?? '';
  return value.split('^')[c - 1] ?? '';
}

/** The resources of a searchset Bundle with the given search mode. */
function entries(reply: Reply, mode: 'match' | 'include'): (Body & { id: string })[] {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return ((reply.body['entry'] ?? []) as { resource: Body & { id: string }; search: Body }[])
    .filter((e) => e.search['mode'] === mode)
    .map((e) => e.resource);
}

/** A UCUM quantity in MBq, as FHIR carries an activity. */
const mbq = (bq: number) => ({
  value: Math.round(bq) / 1e6,
  unit: 'MBq',
  system: UCUM,
  code: 'MBq',
});

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  const deps = { db: db.kysely, now: () => clock.now };
  const app = createApp({ ...deps, databaseKind: db.kind, secureCookies: false });
  api = new TestApi(app, clock, PASSWORD);
  const port = await new Promise<number>((resolve) => {
    http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  listener = await startMllpListener({
    port: 0,
    handle: async (frame) => Buffer.from(await receiveHl7(deps, frame, ackControlId())),
  });
  jobs = hl7Delivery(db.kysely, {
    now: () => clock.now,
    maxAttempts: 3,
    backoffMs: (n) => n * MINUTE,
    timeoutMs: 5_000,
    leaseMs: MINUTE,
  });

  const list = await api.call('GET', `/api/orders?date=${DATE}&product=LU177-PSMA617`, ORDERER);
  expect(list.status).toBe(200);
  template = (list.body['orders'] as (typeof template & { status: string })[]).find((o) =>
    ['submitted', 'accepted'].includes(o.status),
  )!;
  expect(template, 'hospital 1 has a Lu-177 PSMA-617 order tomorrow').toBeDefined();

  // The hospital's orderer issues the HIS its API token.
  const issued = await api.call('POST', '/api/tokens', ORDERER, { name: 'HIS', days: 30 });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  his = await FakeHis.start(`http://127.0.0.1:${port}/fhir`, issued.body['token'] as string);
}, 300_000);

afterAll(async () => {
  await jobsSettled();
  await plansSettled();
  await his?.close();
  await listener?.close();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
  await db?.close();
});

describe('issue 17: orders from a hospital’s system by FHIR and HL7 v2, and the records it gets back', () => {
  let fhirOrder: string;
  let hl7Order: string;

  it('takes a FHIR MedicationRequest and an HL7 OMP^O09 from the HIS as orders the planner sees', async () => {
    // The administrator maps the HIS's sending facility to the hospital and its MLLP server.
    const mapped = await api.call('POST', '/api/interfaces/hl7/facilities', ADMIN, {
      facility: FACILITY,
      hospitalId: template.hospitalId,
      accountEmail: ORDERER,
      endpoint: { host: '127.0.0.1', port: his.port },
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);

    const request = exampleMedicationRequest();
    request['identifier'] = [{ system: 'urn:oid:2.16.156.1.2.3.4', value: 'RX-ACCEPT-1' }];
    request['subject'] = { reference: `Patient/${FHIR_PATIENT}` };
    request['extension'] = [{ url: CALIBRATION_TIME_URL, valueDateTime: template.calibrationTime }];
    const placed = await his.fhir('POST', '/MedicationRequest', request);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    fhirOrder = placed.body['id'] as string;

    // The HIS writes the calibration time in Beijing time with its offset.
    const beijing = new Date(Date.parse(template.calibrationTime) + 8 * 60 * MINUTE);
    const ack = await his.sendHl7(
      listener.port,
      ompO09({
        facility: FACILITY,
        controlId: 'ACCEPT-0001',
        placer: PLACER,
        product: 'LU177-PSMA617',
        amount: '7.4',
        unit: 'GBq',
        at: `${beijing.toISOString().slice(0, 16).replace(/[-:T]/g, '')}+0800`,
        patient: HL7_PATIENT,
        note: '首次治疗',
      }),
    );
    expect(ack.code, ack.text).toBe('AA');
    expect(ack.controlId).toBe('ACCEPT-0001');
    hl7Order = /=([0-9a-f-]{36})/.exec(ack.text)![1]!;

    const day = await api.call('GET', `/api/orders?date=${DATE}`, LOGINS.planner);
    expect(day.status).toBe(200);
    const seen = (day.body['orders'] as Body[]).filter((o) =>
      [fhirOrder, hl7Order].includes(o['id'] as string),
    );
    const common = {
      hospitalId: template.hospitalId,
      productCode: 'LU177-PSMA617',
      calibrationTime: new Date(template.calibrationTime).toISOString(),
      activityBq: 7.4e9,
      status: 'submitted',
    };
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...common, id: fhirOrder, patientRef: FHIR_PATIENT }),
        expect.objectContaining({ ...common, id: hl7Order, patientRef: HL7_PATIENT }),
      ]),
    );
    expect(seen).toHaveLength(2);
  });

  it('plans, makes, dispenses, ships and administers both; the HIS gets RDS^O13, RAS^O17 and the FHIR records', async () => {
    await planAndCommit(api, DATE);
    const day = await api.call('GET', `/api/orders?date=${DATE}`, LOGINS.planner);
    const statusOf = (id: string) =>
      (day.body['orders'] as Body[]).find((o) => o['id'] === id)?.['status'];
    expect([statusOf(fhirOrder), statusOf(hl7Order)]).toEqual(['planned', 'planned']);

    // The batches that make the two doses (one, when the plan makes them together), in the order
    // they start, released and dispensed.
    const orders = [fhirOrder, hl7Order];
    const trips = new Map<string, ShipmentDetail>();
    const batches = new Map<string, BatchDetail>();
    const batchOf = new Map<string, BatchDetail>();
    for (const id of orders) {
      const trip = await shipmentOfOrder(api, DATE, id);
      trips.set(trip.shipment.id, trip);
      const b = await batchOfOrder(api, DATE, id, {
        siteId: trip.shipment.siteId,
        productCode: 'LU177-PSMA617',
      });
      batches.set(b.batch.id, b);
      batchOf.set(id, b);
    }
    const byStart = [...batches.values()].sort(
      (x, y) => Date.parse(x.batch.startAt) - Date.parse(y.batch.startAt),
    );
    for (const b of byStart) await makeReleasedBatch(api, b.batch.id);

    // The HIS hears of the HL7 order's dispense at once; nothing of the FHIR order's.
    await deliverDue();
    expect(his.received).toHaveLength(1);
    const rds = his.received[0]!;
    const hl7Batch = batchOf.get(hl7Order)!.batch.batchNumber;
    const dispensed = (await shipmentOfOrder(api, DATE, hl7Order)).doses.find(
      (d) => d.orderId === hl7Order,
    )!;
    expect(`${field(rds, 'MSH', 9, 1)}^${field(rds, 'MSH', 9, 2)}`).toBe('RDS^O13');
    expect(field(rds, 'MSH', 6)).toBe(FACILITY);
    expect(field(rds, 'PID', 3)).toBe(HL7_PATIENT);
    expect(field(rds, 'ORC', 2)).toBe(PLACER);
    expect(field(rds, 'ORC', 3)).toBe(hl7Order);
    expect(field(rds, 'RXD', 2)).toBe('LU177-PSMA617');
    expect(field(rds, 'RXD', 18)).toBe(hl7Batch);
    expect(Number(field(rds, 'RXD', 4))).toBe(7400);
    expect(field(rds, 'RXD', 5)).toBe('MBq');
    // The activity measured at dispensing, as the API records it, to the kBq.
    const measured = rds.split('\r').find((s) => s.startsWith('OBX|2|'))!;
    expect(measured.split('|')[5]).toBe(String(Math.round(dispensed.dispensedBq! / 1e3) / 1e3));

    // Every shipment carrying them is packed, carried, delivered and received; both given.
    const delivered = new Map<string, ShipmentDetail>();
    for (const trip of trips.values()) {
      const detail = await deliverShipment(api, await dispatchShipment(api, trip.shipment.id));
      for (const id of orders.filter((o) => detail.doses.some((d) => d.orderId === o))) {
        await receiveDose(api, STAFF, detail, id, 'Lu-177');
        delivered.set(id, detail);
      }
    }
    api.setClock(at(api.now, 40));
    for (const [id, patientRef] of [
      [fhirOrder, FHIR_PATIENT],
      [hl7Order, HL7_PATIENT],
    ] as const) {
      await administerDose(api, STAFF, doseOf(delivered.get(id)!, id), {
        nuclide: 'Lu-177',
        patientRef,
        prescribedBq: 7.4e9,
        residueBq: 120e6,
      });
    }
    // What the API records of each dose, as the hospital sees it.
    const recorded = async (id: string) => {
      const detail = await shipmentOfOrder(api, DATE, id, STAFF);
      const dose = detail.doses.find((d) => d.orderId === id) as unknown as Body & {
        dispensedBq: number;
        administration: { administeredBq: number; administeredAt: string };
      };
      expect(dose.administration, `order ${id} is administered`).not.toBeNull();
      return dose;
    };

    // The HIS receives the HL7 order's administration.
    await deliverDue();
    expect(his.received).toHaveLength(2);
    const ras = his.received[1]!;
    const hl7Given = (await recorded(hl7Order)).administration;
    expect(`${field(ras, 'MSH', 9, 1)}^${field(ras, 'MSH', 9, 2)}`).toBe('RAS^O17');
    expect(field(ras, 'PID', 3)).toBe(HL7_PATIENT);
    expect(field(ras, 'ORC', 2)).toBe(PLACER);
    expect(field(ras, 'ORC', 3)).toBe(hl7Order);
    expect(field(ras, 'RXA', 6)).toBe(String(Math.round(hl7Given.administeredBq / 1e3) / 1e3));
    expect(field(ras, 'RXA', 7)).toBe('MBq');
    expect(field(ras, 'RXA', 15)).toBe(hl7Batch);
    expect(field(ras, 'RXA', 20)).toBe('CP');
    const outbox = await api.call('GET', '/api/interfaces/hl7/outbox', ADMIN);
    const sent = outbox.body['entries'] as { messageType: string; status: string }[];
    expect(sent.map((e) => `${e.messageType} ${e.status}`).sort()).toEqual([
      'RAS^O17 delivered',
      'RDS^O13 delivered',
    ]);

    // The HIS finds the FHIR order's dispense, administration and dose summary by patient and
    // date, each with what it refers to, with the figures the API records.
    const fhirGiven = (await recorded(fhirOrder)).administration;
    const search = `patient=${FHIR_PATIENT}&date=${DATE}`;
    const dispenses = await his.fhir(
      'GET',
      `/MedicationDispense?${search}&_include=MedicationDispense:authorizingPrescription`,
    );
    const dispense = entries(dispenses, 'match');
    expect(dispense).toHaveLength(1);
    expect(dispense[0]).toMatchObject({
      resourceType: 'MedicationDispense',
      status: 'completed',
      subject: { reference: `Patient/${FHIR_PATIENT}` },
      authorizingPrescription: [{ reference: `MedicationRequest/${fhirOrder}` }],
      contained: [{ batch: { lotNumber: batchOf.get(fhirOrder)!.batch.batchNumber } }],
      quantity: mbq(7.4e9),
    });
    expect(entries(dispenses, 'include').map((r) => [r['resourceType'], r.id])).toEqual([
      ['MedicationRequest', fhirOrder],
    ]);

    const administrations = await his.fhir(
      'GET',
      `/MedicationAdministration?${search}&_include=MedicationAdministration:request`,
    );
    const administration = entries(administrations, 'match');
    expect(administration).toHaveLength(1);
    expect(administration[0]).toMatchObject({
      resourceType: 'MedicationAdministration',
      status: 'completed',
      subject: { reference: `Patient/${FHIR_PATIENT}` },
      effectiveDateTime: fhirGiven.administeredAt,
      request: { reference: `MedicationRequest/${fhirOrder}` },
      dosage: { dose: mbq(fhirGiven.administeredBq) },
    });
    expect(entries(administrations, 'include').map((r) => r.id)).toEqual([fhirOrder]);

    const summaries = await his.fhir(
      'GET',
      `/Observation?${search}&code=http://loinc.org|73569-6&_include=Observation:part-of`,
    );
    const summary = entries(summaries, 'match');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '73569-6' }] },
      partOf: [{ reference: `MedicationAdministration/${administration[0]!.id}` }],
    });
    const components = summary[0]!['component'] as {
      code: { coding: { code: string }[] };
      valueQuantity?: Body;
    }[];
    // DICOM 113507: the administered activity.
    expect(components.find((c) => c.code.coding[0]!.code === '113507')?.valueQuantity).toEqual(
      mbq(fhirGiven.administeredBq),
    );
    expect(entries(summaries, 'include').map((r) => r.id)).toEqual([administration[0]!.id]);
  });
});
