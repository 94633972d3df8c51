import { connect } from 'node:net';
import { tomorrowIn } from '@halflife/domain';
import type { Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readAck } from './hl7/acknowledgement.js';
import { parseEr7, valueAt, type Segment } from './hl7/er7.js';
import { ackControlId } from './hl7/hl7-interface.js';
import { mllpFrame } from './hl7/mllp-frames.js';
import { startMllpListener, type MllpListener } from './hl7/mllp-listener.js';
import { sendMllp } from './hl7/mllp-send.js';
import { ompO09, ormO01, rdeO11, type SampleOrder } from './hl7/sample-messages.js';
import { jobsSettled } from './services/durable-jobs.js';
import { hl7Delivery } from './services/hl7-delivery.js';
import { receiveHl7 } from './services/hl7-intake-service.js';
import { plansSettled } from './services/plan-execution.js';
import {
  at,
  batchOfOrder,
  decayed,
  LOGINS,
  makeReleasedBatch,
  message,
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
 * The HL7 v2 interface end to end (issue 17): a Chinese hospital's HIS sends a pharmacy order over
 * MLLP (OMP^O09, RDE^O11, ORM^O01, UTF-8 with escape sequences); it is acknowledged and becomes an
 * order, planned, made, dispensed, shipped, received and administered through the API; the HIS (a
 * small fake MLLP server here) receives RDS^O13 and RAS^O17. Malformed messages, a resend, a
 * connection dropped mid-message, a HIS that is down (retries, then a dead letter) and an
 * administrator's retry.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(SEEDED_AT, 'Asia/Shanghai');
const PASSWORD = 'test-password';
const ADMIN = 'admin@demo.halflife';
const FACILITY = '北京协和医院';
const clock = { now: SEEDED_AT };
const MINUTE = 60_000;

let db: Db;
let api: TestApi;
let listener: MllpListener;
let his: MllpListener;
/** What the fake HIS received, and whether it is "up" (answers) or "down" (closed port). */
const received: string[] = [];
const delivery = () =>
  hl7Delivery(db.kysely, {
    now: () => clock.now,
    maxAttempts: 3,
    backoffMs: (n) => n * MINUTE,
    timeoutMs: 5_000,
    leaseMs: MINUTE,
  });
let jobs: ReturnType<typeof delivery>;
/** Delivers whatever the outbox has due now, as a server process's worker does. */
const deliverDue = async () => {
  jobs.nudge();
  await jobsSettled();
};

let hospital: { id: string; orderer: string; staff: string; calibration: string };

const call = (method: string, path: string, email: string, body?: unknown) =>
  api.call(method, path, email, body);
const send = async (text: string) => {
  const ack = readAck(await sendMllp({ host: '127.0.0.1', port: listener.port }, text, 10_000));
  if (!ack) throw new Error('no acknowledgement');
  return ack;
};
const orderIdOf = (ackText: string) => /=([0-9a-f-]{36})/.exec(ackText)?.[1];

const sample = (over: Partial<SampleOrder> = {}): SampleOrder => ({
  facility: FACILITY,
  controlId: 'MSG-0001',
  placer: 'PO\\F\\2026\\S\\0001',
  product: 'LU177-PSMA617',
  amount: '7.4',
  unit: 'GBq',
  at: hospital.calibration,
  patient: 'P-0012345',
  note: '首次治疗 \\T\\ 空腹\\.br\\caf\\XC3A9\\',
  ...over,
});

/** The segments of a message the fake HIS received. */
function segmentsOf(text: string): {
  get: (name: string) => Segment;
  v: (s: Segment, f: number, c?: number) => string;
} {
  const parsed = parseEr7(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const { segments, delimiters } = parsed.value;
  return {
    get: (name) => segments.find((s) => s.name === name)!,
    v: (s, field, component = 1) => valueAt(s, { field, component }, delimiters),
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const l = await startMllpListener({ port: 0, handle: () => Promise.resolve(Buffer.alloc(0)) });
  await l.close();
  return l.port;
}

const mapFacility = (port: number | null) =>
  call('POST', '/api/interfaces/hl7/facilities', ADMIN, {
    facility: FACILITY,
    hospitalId: hospital.id,
    accountEmail: hospital.orderer,
    endpoint: port === null ? null : { host: '127.0.0.1', port },
  });

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  const deps = { db: db.kysely, now: () => clock.now };
  const app = createApp({ ...deps, databaseKind: db.kind, secureCookies: false });
  api = new TestApi(app, clock, PASSWORD);
  listener = await startMllpListener({
    port: 0,
    handle: async (frame) => Buffer.from(await receiveHl7(deps, frame, ackControlId())),
  });
  his = await startMllpListener({
    port: 0,
    handle: (frame) => {
      const text = frame.toString('utf8');
      received.push(text);
      const m = segmentsOf(text);
      const id = m.v(m.get('MSH'), 10);
      return Promise.resolve(
        Buffer.from(
          `MSH|^~\\&|HIS|${FACILITY}|||20261124||ACK|A${id.slice(0, 18)}|P|2.5.1\rMSA|AA|${id}\r`,
        ),
      );
    },
  });
  jobs = delivery();
  // A demo hospital that has a Lu-177 PSMA therapy on the day: the HIS orders one more like it.
  const day = await call('GET', `/api/orders?date=${DATE}&product=LU177-PSMA617`, LOGINS.planner);
  const orders = day.body['orders'] as { hospitalId: string; calibrationTime: string }[];
  for (const n of [1, 2, 3]) {
    const orderer = `hospital${n}.orderer@demo.halflife`;
    const row = await db.kysely
      .selectFrom('users')
      .innerJoin('hospitals', 'hospitals.organisation_id', 'users.organisation_id')
      .select('hospitals.id')
      .where('users.email', '=', orderer)
      .executeTakeFirstOrThrow();
    const theirs = orders.find((o) => o.hospitalId === row.id);
    if (theirs) {
      const t = new Date(theirs.calibrationTime);
      // As the HIS writes it: local time in Beijing with its offset.
      const local = new Date(t.getTime() + 8 * 60 * MINUTE).toISOString();
      hospital = {
        id: row.id,
        orderer,
        staff: `hospital${n}.staff@demo.halflife`,
        calibration: `${local.slice(0, 16).replace(/[-:T]/g, '')}+0800`,
      };
      break;
    }
  }
  expect(hospital, 'a demo hospital has a Lu-177 PSMA-617 order on the day').toBeDefined();
}, 300_000);

afterAll(async () => {
  await jobsSettled();
  await plansSettled();
  await listener?.close();
  await his?.close();
  await db?.close();
});

describe('HL7 v2 interface', () => {
  let orderId: string;

  it('lets only an administrator map a sending facility to a hospital and its endpoint', async () => {
    const body = {
      facility: FACILITY,
      hospitalId: hospital.id,
      accountEmail: hospital.orderer,
      endpoint: null,
    };
    expect(
      (await call('POST', '/api/interfaces/hl7/facilities', LOGINS.planner, body)).status,
    ).toBe(403);
    const staff = await call('POST', '/api/interfaces/hl7/facilities', ADMIN, {
      ...body,
      accountEmail: hospital.staff,
    });
    expect(staff.status).toBe(400);
    expect(message(staff.body)).toMatch(/^accountEmail: /);
    const bad = await call('POST', '/api/interfaces/hl7/facilities', ADMIN, {
      ...body,
      facility: 'A|B',
    });
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/^facility: /);
    const saved = await mapFacility(his.port);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ facility: FACILITY, endpoint: { port: his.port } });
    const list = await call('GET', '/api/interfaces/hl7/facilities', ADMIN);
    expect((list.body['facilities'] as Body[]).map((f) => f['facility'])).toEqual([FACILITY]);
  });

  it('refuses an unknown facility (AR), and malformed messages naming the field (AE/AR)', async () => {
    const unknown = await send(ompO09(sample({ facility: 'UNKNOWN-HOSP' })));
    expect(unknown).toMatchObject({ code: 'AR', controlId: 'MSG-0001' });
    expect(unknown.text).toMatch(/^MSH-4: unknown sending facility "UNKNOWN-HOSP"/);
    const bad = await send(ompO09(sample({ amount: 'lots' })));
    expect(bad.code).toBe('AE');
    expect(bad.text).toMatch(/^RXO-2: the activity must be a positive number/);
    const past = await send(ompO09(sample({ at: '202611200900+0800' })));
    expect(past.code).toBe('AE');
    expect(past.text).toBe('TQ1-7: calibrationTime: must be in the future');
    const tooMuch = await send(ompO09(sample({ amount: '90', unit: 'GBq' })));
    expect(tooMuch.code).toBe('AE');
    expect(tooMuch.text).toMatch(/^RXO-2: amount.activityBq: 90 GBq is above the most one patient/);
    const name = await send(ompO09(sample({ patient: '王小明' })));
    expect(name.code).toBe('AE');
    expect(name.text).toMatch(/^PID-3: patientRef: a pseudonymous reference/);
    const adt = await send(ompO09(sample()).replace('OMP^O09^OMP_O09', 'ADT^A01^ADT_A01'));
    expect(adt.code).toBe('AR');
    const latin = Buffer.from(ompO09(sample()), 'utf8');
    latin[latin.indexOf('首')] = 0xff;
    const notUtf8 = readAck(await sendRaw(latin));
    expect(notUtf8).toMatchObject({
      code: 'AR',
      text: 'the message is not valid UTF-8 (MSH-18 says UTF-8)',
    });
    const garbage = readAck(await sendRaw(Buffer.from('hello')));
    expect(garbage).toMatchObject({
      code: 'AR',
      text: 'the message does not begin with an MSH segment',
    });
    expect(await db.kysely.selectFrom('hl7_orders').select('order_id').execute()).toEqual([]);
  });

  it('accepts an OMP^O09 with Chinese text and escapes as an order; a resend makes no second', async () => {
    const ack = await send(ompO09(sample()));
    expect(ack.code, ack.text).toBe('AA');
    orderId = orderIdOf(ack.text)!;
    const order = await call('GET', `/api/orders/${orderId}`, hospital.orderer);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      hospitalId: hospital.id,
      productCode: 'LU177-PSMA617',
      activityBq: 7.4e9,
      patientRef: 'P-0012345',
      notes: '首次治疗 & 空腹\ncafé',
      status: 'submitted',
    });
    const again = await send(ompO09(sample({ controlId: 'MSG-0001-RESENT' })));
    expect(again).toMatchObject({ code: 'AA', controlId: 'MSG-0001-RESENT' });
    expect(orderIdOf(again.text)).toBe(orderId);
    const changed = await send(ompO09(sample({ controlId: 'MSG-0002', amount: '5.5' })));
    expect(changed.code).toBe('AE');
    expect(changed.text).toMatch(
      /^ORC-2: order PO\|2026\^0001 was sent before with different content/,
    );
    const links = await db.kysely.selectFrom('hl7_orders').selectAll().execute();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      order_id: orderId,
      placer_order: 'PO|2026^0001',
      facility: FACILITY,
    });
  });

  it('accepts RDE^O11 and ORM^O01 too (on the next day, apart from this day’s plan)', async () => {
    const nextDay = dayAfter(hospital.calibration);
    for (const [build, placer] of [
      [rdeO11, 'RDE-1'],
      [ormO01, 'ORM-1'],
    ] as const) {
      const ack = await send(build(sample({ controlId: `C-${placer}`, placer, at: nextDay })));
      expect(ack.code, ack.text).toBe('AA');
      const order = await call('GET', `/api/orders/${orderIdOf(ack.text)}`, LOGINS.planner);
      expect(order.body).toMatchObject({ activityBq: 7.4e9, notes: '首次治疗 & 空腹\ncafé' });
    }
  });

  it('loses nothing and creates nothing when a connection drops mid-message', async () => {
    const before = await db.kysely
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const whole = mllpFrame(
      Buffer.from(
        ompO09(sample({ controlId: 'CUT', placer: 'CUT-1', at: dayAfter(hospital.calibration) })),
        'utf8',
      ),
    );
    await new Promise<void>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: listener.port }, () => {
        socket.write(whole.subarray(0, whole.length - 40), () => {
          socket.destroy();
          resolve();
        });
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const after = await db.kysely
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // The listener goes on; a message in several writes arrives whole.
    const ack = readAck(await sendRaw(whole.subarray(1, whole.length - 2), 7));
    expect(ack?.code).toBe('AA');
  });

  it('sends RDS^O13 when the dose is dispensed and RAS^O17 when it is administered; retries, dead-letters and an administrator’s retry', async () => {
    // Planned and committed with the day's orders.
    await planAndCommit(api, DATE);
    const planned = await call('GET', `/api/orders/${orderId}`, LOGINS.planner);
    expect(planned.body['status'], JSON.stringify(planned.body)).toBe('planned');

    // Made, released and dispensed: the HIS hears of the dispense.
    const shipment = await shipmentOfOrder(api, DATE, orderId);
    const batch = await batchOfOrder(api, DATE, orderId, {
      siteId: shipment.shipment.siteId,
      productCode: 'LU177-PSMA617',
    });
    await makeReleasedBatch(api, batch.batch.id);
    await deliverDue();
    expect(received).toHaveLength(1);
    const rds = segmentsOf(received[0]!);
    expect(rds.v(rds.get('MSH'), 9, 1) + '^' + rds.v(rds.get('MSH'), 9, 2)).toBe('RDS^O13');
    expect(rds.v(rds.get('MSH'), 6)).toBe(FACILITY);
    expect(rds.v(rds.get('ORC'), 2)).toBe('PO|2026^0001');
    expect(rds.v(rds.get('ORC'), 3)).toBe(orderId);
    expect(rds.v(rds.get('PID'), 3)).toBe('P-0012345');
    expect(rds.v(rds.get('RXD'), 2)).toBe('LU177-PSMA617');
    expect(rds.v(rds.get('RXD'), 18)).toBe(batch.batch.batchNumber);
    expect(Number(rds.v(rds.get('RXD'), 4))).toBeCloseTo(7400, 0);
    expect(rds.v(rds.get('RXD'), 5)).toBe('MBq');

    // Packed, loaded, carried, delivered and received.
    const delivered = await deliverShipment(api, await dispatchShipment(api, shipment.shipment.id));
    await receiveDose(api, hospital.staff, delivered, orderId, 'Lu-177');

    // The HIS is down when the dose is given: retried on the clock, then a dead letter.
    await mapFacility(await closedPort());
    api.setClock(at(api.now, 40));
    const given = await administerDose(api, hospital.staff, doseOf(delivered, orderId), {
      nuclide: 'Lu-177',
      patientRef: 'P-0012345',
      prescribedBq: 7.4e9,
      residueBq: 150e6,
    });
    const outbox = async (status?: string) =>
      (await call('GET', `/api/interfaces/hl7/outbox${status ? `?status=${status}` : ''}`, ADMIN))
        .body['entries'] as Body[];
    await deliverDue();
    let ras = (await outbox()).find((e) => e['event'] === 'administration')!;
    expect(ras).toMatchObject({ status: 'pending', attempts: 1, messageType: 'RAS^O17' });
    expect(ras['lastError']).toMatch(/ECONNREFUSED/);
    // Not due again until its backoff has passed on the clock.
    await deliverDue();
    expect((await outbox()).find((e) => e['id'] === ras['id'])!['attempts']).toBe(1);
    api.setClock(at(api.now, 1));
    await deliverDue();
    api.setClock(at(api.now, 2));
    await deliverDue();
    const rasId = ras['id'] as string;
    const dead = await outbox('dead');
    expect(dead.map((e) => e['id'])).toEqual([ras['id']]);
    expect(dead[0]!['attempts']).toBe(3);
    expect(dead[0]!['lastError']).toMatch(/attempt 3 of 3/);
    expect(received).toHaveLength(1);
    expect(
      (await call('GET', '/api/interfaces/hl7/outbox?status=dead', LOGINS.planner)).status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/interfaces/hl7/outbox/${rasId}/retry`, LOGINS.planner)).status,
    ).toBe(403);

    // The HIS is back; the administrator retries the dead letter and it is delivered.
    await mapFacility(his.port);
    const retried = await call('POST', `/api/interfaces/hl7/outbox/${rasId}/retry`, ADMIN);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const twice = await call('POST', `/api/interfaces/hl7/outbox/${rasId}/retry`, ADMIN);
    expect(twice.status).toBe(409);
    await deliverDue();
    ras = (await outbox()).find((e) => e['id'] === ras['id'])!;
    expect(ras).toMatchObject({ status: 'delivered', lastError: null });
    expect(received).toHaveLength(2);
    const rasMessage = segmentsOf(received[1]!);
    expect(rasMessage.v(rasMessage.get('MSH'), 9, 1)).toBe('RAS');
    expect(rasMessage.v(rasMessage.get('ORC'), 2)).toBe('PO|2026^0001');
    const administeredAt = given.administeredAt.getTime();
    const administeredBq =
      decayed('Lu-177', given.beforeBq, given.beforeAt.getTime(), administeredAt) -
      decayed('Lu-177', given.residueBq, given.residueAt.getTime(), administeredAt);
    expect(Number(rasMessage.v(rasMessage.get('RXA'), 6))).toBeCloseTo(administeredBq / 1e6, 2);
    expect(rasMessage.v(rasMessage.get('RXA'), 15)).toBe(batch.batch.batchNumber);
    expect(rasMessage.v(rasMessage.get('RXA'), 20)).toBe('CP');
    expect((await outbox('delivered')).map((e) => e['messageType']).sort()).toEqual([
      'RAS^O17',
      'RDS^O13',
    ]);
  });
});

/** A DTM one calendar day later (orders kept out of the day's plan). */
function dayAfter(dtm: string): string {
  return dtm.replace(/^(\d{8})/, (d) =>
    new Date(Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8) + 1))
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, ''),
  );
}

/** Sends bytes framed as MLLP in `pieces` writes, and resolves with the answer's text. */
function sendRaw(payload: Buffer, pieces = 1): Promise<string> {
  const bytes = mllpFrame(payload);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: listener.port }, () => {
      const size = Math.ceil(bytes.length / pieces);
      for (let k = 0; k < bytes.length; k += size) socket.write(bytes.subarray(k, k + size));
    });
    let answer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.at(-2) === 0x1c && answer.at(-1) === 0x0d) {
        socket.destroy();
        resolve(answer.subarray(1, answer.length - 2).toString('utf8'));
      }
    });
    socket.on('error', reject);
  });
}
