import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { auditChange, auditCreation } from './audit-trail.js';
import { enqueueHl7Event } from './hl7-repository.js';
import type { Actor } from './orders-repository.js';
import { shipmentInForce } from './plan-rows-repository.js';
import type {
  AdministrationTable,
  Database,
  DoseReceiptTable,
  OrderStatus,
  ShipmentEventKind,
  ShipmentRunTable,
  TransportPackageTable,
  WasteContainerTable,
  WasteItemTable,
  WasteSurveyTable,
} from './schema.js';

/**
 * Distribution and use (migration 0014): a committed plan's shipments with their packages, the
 * vehicle run and its tracking events, the hospital's receipt and administration of each dose,
 * and waste containers. Reads give the services snapshots to check with the pure rules of
 * @halflife/ops; every write is audited in the caller's transaction.
 */

export type PackageRow = Selectable<TransportPackageTable>;
export type RunRow = Selectable<ShipmentRunTable>;
export type ReceiptRow = Selectable<DoseReceiptTable>;
export type AdministrationRow = Selectable<AdministrationTable>;
export type WasteContainerRow = Selectable<WasteContainerTable>;
export type WasteItemRow = Selectable<WasteItemTable>;
export type WasteSurveyRow = Selectable<WasteSurveyTable>;

/** A shipment of the plan in force, with its lane's ends. */
export interface ShipmentHead {
  readonly id: string;
  readonly planId: string;
  readonly planDate: string;
  readonly shipmentKey: string;
  readonly departAt: Date;
  readonly arriveAt: Date;
  readonly mode: 'road' | 'air';
  readonly siteId: string;
  readonly siteName: string;
  readonly siteZone: string;
  readonly siteOrganisationId: string;
  readonly hospitalId: string;
  readonly hospitalName: string;
  readonly hospitalZone: string;
  readonly hospitalOrganisationId: string;
  readonly run: RunRow | null;
  readonly courierName: string | null;
}

/** A dose the plan puts on a shipment, and what has happened to it. */
export interface ShipmentDose {
  readonly orderId: string;
  readonly orderStatus: OrderStatus;
  readonly orderVersion: number;
  readonly patientRef: string | null;
  readonly productCode: string;
  readonly productName: string;
  readonly nuclide: string;
  readonly labelTolerancePct: number;
  readonly orderedBq: number;
  readonly calibrationAt: Date;
  readonly tolerancePct: number;
  readonly recordId: string | null;
  readonly batchNumber: string | null;
  readonly dispensed: {
    readonly id: string;
    readonly measuredBq: number;
    readonly measuredAt: Date;
    readonly volumeMl: number;
    readonly expiresAt: Date;
  } | null;
  readonly packageId: string | null;
  readonly receipt: ReceiptRow | null;
  readonly administration: AdministrationRow | null;
}

export interface ShipmentEvent {
  readonly id: string;
  readonly kind: ShipmentEventKind;
  readonly at: Date;
  readonly byName: string;
  readonly detail: Record<string, unknown>;
}

export interface ShipmentSnapshot {
  readonly head: ShipmentHead;
  readonly doses: readonly ShipmentDose[];
  readonly packages: readonly PackageRow[];
  readonly events: readonly ShipmentEvent[];
}

export interface ShipmentFilter {
  readonly date?: string;
  readonly siteId?: string;
  readonly hospitalOrganisationId?: string;
  readonly courierId?: string;
  /** Leaves out runs delivered on a plan date before this one (a courier's list of runs). */
  readonly deliveredSince?: string;
  readonly ids?: readonly string[];
  readonly limit: number;
}

function headQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plan_shipments as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .innerJoin('lanes as l', 'l.id', 's.lane_id')
    .innerJoin('sites as si', 'si.id', 'l.site_id')
    .innerJoin('hospitals as h', 'h.id', 'l.hospital_id')
    .leftJoin('shipment_runs as r', 'r.shipment_id', 's.id')
    .leftJoin('users as c', 'c.id', 'r.courier_id')
    .where('p.status', '=', 'committed')
    .where(shipmentInForce('s', 'p'))
    .select([
      's.id',
      's.plan_id',
      // A date column reads back as a Date at midnight: the plan date as text, as elsewhere.
      sql<string>`to_char(p.plan_date, 'YYYY-MM-DD')`.as('plan_date'),
      's.shipment_key',
      's.depart_at',
      's.arrive_at',
      'l.mode',
      'si.id as site_id',
      'si.name as site_name',
      'si.time_zone as site_zone',
      'si.organisation_id as site_org',
      'h.id as hospital_id',
      'h.name as hospital_name',
      'h.time_zone as hospital_zone',
      'h.organisation_id as hospital_org',
      'c.display_name as courier_name',
      'r.shipment_id as run_id',
      'r.status as run_status',
      'r.vehicle',
      'r.courier_id',
      'r.transport_index_sum',
      'r.expected_arrival_at',
      'r.loaded_by',
      'r.loaded_at',
      'r.picked_up_at',
      'r.courier_printed_name',
      'r.delivered_at',
      'r.version as run_version',
    ]);
}

type HeadRow = NonNullable<Awaited<ReturnType<ReturnType<typeof headQuery>['executeTakeFirst']>>>;

function headOf(r: HeadRow): ShipmentHead {
  return {
    id: r.id,
    planId: r.plan_id,
    planDate: r.plan_date,
    shipmentKey: r.shipment_key,
    departAt: r.depart_at,
    arriveAt: r.arrive_at,
    mode: r.mode,
    siteId: r.site_id,
    siteName: r.site_name,
    siteZone: r.site_zone,
    siteOrganisationId: r.site_org,
    hospitalId: r.hospital_id,
    hospitalName: r.hospital_name,
    hospitalZone: r.hospital_zone,
    hospitalOrganisationId: r.hospital_org,
    courierName: r.courier_name,
    run:
      r.run_id === null
        ? null
        : {
            shipment_id: r.run_id,
            status: r.run_status!,
            vehicle: r.vehicle!,
            courier_id: r.courier_id!,
            transport_index_sum: r.transport_index_sum!,
            expected_arrival_at: r.expected_arrival_at!,
            loaded_by: r.loaded_by!,
            loaded_at: r.loaded_at!,
            picked_up_at: r.picked_up_at,
            courier_printed_name: r.courier_printed_name,
            delivered_at: r.delivered_at,
            version: r.run_version!,
          },
  };
}

/** Shipments of the plans in force, by departure. */
export async function listShipments(
  db: Kysely<Database>,
  filter: ShipmentFilter,
): Promise<ShipmentHead[]> {
  let q = headQuery(db);
  // A plan covers several days: a shipment belongs to the local day (at its site) it leaves.
  if (filter.date !== undefined)
    q = q.where(sql`(s.depart_at AT TIME ZONE si.time_zone)::date`, '=', filter.date);
  if (filter.siteId !== undefined) q = q.where('si.id', '=', filter.siteId);
  if (filter.hospitalOrganisationId !== undefined) {
    q = q.where('h.organisation_id', '=', filter.hospitalOrganisationId);
  }
  if (filter.courierId !== undefined) q = q.where('r.courier_id', '=', filter.courierId);
  const since = filter.deliveredSince;
  if (since !== undefined) {
    q = q.where((eb) => eb.or([eb('r.status', '!=', 'delivered'), eb('p.plan_date', '>=', since)]));
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    q = q.where('s.id', 'in', filter.ids);
  }
  const rows = await q
    .orderBy('s.depart_at')
    .orderBy('s.shipment_key')
    .limit(filter.limit)
    .execute();
  return rows.map(headOf);
}

