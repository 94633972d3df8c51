import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  EquipmentTable,
  HospitalTable,
  LaneTable,
  LicenceTable,
  OrderStatus,
  ProductTable,
  SiteTable,
} from './schema.js';

/** The whole network model as rows: what a planning instance is built from. */
export interface NetworkRows {
  readonly products: Selectable<ProductTable>[];
  readonly sites: Selectable<SiteTable>[];
  readonly equipment: Selectable<EquipmentTable>[];
  readonly siteLicences: (Selectable<LicenceTable> & { site_id: string })[];
  readonly hospitals: Selectable<HospitalTable>[];
  readonly hospitalLicences: (Selectable<LicenceTable> & { hospital_id: string })[];
  readonly lanes: Selectable<LaneTable>[];
}

/** Every product, site, line, hospital, licence and lane, in a stable order. */
export async function networkRows(db: Kysely<Database>): Promise<NetworkRows> {
  const [products, sites, equipment, siteLicences, hospitals, hospitalLicences, lanes] =
    await Promise.all([
      db.selectFrom('products').selectAll().orderBy('code').execute(),
      db.selectFrom('sites').selectAll().orderBy('name').orderBy('id').execute(),
      db.selectFrom('equipment').selectAll().orderBy('name').orderBy('id').execute(),
      db.selectFrom('site_licences').selectAll().orderBy('nuclide').execute(),
      db.selectFrom('hospitals').selectAll().orderBy('name').orderBy('id').execute(),
      db.selectFrom('hospital_licences').selectAll().orderBy('nuclide').execute(),
      db.selectFrom('lanes').selectAll().orderBy('id').execute(),
    ]);
  return { products, sites, equipment, siteLicences, hospitals, hospitalLicences, lanes };
}

/** The time zone most production sites use (the network's), or undefined without sites. */
export async function networkZone(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('sites')
    .select(['time_zone', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('time_zone')
    .orderBy('n', 'desc')
    .orderBy('time_zone')
    .executeTakeFirst();
  return row?.time_zone;
}

function planningOrderQuery(db: Kysely<Database>) {
  return db
    .selectFrom('orders')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .select([
      'orders.id',
      'orders.hospital_id',
      'orders.activity_bq',
      'orders.tolerance_pct',
      'orders.calibration_at',
      'orders.version',
      'orders.status',
      'products.code as product_code',
    ]);
}

/** An order as planning reads it. */
export type PlanningOrderRow = Awaited<
  ReturnType<ReturnType<typeof planningOrderQuery>['execute']>
>[number];

/** Orders in these statuses calibrated in [from, to), by calibration time. */
export async function ordersToPlan(
  db: Kysely<Database>,
  filter: { readonly from: Date; readonly to: Date; readonly statuses: readonly OrderStatus[] },
): Promise<PlanningOrderRow[]> {
  return planningOrderQuery(db)
    .where('orders.status', 'in', [...filter.statuses])
    .where('orders.calibration_at', '>=', filter.from)
    .where('orders.calibration_at', '<', filter.to)
    .orderBy('orders.calibration_at')
    .orderBy('orders.id')
    .execute();
}

/** Orders by id, as planning reads them (any status). */
export async function planningOrdersByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<PlanningOrderRow[]> {
  if (ids.length === 0) return [];
  return planningOrderQuery(db)
    .where('orders.id', 'in', [...ids])
    .execute();
}

/** The network's revision: it moves whenever a table a day's instance is built from changes. */
export async function networkRevision(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('network_revision').select('n').executeTakeFirst();
  return String(row?.n ?? 0);
}
