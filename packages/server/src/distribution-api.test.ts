import { localDateOf, tomorrowIn } from '@halflife/domain';
import {
  findHospital,
  findUserByEmail,
  hospitalZone,
  insertPatient,
  insertTherapyCycle,
  insertTherapyPlan,
  patientRecords,
  verifyAudit,
  type Db,
} from '@halflife/db';
import { transportValues } from '@halflife/ops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readPdf } from './documents/read-pdf.js';
import { plansSettled } from './services/plan-execution.js';
import {
  at,
  batchOfOrder,
  decayed,
  halfLifeSeconds,
  inflatePdf,
  LOGINS,
  makeReleasedBatch,
  message,
  TestApi,
  type Body,
  type MadeBatch,
} from '../test/production-fixture.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Distribution and use through the API on the seeded demo network (issue 14). A committed plan's
 * shipments to the demo hospitals: one carrying a Ga-68 and a Lu-177 dose, another a Lu-177
 * therapy dose. Their batches are made, released and dispensed; the doses are packed (classified
 * for transport at dispatch and arrival), loaded with scans under the vehicle's TI limit, picked up
 * by the courier with a signature, delayed (the Ga-68 dose falls out of tolerance and the hospital
 * is alerted), delivered, received and measured at the hospital, administered, and a residue goes
 * into a waste container held for decay until its survey. Every figure is derived here by hand
 * from the half-lives of the decay data.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z');
const DATE = tomorrowIn(SEEDED_AT, 'Asia/Shanghai');
const PASSWORD = 'test-password';
const clock = { now: SEEDED_AT };
let db: Db;
let api: TestApi;

const MBQ = 1e6;
const MINUTE = 60_000;
const rp: string = LOGINS.radiopharmacist;
const courier: string = LOGINS.courier;

type Summary = {
  id: string;
  key: string;
  planDate: string;
  siteId: string;
  hospitalId: string;
  hospitalName: string;
  departAt: string;
  arriveAt: string;
  expectedArrivalAt: string;
  delayMinutes: number;
  status: string;
  vehicle: string | null;
  courierName: string | null;
  doses: number;
  dispensed: number;
  packages: number;
};
type Nuclides = { nuclide: string; activityBq: number }[];
type Classification = {
  at: string;
  contents: Nuclides;
  category: string;
  a2Fraction: number;
  unlisted: string[];
  unNumber: string;
  properShippingName: string;
  transportIndex: number | null;
  label: string | null;
  exclusiveUse: boolean;
  reasons: string[];
};
type Package = {
  id: string;
  code: string;
  packaging: string;
  leadMm: number;
  orderIds: string[];
  measured: { surfaceUSvPerH: number; oneMetreUSvPerH: number } | null;
  estimate: { surfaceUSvPerH: number | null; oneMetreUSvPerH: number | null; basis: string };
  atDispatch: Classification;
  atArrival: Classification;
  transportIndex: number | null;
  label: string | null;
  category: string;
  unNumber: string;
};
type Dose = {
  orderId: string;
  orderStatus: string;
  patientRef: string | null;
  productCode: string;
  productName: string;
  nuclide: string;
  orderedBq: number;
  calibrationAt: string;
  tolerancePct: number;
  batchNumber: string | null;
  doseId: string | null;
  dispensedBq: number | null;
  dispensedAt: string | null;
  expiresAt: string | null;
  packageCode: string | null;
  atUse: { at: string; activityBq: number; deviation: number; ok: boolean } | null;
  receipt: Body | null;
  administration: Body | null;
};
type Detail = {
  shipment: Summary;
  doses: Dose[];
  packages: Package[];
  transportIndexSum: number | null;
  events: { kind: string; at: string; by: string; detail: Body }[];
  signature: { printedName: string; at: string } | null;
};
type Waste = {
  id: string;
  code: string;
  hospitalId: string | null;
  status: string;
  openedAt: string;
  closedAt: string | null;
  releaseAfter: string | null;
  releasedAt: string | null;
  items: { description: string; doseId: string | null; referenceAt: string; contents: Nuclides }[];
  now: Nuclides;
  nowBq: number;
  earliest: { at: string | null; longestLived: string | null; reason: string; warnings: string[] };
  survey: Body | null;
};

/** The staff login of each demo hospital organisation, and the hospitals each may see. */
const staff: { email: string; organisationId: string; hospitalIds: Set<string> }[] = [];
const staffOf = (hospitalId: string) => staff.find((s) => s.hospitalIds.has(hospitalId))!.email;
const otherStaff = (...hospitalIds: string[]) =>
  staff.find((s) => hospitalIds.every((h) => !s.hospitalIds.has(h)))!.email;

let all: Summary[];
/** The shipment with a Ga-68 and a Lu-177 dose, and the Lu-177 therapy shipment. */
let ga: Detail;
let lu: Detail;
let made: MadeBatch[];
/** A dose of a demo hospital's shipment that no batch made here dispenses. */
let waiting: { shipmentId: string; orderId: string };

const call = (method: string, path: string, email: string, body?: unknown) =>
  api.call(method, path, email, body);
const detail = async (id: string, email = rp) =>
  (await call('GET', `/api/shipments/${id}`, email)).body as unknown as Detail;
const nuclideBq = (c: Nuclides, nuclide: string) =>
  c.find((x) => x.nuclide === nuclide)?.activityBq ?? 0;
/** TI from a dose rate at 1 m in µSv/h: mSv/h × 100, up to the next tenth; ≤ 0.05 is 0. */
const tiOf = (uSvPerH: number) => {
  const raw = (uSvPerH / 1000) * 100;
  return raw <= 0.05 ? 0 : Math.ceil(raw * 10 - 1e-9) / 10;
};
const relative = (actual: number, expected: number, digits = 9) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThan(10 ** -digits);

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  const app = createApp({
    db: db.kysely,
    now: () => clock.now,
    databaseKind: db.kind,
    secureCookies: false,
  });
  api = new TestApi(app, clock, PASSWORD);
  const started = await call('POST', '/api/plans', LOGINS.planner, {
    date: DATE,
    method: 'greedy',
  });
  expect(started.status).toBe(202);
  const planId = started.body['id'] as string;
  for (let k = 0; k < 600; k++) {
    const r = await call('GET', `/api/plans/${planId}`, LOGINS.planner);
    if (r.body['status'] !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const committed = await call('POST', `/api/plans/${planId}/commit`, LOGINS.planner);
  expect(committed.status, JSON.stringify(committed.body)).toBe(200);

  for (const n of [1, 2, 3]) {
    const email = `hospital${n}.staff@demo.halflife`;
    const user = await db.kysely
      .selectFrom('users')
      .select('organisation_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const hospitals = await db.kysely
      .selectFrom('hospitals')
      .select('id')
      .where('organisation_id', '=', user.organisation_id)
      .execute();
    staff.push({
      email,
      organisationId: user.organisation_id,
      hospitalIds: new Set(hospitals.map((h) => h.id)),
    });
  }

  const list = await call('GET', `/api/shipments?date=${DATE}`, rp);
  expect(list.status).toBe(200);
  all = list.body['shipments'] as Summary[];
  const reachable = all.filter((s) => staff.some((x) => x.hospitalIds.has(s.hospitalId)));
  const details = await Promise.all(reachable.map((s) => detail(s.id)));
  const count = (d: Detail, prefix: string) =>
    d.doses.filter((x) => x.productCode.startsWith(prefix)).length;
  const byDeparture = (a: Detail, b: Detail) =>
    Date.parse(a.shipment.departAt) - Date.parse(b.shipment.departAt);
  ga = details
    .filter((d) => count(d, 'GA68-') === 1 && count(d, 'LU177-') === 1)
    .sort(byDeparture)[0]!;
  expect(
    ga,
    'the demo plan sends a Ga-68 and a Lu-177 dose to a demo hospital in one vehicle',
  ).toBeDefined();
  const therapy = (d: Detail) => d.doses.every((x) => x.productCode.startsWith('LU177-'));
  const full = (d: Detail) => (d.doses.some((x) => x.orderedBq === 7.4e9) ? 0 : 1);
  lu = details
    .filter((d) => d !== ga && d.doses.length > 0 && therapy(d))
    .sort((a, b) => full(a) - full(b) || byDeparture(a, b))[0]!;
  expect(lu, 'the demo plan sends a Lu-177 therapy dose to a demo hospital').toBeDefined();

  waiting = details
    .flatMap((s) => s.doses.map((d) => ({ shipmentId: s.shipment.id, ...d })))
    .find((d) => !/^(GA68|LU177)-/.test(d.productCode))!;
  expect(waiting).toBeDefined();

  // The batches that make these Ga-68 and Lu-177 doses: released, every dose dispensed.
  const batchIds = new Map<string, string>();
  for (const s of [ga, lu]) {
    for (const d of s.doses.filter((x) => /^(GA68|LU177)-/.test(x.productCode))) {
      const b = await batchOfOrder(api, DATE, d.orderId, {
        siteId: s.shipment.siteId,
        productCode: d.productCode,
      });
      batchIds.set(b.batch.id, b.batch.startAt);
    }
  }
  made = [];
  for (const [id] of [...batchIds].sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))) {
    made.push(await makeReleasedBatch(api, id));
  }
  ga = await detail(ga.shipment.id);
  lu = await detail(lu.shipment.id);
}, 300_000);