/** Doses, packages and events of each shipment, by shipment id. */
export async function shipmentContents(
  db: Kysely<Database>,
  heads: readonly ShipmentHead[],
): Promise<Map<string, Omit<ShipmentSnapshot, 'head'>>> {
  const out = new Map<string, Omit<ShipmentSnapshot, 'head'>>(
    heads.map((h) => [h.id, { doses: [], packages: [], events: [] }]),
  );
  if (heads.length === 0) return out;
  const ids = heads.map((h) => h.id);
  const [doses, packages, events] = await Promise.all([
    db
      .selectFrom('plan_doses as d')
      .innerJoin('orders as o', 'o.id', 'd.order_id')
      .innerJoin('products as pr', 'pr.id', 'o.product_id')
      .leftJoin('dispensed_doses as dd', 'dd.order_id', 'd.order_id')
      .leftJoin('batch_records as br', 'br.id', 'dd.record_id')
      .leftJoin('package_doses as pd', 'pd.dose_id', 'dd.id')
      .where('d.shipment_id', 'in', ids)
      .select([
        'd.shipment_id',
        'o.id as order_id',
        'o.status',
        'o.version',
        'o.patient_ref',
        'o.activity_bq',
        'o.calibration_at',
        'o.tolerance_pct',
        'pr.code',
        'pr.name',
        'pr.nuclide',
        'pr.tolerance_pct as label_tolerance_pct',
        'br.id as record_id',
        'br.batch_number',
        'dd.id as dose_id',
        'dd.measured_bq',
        'dd.measured_at',
        'dd.volume_ml',
        'dd.expires_at',
        'pd.package_id',
      ])
      .orderBy('o.calibration_at')
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('transport_packages')
      .selectAll()
      .where('shipment_id', 'in', ids)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('shipment_events as e')
      .innerJoin('users as u', 'u.id', 'e.by_user')
      .selectAll('e')
      .select('u.display_name')
      .where('e.shipment_id', 'in', ids)
      .orderBy('e.at')
      .execute(),
  ]);
  const doseIds = doses.flatMap((d) => (d.dose_id === null ? [] : [d.dose_id]));
  const [receipts, administrations] =
    doseIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.selectFrom('dose_receipts').selectAll().where('dose_id', 'in', doseIds).execute(),
          db.selectFrom('administrations').selectAll().where('dose_id', 'in', doseIds).execute(),
        ]);
  const receiptOf = new Map(receipts.map((r) => [r.dose_id, r]));
  const adminOf = new Map(administrations.map((a) => [a.dose_id, a]));
  for (const d of doses) {
    (out.get(d.shipment_id)!.doses as ShipmentDose[]).push({
      orderId: d.order_id,
      orderStatus: d.status,
      orderVersion: d.version,
      patientRef: d.patient_ref,
      productCode: d.code,
      productName: d.name,
      nuclide: d.nuclide,
      labelTolerancePct: d.label_tolerance_pct,
      orderedBq: d.activity_bq,
      calibrationAt: d.calibration_at,
      tolerancePct: d.tolerance_pct,
      recordId: d.record_id,
      batchNumber: d.batch_number,
      dispensed:
        d.dose_id === null
          ? null
          : {
              id: d.dose_id,
              measuredBq: d.measured_bq!,
              measuredAt: d.measured_at!,
              volumeMl: d.volume_ml!,
              expiresAt: d.expires_at!,
            },
      packageId: d.package_id,
      receipt: d.dose_id === null ? null : (receiptOf.get(d.dose_id) ?? null),
      administration: d.dose_id === null ? null : (adminOf.get(d.dose_id) ?? null),
    });
  }
  for (const p of packages) (out.get(p.shipment_id)!.packages as PackageRow[]).push(p);
  for (const e of events) {
    (out.get(e.shipment_id)!.events as ShipmentEvent[]).push({
      id: e.id,
      kind: e.kind,
      at: e.at,
      byName: e.display_name,
      detail: e.detail,
    });
  }
  return out;
}

