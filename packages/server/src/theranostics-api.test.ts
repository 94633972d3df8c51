import { XTR022_LIKE } from '@halflife/clinical';
import { verifyAudit, type Db } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { orderDueCycles } from './services/pathway-service.js';
import { message, TestApi, type Body } from '../test/production-fixture.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * Theranostics and outcomes through the API on the seeded demo network (issue 15): a physician
 * enrols a patient, records the PET that selects them, plans Pluvicto cycles whose orders are
 * placed when their day comes near, delays and reduces with reasons; the registry's dashboards
 * and exports are seen only by those the permission matrix lets see them.
 */
const SEEDED_AT = new Date('2026-11-23T00:00:00Z'); // 08:00 in Beijing
const PASSWORD = 'test-password';
const clock = { now: SEEDED_AT };
let db: Db;
let api: TestApi;

const physician1 = 'hospital1.physician@demo.halflife';
const physician2 = 'hospital2.physician@demo.halflife';
const staff1 = 'hospital1.staff@demo.halflife';
const orderer1 = 'hospital1.orderer@demo.halflife';
const study = 'study@demo.halflife';
const analyst = 'analyst@demo.halflife';
const planner = 'planner@demo.halflife';

type Cycle = {
  cycle: number;
  dueOn: string;
  activityBq: number;
  reasons: string[];
  orderOn: string;
  order: { id: string; status: string; calibrationAt: string | null } | null;
};
type Detail = Body & {
  id: string;
  stage: string;
  therapy: { cycles: Cycle[]; nextCycle: Cycle | null; status: string; warnings: string[] } | null;
};

beforeAll(async () => {
  db = await seededTestDb({ now: SEEDED_AT, password: PASSWORD });
  const app = createApp({
    db: db.kysely,
    now: () => clock.now,
    databaseKind: db.kind,
    secureCookies: false,
  });
  api = new TestApi(app, clock, PASSWORD);
});
afterAll(async () => {
  await db?.close();
});

let patientId = '';
let secondId = '';