afterAll(async () => {
  await plansSettled();
  await db?.close();
});

/** When the later of the two shipments was delivered. */
const bothArrived = () =>
  Math.max(Date.parse(ga.shipment.expectedArrivalAt), Date.parse(lu.shipment.expectedArrivalAt));
const gaDose = () => ga.doses.find((d) => d.productCode.startsWith('GA68-'))!;
const luInGa = () => ga.doses.find((d) => d.productCode.startsWith('LU177-'))!;
const luDose = () => lu.doses.find((d) => d.productCode.startsWith('LU177-'))!;
/** The Lu-177 bulk lot a dose's batch drew (received a minute before the batch started). */
const lotOf = (dose: Dose) =>
  made.find((m) => m.detail.batch.batchNumber === dose.batchNumber)!.sources[0]!;
/** Lu-177m ÷ Lu-177 in a dose at `t`: the carrier-added lot's 2e-4 at its reference, decayed. */
const lu177mRatio = (dose: Dose, t: number) => {
  const lot = lotOf(dose);
  expect(lot.kind).toBe('bulk-lot');
  const elapsed = (t - Date.parse(lot.at)) / 1000;
  return (
    2e-4 * Math.pow(2, elapsed / halfLifeSeconds('Lu-177') - elapsed / halfLifeSeconds('Lu-177m'))
  );
};

