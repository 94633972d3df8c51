import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { IsotopeLotRow } from './supply-repository.js';

/** Small reads the distribution services need: couriers, places, the lots a batch drew. */

/** The active couriers, to give a loaded vehicle to. */
export async function activeCouriers(
  db: Kysely<Database>,
  limit: number,
): Promise<{ id: string; name: string; organisation: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.name as organisation'])
    .where('u.role', '=', 'courier')
    .where('u.disabled', '=', false)
    .orderBy('u.display_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, organisation: r.organisation }));
}

/** Whether `userId` is an active courier. */
export async function isActiveCourier(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('role', '=', 'courier')
    .where('disabled', '=', false)
    .executeTakeFirst();
  return row !== undefined;
}

/** A site or hospital of organisation `organisationId`, by id; undefined when it is not theirs. */
export async function ownPlace(
  db: Kysely<Database>,
  kind: 'site' | 'hospital',
  placeId: string,
  organisationId: string,
): Promise<{ id: string } | undefined> {
  const table = kind === 'site' ? 'sites' : 'hospitals';
  return db
    .selectFrom(table)
    .select('id')
    .where('id', '=', placeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Name and address of a site and a hospital (consignor and consignee). */
export async function consignorAndConsignee(
  db: Kysely<Database>,
  siteId: string,
  hospitalId: string,
): Promise<{
  site: { name: string; address: string; city: string };
  hospital: { name: string; address: string; city: string };
}> {
  const [site, hospital] = await Promise.all([
    db
      .selectFrom('sites')
      .select(['name', 'address', 'city'])
      .where('id', '=', siteId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('hospitals')
      .select(['name', 'address', 'city'])
      .where('id', '=', hospitalId)
      .executeTakeFirstOrThrow(),
  ]);
  return { site, hospital };
}

/** Per batch record, the first bulk lot it drew (its impurities go into every dose). */
export async function firstBulkLots(
  db: Kysely<Database>,
  recordIds: readonly string[],
): Promise<Map<string, IsotopeLotRow>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('material_draws as m')
    .innerJoin('isotope_lots as l', 'l.id', 'm.lot_id')
    .selectAll('l')
    .select('m.record_id')
    .where('m.record_id', 'in', recordIds)
    .where('m.lot_id', 'is not', null)
    .orderBy('m.id')
    .execute();
  const out = new Map<string, IsotopeLotRow>();
  for (const { record_id, ...lot } of rows) if (!out.has(record_id)) out.set(record_id, lot);
  return out;
}

/** The transport indexes of the runs on a vehicle (case-insensitive) not yet delivered. */
export async function vehicleLoad(
  db: Kysely<Database>,
  vehicle: string,
): Promise<{ shipmentId: string; transportIndexSum: number }[]> {
  const rows = await db
    .selectFrom('shipment_runs')
    .select(['shipment_id', 'transport_index_sum'])
    .where(({ fn, eb }) => eb(fn('lower', ['vehicle']), '=', vehicle.toLowerCase()))
    .where('status', 'in', ['loaded', 'in-transit'])
    .execute();
  return rows.map((r) => ({ shipmentId: r.shipment_id, transportIndexSum: r.transport_index_sum }));
}
