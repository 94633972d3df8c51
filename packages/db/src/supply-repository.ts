import type { Insertable, Kysely, Selectable } from 'kysely';
import { auditCreation } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { CyclotronRunTable, Database, IsotopeLotTable } from './schema.js';

export type CyclotronRunRow = Selectable<CyclotronRunTable>;
export type IsotopeLotRow = Selectable<IsotopeLotTable>;
export type NewCyclotronRun = Omit<Insertable<CyclotronRunTable>, 'recorded_by' | 'created_at'>;
export type NewIsotopeLot = Omit<Insertable<IsotopeLotTable>, 'recorded_by' | 'created_at'>;

/** Records a cyclotron run and its audit row in one transaction. */
export async function insertCyclotronRun(
  db: Kysely<Database>,
  run: NewCyclotronRun,
  actor: Actor,
): Promise<CyclotronRunRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('cyclotron_runs')
      .values({ ...run, recorded_by: actor.userId, created_at: actor.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCreation(trx, actor, 'cyclotron_run', row);
    return row;
  });
}

/** Cyclotron runs by end of bombardment, optionally of one site and ending in [from, to). */
export async function listCyclotronRuns(
  db: Kysely<Database>,
  filter: { readonly siteId?: string; readonly from?: Date; readonly to?: Date } = {},
): Promise<CyclotronRunRow[]> {
  let q = db.selectFrom('cyclotron_runs').selectAll();
  if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
  if (filter.from) q = q.where('end_at', '>=', filter.from);
  if (filter.to) q = q.where('end_at', '<', filter.to);
  return q.orderBy('end_at').orderBy('id').execute();
}

/** Records an isotope lot and its audit row in one transaction. */
export async function insertLot(
  db: Kysely<Database>,
  lot: NewIsotopeLot,
  actor: Actor,
): Promise<IsotopeLotRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('isotope_lots')
      .values({ ...lot, recorded_by: actor.userId, created_at: actor.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCreation(trx, actor, 'isotope_lot', row);
    return row;
  });
}

export async function getLot(db: Kysely<Database>, id: string): Promise<IsotopeLotRow | undefined> {
  return db.selectFrom('isotope_lots').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Lots by reference time, optionally of one site; with `heldAt`, only those received by then and
 * not expired (no expiry: held).
 */
export async function listLots(
  db: Kysely<Database>,
  filter: { readonly siteId?: string; readonly heldAt?: Date } = {},
): Promise<IsotopeLotRow[]> {
  let q = db.selectFrom('isotope_lots').selectAll();
  if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
  const at = filter.heldAt;
  if (at) {
    q = q
      .where('received_at', '<=', at)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  }
  return q.orderBy('reference_at').orderBy('id').execute();
}
