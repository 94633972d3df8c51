import { instantOfLocalDateTime } from '@halflife/domain';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Db } from './create-db.js';
import type { Database } from './schema.js';
import { insertDemoCohorts } from './seed-demo-cohorts.js';
import { insertDemoHistory } from './seed-demo-history.js';
import { insertDemoSupply } from './seed-demo-supply.js';
import { demoNetwork, seededRng, type DemoNetwork } from '@halflife/domain/demo';

export interface SeedOptions {
  /** Local date of the demo orders, YYYY-MM-DD ("tomorrow"). */
  readonly date: string;
  readonly seed: number;
  /**
   * Hashes the demo password, by the caller's password hasher; called once per user, so that every
   * user's hash has its own salt.
   */
  readonly passwordHash: () => Promise<string>;
  readonly now: Date;
}

export interface SeedSummary {
  readonly organisations: number;
  readonly sites: number;
  readonly hospitals: number;
  readonly products: number;
  readonly lanes: number;
  readonly users: number;
  readonly orders: number;
  readonly generators: number;
  readonly lots: number;
  readonly studies: number;
  readonly patients: number;
  /** Synthetic weekly demand rows (site × product × week) for the supply outlook. */
  readonly historyRows: number;
}

/** True when the database holds no organisation yet: the only state in which seeding runs. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo network in one transaction, only into an empty database; returns null (and
 * touches nothing) when the database already holds data.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedSummary | null> {
  const network = demoNetwork({ date: options.date, rng: seededRng(options.seed) });
  if (!(await isEmpty(db.kysely))) return null;
  const hashes = await Promise.all(network.users.map(() => options.passwordHash()));
  return db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmpty(trx))) return null;
    return insertNetwork(trx, network, options, hashes);
  });
}

async function insertNetwork(
  trx: Transaction<Database>,
  network: DemoNetwork,
  options: SeedOptions,
  passwordHashes: readonly string[],
): Promise<SeedSummary> {
  const org = async (kind: 'producer' | 'hospital' | 'courier', name: string): Promise<string> =>
    (
      await trx
        .insertInto('organisations')
        .values({ kind, name, demo: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const producer = await org('producer', network.producer.name);
  const courier = await org('courier', network.courier.name);

  const productIds = new Map<string, string>();
  for (const p of network.products) {
    const { id } = await trx
      .insertInto('products')
      .values({
        code: p.code,
        name: p.name,
        ligand: p.ligand,
        nuclide: p.nuclide,
        target: p.target,
        use: p.use,
        route: p.route,
        synthesis_minutes: p.synthesisMinutes,
        qc_minutes: p.qcMinutes,
        radiochemical_yield: p.radiochemicalYield,
        max_batch_bq: p.maxBatchBq,
        shelf_life_minutes: p.shelfLifeMinutes,
        tolerance_pct: p.tolerancePct,
        cost_per_batch: p.costPerBatch,
        cost_per_gbq: p.costPerGbq,
        dose_bq: p.doseBq ?? null,
        dose_bq_per_kg: p.doseBqPerKg ?? null,
        min_dose_bq: p.patientLimits.minBq,
        max_dose_bq: p.patientLimits.maxBq,
        source: `${p.source} Patient limits: ${p.patientLimits.source}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    productIds.set(p.code, id);
  }

  const siteIds = new Map<string, string>();
  const equipmentIds = new Map<string, string>();
  for (const s of network.sites) {
    const { id } = await trx
      .insertInto('sites')
      .values({
        organisation_id: producer,
        name: s.name,
        city: s.city,
        address: s.address,
        latitude: s.latitude,
        longitude: s.longitude,
        time_zone: s.timeZone,
        opening_hours: JSON.stringify(s.openingHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    siteIds.set(s.key, id);
    if (s.licences.length > 0) {
      await trx
        .insertInto('site_licences')
        .values(
          s.licences.map((l) => ({
            site_id: id,
            nuclide: l.nuclide,
            max_activity_bq: l.maxActivityBq,
          })),
        )
        .execute();
    }
    if (s.equipment.length > 0) {
      const rows = await trx
        .insertInto('equipment')
        .values(
          s.equipment.map((e) => ({
            site_id: id,
            kind: e.kind,
            name: e.name,
            capacity: JSON.stringify(e.capacity),
          })),
        )
        .returning(['id', 'name'])
        .execute();
      for (const row of rows) equipmentIds.set(`${s.key}|${row.name}`, row.id);
    }
    const makes = s.productCodes
      .map((c) => productIds.get(c))
      .filter((p): p is string => p !== undefined);
    if (makes.length > 0) {
      await trx
        .insertInto('site_products')
        .values(makes.map((product_id) => ({ site_id: id, product_id })))
        .execute();
    }
  }

  const hospitalIds = new Map<string, { id: string; org: string }>();
  for (const h of network.hospitals) {
    const orgId = await org('hospital', h.name);
    const { id } = await trx
      .insertInto('hospitals')
      .values({
        organisation_id: orgId,
        name: h.name,
        city: h.city,
        address: h.address,
        latitude: h.latitude,
        longitude: h.longitude,
        time_zone: h.timeZone,
        receiving_hours: JSON.stringify(h.receivingHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    hospitalIds.set(h.key, { id, org: orgId });
    await trx
      .insertInto('delivery_points')
      .values({
        hospital_id: id,
        name: 'Nuclear medicine department',
        address: h.address,
        latitude: h.latitude,
        longitude: h.longitude,
        instructions: 'Hot lab, ground floor (demo)',
      })
      .execute();
    if (h.licences.length > 0) {
      await trx
        .insertInto('hospital_licences')
        .values(
          h.licences.map((l) => ({
            hospital_id: id,
            nuclide: l.nuclide,
            max_activity_bq: l.maxActivityBq,
          })),
        )
        .execute();
    }
  }

  const lanes = network.lanes.flatMap((l) => {
    const site = siteIds.get(l.siteKey);
    const hospital = hospitalIds.get(l.hospitalKey);
    if (!site || !hospital) return [];
    return [
      {
        site_id: site,
        hospital_id: hospital.id,
        mode: l.mode,
        duration_minutes: l.durationMinutes,
        cost: l.cost,
        departures: l.departures === null ? null : JSON.stringify(l.departures),
        estimated: l.estimated,
        note: l.note,
      },
    ];
  });
  for (let i = 0; i < lanes.length; i += 500) {
    await trx
      .insertInto('lanes')
      .values(lanes.slice(i, i + 500))
      .execute();
  }

  const userIds = new Map<string, string>();
  for (const [k, u] of network.users.entries()) {
    const organisation =
      u.organisation === 'producer'
        ? producer
        : u.organisation === 'courier'
          ? courier
          : hospitalIds.get(u.organisation.hospitalKey)?.org;
    if (!organisation) continue;
    const { id } = await trx
      .insertInto('users')
      .values({
        organisation_id: organisation,
        email: u.email,
        display_name: u.displayName,
        role: u.role,
        password_hash: passwordHashes[k] ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds.set(u.email, id);
  }
  const seeder = userIds.get('admin@demo.halflife');
  if (!seeder) throw new Error('demo network has no admin user');

  let orders = 0;
  for (const o of network.orders) {
    const hospital = hospitalIds.get(o.hospitalKey);
    const product = productIds.get(o.productCode);
    if (!hospital || !product) continue;
    const calibrationAt = instantOfLocalDateTime(o.calibrationLocal, o.timeZone);
    const values = {
      organisation_id: hospital.org,
      hospital_id: hospital.id,
      product_id: product,
      calibration_at: new Date(calibrationAt),
      calibration_zone: o.timeZone,
      amount_kind: o.amountKind,
      activity_bq: o.activityBq,
      per_kg_bq: o.perKgBq ?? null,
      patient_weight_kg: o.patientWeightKg ?? null,
      doses: o.doses ?? null,
      tolerance_pct: o.tolerancePct,
      patient_ref: o.patientRef,
      notes: o.notes,
      status: 'submitted' as const,
      created_by: seeder,
    };
    const { id } = await trx
      .insertInto('orders')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: options.now,
      actorId: seeder,
      actorOrg: producer,
      entity: 'order',
      entityId: id,
      action: 'create',
      before: null,
      after: { ...values, calibration_at: values.calibration_at.toISOString() },
      reason: 'demo network seed',
    });
    orders++;
  }

  const supply = await insertDemoSupply(
    trx,
    network,
    { siteIds, equipmentIds, seeder, producer },
    options,
  );

  const cohorts = await insertDemoCohorts(trx, {
    hospitals: [...hospitalIds].map(([key, h]) => ({ key, ...h })),
    userIds,
    seeder,
    producer,
    now: options.now,
  });

  const history = await insertDemoHistory(
    trx,
    network,
    { siteIds, seeder, producer },
    { now: options.now, zone: network.sites[0]?.timeZone ?? 'UTC' },
  );

  return {
    organisations: 2 + network.hospitals.length,
    sites: network.sites.length,
    hospitals: network.hospitals.length,
    products: network.products.length,
    lanes: lanes.length,
    users: userIds.size,
    orders,
    ...supply,
    ...cohorts,
    ...history,
  };
}