describe('a patient’s pathway', () => {
  it('enrols a patient under a pseudonymous reference, refusing names and bad lesions', async () => {
    const bad = await api.call('POST', '/api/patients', physician1, {
      reference: 'Zhang San',
      weightKg: 80,
    });
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toMatch(/reference/);
    const node = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-001',
      weightKg: 80,
      baselineLesions: [{ id: 'N1', organ: 'pelvic node', node: true, diameterMm: 12 }],
    });
    expect(node.status).toBe(400);
    expect(message(node.body)).toMatch(/baselineLesions: N1 .* at least 15 mm/);
    const heavy = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-001',
      weightKg: 4000,
    });
    expect(heavy.status).toBe(400);
    expect(message(heavy.body)).toMatch(/weightKg/);
    const ok = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-001',
      weightKg: 80,
      baselinePsaNgMl: 42,
      baselineLesions: [
        { id: 'L1', organ: 'liver', node: false, diameterMm: 30 },
        { id: 'N1', organ: 'pelvic node', node: true, diameterMm: 20 },
      ],
    });
    expect(ok.status).toBe(201);
    patientId = (ok.body as Detail).id;
    expect(ok.body).toMatchObject({
      reference: 'P-T-001',
      enrolledOn: '2026-11-23',
      stage: 'screening',
    });
    const again = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-001',
      weightKg: 80,
    });
    expect(again.status).toBe(409);
  });

  it('treats only after a positive PET of the target (diagnose first, then treat)', async () => {
    const start = { regimenCode: 'PLUVICTO', firstOn: '2026-12-01' };
    const none = await api.call('POST', `/api/patients/${patientId}/therapy`, physician1, start);
    expect(none.status).toBe(409);
    expect(message(none.body)).toMatch(/PSMA-positive PET scan first/);
    const negative = await api.call('POST', `/api/patients/${patientId}/pet-scans`, physician1, {
      tracer: 'GA68-PSMA11',
      scannedOn: '2026-11-20',
      positive: false,
    });
    expect(negative.status).toBe(200);
    expect(
      (await api.call('POST', `/api/patients/${patientId}/therapy`, physician1, start)).status,
    ).toBe(409);
    const future = await api.call('POST', `/api/patients/${patientId}/pet-scans`, physician1, {
      tracer: 'GA68-PSMA11',
      scannedOn: '2026-11-24',
      positive: true,
    });
    expect(future.status).toBe(400);
    expect(message(future.body)).toMatch(/scannedOn: must not be after today/);
    await api.call('POST', `/api/patients/${patientId}/pet-scans`, physician1, {
      tracer: 'GA68-PSMA11',
      scannedOn: '2026-11-22',
      positive: true,
      suvMax: 18.4,
    });
    const notMade = await api.call('POST', `/api/patients/${patientId}/therapy`, physician1, {
      regimenCode: 'XOFIGO',
      firstOn: '2026-12-01',
    });
    expect(notMade.status).toBe(400);
    expect(message(notMade.body)).toMatch(/regimenCode: .* not made in this network/);
    const started = await api.call('POST', `/api/patients/${patientId}/therapy`, physician1, start);
    expect(started.status).toBe(200);
    const detail = started.body as Detail;
    expect(detail.stage).toBe('on therapy');
    expect(detail.therapy!.cycles.map((c) => c.dueOn)).toEqual([
      '2026-12-01',
      '2027-01-12',
      '2027-02-23',
      '2027-04-06',
      '2027-05-18',
      '2027-06-29',
    ]);
    expect(detail.therapy!.nextCycle).toMatchObject({
      cycle: 1,
      orderOn: '2026-11-17',
      order: null,
    });
  });

  it('orders a due cycle as an ordinary order, once, however often the sweep runs', async () => {
    const first = await orderDueCycles({ db: db.kysely, now: () => clock.now });
    const second = await orderDueCycles({ db: db.kysely, now: () => clock.now });
    expect(first.ordered).toBe(1);
    expect(second.ordered).toBe(0);
    const detail = (await api.call('GET', `/api/patients/${patientId}`, physician1)).body as Detail;
    const order = detail.therapy!.cycles[0]!.order!;
    expect(order.status).toBe('submitted');
    expect(order.calibrationAt).toBe('2026-12-01T02:00:00.000Z'); // 10:00 in Beijing
    // The hospital's orderer and the planners see it as any other order.
    const seen = await api.call('GET', `/api/orders/${order.id}`, orderer1);
    expect(seen.body).toMatchObject({
      productCode: 'LU177-PSMA617',
      activityBq: 7.4e9,
      patientRef: 'P-T-001',
      tolerancePct: 10,
    });
    expect((await api.call('GET', `/api/orders/${order.id}`, planner)).status).toBe(200);
  });

  it('records a delay with its reason: the ordered dose is cancelled and ordered again for the new day', async () => {
    const noReason = await api.call(
      'POST',
      `/api/patients/${patientId}/therapy/changes`,
      physician1,
      {
        kind: 'delay',
        cycle: 1,
        days: 7,
        reason: ' ',
      },
    );
    expect(noReason.status).toBe(400);
    expect(message(noReason.body)).toMatch(/reason/);
    const before = (
      (await api.call('GET', `/api/patients/${patientId}`, physician1)).body as Detail
    ).therapy!.cycles[0]!.order!;
    const delayed = await api.call(
      'POST',
      `/api/patients/${patientId}/therapy/changes`,
      physician1,
      {
        kind: 'delay',
        cycle: 1,
        days: 7,
        reason: 'Grade 2 platelet count decreased',
      },
    );
    expect(delayed.status).toBe(200);
    const c1 = (delayed.body as Detail).therapy!.cycles[0]!;
    expect(c1).toMatchObject({
      dueOn: '2026-12-08',
      order: null,
      reasons: ['Grade 2 platelet count decreased'],
    });
    expect((delayed.body as Detail).therapy!.cycles[1]!.dueOn).toBe('2027-01-19');
    const cancelled = await api.call('GET', `/api/orders/${before.id}`, orderer1);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    // 15 days ahead: not yet within the 14-day lead; a day later it is.
    const due = `/api/patients/${patientId}/therapy/order-due`;
    expect((await api.call('POST', due, physician1)).body).toMatchObject({ ordered: 0 });
    api.setClock(new Date('2026-11-24T00:00:00Z'));
    const sweep = await api.call('POST', due, physician1);
    expect(sweep.body).toMatchObject({ ordered: 1 });
    const again = (sweep.body as { patient: Detail }).patient.therapy!.cycles[0]!.order!;
    expect(again.id).not.toBe(before.id);
    expect(again.calibrationAt).toBe('2026-12-08T02:00:00.000Z');
  });

  it('reduces the dose to the label’s 5.9 GBq with a reason; refuses what the regimen does not allow', async () => {
    const reduced = await api.call(
      'POST',
      `/api/patients/${patientId}/therapy/changes`,
      physician1,
      {
        kind: 'reduce',
        cycle: 1,
        reason: 'Grade 3 dry mouth after the last Ac-225 course',
      },
    );
    expect(reduced.status).toBe(200);
    expect((reduced.body as Detail).therapy!.cycles.every((c) => c.activityBq === 5.9e9)).toBe(
      true,
    );
    await api.call('POST', `/api/patients/${patientId}/therapy/order-due`, physician1);
    const detail = (await api.call('GET', `/api/patients/${patientId}`, physician1)).body as Detail;
    const order = await api.call(
      'GET',
      `/api/orders/${detail.therapy!.cycles[0]!.order!.id}`,
      orderer1,
    );
    expect(order.body).toMatchObject({ activityBq: 5.9e9 });
    const far = await api.call('POST', `/api/patients/${patientId}/therapy/changes`, physician1, {
      kind: 'delay',
      cycle: 2,
      days: 200,
      reason: 'holiday',
    });
    expect(far.status).toBe(400);
    expect(message(far.body)).toMatch(/days/);
  });

  it('orders a cycle once when several server processes sweep at the same moment', async () => {
    const made = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-002',
      weightKg: 70,
    });
    const id = (made.body as Detail).id;
    secondId = id;
    await api.call('POST', `/api/patients/${id}/pet-scans`, physician1, {
      tracer: 'F18-DCFPYL',
      scannedOn: '2026-11-24',
      positive: true,
    });
    const started = await api.call('POST', `/api/patients/${id}/therapy`, physician1, {
      regimenCode: 'AC225-PSMA-KG',
      firstOn: '2026-12-02',
    });
    expect((started.body as Detail).therapy!.cycles[0]!.activityBq).toBeCloseTo(7e6, 0);
    // Three processes' sweeps at once (on PostgreSQL each on its own connection).
    const deps = () => ({ db: db.kysely, now: () => clock.now });
    const sweeps = await Promise.all(
      [1, 2, 3].map(() => orderDueCycles(deps(), { patientId: id })),
    );
    expect(sweeps.reduce((n, r) => n + r.ordered, 0)).toBe(1);
    const orders = (await api.call('GET', '/api/orders?product=AC225-PSMA617', orderer1)).body[
      'orders'
    ] as { patientRef: string | null; status: string; amountKind: string }[];
    const mine = orders.filter((o) => o.patientRef === 'P-T-002');
    expect(mine.filter((o) => o.status !== 'cancelled')).toHaveLength(1);
    expect(mine[0]!.amountKind).toBe('per_kg');
  });

  it('a recorded death stops the plan and withdraws the dose ordered for it', async () => {
    const before = ((await api.call('GET', `/api/patients/${secondId}`, physician1)).body as Detail)
      .therapy!.cycles[0]!.order!;
    const late = await api.call('POST', `/api/patients/${secondId}/vital-status`, physician1, {
      deathOn: '2026-11-24',
      lastContactOn: '2026-11-25',
      reason: 'Reported by the family',
    });
    expect(late.status).toBe(400);
    expect(message(late.body)).toMatch(/lastContactOn/);
    const died = await api.call('POST', `/api/patients/${secondId}/vital-status`, physician1, {
      deathOn: '2026-11-24',
      lastContactOn: '2026-11-24',
      reason: 'Reported by the family',
    });
    expect(died.status).toBe(200);
    expect(died.body).toMatchObject({ stage: 'died', therapy: { status: 'stopped' } });
    const order = await api.call('GET', `/api/orders/${before.id}`, orderer1);
    expect(order.body).toMatchObject({ status: 'cancelled' });
    const sweep = await orderDueCycles(
      { db: db.kysely, now: () => clock.now },
      { patientId: secondId },
    );
    expect(sweep.ordered).toBe(0);
  });

  it('records visits with PSA and lesions, and derives the endpoints', async () => {
    const unknownLesion = await api.call('POST', `/api/patients/${patientId}/visits`, physician1, {
      visitOn: '2026-11-23',
      lesions: [{ id: 'X9', organ: 'lung', node: false, diameterMm: 10 }],
    });
    expect(unknownLesion.status).toBe(400);
    expect(message(unknownLesion.body)).toMatch(/X9 is not a baseline target lesion/);
    const visit = await api.call('POST', `/api/patients/${patientId}/visits`, physician1, {
      visitOn: '2026-11-23',
      psaNgMl: 8.4,
      weightKg: 78,
      lesions: [
        { id: 'L1', organ: 'liver', node: false, diameterMm: 20 },
        { id: 'N1', organ: 'pelvic node', node: true, diameterMm: 12 },
      ],
      adverseEvents: [{ term: 'Dry mouth', grade: 1 }],
    });
    expect(visit.status).toBe(200);
    expect(visit.body['endpoints']).toMatchObject({
      bestPsaChangePct: -80,
      psa50: true,
      psa90: false,
    });
    const badGrade = await api.call('POST', `/api/patients/${patientId}/visits`, physician1, {
      visitOn: '2026-11-23',
      adverseEvents: [{ term: 'Fatigue', grade: 6 }],
    });
    expect(badGrade.status).toBe(400);
  });
});

