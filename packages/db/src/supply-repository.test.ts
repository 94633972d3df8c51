import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit-trail.js';
import type { Db } from './create-db.js';
import {
  getGenerator,
  insertElution,
  insertGenerator,
  listElutions,
  listGenerators,
  retireGenerator,
} from './generators-repository.js';
import type { Actor } from './orders-repository.js';
import { seedDemo } from './seed-demo.js';
import { insertCyclotronRun, insertLot, listCyclotronRuns, listLots } from './supply-repository.js';
import { supplyRows } from './supply-rows.js';
import { testDb } from './test-database.js';

const DATE = '2026-11-24';
const NOW = new Date('2026-11-23T00:00:00Z');
let db: Db;
let actor: Actor;
let siteId: string;

beforeAll(async () => {
  db = await testDb();
  const summary = await seedDemo(db, {
    date: DATE,
    seed: 1,
    passwordHash: () => Promise.resolve('x'),
    now: NOW,
  });
  expect(summary?.generators).toBeGreaterThan(10);
  expect(summary?.lots).toBe(5);
  const planner = await db.kysely
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('email', '=', 'planner@demo.halflife')
    .executeTakeFirstOrThrow();
  actor = { userId: planner.id, organisationId: planner.organisation_id, at: NOW };
  siteId = (await db.kysely.selectFrom('sites').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await db?.close();
});

describe('supply records', () => {
  it('seeds a generator row for every generator on the demo equipment list, and the lots', async () => {
    const equipment = await db.kysely
      .selectFrom('equipment')
      .select('id')
      .where('kind', '=', 'generator')
      .execute();
    const generators = await listGenerators(db.kysely);
    expect(generators).toHaveLength(equipment.length);
    expect(new Set(generators.map((g) => g.equipment_id))).toEqual(
      new Set(equipment.map((e) => e.id)),
    );
    const ge68 = generators.filter((g) => g.type === 'Ge-68/Ga-68');
    expect(ge68.length).toBeGreaterThan(5);
    for (const g of ge68) {
      expect(g.parent_activity_bq).toBe(1.85e9);
      const weeks = (Date.parse(`${DATE}T00:00:00Z`) - g.calibrated_at.getTime()) / 604_800_000;
      expect(weeks).toBeGreaterThan(1.5);
      expect(weeks).toBeLessThan(5);
    }
    const lots = await listLots(db.kysely);
    const lu = lots.filter((l) => l.nuclide === 'Lu-177');
    expect(lu).toHaveLength(3); // Beijing, Shanghai, Chengdu have Lu-177 hot cells
    expect(lu.some((l) => l.carrier === 'carrier-added')).toBe(true);
    expect(lots.every((l) => l.received_at < new Date(`${DATE}T00:00:00+08:00`))).toBe(true);
    // Seeding never touches a database that holds data.
    expect(
      await seedDemo(db, {
        date: DATE,
        seed: 1,
        passwordHash: () => Promise.resolve('x'),
        now: NOW,
      }),
    ).toBeNull();
  });

  it('records elutions in time order only, each audited', async () => {
    const g = await insertGenerator(
      db.kysely,
      {
        site_id: siteId,
        type: 'Ge-68/Ga-68',
        parent_activity_bq: 1.85e9,
        calibrated_at: new Date('2026-11-01T01:00:00Z'),
        label: 'test generator',
      },
      actor,
    );
    expect(g).toMatchObject({ initial_state: 'equilibrium', retired: false, serial: '' });
    const first = await insertElution(
      db.kysely,
      g.id,
      { at: new Date('2026-11-20T01:00:00Z'), measured_activity_bq: 1e9 },
      actor,
    );
    expect(first.kind).toBe('recorded');
    const early = await insertElution(
      db.kysely,
      g.id,
      { at: new Date('2026-11-19T01:00:00Z') },
      actor,
    );
    expect(early).toMatchObject({ kind: 'before-previous' });
    const beforeCalibration = await insertElution(
      db.kysely,
      g.id,
      { at: new Date('2026-10-01T01:00:00Z') },
      actor,
    );
    expect(beforeCalibration.kind).toBe('before-calibration');
    expect(await listElutions(db.kysely, [g.id])).toHaveLength(1);
    expect(await retireGenerator(db.kysely, g.id, 'test', actor)).toMatchObject({ retired: true });
    expect((await getGenerator(db.kysely, g.id))?.retired).toBe(true);
    const late = await insertElution(db.kysely, g.id, { at: NOW }, actor);
    expect(late.kind).toBe('retired');
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity_id', 'in', [g.id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'retire']);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });

  it('records runs and lots; supplyRows reads what a day can use', async () => {
    const run = await insertCyclotronRun(
      db.kysely,
      {
        site_id: siteId,
        target: 'F-18 from O-18 water',
        beam_current_ua: 20,
        start_at: new Date('2026-11-23T21:00:00Z'),
        end_at: new Date('2026-11-23T22:30:00Z'),
      },
      actor,
    );
    expect(run.label).toBe('');
    const lot = await insertLot(
      db.kysely,
      {
        site_id: siteId,
        supplier: 'test',
        profile: 'Lu-177 no-carrier-added',
        nuclide: 'Lu-177',
        activity_bq: 1e11,
        reference_at: new Date('2026-11-23T02:00:00Z'),
        carrier: 'no-carrier-added',
        received_at: new Date('2026-11-23T02:00:00Z'),
        expires_at: new Date('2026-11-23T12:00:00Z'),
        label: 'expired before the day',
      },
      actor,
    );
    expect(lot.impurities).toEqual({});
    const window = { from: new Date('2026-11-23T16:00:00Z'), to: new Date('2026-11-24T16:00:00Z') };
    expect(await listCyclotronRuns(db.kysely, { siteId, ...window })).toHaveLength(1);
    const rows = await supplyRows(db.kysely, { ...window, siteId });
    expect(rows.runs.map((r) => r.id)).toEqual([run.id]);
    expect(rows.lots.map((l) => l.id)).not.toContain(lot.id);
    expect(rows.generators.every((g) => !g.generator.retired)).toBe(true);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