/** One shipment of a plan in force, whole; `lock` holds its row until the transaction ends. */
export async function getShipment(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ShipmentSnapshot | undefined> {
  if (lock) {
    await db.selectFrom('plan_shipments').select('id').where('id', '=', id).forUpdate().execute();
  }
  const row = await headQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const head = headOf(row);
  const contents = (await shipmentContents(db, [head])).get(head.id)!;
  return { head, ...contents };
}

/** The shipment and dose a package holds, by its label code. */
export async function packageByCode(
  db: Kysely<Database>,
  code: string,
): Promise<PackageRow | undefined> {
  return db
    .selectFrom('transport_packages')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The shipment (in force) on which a dispensed dose travels. */
export async function shipmentOfDose(
  db: Kysely<Database>,
  doseId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('dispensed_doses as dd')
    .innerJoin('plan_doses as d', 'd.order_id', 'dd.order_id')
    .innerJoin('plans as p', 'p.id', 'd.plan_id')
    .innerJoin('plan_shipments as s', 's.id', 'd.shipment_id')
    .where('p.status', '=', 'committed')
    .where(shipmentInForce('s', 'p'))
    .where('dd.id', '=', doseId)
    .select('d.shipment_id')
    .executeTakeFirst();
  return row?.shipment_id;
}

// ---------------------------------------------------------------------------------------------
// Writing (in the service's transaction, audited)

export async function addShipmentEvent(
  trx: Transaction<Database>,
  actor: Actor,
  shipmentId: string,
  kind: ShipmentEventKind,
  detail: Record<string, unknown>,
): Promise<void> {
  const row = await trx
    .insertInto('shipment_events')
    .values({
      shipment_id: shipmentId,
      kind,
      at: actor.at,
      by_user: actor.userId,
      detail: JSON.stringify(detail),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'shipment_event', row);
}

export interface NewPackage {
  readonly shipmentId: string;
  readonly code: string;
  readonly packaging: string;
  readonly leadMm: number;
  readonly surfaceUSvPerH: number | null;
  readonly oneMetreUSvPerH: number | null;
  readonly doseIds: readonly string[];
}

export async function insertPackage(
  trx: Transaction<Database>,
  actor: Actor,
  p: NewPackage,
): Promise<PackageRow> {
  const row = await trx
    .insertInto('transport_packages')
    .values({
      shipment_id: p.shipmentId,
      code: p.code,
      packaging: p.packaging,
      lead_mm: p.leadMm,
      surface_usv_h: p.surfaceUSvPerH,
      one_metre_usv_h: p.oneMetreUSvPerH,
      packed_by: actor.userId,
      packed_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('package_doses')
    .values(p.doseIds.map((d) => ({ package_id: row.id, dose_id: d })))
    .execute();
  await auditCreation(
    trx,
    actor,
    'transport_package',
    Object.assign({}, row, { doses: p.doseIds }),
  );
  return row;
}

/** Records measured dose rates on a package (before loading). */
export async function measurePackage(
  trx: Transaction<Database>,
  actor: Actor,
  before: PackageRow,
  rates: { readonly surfaceUSvPerH: number; readonly oneMetreUSvPerH: number },
): Promise<void> {
  await trx
    .updateTable('transport_packages')
    .set({ surface_usv_h: rates.surfaceUSvPerH, one_metre_usv_h: rates.oneMetreUSvPerH })
    .where('id', '=', before.id)
    .execute();
  await auditChange(trx, actor, {
    entity: 'transport_package',
    entityId: before.id,
    action: 'measure',
    before: { surface_usv_h: before.surface_usv_h, one_metre_usv_h: before.one_metre_usv_h },
    after: { surface_usv_h: rates.surfaceUSvPerH, one_metre_usv_h: rates.oneMetreUSvPerH },
    reason: 'dose rates measured',
  });
}

export async function insertRun(
  trx: Transaction<Database>,
  actor: Actor,
  run: {
    readonly shipmentId: string;
    readonly vehicle: string;
    readonly courierId: string;
    readonly transportIndexSum: number;
    readonly expectedArrivalAt: Date;
  },
): Promise<void> {
  const row = await trx
    .insertInto('shipment_runs')
    .values({
      shipment_id: run.shipmentId,
      status: 'loaded',
      vehicle: run.vehicle,
      courier_id: run.courierId,
      transport_index_sum: run.transportIndexSum,
      expected_arrival_at: run.expectedArrivalAt,
      loaded_by: actor.userId,
      loaded_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'shipment_run', { ...row, id: row.shipment_id });
}

/** Moves a run on (optimistic: the run's version must not have changed). */
export async function updateRun(
  trx: Transaction<Database>,
  actor: Actor,
  before: RunRow,
  set: Partial<
    Pick<
      RunRow,
      'status' | 'expected_arrival_at' | 'picked_up_at' | 'courier_printed_name' | 'delivered_at'
    >
  >,
  reason: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('shipment_runs')
    .set({ ...set, version: before.version + 1 })
    .where('shipment_id', '=', before.shipment_id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await auditChange(trx, actor, {
    entity: 'shipment_run',
    entityId: before.shipment_id,
    action: set.status ?? 'update',
    before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof RunRow]])),
    after: set,
    reason,
  });
  return true;
}

export async function insertReceipt(
  trx: Transaction<Database>,
  actor: Actor,
  r: Omit<ReceiptRow, 'id' | 'received_by' | 'received_at'>,
): Promise<ReceiptRow> {
  const row = await trx
    .insertInto('dose_receipts')
    .values({ ...r, received_by: actor.userId, received_at: actor.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'dose_receipt', row);
  return row;
}

export async function insertAdministration(
  trx: Transaction<Database>,
  actor: Actor,
  a: Omit<AdministrationRow, 'id' | 'recorded_by' | 'recorded_at' | 'findings'> & {
    readonly findings: readonly string[];
  },
): Promise<AdministrationRow> {
  const row = await trx
    .insertInto('administrations')
    .values({
      ...a,
      findings: JSON.stringify(a.findings),
      recorded_by: actor.userId,
      recorded_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'administration', row);
  // The hospital's system hears of it when the order came by HL7 (same transaction).
  await enqueueHl7Event(trx, { kind: 'administration', doseId: a.dose_id, at: actor.at });
  return row;
}

/** A delay alert to the hospital (and, as every alert, to the producer's planners). */
export async function insertDelayAlert(
  trx: Transaction<Database>,
  actor: Actor,
  alert: {
    readonly recordId: string;
    readonly hospitalId: string;
    readonly message: string;
    readonly doses: readonly { orderId: string; doseId: string | null; reference: string }[];
  },
): Promise<void> {
  const row = await trx
    .insertInto('quality_alerts')
    .values({
      record_id: alert.recordId,
      hospital_id: alert.hospitalId,
      kind: 'shipment-delay',
      message: alert.message,
      doses: JSON.stringify(alert.doses),
      created_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'quality_alert', row);
}

/**
 * At the commit of a re-plan: what is attached to a carried shipment (packages, run, events)
 * moves to its row in the new plan.
 */
export async function carryShipments(trx: Transaction<Database>, planId: string): Promise<number> {
  // One statement per table, whatever the number of carried shipments.
  const move = (table: 'transport_packages' | 'shipment_runs' | 'shipment_events') =>
    sql`UPDATE ${sql.table(table)} AS t SET shipment_id = s.id
        FROM plan_shipments AS s
        WHERE s.plan_id = ${planId} AND s.carried_from = t.shipment_id`.execute(trx);
  const packages = await move('transport_packages');
  await move('shipment_runs');
  await move('shipment_events');
  return Number(packages.numAffectedRows ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Waste

export interface WasteSnapshot {
  readonly container: WasteContainerRow;
  readonly placeName: string;
  readonly items: readonly WasteItemRow[];
  readonly survey: WasteSurveyRow | null;
}

export interface WasteFilter {
  readonly siteId?: string;
  readonly hospitalOrganisationId?: string;
  readonly siteOrganisationId?: string;
  readonly ids?: readonly string[];
  readonly limit: number;
}

export async function listWasteContainers(
  db: Kysely<Database>,
  filter: WasteFilter,
): Promise<WasteSnapshot[]> {
  let q = db
    .selectFrom('waste_containers as w')
    .leftJoin('sites as s', 's.id', 'w.site_id')
    .leftJoin('hospitals as h', 'h.id', 'w.hospital_id')
    .selectAll('w')
    .select(['s.name as site_name', 'h.name as hospital_name']);
  if (filter.siteId !== undefined) q = q.where('w.site_id', '=', filter.siteId);
  if (filter.hospitalOrganisationId !== undefined) {
    q = q.where('h.organisation_id', '=', filter.hospitalOrganisationId);
  }
  if (filter.siteOrganisationId !== undefined) {
    q = q.where('s.organisation_id', '=', filter.siteOrganisationId);
  }
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    q = q.where('w.id', 'in', filter.ids);
  }
  const rows = await q.orderBy('w.opened_at', 'desc').limit(filter.limit).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, surveys] = await Promise.all([
    db
      .selectFrom('waste_items')
      .selectAll()
      .where('container_id', 'in', ids)
      .orderBy('reference_at')
      .execute(),
    db.selectFrom('waste_surveys').selectAll().where('container_id', 'in', ids).execute(),
  ]);
  return rows.map(({ site_name, hospital_name, ...container }) => ({
    container,
    placeName: site_name ?? hospital_name ?? '',
    items: items.filter((i) => i.container_id === container.id),
    survey: surveys.find((s) => s.container_id === container.id) ?? null,
  }));
}

export async function lockWasteContainer(
  trx: Transaction<Database>,
  id: string,
): Promise<WasteSnapshot | undefined> {
  await trx.selectFrom('waste_containers').select('id').where('id', '=', id).forUpdate().execute();
  return (await listWasteContainers(trx, { ids: [id], limit: 1 }))[0];
}

export async function insertWasteContainer(
  trx: Transaction<Database>,
  actor: Actor,
  c: Pick<WasteContainerRow, 'code' | 'site_id' | 'hospital_id' | 'kind' | 'rule' | 'mass_g'>,
): Promise<WasteContainerRow> {
  const row = await trx
    .insertInto('waste_containers')
    .values({ ...c, status: 'open', opened_by: actor.userId, opened_at: actor.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'waste_container', row);
  return row;
}

export async function insertWasteItem(
  trx: Transaction<Database>,
  actor: Actor,
  item: {
    readonly containerId: string;
    readonly description: string;
    readonly doseId: string | null;
    readonly contents: readonly { nuclide: string; activityBq: number }[];
    readonly referenceAt: Date;
  },
): Promise<void> {
  const row = await trx
    .insertInto('waste_items')
    .values({
      container_id: item.containerId,
      description: item.description,
      dose_id: item.doseId,
      contents: JSON.stringify(item.contents),
      reference_at: item.referenceAt,
      added_by: actor.userId,
      added_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'waste_item', row);
}

export async function updateWasteContainer(
  trx: Transaction<Database>,
  actor: Actor,
  before: WasteContainerRow,
  set: Partial<Pick<WasteContainerRow, 'status' | 'closed_at' | 'release_after' | 'released_at'>>,
  reason: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('waste_containers')
    .set({ ...set, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await auditChange(trx, actor, {
    entity: 'waste_container',
    entityId: before.id,
    action: set.status ?? 'update',
    before: Object.fromEntries(
      Object.keys(set).map((k) => [k, before[k as keyof WasteContainerRow]]),
    ),
    after: set,
    reason,
  });
  return true;
}

export async function insertWasteSurvey(
  trx: Transaction<Database>,
  actor: Actor,
  s: Omit<WasteSurveyRow, 'id' | 'recorded_by'>,
): Promise<void> {
  const row = await trx
    .insertInto('waste_surveys')
    .values({ ...s, recorded_by: actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'waste_survey', row);
}
