import type { Kysely, Selectable } from 'kysely';
import type { Database, EquipmentTable, SiteTable } from './schema.js';

export type SiteRow = Selectable<SiteTable>;

/** A site or hospital as lists show it. */
export interface PlaceSummary {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly time_zone: string;
}

/** Sites or hospitals by name: all of them, or only those of one organisation. */
export async function listPlaces(
  db: Kysely<Database>,
  table: 'sites' | 'hospitals',
  organisationId?: string,
): Promise<PlaceSummary[]> {
  let q = db.selectFrom(table).select(['id', 'name', 'city', 'latitude', 'longitude', 'time_zone']);
  if (organisationId !== undefined) q = q.where('organisation_id', '=', organisationId);
  return q.orderBy('name').execute();
}

/** The site with this id, if there is one. */
export async function getSite(db: Kysely<Database>, id: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Site id → site name, for every site. */
export async function siteNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sites').select(['id', 'name']).execute();
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** The equipment with this id if it stands at this site (its id and kind). */
export async function siteEquipment(
  db: Kysely<Database>,
  siteId: string,
  equipmentId: string,
): Promise<Pick<Selectable<EquipmentTable>, 'id' | 'kind'> | undefined> {
  return db
    .selectFrom('equipment')
    .select(['id', 'kind'])
    .where('id', '=', equipmentId)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
}

/** A site's licence limits: the most of each nuclide it may hold. */
export async function siteLicenceLimits(
  db: Kysely<Database>,
  siteId: string,
): Promise<{ nuclide: string; max_activity_bq: number }[]> {
  return db
    .selectFrom('site_licences')
    .select(['nuclide', 'max_activity_bq'])
    .where('site_id', '=', siteId)
    .execute();
}

/** The nuclides of the products a site makes, each once, in order. */
export async function siteProductNuclides(db: Kysely<Database>, siteId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('site_products')
    .innerJoin('products', 'products.id', 'site_products.product_id')
    .select('products.nuclide')
    .distinct()
    .where('site_products.site_id', '=', siteId)
    .orderBy('products.nuclide')
    .execute();
  return rows.map((p) => p.nuclide);
}

/**
 * A hospital with its organisation, optionally only one of this organisation and/or with this id
 * (the first such hospital when several match).
 */
export async function findHospital(
  db: Kysely<Database>,
  filter: { readonly organisationId?: string; readonly id?: string },
): Promise<{ id: string; organisationId: string } | undefined> {
  let q = db.selectFrom('hospitals').select(['id', 'organisation_id as organisationId']);
  if (filter.organisationId !== undefined) {
    q = q.where('organisation_id', '=', filter.organisationId);
  }
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  return q.executeTakeFirst();
}

/**
 * A hospital's delivery point: the one with this id if it is the hospital's, otherwise (no id)
 * the hospital's first by name. Undefined when there is none.
 */
export async function findDeliveryPoint(
  db: Kysely<Database>,
  hospitalId: string,
  deliveryPointId?: string,
): Promise<string | undefined> {
  let q = db.selectFrom('delivery_points').select('id').where('hospital_id', '=', hospitalId);
  if (deliveryPointId !== undefined) q = q.where('id', '=', deliveryPointId);
  const row = await q.orderBy('name').limit(1).executeTakeFirst();
  return row?.id;
}
