import type { Insertable, Kysely } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { Database, HospitalTable, LaneTable, ProductTable, SiteTable } from './schema.js';

/** Who adds something to the network, and what the audit trail records as its state after. */
export interface NetworkCreation {
  readonly actor: Actor;
  readonly after: Record<string, unknown>;
}

/** A licence to hold up to `max_activity_bq` of a nuclide. */
export interface NewLicence {
  readonly nuclide: string;
  readonly max_activity_bq: number;
}

export type NewSite = Omit<Insertable<SiteTable>, 'id'>;
export type NewHospital = Omit<Insertable<HospitalTable>, 'id' | 'organisation_id'>;
export type NewProduct = Omit<Insertable<ProductTable>, 'id'>;
export type NewLane = Omit<Insertable<LaneTable>, 'id'>;

type Created = { readonly kind: 'created'; readonly id: string };

export type SiteOutcome = Created | { readonly kind: 'unknown-product'; readonly code: string };
export type HospitalOutcome = Created | { readonly kind: 'name-taken' };
export type ProductOutcome = Created | { readonly kind: 'code-taken' };
export type LaneOutcome =
  | Created
  | { readonly kind: 'no-site' }
  | { readonly kind: 'no-hospital' }
  | { readonly kind: 'lane-taken' };

/** Appends the audit row of a network entity just created. */
async function auditCreated(
  trx: Kysely<Database>,
  entity: string,
  id: string,
  creation: NetworkCreation,
): Promise<Created> {
  await appendAudit(trx, {
    at: creation.actor.at,
    actorId: creation.actor.userId,
    actorOrg: creation.actor.organisationId,
    entity,
    entityId: id,
    action: 'create',
    before: null,
    after: creation.after,
    reason: null,
  });
  return { kind: 'created', id };
}

/**
 * Adds a production site with its licences and the products (by code) it makes, audited, in one
 * transaction; refuses it, naming the first code, when a product code is unknown.
 */
export async function insertSite(
  db: Kysely<Database>,
  site: NewSite,
  licences: readonly NewLicence[],
  productCodes: readonly string[],
  creation: NetworkCreation,
): Promise<SiteOutcome> {
  return db.transaction().execute(async (trx): Promise<SiteOutcome> => {
    const products = productCodes.length
      ? await trx
          .selectFrom('products')
          .select(['id', 'code'])
          .where('code', 'in', [...productCodes])
          .execute()
      : [];
    const unknown = productCodes.find((c) => !products.some((p) => p.code === c));
    if (unknown) return { kind: 'unknown-product', code: unknown };
    const { id } = await trx
      .insertInto('sites')
      .values(site)
      .returning('id')
      .executeTakeFirstOrThrow();
    if (licences.length) {
      await trx
        .insertInto('site_licences')
        .values(licences.map((l) => ({ site_id: id, ...l })))
        .execute();
    }
    if (products.length) {
      await trx
        .insertInto('site_products')
        .values(products.map((p) => ({ site_id: id, product_id: p.id })))
        .execute();
    }
    return auditCreated(trx, 'site', id, creation);
  });
}

/**
 * Adds a hospital, with an organisation of its name, a main delivery point at its address and its
 * licences, audited, in one transaction; refuses it when an organisation of that name exists.
 */
export async function insertHospital(
  db: Kysely<Database>,
  hospital: NewHospital,
  licences: readonly NewLicence[],
  creation: NetworkCreation,
): Promise<HospitalOutcome> {
  return db.transaction().execute(async (trx): Promise<HospitalOutcome> => {
    const taken = await trx
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', hospital.name)
      .executeTakeFirst();
    if (taken) return { kind: 'name-taken' };
    const org = await trx
      .insertInto('organisations')
      .values({ kind: 'hospital', name: hospital.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('hospitals')
      .values({ organisation_id: org.id, ...hospital })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('delivery_points')
      .values({
        hospital_id: id,
        name: 'Main delivery point',
        address: hospital.address,
        latitude: hospital.latitude,
        longitude: hospital.longitude,
      })
      .execute();
    if (licences.length) {
      await trx
        .insertInto('hospital_licences')
        .values(licences.map((l) => ({ hospital_id: id, ...l })))
        .execute();
    }
    return auditCreated(trx, 'hospital', id, creation);
  });
}

/** Adds a product, audited, in one transaction; refuses it when its code is taken. */
export async function insertProduct(
  db: Kysely<Database>,
  product: NewProduct,
  creation: NetworkCreation,
): Promise<ProductOutcome> {
  return db.transaction().execute(async (trx): Promise<ProductOutcome> => {
    const taken = await trx
      .selectFrom('products')
      .select('id')
      .where('code', '=', product.code)
      .executeTakeFirst();
    if (taken) return { kind: 'code-taken' };
    const { id } = await trx
      .insertInto('products')
      .values(product)
      .returning('id')
      .executeTakeFirstOrThrow();
    return auditCreated(trx, 'product', id, creation);
  });
}

/**
 * Adds a lane from a site to a hospital, audited, in one transaction; refuses it when the site or
 * the hospital does not exist, or a lane of its mode joins them already.
 */
export async function insertLane(
  db: Kysely<Database>,
  lane: NewLane,
  creation: NetworkCreation,
): Promise<LaneOutcome> {
  return db.transaction().execute(async (trx): Promise<LaneOutcome> => {
    const site = await trx
      .selectFrom('sites')
      .select('id')
      .where('id', '=', lane.site_id)
      .executeTakeFirst();
    if (!site) return { kind: 'no-site' };
    const hospital = await trx
      .selectFrom('hospitals')
      .select('id')
      .where('id', '=', lane.hospital_id)
      .executeTakeFirst();
    if (!hospital) return { kind: 'no-hospital' };
    const taken = await trx
      .selectFrom('lanes')
      .select('id')
      .where('site_id', '=', lane.site_id)
      .where('hospital_id', '=', lane.hospital_id)
      .where('mode', '=', lane.mode)
      .executeTakeFirst();
    if (taken) return { kind: 'lane-taken' };
    const { id } = await trx
      .insertInto('lanes')
      .values(lane)
      .returning('id')
      .executeTakeFirstOrThrow();
    return auditCreated(trx, 'lane', id, creation);
  });
}
