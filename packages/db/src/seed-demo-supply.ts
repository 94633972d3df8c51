import type { Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
import { auditValues } from './audit-values.js';
import type { Database } from './schema.js';
import { instantOfLocalDateTime } from '@halflife/domain';
import { demoSupply, type DemoNetwork } from '@halflife/domain/demo';

/** Local wall time 'YYYY-MM-DDTHH:MM' in `zone` as a Date. */
function localDate(local: string, zone: string): Date {
  return new Date(instantOfLocalDateTime(local, zone));
}

/** The demo sites' generators and bulk lots (demo-supply.ts), each audited as the seed's. */
export async function insertDemoSupply(
  trx: Transaction<Database>,
  network: DemoNetwork,
  ids: {
    siteIds: ReadonlyMap<string, string>;
    equipmentIds: ReadonlyMap<string, string>;
    seeder: string;
    producer: string;
  },
  options: { readonly date: string; readonly now: Date },
): Promise<{ generators: number; lots: number }> {
  const zones = new Map(network.sites.map((s) => [s.key, s.timeZone]));
  const { generators, lots } = demoSupply(network.sites, options.date);
  const audit = (entity: string, row: { id: string }) =>
    appendAudit(trx, {
      at: options.now,
      actorId: ids.seeder,
      actorOrg: ids.producer,
      entity,
      entityId: row.id,
      action: 'create',
      before: null,
      after: auditValues(row),
      reason: 'demo network seed',
    });
  let counts = { generators: 0, lots: 0 };
  for (const g of generators) {
    const site = ids.siteIds.get(g.siteKey);
    const zone = zones.get(g.siteKey);
    if (!site || !zone) continue;
    const row = await trx
      .insertInto('generators')
      .values({
        site_id: site,
        equipment_id: ids.equipmentIds.get(`${g.siteKey}|${g.equipmentName}`) ?? null,
        type: g.type,
        parent_activity_bq: g.parentActivityBq,
        calibrated_at: localDate(g.calibratedLocal, zone),
        initial_state: 'equilibrium',
        label: g.label,
        serial: g.serial,
        elution_interval_minutes: g.elutionIntervalMinutes,
        created_by: ids.seeder,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit('generator', row);
    counts = { ...counts, generators: counts.generators + 1 };
  }
  for (const l of lots) {
    const site = ids.siteIds.get(l.siteKey);
    const zone = zones.get(l.siteKey);
    if (!site || !zone) continue;
    const reference = localDate(l.referenceLocal, zone);
    const row = await trx
      .insertInto('isotope_lots')
      .values({
        site_id: site,
        supplier: l.supplier,
        profile: l.profile,
        nuclide: l.nuclide,
        activity_bq: l.activityBq,
        reference_at: reference,
        volume_ml: l.volumeMl,
        carrier: l.carrier,
        expires_at: localDate(l.expiresLocal, zone),
        received_at: reference,
        label: l.label,
        recorded_by: ids.seeder,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit('isotope_lot', row);
    counts = { ...counts, lots: counts.lots + 1 };
  }
  return counts;
}