describe('who sees patients', () => {
  it('another hospital’s physician does not find the patient; an orderer may not see patients', async () => {
    expect((await api.call('GET', `/api/patients/${patientId}`, physician2)).status).toBe(404);
    expect(
      (
        await api.call('POST', `/api/patients/${patientId}/visits`, physician2, {
          visitOn: '2026-11-23',
        })
      ).status,
    ).toBe(404);
    expect((await api.call('GET', `/api/patients/${patientId}`, staff1)).status).toBe(200);
    expect(
      (
        await api.call('POST', `/api/patients/${patientId}/visits`, staff1, {
          visitOn: '2026-11-23',
        })
      ).status,
    ).toBe(403);
    expect((await api.call('GET', '/api/patients', orderer1)).status).toBe(403);
  });

  it('shows synthetic demo patients to their hospital, and never records for them', async () => {
    const own = await api.call('GET', '/api/patients?study=SYN-LUPSMA', physician1);
    const synthetic = (own.body['patients'] as { id: string; synthetic: boolean }[])[0]!;
    expect(synthetic.synthetic).toBe(true);
    const detail = await api.call('GET', `/api/patients/${synthetic.id}`, physician1);
    expect(detail.body).toMatchObject({ synthetic: true, hospitalZone: 'Asia/Shanghai' });
    const visit = await api.call('POST', `/api/patients/${synthetic.id}/visits`, physician1, {
      visitOn: '2026-11-23',
    });
    expect(visit.status).toBe(409);
    expect(message(visit.body)).toMatch(/synthetic demo patient/);
    const enrol = await api.call('POST', '/api/patients', physician1, {
      reference: 'P-T-SYN',
      weightKg: 70,
      studyCode: 'SYN-LUPSMA',
    });
    expect(enrol.status).toBe(400);
    expect(message(enrol.body)).toMatch(
      /studyCode: a synthetic demo cohort takes no real patients/,
    );
  });

  it('the study team sees its studies’ patients, not a hospital’s others; an analyst sees no patient', async () => {
    const list = await api.call('GET', '/api/patients?study=SYN-XTR022', study);
    expect(list.status).toBe(200);
    expect((list.body['patients'] as Body[]).length).toBe(13);
    expect((await api.call('GET', `/api/patients/${patientId}`, study)).status).toBe(404);
    expect((await api.call('GET', '/api/patients', analyst)).status).toBe(403);
    const own = await api.call('GET', '/api/patients?limit=500', physician1);
    const refs = (own.body['patients'] as { reference: string; hospitalName: string }[]).map(
      (p) => p.reference,
    );
    expect(refs).toContain('P-T-001');
    expect(
      new Set((own.body['patients'] as { hospitalName: string }[]).map((p) => p.hospitalName)).size,
    ).toBe(1);
  });

  it('an analyst gets the figures without swimmer rows; the team gets both; exports are the team’s only', async () => {
    const figures = await api.call('GET', '/api/studies/SYN-LUPSMA/dashboard?groupBy=arm', analyst);
    expect(figures.status).toBe(200);
    expect(figures.body['swimmers']).toBeNull();
    expect(JSON.stringify(figures.body)).not.toMatch(/SYN-LUPSMA-\d{3}/);
    const team = await api.call(
      'GET',
      '/api/studies/SYN-LUPSMA/dashboard?groupBy=diseaseVolume',
      study,
    );
    expect((team.body['swimmers'] as Body[]).length).toBe(300);
    for (const who of [analyst, physician1, planner]) {
      expect((await api.fetch('/api/studies/SYN-LUPSMA/export.csv', who)).status).toBe(403);
      expect((await api.fetch('/api/studies/SYN-LUPSMA/export.fhir', who)).status).toBe(403);
    }
    const csv = await api.fetch('/api/studies/SYN-XTR022/export.csv', study);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[0]).toMatch(/^reference,study,arm/);
    expect(
      lines.filter((l) => l.includes(',true,true,') || l.includes(',true,false,')),
    ).toBeDefined();
    const fhir = await api.fetch('/api/studies/SYN-XTR022/export.fhir', study);
    expect(fhir.headers.get('content-type')).toMatch(/fhir\+json/);
    const bundle = (await fhir.json()) as {
      resourceType: string;
      type: string;
      entry: {
        resource: { resourceType: string; identifier?: { value: string }[]; name?: unknown };
      }[];
    };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient');
    expect(patients).toHaveLength(13);
    expect(patients.every((p) => p.resource.name === undefined)).toBe(true);
    expect(
      bundle.entry.filter((e) => e.resource.resourceType === 'MedicationAdministration').length,
    ).toBeGreaterThan(13);
  });

  it('the XTR022-like table through the API: PSA50 10/13, PSA90 5/13, ORR 3/9, DCR 8/9', async () => {
    const d = await api.call('GET', '/api/studies/SYN-XTR022/dashboard', analyst);
    const g = (d.body['groups'] as Body[])[0]!;
    expect(g).toMatchObject({
      psa50: { successes: XTR022_LIKE.psa50, n: 13 },
      psa90: { successes: XTR022_LIKE.psa90, n: 13 },
      orr: { successes: 3, n: 9 },
      dcr: { successes: 8, n: 9 },
    });
    expect(d.body['study']).toMatchObject({ synthetic: true });
  });

  it('shows planners the isotope demand of scheduled cycles, without patients', async () => {
    const demand = await api.call('GET', '/api/therapy/demand?from=2026-11-23&weeks=12', planner);
    expect(demand.status).toBe(200);
    const rows = demand.body['rows'] as {
      productCode: string;
      weekStart: string;
      cycles: number;
      activityBq: number;
    }[];
    expect(rows).toContainEqual(
      expect.objectContaining({
        nuclide: 'Lu-177',
        productCode: 'LU177-PSMA617',
        weekStart: '2026-12-07',
        cycles: 1,
        activityBq: 5.9e9,
      }),
    );
    expect(JSON.stringify(demand.body)).not.toMatch(/P-T-001/);
    expect((await api.call('GET', '/api/therapy/demand', physician1)).status).toBe(403);
  });

  it('keeps the audit trail intact', async () => {
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true });
  });
});
