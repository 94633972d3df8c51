import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit-trail.js';
import type { Db } from './create-db.js';
import {
  insertHospital,
  insertLane,
  insertSite,
  type NetworkCreation,
} from './network-creation-repository.js';
import { testDb } from './test-database.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const place = {
  name: 'Lanzhou test',
  city: 'Lanzhou',
  address: 'test',
  latitude: 36.0611,
  longitude: 103.8343,
  time_zone: 'Asia/Shanghai',
};
let db: Db;
let creation: NetworkCreation;

beforeAll(async () => {
  db = await testDb();
  const org = await db.kysely
    .insertInto('organisations')
    .values({ kind: 'producer', name: 'Producer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  creation = {
    actor: { userId: '00000000-0000-4000-8000-000000000001', organisationId: org.id, at: NOW },
    after: { note: 'as the request gave it' },
  };
});
afterAll(async () => {
  await db.close();
});

const audited = async () =>
  (await db.kysely.selectFrom('audit_log').select('entity').orderBy('seq').execute()).map(
    (r) => r.entity,
  );

describe('network creation', () => {
  it('refuses, writing nothing, a site with an unknown product, naming the first', async () => {
    const outcome = await insertSite(
      db.kysely,
      { ...place, organisation_id: creation.actor.organisationId, opening_hours: '[]' },
      [],
      ['NO-SUCH-1', 'NO-SUCH-2'],
      creation,
    );
    expect(outcome).toEqual({ kind: 'unknown-product', code: 'NO-SUCH-1' });
    expect(await db.kysely.selectFrom('sites').select('id').execute()).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it('adds a hospital with its organisation and delivery point, once, audited', async () => {
    const hospital = { ...place, receiving_hours: '[]' };
    const licences = [{ nuclide: 'F-18', max_activity_bq: 1e11 }];
    const first = await insertHospital(db.kysely, hospital, licences, creation);
    expect(first.kind).toBe('created');
    expect(await insertHospital(db.kysely, hospital, licences, creation)).toEqual({
      kind: 'name-taken',
    });
    const points = await db.kysely.selectFrom('delivery_points').select('name').execute();
    expect(points).toEqual([{ name: 'Main delivery point' }]);
    expect(await audited()).toEqual(['hospital']);
  });

  it('checks a lane’s site, then its hospital, then that no lane of its mode exists', async () => {
    const site = await insertSite(
      db.kysely,
      { ...place, organisation_id: creation.actor.organisationId, opening_hours: '[]' },
      [],
      [],
      creation,
    );
    const hospital = await db.kysely.selectFrom('hospitals').select('id').executeTakeFirstOrThrow();
    const nobody = '00000000-0000-4000-8000-000000000000';
    const lane = (siteId: string, hospitalId: string) =>
      insertLane(
        db.kysely,
        { site_id: siteId, hospital_id: hospitalId, mode: 'road', duration_minutes: 30, cost: 1 },
        creation,
      );
    if (site.kind !== 'created') throw new Error(site.kind);
    expect(await lane(nobody, nobody)).toEqual({ kind: 'no-site' });
    expect(await lane(site.id, nobody)).toEqual({ kind: 'no-hospital' });
    expect((await lane(site.id, hospital.id)).kind).toBe('created');
    expect(await lane(site.id, hospital.id)).toEqual({ kind: 'lane-taken' });
    expect(await audited()).toEqual(['hospital', 'site', 'lane']);
    expect((await verifyAudit(db.kysely)).ok).toBe(true);
  });
});