describe('distribution and use through the API', () => {
  let gaPackage: string;
  let luInGaPackage: string;
  let luPackage: string;
  let courierId: string;
  let replanId: string;

  it('lists shipments: the producer the day, a hospital its own, the courier none until loaded', async () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining([ga.shipment.id, lu.shipment.id]));
    expect(new Set(all.map((s) => `${s.planDate} ${s.status}`))).toEqual(
      new Set([`${DATE} planned`]),
    );
    for (const s of [ga, lu]) {
      expect(s.shipment.status).toBe('planned');
      expect(s.shipment.dispensed).toBe(s.doses.filter((d) => d.doseId !== null).length);
      expect(s.shipment.expectedArrivalAt).toBe(s.shipment.arriveAt);
    }
    // Every Ga-68 and Lu-177 dose of the two shipments is dispensed at the activity of its order.
    for (const d of [gaDose(), luInGa(), luDose()]) {
      expect(d.orderStatus).toBe('released');
      relative(
        decayed(d.nuclide, d.dispensedBq!, Date.parse(d.dispensedAt!), Date.parse(d.calibrationAt)),
        d.orderedBq,
      );
    }

    const own = staffOf(ga.shipment.hospitalId);
    const mine = staff.find((s) => s.email === own)!;
    const theirs = await call('GET', `/api/shipments?date=${DATE}`, own);
    expect(theirs.status).toBe(200);
    const seen = theirs.body['shipments'] as Summary[];
    expect(seen.map((s) => s.id).sort()).toEqual(
      all
        .filter((s) => mine.hospitalIds.has(s.hospitalId))
        .map((s) => s.id)
        .sort(),
    );
    expect(seen.length).toBeLessThan(all.length);
    const elsewhere = all.find((s) => !mine.hospitalIds.has(s.hospitalId))!;
    expect((await call('GET', `/api/shipments/${elsewhere.id}`, own)).status).toBe(404);
    expect((await call('GET', `/api/shipments/${ga.shipment.id}`, own)).status).toBe(200);

    const runs = await call('GET', '/api/shipments', courier);
    expect(runs.status).toBe(200);
    expect(runs.body['shipments']).toEqual([]);
    expect((await call('GET', `/api/shipments/${ga.shipment.id}`, courier)).status).toBe(404);
  });

  it('packs dispensed doses of the shipment only, and classifies each package at dispatch and arrival', async () => {
    api.setClock(at(ga.shipment.departAt, -25));
    // A dose not dispensed (e.g. an F-18 dose: no F-18 batch is made here) cannot be packed.
    const early = await call('POST', `/api/shipments/${waiting.shipmentId}/packages`, rp, {
      orderIds: [waiting.orderId],
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(early.status).toBe(400);
    expect(message(early.body)).toBe('orderIds[0]: the dose is not dispensed yet');
    const foreign = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [gaDose().orderId, luDose().orderId],
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(foreign.status).toBe(400);
    expect(message(foreign.body)).toBe('orderIds[1]: no dose of this shipment for that order');
    const halfMeasured = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [gaDose().orderId],
      packaging: 'type-a-case',
      leadMm: 3,
      surfaceUSvPerH: 100,
    });
    expect(halfMeasured.status).toBe(400);
    expect(message(halfMeasured.body)).toMatch(/^oneMetreUSvPerH: give both/);
    for (const who of [courier, staffOf(ga.shipment.hospitalId), LOGINS.qp]) {
      const r = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, who, {
        orderIds: [gaDose().orderId],
        packaging: 'type-a-case',
        leadMm: 3,
      });
      expect(r.status, who).toBe(403);
    }

    // The Ga-68 dose, measured at packing: 1.5 mSv/h at the surface, 40 µSv/h at 1 m.
    const packed = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [gaDose().orderId],
      packaging: 'type-a-case',
      leadMm: 10,
      surfaceUSvPerH: 1500,
      oneMetreUSvPerH: 40,
    });
    expect(packed.status, JSON.stringify(packed.body)).toBe(200);
    ga = packed.body as unknown as Detail;
    expect(ga.shipment.status).toBe('packed');
    gaPackage = gaDose().packageCode!;
    expect(gaPackage).toMatch(/^PK-[0-9A-F]{10}$/);
    const gp = ga.packages.find((p) => p.code === gaPackage)!;
    const departAt = Date.parse(ga.shipment.departAt);
    const arriveAt = Date.parse(ga.shipment.arriveAt);
    const g = gaDose();
    const gaAtDispatch = decayed('Ga-68', g.dispensedBq!, Date.parse(g.dispensedAt!), departAt);
    expect(gp.atDispatch.at).toBe(ga.shipment.departAt);
    expect(gp.atDispatch.contents.map((c) => c.nuclide)).toEqual(['Ga-68']);
    relative(gp.atDispatch.contents[0]!.activityBq, gaAtDispatch);
    // Ga-68: A2 0.5 TBq; a liquid is excepted up to 1e-4 A2 (50 MBq): this dose is Type A.
    expect(gaAtDispatch).toBeGreaterThan(50 * MBQ);
    relative(gp.atDispatch.a2Fraction, gaAtDispatch / 0.5e12);
    expect(gp.atArrival.at).toBe(ga.shipment.arriveAt);
    relative(
      gp.atArrival.contents[0]!.activityBq,
      decayed('Ga-68', g.dispensedBq!, Date.parse(g.dispensedAt!), arriveAt),
    );
    expect(gp).toMatchObject({
      category: 'type-a',
      unNumber: 'UN 2915',
      measured: { surfaceUSvPerH: 1500, oneMetreUSvPerH: 40 },
      transportIndex: 4,
      label: 'III-YELLOW',
    });
    expect(gp.atDispatch.properShippingName).toMatch(/^RADIOACTIVE MATERIAL, TYPE A PACKAGE/);

    const twice = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [gaDose().orderId],
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(twice.status).toBe(409);
    expect(message(twice.body)).toBe('orderIds[0]: the dose is packed already');

    // The Lu-177 doses, not measured: an estimate is shown, marked as one.
    const second = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [luInGa().orderId],
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    ga = second.body as unknown as Detail;
    luInGaPackage = luInGa().packageCode!;

    api.setClock(at(lu.shipment.departAt, -25));
    const therapy = await call('POST', `/api/shipments/${lu.shipment.id}/packages`, rp, {
      orderIds: lu.doses.filter((d) => d.doseId !== null).map((d) => d.orderId),
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(therapy.status, JSON.stringify(therapy.body)).toBe(200);
    lu = therapy.body as unknown as Detail;
    luPackage = luDose().packageCode!;
    expect(lu.packages).toHaveLength(1);
    const p = lu.packages[0]!;
    expect(lu.doses.every((x) => x.doseId !== null)).toBe(true);
    expect(p.orderIds).toEqual(lu.doses.map((x) => x.orderId));
    // Contents at the planned departure: each dose's Lu-177 decayed from its dispensed activity,
    // and the carrier-added lot's Lu-177m in its ratio then.
    const t = Date.parse(lu.shipment.departAt);
    let lu177 = 0;
    let lu177m = 0;
    for (const d of lu.doses) {
      const dispensedAt = Date.parse(d.dispensedAt!);
      expect(dispensedAt).toBeLessThan(t);
      lu177 += decayed('Lu-177', d.dispensedBq!, dispensedAt, t);
      lu177m += decayed('Lu-177m', d.dispensedBq! * lu177mRatio(d, dispensedAt), dispensedAt, t);
    }
    expect(p.atDispatch.at).toBe(lu.shipment.departAt);
    expect(p.atDispatch.contents.map((c) => c.nuclide).sort()).toEqual(['Lu-177', 'Lu-177m']);
    relative(nuclideBq(p.atDispatch.contents, 'Lu-177'), lu177, 6);
    relative(nuclideBq(p.atDispatch.contents, 'Lu-177m'), lu177m, 5);
    // Lu-177 A2 0.7 TBq; Lu-177m is not in SSR-6 Table 2: the unlisted beta/gamma A2 0.02 TBq.
    expect(transportValues('Lu-177').a2Bq).toBe(0.7e12);
    expect(p.atDispatch.unlisted).toEqual(['Lu-177m']);
    relative(p.atDispatch.a2Fraction, lu177 / 0.7e12 + lu177m / 0.02e12, 5);
    expect(p).toMatchObject({ category: 'type-a', unNumber: 'UN 2915', measured: null });
    // Estimate: Γ 0.004865 µSv·m²/(MBq·h) × A × 2^(−3 mm / 0.54 mm) at 1 m; ÷ 0.09² at the surface
    // (Lu-177m, 2e-4 of the activity, is below the 0.1% that changes an estimate).
    const oneMetre = 0.004865 * (lu177 / MBQ) * Math.pow(2, -3 / 0.54);
    relative(p.estimate.oneMetreUSvPerH!, oneMetre, 5);
    relative(p.estimate.surfaceUSvPerH!, oneMetre / 0.0081, 5);
    expect(p.estimate.basis).toBe('estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m, 3 mm lead');
    expect(p.transportIndex).toBe(tiOf(oneMetre));
    expect(p.transportIndex).toBe(0.1);
    expect(p.label).toBe('II-YELLOW');
    expect(lu.shipment).toMatchObject({ status: 'packed', packages: 1 });
    expect(lu.events.map((e) => e.kind)).toEqual(['packed']);
  });

  it('loads only with every package scanned, none other, a courier and the vehicle under TI 50', async () => {
    const couriers = await call('GET', '/api/couriers', rp);
    expect(couriers.status).toBe(200);
    const list = couriers.body['couriers'] as { id: string; name: string }[];
    courierId = list.find((c) => c.name === 'Demo Courier Driver')!.id;
    const planner = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', LOGINS.planner)
      .executeTakeFirstOrThrow();

    api.setClock(at(ga.shipment.departAt, -15));
    const load = (codes: string[], who: string = rp, carrier = courierId) =>
      call('POST', `/api/shipments/${ga.shipment.id}/load`, who, {
        vehicle: 'BJ-A 12345',
        courierId: carrier,
        scannedCodes: codes,
      });
    const missing = await load([gaPackage]);
    expect(missing.status).toBe(400);
    expect(message(missing.body)).toBe(`scannedCodes: missing ${luInGaPackage}`);
    const extra = await load([gaPackage, luInGaPackage, luPackage]);
    expect(extra.status).toBe(400);
    expect(message(extra.body)).toBe(`scannedCodes: not of this shipment ${luPackage}`);
    const doubled = await load([gaPackage, gaPackage, luInGaPackage]);
    expect(doubled.status).toBe(400);
    expect(message(doubled.body)).toBe(`scannedCodes: scanned twice: ${gaPackage}`);
    const notCourier = await load([gaPackage, luInGaPackage], rp, planner.id);
    expect(notCourier.status).toBe(400);
    expect(message(notCourier.body)).toBe('courierId: no active courier with that id');
    for (const who of [courier, staffOf(ga.shipment.hospitalId), LOGINS.planner]) {
      expect((await load([gaPackage, luInGaPackage], who)).status, who).toBe(403);
    }

    // Measured again at 600 µSv/h at 1 m: TI 60, which no vehicle may carry (Σ TI ≤ 50).
    const hot = await call('POST', `/api/packages/${gaPackage}/dose-rates`, rp, {
      surfaceUSvPerH: 5000,
      oneMetreUSvPerH: 600,
    });
    expect(hot.status, JSON.stringify(hot.body)).toBe(200);
    const hotPackage = (hot.body as unknown as Detail).packages.find((p) => p.code === gaPackage)!;
    expect(hotPackage).toMatchObject({ transportIndex: 60, label: 'III-YELLOW' });
    expect(hotPackage.atDispatch.exclusiveUse).toBe(true);
    const luTi = ga.packages.find((p) => p.code === luInGaPackage)!.transportIndex!;
    expect((hot.body as unknown as Detail).transportIndexSum).toBe(
      Math.round((60 + luTi) * 10) / 10,
    );
    const tooHot = await load([gaPackage, luInGaPackage]);
    expect(tooHot.status).toBe(409);
    expect(message(tooHot.body)).toBe(
      `vehicle: the transport indexes add up to ${Math.round((60 + luTi) * 10) / 10}, above 50 on BJ-A 12345`,
    );
    // Under 50 on the vehicle, but TI 12 for one package: only exclusive use may carry it.
    expect(
      (
        await call('POST', `/api/packages/${gaPackage}/dose-rates`, rp, {
          surfaceUSvPerH: 1500,
          oneMetreUSvPerH: 120,
        })
      ).status,
    ).toBe(200);
    const exclusive = await load([gaPackage, luInGaPackage]);
    expect(exclusive.status).toBe(409);
    expect(message(exclusive.body)).toBe(
      `scannedCodes: package ${gaPackage} needs exclusive use (TI above 10 or surface above 2 mSv/h): not offered by this vehicle`,
    );
    expect(
      (
        await call('POST', `/api/packages/${gaPackage}/dose-rates`, courier, {
          surfaceUSvPerH: 1500,
          oneMetreUSvPerH: 40,
        })
      ).status,
    ).toBe(403);
    const fixed = await call('POST', `/api/packages/${gaPackage}/dose-rates`, rp, {
      surfaceUSvPerH: 1500,
      oneMetreUSvPerH: 40,
    });
    expect(fixed.status).toBe(200);

    const loaded = await load([luInGaPackage, gaPackage]);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    ga = loaded.body as unknown as Detail;
    expect(ga.shipment).toMatchObject({
      status: 'loaded',
      vehicle: 'BJ-A 12345',
      courierName: 'Demo Courier Driver',
      expectedArrivalAt: ga.shipment.arriveAt,
    });
    expect(ga.transportIndexSum).toBe(Math.round((4 + luTi) * 10) / 10);
    expect(ga.events.map((e) => e.kind)).toEqual(['packed', 'packed', 'loaded']);
    expect((await load([gaPackage, luInGaPackage])).status).toBe(409);
    const late = await call('POST', `/api/packages/${gaPackage}/dose-rates`, rp, {
      surfaceUSvPerH: 1500,
      oneMetreUSvPerH: 40,
    });
    expect(late.status).toBe(409);
    expect(message(late.body)).toMatch(/^code: the package is loaded/);
    const more = await call('POST', `/api/shipments/${ga.shipment.id}/packages`, rp, {
      orderIds: [gaDose().orderId],
      packaging: 'type-a-case',
      leadMm: 3,
    });
    expect(more.status).toBe(409);

    // What a vehicle carries already counts: the therapy package, measured at 460 µSv/h at 1 m
    // (TI 46), does not fit beside the first shipment's 4.1 (the registration in any case).
    api.setClock(at(lu.shipment.departAt, -15));
    const rates = (surfaceUSvPerH: number, oneMetreUSvPerH: number) =>
      call('POST', `/api/packages/${luPackage}/dose-rates`, rp, {
        surfaceUSvPerH,
        oneMetreUSvPerH,
      });
    expect((await rates(5000, 460)).status).toBe(200);
    const beside = await call('POST', `/api/shipments/${lu.shipment.id}/load`, rp, {
      vehicle: 'bj-a 12345',
      courierId,
      scannedCodes: [luPackage],
    });
    expect(beside.status).toBe(409);
    expect(message(beside.body)).toBe(
      `vehicle: the transport indexes add up to ${Math.round((46 + 4 + luTi) * 10) / 10}, above 50 on bj-a 12345 (with 1 shipment(s) already on board)`,
    );
    // Measured properly: 95 µSv/h at the surface and 0.8 at 1 m, as estimated (TI 0.1).
    const measured = await rates(95, 0.8);
    expect(measured.status).toBe(200);
    expect((measured.body as unknown as Detail).packages[0]).toMatchObject({
      measured: { surfaceUSvPerH: 95, oneMetreUSvPerH: 0.8 },
      transportIndex: 0.1,
      label: 'II-YELLOW',
    });
    const therapy = await call('POST', `/api/shipments/${lu.shipment.id}/load`, rp, {
      vehicle: 'BJ-B 67890',
      courierId,
      scannedCodes: [luPackage],
    });
    expect(therapy.status, JSON.stringify(therapy.body)).toBe(200);
    lu = therapy.body as unknown as Detail;
    expect(lu.transportIndexSum).toBe(lu.packages[0]!.transportIndex);
  });

  it('lets the courier see and sign for their runs only, with their password and ID', async () => {
    const runs = await call('GET', '/api/shipments', courier);
    expect((runs.body['shipments'] as Summary[]).map((s) => s.id).sort()).toEqual(
      [ga.shipment.id, lu.shipment.id].sort(),
    );
    expect((runs.body['shipments'] as Summary[]).every((s) => s.status === 'loaded')).toBe(true);

    api.setClock(at(ga.shipment.departAt, -2));
    await api.signIn(courier);
    const pickUp = (body: Body, who = courier) =>
      call('POST', `/api/shipments/${ga.shipment.id}/pick-up`, who, body);
    const codes = [gaPackage, luInGaPackage];
    expect(
      (await pickUp({ scannedCodes: codes, password: PASSWORD }, staffOf(ga.shipment.hospitalId)))
        .status,
    ).toBe(403);
    expect((await pickUp({ scannedCodes: codes, password: PASSWORD }, rp)).status).toBe(403);
    // The scans are checked before the signature: a wrong scan costs no signing attempt.
    const wrongScan = await pickUp({ scannedCodes: [gaPackage], password: 'not-the-password' });
    expect(wrongScan.status).toBe(400);
    expect(message(wrongScan.body)).toBe(`scannedCodes: missing ${luInGaPackage}`);
    const noId = await pickUp({ scannedCodes: codes, password: PASSWORD });
    expect(noId.status).toBe(400);
    expect(message(noId.body)).toMatch(/^email: /);
    const wrong = await pickUp({
      scannedCodes: codes,
      password: 'not-the-password',
      email: courier,
    });
    expect(wrong.status).toBe(401);
    expect(message(wrong.body)).toMatch(/wrong ID or password/);
    expect((await pickUp({ scannedCodes: codes, password: PASSWORD, email: courier })).status).toBe(
      200,
    );
    // Signed once in this session: the password alone for the next run.
    const before = new Map(ga.doses.map((d) => [d.orderId, d.orderStatus]));
    const picked = await call('GET', `/api/shipments/${ga.shipment.id}`, courier);
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    ga = picked.body as unknown as Detail;
    expect(ga.shipment.status).toBe('in-transit');
    expect(ga.signature).toEqual({ printedName: 'Demo Courier Driver', at: api.now.toISOString() });
    // The packed doses are dispatched; a dose not made (the F-18 one) stays as it was.
    for (const d of ga.doses) {
      expect(d.orderStatus, d.productCode).toBe(
        d.packageCode === null ? before.get(d.orderId) : 'dispatched',
      );
    }
    expect(gaDose().orderStatus).toBe('dispatched');
    expect(luInGa().orderStatus).toBe('dispatched');
    expect((await pickUp({ scannedCodes: codes, password: PASSWORD })).status).toBe(409);
    // Picked up two minutes early: the classification now holds from the pick-up.
    expect(ga.packages[0]!.atDispatch.at).toBe(api.now.toISOString());

    api.setClock(at(lu.shipment.departAt, -1));
    const therapy = await call('POST', `/api/shipments/${lu.shipment.id}/pick-up`, courier, {
      scannedCodes: [luPackage],
      password: PASSWORD,
      email: courier,
    });
    expect(therapy.status, JSON.stringify(therapy.body)).toBe(200);
    lu = therapy.body as unknown as Detail;
    expect(luDose().orderStatus).toBe('dispatched');
    expect(lu.shipment.expectedArrivalAt).toBe(lu.shipment.arriveAt);
  });

  it('recomputes each dose at use when the courier reports a delay, and alerts the hospital', async () => {
    api.setClock(at(ga.shipment.departAt, 15));
    const g = gaDose();
    const l = luInGa();
    // Three hours late at first; then (if that is past the Ga-68 dose's expiry) the courier finds a
    // way to arrive ten minutes before it.
    const threeHours = Date.parse(ga.shipment.expectedArrivalAt) + 180 * MINUTE;
    const expiresAt = Date.parse(g.expiresAt!);
    const arrival = Math.min(threeHours, expiresAt - 10 * MINUTE);
    const delay = (body: Body, who = courier) =>
      call('POST', `/api/shipments/${ga.shipment.id}/delay`, who, body);
    expect(
      (await delay({ expectedArrivalAt: new Date(arrival).toISOString(), reason: 'x' }, rp)).status,
    ).toBe(403);
    const past = await delay({ expectedArrivalAt: at(api.now, -5).toISOString(), reason: 'x' });
    expect(past.status).toBe(400);
    expect(message(past.body)).toBe('expectedArrivalAt: is in the past');
    const bad = await delay({ expectedArrivalAt: 'after lunch', reason: 'traffic' });
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/^expectedArrivalAt: /);
    const far = await delay({
      expectedArrivalAt: at(api.now, 8 * 24 * 60).toISOString(),
      reason: 'x',
    });
    expect(far.status).toBe(400);
    expect(message(far.body)).toBe('expectedArrivalAt: is more than 7 days ahead');

    const first = await delay({
      expectedArrivalAt: new Date(threeHours).toISOString(),
      reason: 'accident on the ring road',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body['outOfTolerance']).toEqual([g.orderId]);
    if (threeHours > expiresAt) {
      const expired = (await call('GET', '/api/alerts', staffOf(ga.shipment.hospitalId))).body[
        'alerts'
      ] as { kind: string; message: string }[];
      const texts = expired.filter((a) => a.kind === 'shipment-delay').map((a) => a.message);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain(
        `${g.productName} for ${g.patientRef ?? `order ${g.orderId.slice(0, 8)}`}: expires before it arrives`,
      );
    }

    api.setClock(at(api.now, 5));
    const reported = await delay({
      expectedArrivalAt: new Date(arrival).toISOString().replace('Z', '+00:00'),
      reason: 'a way round the accident',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    ga = reported.body['shipment'] as Detail;
    expect(ga.shipment.expectedArrivalAt).toBe(new Date(arrival).toISOString());
    expect(ga.shipment.delayMinutes).toBe(
      Math.round((arrival - Date.parse(ga.shipment.arriveAt)) / MINUTE),
    );
    // Ga-68: used at the arrival (after its calibration), decayed from the dispensed activity.
    const useAt = Math.max(arrival, Date.parse(g.calibrationAt));
    const gaAtUse = decayed('Ga-68', g.dispensedBq!, Date.parse(g.dispensedAt!), useAt);
    const gaDeviation = gaAtUse / g.orderedBq - 1;
    expect(Math.abs(gaDeviation) * 100).toBeGreaterThan(g.tolerancePct);
    const gaNow = gaDose().atUse!;
    expect(gaNow.at).toBe(new Date(useAt).toISOString());
    relative(gaNow.activityBq, gaAtUse);
    relative(gaNow.deviation, gaDeviation, 8);
    expect(gaNow.ok).toBe(false);
    // Lu-177 (6.6 d): a few hours do not matter.
    const luUseAt = Math.max(arrival, Date.parse(l.calibrationAt));
    const luAtUse = decayed('Lu-177', l.dispensedBq!, Date.parse(l.dispensedAt!), luUseAt);
    const luNow = luInGa().atUse!;
    relative(luNow.activityBq, luAtUse);
    expect(Math.abs(luAtUse / l.orderedBq - 1) * 100).toBeLessThan(l.tolerancePct);
    expect(luNow.ok).toBe(true);
    expect(reported.body['outOfTolerance']).toEqual([g.orderId]);
    expect(reported.body['alerts']).toBe(1);
    expect(ga.events.at(-1)).toMatchObject({
      kind: 'delayed',
      by: 'Demo Courier Driver',
      detail: {
        reason: 'a way round the accident',
        expectedArrivalAt: new Date(arrival).toISOString(),
        minutes: Math.round((arrival - threeHours) / MINUTE),
      },
    });

    const own = staffOf(ga.shipment.hospitalId);
    const alerts = await call('GET', '/api/alerts', own);
    expect(alerts.status).toBe(200);
    const delayAlerts = (
      alerts.body['alerts'] as {
        kind: string;
        hospitalId: string;
        message: string;
        doses: Body[];
      }[]
    ).filter((a) => a.kind === 'shipment-delay');
    expect(delayAlerts).toHaveLength(threeHours > expiresAt ? 2 : 1);
    const alert = delayAlerts[0]!; // newest first
    expect(alert.hospitalId).toBe(ga.shipment.hospitalId);
    expect(alert.message).toContain(`Shipment ${ga.shipment.key} from `);
    expect(alert.message).toContain(
      `is late (a way round the accident); now expected ${new Date(arrival).toISOString()}`,
    );
    expect(alert.message).toContain(
      `${(gaAtUse / MBQ).toFixed(1)} MBq at ${new Date(useAt).toISOString()} against ${(g.orderedBq / MBQ).toFixed(1)} MBq ordered (${(gaDeviation * 100).toFixed(1)}%, tolerance ±${g.tolerancePct}%)`,
    );
    expect(alert.doses).toEqual([
      expect.objectContaining({ orderId: g.orderId, doseId: g.doseId }),
    ]);
    const others = await call('GET', '/api/alerts', otherStaff(ga.shipment.hospitalId));
    expect(
      (others.body['alerts'] as { kind: string }[]).some((a) => a.kind === 'shipment-delay'),
    ).toBe(false);

    // The planner asks for a replacement of the Ga-68 dose once both vehicles are on the road:
    // a re-plan starts (the doses on the road stay as they are).
    api.setClock(
      at(Math.max(Date.parse(ga.shipment.departAt), Date.parse(lu.shipment.departAt)), 5),
    );
    expect(
      (
        await call('POST', `/api/shipments/${ga.shipment.id}/replacements`, own, {
          orderIds: [g.orderId],
        })
      ).status,
    ).toBe(403);
    const wrongOrder = await call(
      'POST',
      `/api/shipments/${ga.shipment.id}/replacements`,
      LOGINS.planner,
      {
        orderIds: [luDose().orderId],
      },
    );
    expect(wrongOrder.status).toBe(400);
    expect(message(wrongOrder.body)).toMatch(/^orderIds\[0\]: /);
    const replan = await call(
      'POST',
      `/api/shipments/${ga.shipment.id}/replacements`,
      LOGINS.planner,
      {
        orderIds: [g.orderId],
      },
    );
    expect(replan.status, JSON.stringify(replan.body)).toBe(202);
    expect(replan.body['status']).toBe('running');
    replanId = replan.body['id'] as string;
    const replacement = await db.kysely
      .selectFrom('orders')
      .select(['status', 'activity_bq', 'calibration_at', 'hospital_id'])
      .where('idempotency_key', '=', `replacement:${g.orderId}`)
      .executeTakeFirstOrThrow();
    expect(replacement).toMatchObject({
      status: 'accepted',
      activity_bq: g.orderedBq,
      hospital_id: ga.shipment.hospitalId,
    });
    expect(replacement.calibration_at.toISOString()).toBe(g.calibrationAt);
  });

  /**
   * A re-plan made once doses are on the road keeps their orders as they are (dispatched,
   * delivered, administered: KEPT_BY_REPLAN) and its commit moves what is attached to the
   * shipments it carries.
   */
  it('keeps packages, runs and tracking when the planner commits the re-plan', async () => {
    api.setClock(at(api.now, 1));
    let status = 'running';
    for (let k = 0; k < 600 && status === 'running'; k++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await call('GET', `/api/plans/${replanId}`, LOGINS.planner)).body[
        'status'
      ] as string;
    }
    expect(status).toBe('ready');
    const committed = await call('POST', `/api/plans/${replanId}/commit`, LOGINS.planner);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const list = (await call('GET', `/api/shipments?date=${DATE}`, rp)).body[
      'shipments'
    ] as Summary[];
    for (const before of [ga, lu]) {
      const now = list.find((s) => s.key === before.shipment.key)!;
      expect(now, `shipment ${before.shipment.key} after the re-plan`).toBeDefined();
      const after = await detail(now.id);
      expect(after.shipment).toMatchObject({
        status: 'in-transit',
        vehicle: before.shipment.vehicle,
        expectedArrivalAt: before.shipment.expectedArrivalAt,
        packages: before.packages.length,
      });
      expect(after.packages.map((p) => p.code)).toEqual(before.packages.map((p) => p.code));
      expect(after.doses.map((d) => [d.orderId, d.doseId, d.packageCode, d.orderStatus])).toEqual(
        before.doses.map((d) => [d.orderId, d.doseId, d.packageCode, d.orderStatus]),
      );
      expect(after.events.map((e) => e.kind)).toEqual(before.events.map((e) => e.kind));
      expect(after.signature).toEqual(before.signature);
    }
    ga = await detail(list.find((s) => s.key === ga.shipment.key)!.id);
    lu = await detail(list.find((s) => s.key === lu.shipment.key)!.id);
    const runs = (await call('GET', '/api/shipments', courier)).body['shipments'] as Summary[];
    expect(runs.map((s) => s.id).sort()).toEqual([ga.shipment.id, lu.shipment.id].sort());
  });

  it('delivers only with every package scanned; a dose cannot be measured before', async () => {
    api.setClock(new Date(ga.shipment.expectedArrivalAt));
    const deliver = (codes: string[], who = courier) =>
      call('POST', `/api/shipments/${ga.shipment.id}/deliver`, who, { scannedCodes: codes });
    expect(
      (await deliver([gaPackage, luInGaPackage], staffOf(ga.shipment.hospitalId))).status,
    ).toBe(403);
    const short = await deliver([gaPackage]);
    expect(short.status).toBe(400);
    expect(message(short.body)).toBe(`scannedCodes: missing ${luInGaPackage}`);
    const done = await deliver([gaPackage, luInGaPackage]);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    ga = done.body as unknown as Detail;
    expect(ga.shipment.status).toBe('delivered');
    expect(gaDose().orderStatus).toBe('delivered');
    expect(luInGa().orderStatus).toBe('delivered');
    expect((await deliver([gaPackage, luInGaPackage])).status).toBe(409);

    // The therapy is still on the road: its dose cannot be received yet.
    api.setClock(at(lu.shipment.arriveAt, -3));
    const own = staffOf(lu.shipment.hospitalId);
    const early = await call('POST', `/api/doses/${luDose().doseId}/receipt`, own, {
      packageCode: luPackage,
      measuredBq: luDose().dispensedBq,
      measuredAt: api.now.toISOString(),
    });
    expect(early.status).toBe(409);
    expect(message(early.body)).toBe('doseId: the shipment is not delivered yet');
    api.setClock(new Date(lu.shipment.arriveAt));
    const therapy = await call('POST', `/api/shipments/${lu.shipment.id}/deliver`, courier, {
      scannedCodes: [luPackage],
    });
    expect(therapy.status).toBe(200);
    lu = therapy.body as unknown as Detail;
    expect(luDose().orderStatus).toBe('delivered');
    expect(lu.events.map((e) => e.kind)).toEqual(['packed', 'loaded', 'picked-up', 'delivered']);
    // Delivered runs stay in the courier's list…
    const runs = (await call('GET', '/api/shipments', courier)).body['shipments'] as Summary[];
    expect(runs.map((s) => s.status)).toEqual(['delivered', 'delivered']);
    // …for a day: then they drop off it.
    api.setClock(at(DATE, 2 * 24 * 60));
    expect((await call('GET', '/api/shipments', courier)).body['shipments']).toEqual([]);
  });

  it('receives each dose against the dispensed activity decayed: accepted, flagged or refused', async () => {
    api.setClock(at(bothArrived(), 15));
    const receive = (dose: Dose, body: Body, who = staffOf(ga.shipment.hospitalId)) =>
      call('POST', `/api/doses/${dose.doseId}/receipt`, who, body);
    const measuredAt = at(api.now, -5).getTime();
    const expectedOf = (dose: Dose) =>
      decayed(dose.nuclide, dose.dispensedBq!, Date.parse(dose.dispensedAt!), measuredAt);

    // The therapy: measured 4% above the dispensed activity decayed to the measurement.
    const d = luDose();
    const who = staffOf(lu.shipment.hospitalId);
    expect(
      (
        await receive(
          d,
          { packageCode: luPackage, measuredBq: 1e9, measuredAt: api.now.toISOString() },
          otherStaff(lu.shipment.hospitalId),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await receive(
          d,
          { packageCode: luPackage, measuredBq: 1e9, measuredAt: api.now.toISOString() },
          who.replace('staff', 'orderer'),
        )
      ).status,
    ).toBe(403);
    const wrongPackage = await receive(
      d,
      { packageCode: gaPackage, measuredBq: 1e9, measuredAt: api.now.toISOString() },
      who,
    );
    expect(wrongPackage.status).toBe(400);
    expect(message(wrongPackage.body)).toBe(`packageCode: the dose is not in package ${gaPackage}`);
    const future = await receive(
      d,
      { packageCode: luPackage, measuredBq: 1e9, measuredAt: at(api.now, 30).toISOString() },
      who,
    );
    expect(future.status).toBe(400);
    expect(message(future.body)).toBe('measuredAt: is in the future');
    const badTime = await receive(
      d,
      { packageCode: luPackage, measuredBq: 1e9, measuredAt: 'yesterday' },
      who,
    );
    expect(badTime.status).toBe(400);
    expect(message(badTime.body)).toMatch(/^measuredAt: /);
    const luExpected = expectedOf(d);
    const accepted = await receive(
      d,
      {
        packageCode: luPackage,
        measuredBq: luExpected * 1.04,
        measuredAt: new Date(measuredAt).toISOString(),
      },
      who,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    lu = accepted.body['shipment'] as Detail;
    const receipt = luDose().receipt!;
    expect(receipt['status']).toBe('accepted');
    expect(receipt['reason']).toBeNull();
    relative(receipt['expectedBq'] as number, luExpected);
    relative(receipt['deviation'] as number, 0.04, 7);
    expect(accepted.body['findings']).toEqual([
      `measured ${((luExpected * 1.04) / MBQ).toFixed(1)} MBq, expected ${(luExpected / MBQ).toFixed(1)} MBq (4.0%)`,
    ]);
    const again = await receive(
      d,
      {
        packageCode: luPackage,
        measuredBq: luExpected,
        measuredAt: new Date(measuredAt).toISOString(),
      },
      who,
    );
    expect(again.status).toBe(409);

    // The late Ga-68 dose: measured 20% low.
    const g = gaDose();
    const gaExpected = expectedOf(g);
    const flagged = await receive(g, {
      packageCode: gaPackage,
      measuredBq: gaExpected * 0.8,
      measuredAt: new Date(measuredAt).toISOString(),
    });
    expect(flagged.status, JSON.stringify(flagged.body)).toBe(200);
    ga = flagged.body['shipment'] as Detail;
    const text = `measured ${((gaExpected * 0.8) / MBQ).toFixed(1)} MBq, expected ${(gaExpected / MBQ).toFixed(1)} MBq (-20.0%): outside ±10%`;
    expect(gaDose().receipt).toMatchObject({ status: 'flagged', reason: text });
    expect(flagged.body['findings']).toEqual([text]);

    // The Lu-177 dose that came with it: refused, with the reason.
    const l = luInGa();
    const refused = await receive(l, {
      packageCode: luInGaPackage,
      measuredBq: expectedOf(l),
      measuredAt: new Date(measuredAt).toISOString(),
      refuse: 'the patient was rescheduled after the delay',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    ga = refused.body['shipment'] as Detail;
    expect(luInGa().receipt).toMatchObject({
      status: 'refused',
      reason: 'the patient was rescheduled after the delay',
    });
  });

  let container: Waste;

  it('records administrations decay-corrected, needing the authorised user’s direction beyond the limits', async () => {
    const own = staffOf(lu.shipment.hospitalId);
    api.setClock(at(bothArrived(), 60));
    // A container for the residues, at the hospital; the producer may not open one there.
    const byProducer = await call('POST', '/api/waste', rp, {
      placeId: lu.shipment.hospitalId,
      kind: 'residues',
      rule: 'ten-half-lives',
    });
    expect(byProducer.status).toBe(400);
    expect(message(byProducer.body)).toBe('placeId: not a site of yours');
    const opened = await call('POST', '/api/waste', own, {
      placeId: lu.shipment.hospitalId,
      kind: 'residues',
      rule: 'ten-half-lives',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    container = opened.body as unknown as Waste;
    expect(container).toMatchObject({
      status: 'open',
      hospitalId: lu.shipment.hospitalId,
      items: [],
    });

    const d = luDose();
    // Prescribed as ordered (the demo's PSMA-617 therapy: 7.4 GBq).
    const prescribedBq = d.orderedBq;
    const beforeAt = at(api.now, -30).getTime();
    const administeredAt = at(api.now, -20).getTime();
    const residueAt = at(api.now, -10).getTime();
    // The syringe holds the dispensed activity decayed; 150 MBq stays behind.
    const beforeBq = decayed('Lu-177', d.dispensedBq!, Date.parse(d.dispensedAt!), beforeAt);
    const residueBq = 150 * MBQ;
    const administeredBq =
      decayed('Lu-177', beforeBq, beforeAt, administeredAt) -
      decayed('Lu-177', residueBq, residueAt, administeredAt);
    const deviation = administeredBq / prescribedBq - 1;
    expect(Math.abs(deviation)).toBeLessThan(0.1);
    const body = {
      patientRef: 'P-2026-0417',
      prescribedBq,
      beforeBq,
      beforeAt: new Date(beforeAt).toISOString(),
      residueBq,
      residueAt: new Date(residueAt).toISOString(),
      administeredAt: new Date(administeredAt).toISOString(),
      wasteContainerId: container.id,
    };
    expect(
      (
        await call(
          'POST',
          `/api/doses/${d.doseId}/administration`,
          otherStaff(lu.shipment.hospitalId),
          body,
        )
      ).status,
    ).toBe(404);
    expect((await call('POST', `/api/doses/${d.doseId}/administration`, rp, body)).status).toBe(
      403,
    );
    const refusals: [Body, RegExp][] = [
      [{ beforeAt: 'soon' }, /^beforeAt: /],
      [{ residueBq: 2 * beforeBq }, /^residueBq: the residue \(.* MBq\) is not less than the dose/],
      [
        { beforeAt: new Date(administeredAt + MINUTE).toISOString() },
        /^beforeAt: the syringe is measured after/,
      ],
      [
        { residueAt: new Date(administeredAt - MINUTE).toISOString() },
        /^residueAt: the residue is measured before/,
      ],
      [{ administeredAt: at(api.now, 30).toISOString() }, /^administeredAt: is in the future$/],
    ];
    for (const [change, pattern] of refusals) {
      const r = await call('POST', `/api/doses/${d.doseId}/administration`, own, {
        ...body,
        ...change,
      });
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(message(r.body)).toMatch(pattern);
    }
    const given = await call('POST', `/api/doses/${d.doseId}/administration`, own, body);
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    lu = given.body['shipment'] as Detail;
    const a = luDose().administration!;
    relative(a['administeredBq'] as number, administeredBq);
    relative(a['deviation'] as number, deviation, 7);
    expect(a).toMatchObject({
      patientRef: 'P-2026-0417',
      direction: null,
      possibleMedicalEvent: false,
    });
    const pct = `${deviation >= 0 ? '+' : ''}${(deviation * 100).toFixed(1)}%`;
    expect(given.body['findings']).toEqual([
      `administered ${(administeredBq / MBQ).toFixed(1)} MBq at the time of administration (${(decayed('Lu-177', beforeBq, beforeAt, administeredAt) / MBQ).toFixed(1)} MBq before − ${(decayed('Lu-177', residueBq, residueAt, administeredAt) / MBQ).toFixed(1)} MBq residue), ${pct} from the prescribed ${(prescribedBq / MBQ).toFixed(1)} MBq`,
    ]);
    expect(luDose().orderStatus).toBe('administered');
    expect((await call('POST', `/api/doses/${d.doseId}/administration`, own, body)).status).toBe(
      409,
    );

    // A therapy cycle whose order this was reads the day and activity it was given from the
    // administration (issue 15; theranostics-api.test.ts drives the pathway itself).
    const hospital = (await findHospital(db.kysely, { id: lu.shipment.hospitalId }))!;
    const zone = (await hospitalZone(db.kysely, hospital.id))!;
    const author = (await findUserByEmail(db.kysely, 'admin@demo.halflife'))!;
    const actor = { userId: author.userId, organisationId: hospital.organisationId, at: api.now };
    const patient = await db.kysely.transaction().execute(async (trx) => {
      const p = await insertPatient(trx, actor, {
        hospitalId: hospital.id,
        organisationId: hospital.organisationId,
        reference: 'CYCLE-LINK-1',
        studyId: null,
        arm: null,
        diseaseVolume: null,
        presentation: null,
        priorLu177: null,
        weightKg: 80,
        enrolledOn: DATE,
        baselinePsa: null,
        baselineLesions: null,
      });
      if (p === 'duplicate') throw new Error('duplicate patient');
      const planId = await insertTherapyPlan(trx, actor, {
        patientId: p.id,
        regimenCode: 'PLUVICTO',
        firstOn: DATE,
        doseLevel: { kind: 'standard' },
        petScanId: null,
      });
      await insertTherapyCycle(trx, actor, {
        planId,
        cycle: 1,
        orderId: d.orderId,
        dueOn: DATE,
        activityBq: prescribedBq,
      });
      return p;
    });
    const [cycle] = (await patientRecords(db.kysely, [patient.id])).cycles;
    expect(cycle).toMatchObject({
      orderId: d.orderId,
      orderStatus: 'administered',
      administeredOn: localDateOf(administeredAt, zone),
    });
    relative(cycle!.administeredBq!, administeredBq);

    // The Ga-68 dose after the delay: less than half of what was prescribed.
    const g = gaDose();
    const gaStaff = staffOf(ga.shipment.hospitalId);
    const gaBefore = decayed('Ga-68', g.dispensedBq!, Date.parse(g.dispensedAt!), beforeAt);
    const gaAdministered =
      decayed('Ga-68', gaBefore, beforeAt, administeredAt) -
      decayed('Ga-68', 2 * MBQ, residueAt, administeredAt);
    const gaDeviation = gaAdministered / g.orderedBq - 1;
    expect(gaDeviation).toBeLessThan(-0.2);
    const gaBody = {
      patientRef: 'P-2026-0388',
      prescribedBq: g.orderedBq,
      beforeBq: gaBefore,
      beforeAt: new Date(beforeAt).toISOString(),
      residueBq: 2 * MBQ,
      residueAt: new Date(residueAt).toISOString(),
      administeredAt: new Date(administeredAt).toISOString(),
    };
    const undirected = await call('POST', `/api/doses/${g.doseId}/administration`, gaStaff, gaBody);
    expect(undirected.status).toBe(400);
    expect(message(undirected.body)).toMatch(
      /^direction: outside the label's ±[\d.]+%; more than 20% from the prescribed dosage \(10 CFR 35\.63\); possible medical event .*: record the authorised user's direction to give it$/,
    );
    const directed = await call('POST', `/api/doses/${g.doseId}/administration`, gaStaff, {
      ...gaBody,
      direction: 'Dr Wang: scan with the reduced activity, longer acquisition',
    });
    expect(directed.status, JSON.stringify(directed.body)).toBe(200);
    ga = directed.body['shipment'] as Detail;
    const ad = gaDose().administration!;
    relative(ad['administeredBq'] as number, gaAdministered);
    relative(ad['deviation'] as number, gaDeviation, 7);
    expect(ad).toMatchObject({
      possibleMedicalEvent: true,
      direction: 'Dr Wang: scan with the reduced activity, longer acquisition',
    });
    expect(gaDose().orderStatus).toBe('administered');
    const refusedDose = await call(
      'POST',
      `/api/doses/${luInGa().doseId}/administration`,
      gaStaff,
      {
        ...gaBody,
        prescribedBq: luInGa().orderedBq,
        beforeBq: luInGa().orderedBq,
      },
    );
    expect(refusedDose.status).toBe(409);
    expect(message(refusedDose.body)).toBe('doseId: the dose was refused');
  });

  it('holds the residue in the waste container for ten half-lives of its longest-lived nuclide, then releases it after a survey', async () => {
    const own = staffOf(lu.shipment.hospitalId);
    const d = luDose();
    const list = await call('GET', '/api/waste', own);
    expect(list.status).toBe(200);
    const w = (list.body['containers'] as Waste[]).find((c) => c.id === container.id)!;
    // The residue: 150 MBq of Lu-177 at its measurement, with the lot's Lu-177m in proportion.
    const residueAt = Date.parse(d.administration!['administeredAt'] as string) + 10 * MINUTE;
    expect(w.items).toHaveLength(1);
    expect(w.items[0]).toMatchObject({
      doseId: d.doseId,
      referenceAt: new Date(residueAt).toISOString(),
    });
    expect(w.items[0]!.description).toMatch(/^residue of .* \(P-2026-0417\)$/);
    const contents = w.items[0]!.contents;
    expect(contents.map((c) => c.nuclide).sort()).toEqual(['Lu-177', 'Lu-177m']);
    relative(nuclideBq(contents, 'Lu-177'), 150 * MBQ, 9);
    relative(nuclideBq(contents, 'Lu-177m'), 150 * MBQ * lu177mRatio(d, residueAt), 5);
    expect(
      (await call('GET', '/api/waste', otherStaff(lu.shipment.hospitalId))).body['containers'],
    ).toEqual([]);

    // Swabs and gloves from the same room.
    const when = await call('POST', `/api/waste/${container.id}/items`, own, {
      description: 'swabs',
      nuclide: 'Lu-177',
      activityBq: 1e6,
      at: 'now',
    });
    expect(when.status).toBe(400);
    expect(message(when.body)).toMatch(/^at: /);
    const bad = await call('POST', `/api/waste/${container.id}/items`, own, {
      description: 'swabs',
      nuclide: 'Xx-999',
      activityBq: 1e6,
      at: api.now.toISOString(),
    });
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/^nuclide: /);
    const swabs = await call('POST', `/api/waste/${container.id}/items`, own, {
      description: 'swabs and gloves',
      nuclide: 'Lu-177',
      activityBq: 2 * MBQ,
      at: api.now.toISOString(),
    });
    expect(swabs.status, JSON.stringify(swabs.body)).toBe(200);
    expect((swabs.body as unknown as Waste).items).toHaveLength(2);

    expect(
      (await call('POST', `/api/waste/${container.id}/close`, otherStaff(lu.shipment.hospitalId)))
        .status,
    ).toBe(404);
    api.setClock(at(api.now, 30));
    const closed = await call('POST', `/api/waste/${container.id}/close`, own);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    container = closed.body as unknown as Waste;
    const closedAt = api.now.getTime();
    // Lu-177m (160.4 d) is the longest-lived member: 10 half-lives, ~4.4 years.
    const releaseAfter = closedAt + 10 * halfLifeSeconds('Lu-177m') * 1000;
    expect(container).toMatchObject({
      status: 'closed',
      closedAt: new Date(closedAt).toISOString(),
      releaseAfter: new Date(releaseAfter).toISOString(),
    });
    expect(container.earliest.longestLived).toBe('Lu-177m');
    expect(container.earliest.warnings).toEqual([
      expect.stringMatching(/^Lu-177m \(160\.4 d\) is above the 120-day limit of decay-in-storage/),
    ]);
    const more = await call('POST', `/api/waste/${container.id}/items`, own, {
      description: 'late swab',
      nuclide: 'Lu-177',
      activityBq: 1e6,
      at: api.now.toISOString(),
    });
    expect(more.status).toBe(409);

    const survey = {
      backgroundUSvPerH: 0.12,
      readingUSvPerH: 0.1,
      instrument: 'Thermo RadEye B20 #4411',
      surveyor: 'Li Na (RSO)',
    };
    const early = await call('POST', `/api/waste/${container.id}/release`, own, survey);
    expect(early.status).toBe(409);
    expect(message(early.body)).toBe(
      `surveyedAt: the container may not be released before ${new Date(releaseAfter).toISOString()}`,
    );

    api.setClock(new Date(releaseAfter + 24 * 60 * MINUTE));
    const hot = await call('POST', `/api/waste/${container.id}/release`, own, {
      ...survey,
      readingUSvPerH: 0.3,
    });
    expect(hot.status).toBe(409);
    expect(message(hot.body)).toBe(
      'readingUSvPerH: the surface reads 0.3 µSv/h, above the background 0.12 µSv/h',
    );
    const released = await call('POST', `/api/waste/${container.id}/release`, own, survey);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    container = released.body as unknown as Waste;
    expect(container.status).toBe('released');
    expect(container.releasedAt).toBe(api.now.toISOString());
    expect(container.survey).toEqual({ ...survey, surveyedAt: api.now.toISOString() });
    // After ten half-lives of Lu-177m, 2^-10 of it is left (Lu-177 long gone, but fed by Lu-177m).
    const lu177mNow = nuclideBq(container.now, 'Lu-177m');
    relative(
      lu177mNow,
      150 *
        MBQ *
        lu177mRatio(d, residueAt) *
        Math.pow(2, -(api.now.getTime() - residueAt) / 1000 / halfLifeSeconds('Lu-177m')),
      5,
    );
    expect((await call('POST', `/api/waste/${container.id}/release`, own, survey)).status).toBe(
      409,
    );
  });

  it('prints the shipping papers for the producer and the hospital', async () => {
    const pdf = async (id: string, who: string) => {
      const res = await api.fetch(`/api/shipments/${id}/papers.pdf`, who);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };
    const papers = await pdf(lu.shipment.id, rp);
    expect(papers.status, papers.bytes.toString()).toBe(200);
    expect(papers.type).toBe('application/pdf');
    expect(papers.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = readPdf(inflatePdf(papers.bytes)).text;
    expect(text).toContain('UN 2915');
    expect(text).toContain(luPackage);
    expect(text).toContain(`${DATE} ${lu.shipment.key}`);
    expect((await pdf(lu.shipment.id, staffOf(lu.shipment.hospitalId))).status).toBe(200);
    expect((await pdf(lu.shipment.id, otherStaff(lu.shipment.hospitalId))).status).toBe(404);
    const current = (await call('GET', `/api/shipments?date=${DATE}`, rp)).body[
      'shipments'
    ] as Summary[];
    const unpacked = current.find((s) => s.packages === 0)!;
    expect((await pdf(unpacked.id, rp)).status).toBe(409);

    // In the user's language: `lang`, else the language they chose, else English.
    const reader = staffOf(lu.shipment.hospitalId);
    const textIn = async (query: string, who: string) => {
      const res = await api.fetch(`/api/shipments/${lu.shipment.id}/papers.pdf${query}`, who);
      expect(res.status).toBe(200);
      return readPdf(inflatePdf(Buffer.from(await res.arrayBuffer()))).text;
    };
    expect(text).toContain("Consignor's declaration");
    expect(await textIn('?lang=zh-CN', rp)).toContain('托运人声明');
    expect(await textIn('', reader)).toContain("Consignor's declaration");
    expect((await call('PUT', '/api/me/locale', reader, { locale: 'zh-CN' })).status).toBe(204);
    const chinese = await textIn('', reader);
    expect(chinese).toContain('托运人声明');
    expect(chinese).toContain('UN 2915');
    expect(chinese).toContain(luPackage);
    expect(chinese).toContain(`${DATE} ${lu.shipment.key}`);
    expect(await textIn('?lang=en', reader)).toContain("Consignor's declaration");
    expect((await call('PUT', '/api/me/locale', reader, { locale: 'en' })).status).toBe(204);
    const bad = await call('GET', `/api/shipments/${lu.shipment.id}/papers.pdf?lang=fr`, rp);
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/^lang/);
  });

  it('answers hostile input with a 4xx naming the field, never a 5xx', async () => {
    const id = lu.shipment.id;
    const doseId = luDose().doseId!;
    const cases: [string, string, string, unknown, RegExp][] = [
      [
        'POST',
        `/api/shipments/${id}/packages`,
        rp,
        { orderIds: [], packaging: 'type-a-case', leadMm: 3 },
        /^orderIds/,
      ],
      [
        'POST',
        `/api/shipments/${id}/packages`,
        rp,
        { orderIds: ['x'], packaging: 'type-a-case', leadMm: 3 },
        /^orderIds/,
      ],
      [
        'POST',
        `/api/shipments/${id}/packages`,
        rp,
        { orderIds: [doseId], packaging: 'crate', leadMm: 3 },
        /^packaging/,
      ],
      [
        'POST',
        `/api/shipments/${id}/packages`,
        rp,
        { orderIds: [doseId], packaging: 'type-a-case', leadMm: -1 },
        /^leadMm/,
      ],
      [
        'POST',
        `/api/shipments/${id}/packages`,
        rp,
        { orderIds: [doseId], packaging: 'type-a-case', leadMm: 1e9 },
        /^leadMm/,
      ],
      [
        'POST',
        `/api/packages/${luPackage}/dose-rates`,
        rp,
        { surfaceUSvPerH: -1, oneMetreUSvPerH: 1 },
        /^surfaceUSvPerH/,
      ],
      [
        'POST',
        `/api/packages/${luPackage}/dose-rates`,
        rp,
        { surfaceUSvPerH: 1, oneMetreUSvPerH: 1e300 },
        /^oneMetreUSvPerH/,
      ],
      [
        'POST',
        `/api/packages/${'x'.repeat(65)}/dose-rates`,
        rp,
        { surfaceUSvPerH: 1, oneMetreUSvPerH: 1 },
        /^code/,
      ],
      [
        'POST',
        '/api/packages/PK-NOSUCHCODE/dose-rates',
        rp,
        { surfaceUSvPerH: 1, oneMetreUSvPerH: 1 },
        /package PK-NOSUCHCODE/,
      ],
      [
        'POST',
        `/api/shipments/${id}/load`,
        rp,
        { vehicle: 'V', courierId, scannedCodes: Array.from({ length: 201 }, (_, k) => `PK-${k}`) },
        /^scannedCodes/,
      ],
      [
        'POST',
        `/api/shipments/${id}/load`,
        rp,
        { vehicle: '', courierId, scannedCodes: ['a'] },
        /^vehicle/,
      ],
      [
        'POST',
        `/api/shipments/${id}/load`,
        rp,
        { vehicle: 'V', courierId: 'courier', scannedCodes: ['a'] },
        /^courierId/,
      ],
      [
        'POST',
        `/api/shipments/${id}/pick-up`,
        courier,
        { scannedCodes: [], password: 'x' },
        /^scannedCodes/,
      ],
      [
        'POST',
        `/api/shipments/${id}/pick-up`,
        courier,
        { scannedCodes: ['a'], password: '' },
        /^password/,
      ],
      [
        'POST',
        `/api/shipments/${id}/deliver`,
        courier,
        { scannedCodes: ['x'.repeat(65)] },
        /^scannedCodes/,
      ],
      [
        'POST',
        `/api/shipments/${id}/delay`,
        courier,
        { expectedArrivalAt: '', reason: 'x' },
        /^expectedArrivalAt/,
      ],
      [
        'POST',
        `/api/shipments/${id}/delay`,
        courier,
        { expectedArrivalAt: '2026-11-24T10:00:00Z', reason: ' ' },
        /^reason/,
      ],
      [
        'POST',
        `/api/shipments/${id}/replacements`,
        LOGINS.planner,
        { orderIds: Array.from({ length: 51 }, () => doseId) },
        /^orderIds/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/receipt`,
        staffOf(lu.shipment.hospitalId),
        { packageCode: luPackage, measuredBq: -5, measuredAt: '2026-11-24T01:00:00Z' },
        /^measuredBq/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/receipt`,
        staffOf(lu.shipment.hospitalId),
        { packageCode: luPackage, measuredBq: 1e20, measuredAt: '2026-11-24T01:00:00Z' },
        /^measuredBq/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/receipt`,
        staffOf(lu.shipment.hospitalId),
        { packageCode: luPackage, measuredBq: '7 GBq', measuredAt: '2026-11-24T01:00:00Z' },
        /^measuredBq/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/administration`,
        staffOf(lu.shipment.hospitalId),
        {
          patientRef: 'x'.repeat(65),
          prescribedBq: 1,
          beforeBq: 1,
          beforeAt: 'a',
          residueBq: 0,
          residueAt: 'a',
          administeredAt: 'a',
        },
        /^patientRef/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/administration`,
        staffOf(lu.shipment.hospitalId),
        {
          patientRef: 'P',
          prescribedBq: 0,
          beforeBq: 1,
          beforeAt: 'a',
          residueBq: 0,
          residueAt: 'a',
          administeredAt: 'a',
        },
        /^prescribedBq/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/administration`,
        staffOf(lu.shipment.hospitalId),
        {
          patientRef: 'P',
          prescribedBq: 1,
          beforeBq: 1,
          beforeAt: 'a',
          residueBq: -1,
          residueAt: 'a',
          administeredAt: 'a',
        },
        /^residueBq/,
      ],
      [
        'POST',
        `/api/doses/${doseId}/administration`,
        staffOf(lu.shipment.hospitalId),
        {
          patientRef: 'P',
          prescribedBq: 1,
          beforeBq: 1,
          beforeAt: 'a',
          residueBq: 0,
          residueAt: 'a',
          administeredAt: 'a',
          wasteContainerId: 'bin',
        },
        /^wasteContainerId/,
      ],
      [
        'POST',
        '/api/doses/00000000-0000-4000-8000-000000000000/receipt',
        staffOf(lu.shipment.hospitalId),
        { packageCode: 'PK', measuredBq: 1, measuredAt: '2026-11-24T01:00:00Z' },
        /dose 00000000-0000-4000-8000-000000000000 not found/,
      ],
      [
        'POST',
        '/api/waste',
        staffOf(lu.shipment.hospitalId),
        { placeId: lu.shipment.hospitalId, kind: 'residues', rule: 'bury' },
        /^rule/,
      ],
      [
        'POST',
        '/api/waste',
        staffOf(lu.shipment.hospitalId),
        { placeId: lu.shipment.hospitalId, kind: 'residues', rule: 'clearance' },
        /^massG/,
      ],
      [
        'POST',
        '/api/waste',
        staffOf(lu.shipment.hospitalId),
        { placeId: lu.shipment.hospitalId, kind: 'residues', rule: 'clearance', massG: -1 },
        /^massG/,
      ],
      [
        'POST',
        `/api/waste/${container.id}/items`,
        staffOf(lu.shipment.hospitalId),
        { description: 'x', nuclide: 'Lu-177', activityBq: 1e15, at: '2026-11-24T01:00:00Z' },
        /^activityBq/,
      ],
      [
        'POST',
        `/api/waste/${container.id}/release`,
        staffOf(lu.shipment.hospitalId),
        { backgroundUSvPerH: 0.1, readingUSvPerH: -1, instrument: 'i', surveyor: 's' },
        /^readingUSvPerH/,
      ],
    ];
    for (const [method, path, who, body, pattern] of cases) {
      const r = await call(method, path, who, body);
      expect(
        r.status,
        `${path} ${JSON.stringify(body).slice(0, 200)}: ${JSON.stringify(r.body)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(message(r.body)).toMatch(pattern);
    }
    // JSON's 1e309 is Infinity; a body cut short is no JSON at all.
    const receipt = `/api/doses/${doseId}/receipt`;
    const infinite = await call(
      'POST',
      receipt,
      staffOf(lu.shipment.hospitalId),
      '{"packageCode":"PK","measuredBq":1e309,"measuredAt":"2026-11-24T01:00:00Z"}',
    );
    expect(infinite.status).toBe(400);
    expect(message(infinite.body)).toMatch(/^measuredBq/);
    const res = await api.app.request(receipt, {
      method: 'POST',
      headers: {
        cookie: await api.cookie(staffOf(lu.shipment.hospitalId)),
        'content-type': 'application/json',
      },
      body: '{"packageCode":',
    });
    expect(res.status).toBe(400);
    const gets: [string, string, RegExp][] = [
      ['/api/shipments?date=2026-13', rp, /^date/],
      ['/api/shipments?siteId=nowhere', rp, /^siteId/],
      ['/api/shipments/not-a-uuid', rp, /^id/],
      ['/api/waste?status=buried', staffOf(lu.shipment.hospitalId), /^status/],
    ];
    for (const [path, who, pattern] of gets) {
      const r = await call('GET', path, who);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(message(r.body)).toMatch(pattern);
    }
  });

  it('keeps the audit trail whole', async () => {
    const audit = await verifyAudit(db.kysely);
    expect(audit.ok, JSON.stringify(audit)).toBe(true);
  });
});
