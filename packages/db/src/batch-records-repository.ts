import { createHash } from 'node:crypto';
import { transition, type OrderEvent } from '@halflife/domain';
import {
  recipeFor,
  signedContent,
  specificationFor,
  type Deviation,
  type DeviationClass,
  type MaterialDraw,
  type MaterialKind,
  type RecordContent,
  type RecordedQcResult,
  type RecordStatus,
  type SignatureMeaning,
  type StepEntry,
} from '@halflife/ops';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { auditChange, auditCreation, canonicalJson } from './audit-trail.js';
import { enqueueHl7Event } from './hl7-repository.js';
import { updateOrderStatusIn, type Actor } from './orders-repository.js';
import type { BatchRecordTable, Database, OrderStatus, QualityAlertTable } from './schema.js';

/**
 * Electronic batch records (migration 0013). The commit of a plan opens one per new batch and
 * moves the records of carried batches to their new rows; every later change goes through
 * `changeRecord`, which locks the record, hands the service a snapshot to check with the pure
 * rules of @halflife/ops, and writes what the service decides — each row audited, in one
 * transaction, under one new revision of the record.
 */

export type BatchRecordRow = Selectable<BatchRecordTable>;

/** The planned batch a record belongs to, with what the floor needs to know about it. */
export interface RecordBatch {
  readonly planBatchId: string;
  readonly planId: string;
  readonly planDate: string;
  /** The plan in force for its date is this batch's plan. */
  readonly inForce: boolean;
  readonly batchKey: string;
  readonly siteId: string;
  readonly siteName: string;
  readonly siteZone: string;
  readonly lineId: string;
  readonly lineName: string;
  readonly productName: string;
  readonly nuclide: string;
  readonly shelfLifeMinutes: number;
  readonly startAt: Date;
  readonly eosAt: Date;
  readonly releaseAt: Date;
  readonly expectedEosBq: number;
}

export interface RecordSignature {
  readonly id: string;
  readonly meaning: SignatureMeaning;
  readonly signerId: string;
  readonly printedName: string;
  readonly signedAt: Date;
  readonly rev: number;
  readonly contentHash: string;
  readonly reason: string | null;
}

export interface RecordDose {
  readonly orderId: string;
  readonly orderStatus: OrderStatus;
  readonly orderVersion: number;
  readonly hospitalId: string;
  readonly hospitalName: string;
  readonly hospitalZone: string;
  readonly patientRef: string | null;
  readonly orderedBq: number;
  readonly calibrationAt: Date;
  readonly tolerancePct: number;
  readonly plannedCalibrationBq: number;
  readonly dispensed: {
    readonly id: string;
    readonly measuredBq: number;
    readonly measuredAt: Date;
    readonly volumeMl: number;
    readonly container: 'vial' | 'syringe';
    readonly calibrationBq: number;
    readonly deviation: number;
    readonly expiresAt: Date;
    readonly dispensedBy: string;
    readonly dispensedAt: Date;
  } | null;
}

export interface RecordAlert {
  readonly id: string;
  readonly hospitalId: string;
  readonly hospitalName: string;
  readonly kind: QualityAlertTable['kind'];
  readonly message: string;
  readonly doses: { orderId: string; doseId: string | null; reference: string }[];
  readonly createdAt: Date;
}

/** Everything on a record, as the service checks it and the screens show it. */
export interface BatchRecordSnapshot {
  readonly record: BatchRecordRow;
  readonly batch: RecordBatch;
  readonly steps: readonly StepEntry[];
  readonly draws: readonly MaterialDraw[];
  readonly deviations: readonly Deviation[];
  readonly results: readonly (RecordedQcResult & { readonly source: string })[];
  readonly signatures: readonly RecordSignature[];
  readonly doses: readonly RecordDose[];
  readonly alerts: readonly RecordAlert[];
  /** Display names of everyone who signed or entered anything, by user id. */
  readonly people: ReadonlyMap<string, string>;
}

/** The content a signature at `rev` covers is hashed with this: sha256 of its canonical JSON. */
export function recordContentHash(content: RecordContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The header of a record's signed content: what identifies the batch and its rules. */
export function recordContent(snapshot: BatchRecordSnapshot): RecordContent {
  const r = snapshot.record;
  return {
    header: {
      batchNumber: r.batch_number,
      product: r.product_code,
      site: r.site_id,
      recipeVersion: r.recipe.version,
      specificationVersion: r.specification.version,
      openedAt: r.opened_at.getTime(),
    },
    entries: snapshot.steps,
    draws: snapshot.draws,
    deviations: snapshot.deviations,
    results: snapshot.results.map(({ source: _source, ...result }) => result),
  };
}

/**
 * The record's signatures, each with whether the record still hashes to what it covered (21 CFR
 * 11.70: a changed record shows its signature broken).
 */
export function verifiedSignatures(
  snapshot: BatchRecordSnapshot,
): (RecordSignature & { readonly valid: boolean })[] {
  const content = recordContent(snapshot);
  return snapshot.signatures.map((s) => ({
    ...s,
    valid: recordContentHash(signedContent(content, s.rev)) === s.contentHash,
  }));
}

// ---------------------------------------------------------------------------------------------
// Opening records at commit

/**
 * In the commit's transaction: opens a record for every batch of plan `planId` that is new, moves
 * the records of carried batches to their new rows, and voids the records of batches the plan
 * dropped before anything was signed on them. A product without a master recipe or specification
 * gets no record (the worklist says so).
 */
export async function openBatchRecords(
  trx: Transaction<Database>,
  planId: string,
  planDate: string,
  previousPlanId: string | null,
  actor: Actor,
  /** Void only the previous plan's records of batches starting then or later (a later horizon). */
  voidFrom: Date | null = null,
): Promise<{ opened: number; carried: number; voided: number }> {
  const rows = await trx
    .selectFrom('plan_batches')
    .select(['id', 'batch_key', 'site_id', 'product_code', 'carried_from'])
    .where('plan_id', '=', planId)
    .orderBy('start_at')
    .execute();
  let opened = 0;
  let carried = 0;
  const kept = new Set<string>();
  for (const row of rows) {
    if (row.carried_from !== null) {
      const moved = await trx
        .updateTable('batch_records')
        .set({ plan_batch_id: row.id })
        .where('plan_batch_id', '=', row.carried_from)
        .returning('id')
        .executeTakeFirst();
      if (moved) {
        kept.add(moved.id);
        carried++;
        continue;
      }
    }
    const recipe = recipeFor(row.product_code, planDate);
    const specification = specificationFor(row.product_code, planDate);
    if (!recipe || !specification) continue;
    const { n } = await sql<{ n: string }>`SELECT nextval('batch_number_seq') AS n`
      .execute(trx)
      .then((r) => r.rows[0]!);
    const created = await trx
      .insertInto('batch_records')
      .values({
        plan_batch_id: row.id,
        batch_number: `${planDate.replaceAll('-', '')}-${row.product_code}-${String(n).padStart(5, '0')}`,
        site_id: row.site_id,
        product_code: row.product_code,
        recipe: JSON.stringify(recipe),
        specification: JSON.stringify(specification),
        opened_at: actor.at,
      })
      .returning(['id', 'batch_number', 'plan_batch_id', 'product_code'])
      .executeTakeFirstOrThrow();
    await auditCreation(trx, actor, 'batch_record', created);
    opened++;
  }
  let voided = 0;
  if (previousPlanId !== null) {
    const dropped = await trx
      .selectFrom('batch_records as r')
      .innerJoin('plan_batches as b', 'b.id', 'r.plan_batch_id')
      .select(['r.id', 'r.rev', 'r.voided_reason', 'b.start_at'])
      .where('b.plan_id', '=', previousPlanId)
      .execute();
    for (const record of dropped) {
      if (kept.has(record.id) || record.rev > 0 || record.voided_reason !== null) continue;
      if (voidFrom !== null && record.start_at.getTime() < voidFrom.getTime()) continue;
      const reason =
        voidFrom === null
          ? `the batch is not in plan ${planId}, which superseded its plan`
          : `the batch is not in plan ${planId}, whose horizon replaced its plan's from ${voidFrom.toISOString()}`;
      await trx
        .updateTable('batch_records')
        .set({ voided_reason: reason })
        .where('id', '=', record.id)
        .execute();
      await auditChange(trx, actor, {
        entity: 'batch_record',
        entityId: record.id,
        action: 'void',
        before: { voided_reason: null },
        after: { voided_reason: reason },
        reason,
      });
      voided++;
    }
  }
  return { opened, carried, voided };
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface BatchRecordFilter {
  /** The local date (at the site) the batch starts. */
  readonly date?: string;
  readonly siteId?: string;
  readonly statuses?: readonly RecordStatus[];
  readonly limit: number;
}

export interface BatchRecordListRow {
  readonly record: BatchRecordRow;
  readonly batch: RecordBatch;
  readonly doses: number;
  readonly deviations: number;
}

const batchColumns = [
  'b.id as plan_batch_id',
  'b.plan_id',
  'b.batch_key',
  'b.site_id',
  'b.equipment_id',
  'b.start_at',
  'b.eos_at',
  'b.release_at',
  'b.eos_activity_bq',
  'p.status as plan_status',
  's.name as site_name',
  's.time_zone as site_zone',
  'e.name as line_name',
  'pr.name as product_name',
  'pr.nuclide',
  'pr.shelf_life_minutes',
] as const;

function recordQuery(db: Kysely<Database>) {
  return db
    .selectFrom('batch_records as r')
    .innerJoin('plan_batches as b', 'b.id', 'r.plan_batch_id')
    .innerJoin('plans as p', 'p.id', 'b.plan_id')
    .innerJoin('sites as s', 's.id', 'b.site_id')
    .innerJoin('equipment as e', 'e.id', 'b.equipment_id')
    .innerJoin('products as pr', 'pr.code', 'r.product_code')
    .selectAll('r')
    .select(batchColumns)
    .select(sql<string>`to_char(p.plan_date, 'YYYY-MM-DD')`.as('plan_date'));
}

type RecordQueryRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['executeTakeFirst']>>;

function splitRow(row: NonNullable<RecordQueryRow>): {
  record: BatchRecordRow;
  batch: RecordBatch;
} {
  return {
    record: {
      id: row.id,
      plan_batch_id: row.plan_batch_id,
      batch_number: row.batch_number,
      site_id: row.site_id,
      product_code: row.product_code,
      recipe: row.recipe,
      specification: row.specification,
      status: row.status,
      voided_reason: row.voided_reason,
      rev: row.rev,
      opened_at: row.opened_at,
    },
    batch: {
      planBatchId: row.plan_batch_id,
      planId: row.plan_id,
      planDate: row.plan_date,
      inForce: row.plan_status === 'committed',
      batchKey: row.batch_key,
      siteId: row.site_id,
      siteName: row.site_name,
      siteZone: row.site_zone,
      lineId: row.equipment_id,
      lineName: row.line_name,
      productName: row.product_name,
      nuclide: row.nuclide,
      shelfLifeMinutes: row.shelf_life_minutes,
      startAt: row.start_at,
      eosAt: row.eos_at,
      releaseAt: row.release_at,
      expectedEosBq: row.eos_activity_bq,
    },
  };
}

/** Records of the plans in force (not voided), by planned start. */
export async function listBatchRecords(
  db: Kysely<Database>,
  filter: BatchRecordFilter,
): Promise<BatchRecordListRow[]> {
  let q = recordQuery(db)
    .where('p.status', '=', 'committed')
    .where('r.voided_reason', 'is', null)
    .select((eb) => [
      eb
        .selectFrom('plan_doses as d')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('d.batch_id', '=', 'b.id')
        .as('dose_count'),
      eb
        .selectFrom('batch_deviations as v')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('v.record_id', '=', 'r.id')
        .as('deviation_count'),
    ]);
  // A plan covers several days: a batch belongs to the local day (at its site) it starts.
  if (filter.date !== undefined)
    q = q.where(sql`(b.start_at AT TIME ZONE s.time_zone)::date`, '=', filter.date);
  if (filter.siteId !== undefined) q = q.where('b.site_id', '=', filter.siteId);
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    q = q.where('r.status', 'in', filter.statuses);
  }
  const rows = await q
    .orderBy('b.start_at')
    .orderBy('r.batch_number')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    ...splitRow(row),
    doses: Number(row.dose_count ?? 0),
    deviations: Number(row.deviation_count ?? 0),
  }));
}

/** One record with everything on it, or undefined. */
export async function getBatchRecord(
  db: Kysely<Database>,
  id: string,
): Promise<BatchRecordSnapshot | undefined> {
  const row = await recordQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return snapshotOf(db, splitRow(row));
}

async function snapshotOf(
  db: Kysely<Database>,
  { record, batch }: { record: BatchRecordRow; batch: RecordBatch },
): Promise<BatchRecordSnapshot> {
  const id = record.id;
  const [steps, draws, deviations, results, signatures, doses, alerts] = await Promise.all([
    db.selectFrom('batch_steps').selectAll().where('record_id', '=', id).orderBy('rev').execute(),
    db
      .selectFrom('material_draws')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('rev')
      .execute(),
    db
      .selectFrom('batch_deviations')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('rev')
      .execute(),
    db.selectFrom('qc_results').selectAll().where('record_id', '=', id).orderBy('rev').execute(),
    db
      .selectFrom('batch_signatures')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('signed_at')
      .orderBy('rev')
      .execute(),
    db
      .selectFrom('plan_doses as d')
      .innerJoin('orders as o', 'o.id', 'd.order_id')
      .innerJoin('hospitals as h', 'h.id', 'o.hospital_id')
      .leftJoin('dispensed_doses as x', 'x.order_id', 'o.id')
      .select([
        'o.id as order_id',
        'o.status',
        'o.version',
        'o.hospital_id',
        'h.name as hospital_name',
        'h.time_zone as hospital_zone',
        'o.patient_ref',
        'o.activity_bq',
        'o.calibration_at',
        'o.tolerance_pct',
        'd.calibration_activity_bq',
        'x.id as dispensed_id',
        'x.measured_bq',
        'x.measured_at',
        'x.volume_ml',
        'x.container',
        'x.calibration_bq',
        'x.deviation',
        'x.expires_at',
        'x.dispensed_by',
        'x.dispensed_at',
      ])
      .where('d.batch_id', '=', batch.planBatchId)
      .orderBy('o.calibration_at')
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('quality_alerts as a')
      .innerJoin('hospitals as h', 'h.id', 'a.hospital_id')
      .selectAll('a')
      .select('h.name as hospital_name')
      .where('a.record_id', '=', id)
      .orderBy('a.created_at')
      .execute(),
  ]);
  const userIds = new Set<string>([
    ...steps.map((s) => s.signed_by),
    ...deviations.map((d) => d.recorded_by),
    ...results.map((r) => r.entered_by),
    ...signatures.map((s) => s.signer_id),
    ...doses.flatMap((d) => (d.dispensed_by === null ? [] : [d.dispensed_by])),
  ]);
  const people =
    userIds.size === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', [...userIds])
          .execute();
  const stepOf = new Map(steps.map((s) => [s.id, s.step]));
  return {
    record,
    batch,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      values: s.values,
      signedBy: s.signed_by,
      signedAt: s.signed_at.getTime(),
      rev: s.rev,
      supersedes: s.supersedes,
      reason: s.reason,
    })),
    draws: draws.map((d) => ({
      id: d.id,
      step: stepOf.get(d.step_id) ?? '',
      kind: d.kind,
      source: d.elution_id ?? d.cyclotron_run_id ?? d.lot_id ?? d.kit_lot ?? '',
      activityBq: d.activity_bq,
      rev: d.rev,
    })),
    deviations: deviations.map((d) => ({
      id: d.id,
      step: d.step,
      description: d.description,
      classification: d.classification,
      recordedBy: d.recorded_by,
      recordedAt: d.recorded_at.getTime(),
      rev: d.rev,
    })),
    results: results.map((r) => ({
      id: r.id,
      test: r.test,
      value: r.value,
      passed: r.passed,
      note: r.note,
      enteredBy: r.entered_by,
      enteredAt: r.entered_at.getTime(),
      rev: r.rev,
      supersedes: r.supersedes,
      reason: r.reason,
      source: r.source,
    })),
    signatures: signatures.map((s) => ({
      id: s.id,
      meaning: s.meaning,
      signerId: s.signer_id,
      printedName: s.printed_name,
      signedAt: s.signed_at,
      rev: s.rev,
      contentHash: s.content_hash,
      reason: s.reason,
    })),
    doses: doses.map((d) => ({
      orderId: d.order_id,
      orderStatus: d.status,
      orderVersion: d.version,
      hospitalId: d.hospital_id,
      hospitalName: d.hospital_name,
      hospitalZone: d.hospital_zone,
      patientRef: d.patient_ref,
      orderedBq: d.activity_bq,
      calibrationAt: d.calibration_at,
      tolerancePct: d.tolerance_pct,
      plannedCalibrationBq: d.calibration_activity_bq,
      dispensed:
        d.dispensed_id === null
          ? null
          : {
              id: d.dispensed_id,
              measuredBq: d.measured_bq!,
              measuredAt: d.measured_at!,
              volumeMl: d.volume_ml!,
              container: d.container!,
              calibrationBq: d.calibration_bq!,
              deviation: d.deviation!,
              expiresAt: d.expires_at!,
              dispensedBy: d.dispensed_by!,
              dispensedAt: d.dispensed_at!,
            },
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      hospitalId: a.hospital_id,
      hospitalName: a.hospital_name,
      kind: a.kind,
      message: a.message,
      doses: a.doses,
      createdAt: a.created_at,
    })),
    people: new Map(people.map((p) => [p.id, p.display_name])),
  };
}

/** The latest results of one QC test across a product's recent records, oldest first. */
export async function qcHistory(
  db: Kysely<Database>,
  productCode: string,
  test: string,
  limit: number,
): Promise<{ batchNumber: string; at: Date; value: number }[]> {
  const rows = await db
    .selectFrom('qc_results as q')
    .innerJoin('batch_records as r', 'r.id', 'q.record_id')
    .select(['r.batch_number', 'q.entered_at', 'q.value'])
    .where('r.product_code', '=', productCode)
    .where('q.test', '=', test)
    .where('q.value', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('qc_results as n').select('n.id').whereRef('n.supersedes', '=', 'q.id'),
        ),
      ),
    )
    .orderBy('q.entered_at', 'desc')
    .limit(limit)
    .execute();
  return rows
    .map((r) => ({ batchNumber: r.batch_number, at: r.entered_at, value: r.value! }))
    .reverse();
}

/** Quality alerts to the hospitals of one organisation (or to every hospital), newest first. */
export async function listQualityAlerts(
  db: Kysely<Database>,
  filter: { readonly organisationId?: string; readonly limit: number },
): Promise<(RecordAlert & { batchNumber: string; productCode: string })[]> {
  let q = db
    .selectFrom('quality_alerts as a')
    .innerJoin('hospitals as h', 'h.id', 'a.hospital_id')
    .innerJoin('batch_records as r', 'r.id', 'a.record_id')
    .selectAll('a')
    .select(['h.name as hospital_name', 'r.batch_number', 'r.product_code']);
  if (filter.organisationId !== undefined) {
    q = q.where('h.organisation_id', '=', filter.organisationId);
  }
  const rows = await q.orderBy('a.created_at', 'desc').limit(filter.limit).execute();
  return rows.map((a) => ({
    id: a.id,
    hospitalId: a.hospital_id,
    hospitalName: a.hospital_name,
    kind: a.kind,
    message: a.message,
    doses: a.doses,
    createdAt: a.created_at,
    batchNumber: a.batch_number,
    productCode: a.product_code,
  }));
}

/**
 * What the records of a date's committed plan say about its batches, by batch key: those whose
 * production has begun (a step is signed) and those a QP rejected. A re-plan keeps the first fixed
 * and treats the second as lost.
 */
export async function batchRecordStates(
  db: Kysely<Database>,
  planDate: string,
): Promise<{ started: string[]; rejected: string[] }> {
  const rows = await db
    .selectFrom('batch_records as r')
    .innerJoin('plan_batches as b', 'b.id', 'r.plan_batch_id')
    .innerJoin('plans as p', 'p.id', 'b.plan_id')
    .select(['b.batch_key', 'r.status'])
    .where('p.plan_date', '=', planDate)
    .where('p.status', '=', 'committed')
    .where('r.status', '!=', 'open')
    .execute();
  return {
    started: rows.map((r) => r.batch_key),
    rejected: rows.filter((r) => r.status === 'rejected').map((r) => r.batch_key),
  };
}

// ---------------------------------------------------------------------------------------------
// Starting materials

/** A supply record a step draws from, with what has been drawn from it so far. */
export interface DrawSource {
  readonly kind: 'generator-elution' | 'cyclotron-run' | 'bulk-lot';
  readonly id: string;
  readonly siteId: string;
  /** Generator type, cyclotron target or lot nuclide: the service names the nuclide. */
  readonly what: string;
  /** Activity at `at` (measured; null when none was measured). */
  readonly activityBq: number | null;
  readonly at: Date;
  readonly expiresAt: Date | null;
  readonly drawn: readonly { readonly activityBq: number; readonly at: Date }[];
}

export async function drawSource(
  db: Kysely<Database>,
  kind: DrawSource['kind'],
  id: string,
): Promise<DrawSource | undefined> {
  const drawn = async (column: 'elution_id' | 'cyclotron_run_id' | 'lot_id') =>
    (
      await db
        .selectFrom('material_draws')
        .select(['activity_bq', 'drawn_at'])
        .where(column, '=', id)
        .execute()
    ).map((d) => ({ activityBq: d.activity_bq ?? 0, at: d.drawn_at }));
  if (kind === 'generator-elution') {
    const e = await db
      .selectFrom('elutions as e')
      .innerJoin('generators as g', 'g.id', 'e.generator_id')
      .select(['e.id', 'g.site_id', 'g.type', 'e.measured_activity_bq', 'e.at'])
      .where('e.id', '=', id)
      .executeTakeFirst();
    return e === undefined
      ? undefined
      : {
          kind,
          id,
          siteId: e.site_id,
          what: e.type,
          activityBq: e.measured_activity_bq,
          at: e.at,
          expiresAt: null,
          drawn: await drawn('elution_id'),
        };
  }
  if (kind === 'cyclotron-run') {
    const r = await db
      .selectFrom('cyclotron_runs')
      .select(['id', 'site_id', 'target', 'measured_activity_bq', 'end_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : {
          kind,
          id,
          siteId: r.site_id,
          what: r.target,
          activityBq: r.measured_activity_bq,
          at: r.end_at,
          expiresAt: null,
          drawn: await drawn('cyclotron_run_id'),
        };
  }
  const l = await db
    .selectFrom('isotope_lots')
    .select(['id', 'site_id', 'nuclide', 'activity_bq', 'reference_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return l === undefined
    ? undefined
    : {
        kind,
        id,
        siteId: l.site_id,
        what: l.nuclide,
        activityBq: l.activity_bq,
        at: l.reference_at,
        expiresAt: l.expires_at,
        drawn: await drawn('lot_id'),
      };
}

/** What batches drew from a lot, oldest first: its remaining activity is computed from these. */
export async function drawsOfLot(
  db: Kysely<Database>,
  lotId: string,
): Promise<{ batchNumber: string; activityBq: number; at: Date }[]> {
  const rows = await db
    .selectFrom('material_draws as m')
    .innerJoin('batch_records as r', 'r.id', 'm.record_id')
    .select(['r.batch_number', 'm.activity_bq', 'm.drawn_at'])
    .where('m.lot_id', '=', lotId)
    .orderBy('m.drawn_at')
    .execute();
  return rows.map((r) => ({
    batchNumber: r.batch_number,
    activityBq: r.activity_bq ?? 0,
    at: r.drawn_at,
  }));
}

// ---------------------------------------------------------------------------------------------
// Changing a record

export interface NewDraw {
  readonly kind: MaterialKind;
  /** The elution, run or lot id; or the kit's lot number for 'kit-lot'. */
  readonly source: string;
  readonly activityBq: number | null;
  readonly at: Date;
}

export interface NewDispensed {
  readonly orderId: string;
  readonly measuredBq: number;
  readonly measuredAt: Date;
  readonly volumeMl: number;
  readonly container: 'vial' | 'syringe';
  readonly calibrationBq: number;
  readonly deviation: number;
  readonly expiresAt: Date;
}

/** What a service may write to a record it holds locked. Every write is audited. */
export interface RecordWriter {
  /** The revision this change writes (the record's revision + 1). */
  readonly rev: number;
  /** Re-reads the record's snapshot under the lock (e.g. for draws the step just added). */
  snapshot(): Promise<BatchRecordSnapshot>;
  /** Reads a starting material's source under the lock of this transaction. */
  drawSource(kind: DrawSource['kind'], id: string): Promise<DrawSource | undefined>;
  addStep(step: {
    readonly step: string;
    readonly values: Record<string, number | string>;
    readonly supersedes: string | null;
    readonly reason: string | null;
    readonly draws: readonly NewDraw[];
  }): Promise<string>;
  addDeviation(d: {
    readonly step: string | null;
    readonly description: string;
    readonly classification: DeviationClass;
  }): Promise<string>;
  addResult(r: {
    readonly test: string;
    readonly value: number | null;
    readonly passed: boolean | null;
    readonly note: string | null;
    readonly source: 'entered' | 'instrument-csv';
    readonly supersedes: string | null;
    readonly reason: string | null;
  }): Promise<string>;
  addSignature(s: {
    readonly meaning: SignatureMeaning;
    readonly printedName: string;
    /** The revision the signature covers. */
    readonly covers: number;
    readonly contentHash: string;
    readonly reason: string | null;
  }): Promise<string>;
  addDispensed(d: NewDispensed): Promise<string>;
  addAlert(a: {
    readonly hospitalId: string;
    readonly kind: QualityAlertTable['kind'];
    readonly message: string;
    readonly doses: { orderId: string; doseId: string | null; reference: string }[];
  }): Promise<void>;
  /** Moves the batch's orders by a lifecycle event where the lifecycle allows it. */
  moveOrders(event: OrderEvent, reason: string): Promise<number>;
}

export type ChangeOutcome<T> =
  | { readonly kind: 'changed'; readonly value: T; readonly snapshot: BatchRecordSnapshot }
  | { readonly kind: 'refused'; readonly value: T }
  | { readonly kind: 'not-found' };

/**
 * Locks record `id`, hands `change` its snapshot and a writer, and commits what it wrote with the
 * record's new revision and status (the status `change` returns is stored). A change that returns
 * `refused` writes nothing (the transaction is rolled back).
 */
export async function changeRecord<T>(
  db: Kysely<Database>,
  id: string,
  actor: Actor,
  change: (
    snapshot: BatchRecordSnapshot,
    writer: RecordWriter,
  ) => Promise<{ refused: T } | { done: T; status: (after: BatchRecordSnapshot) => RecordStatus }>,
): Promise<ChangeOutcome<T>> {
  class Refused extends Error {
    constructor(readonly value: T) {
      super('refused');
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('batch_records')
        .select(['id', 'rev'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!locked) return { kind: 'not-found' } as const;
      const load = async () => (await getBatchRecord(trx, id))!;
      const before = await load();
      const rev = locked.rev + 1;
      const writer = recordWriter(trx, before, rev, actor, load);
      const outcome = await change(before, writer);
      if ('refused' in outcome) throw new Refused(outcome.refused);
      const after = await load();
      const status = outcome.status(after);
      await trx.updateTable('batch_records').set({ rev, status }).where('id', '=', id).execute();
      if (status !== before.record.status) {
        await auditChange(trx, actor, {
          entity: 'batch_record',
          entityId: id,
          action: `status:${status}`,
          before: { status: before.record.status, rev: locked.rev },
          after: { status, rev },
          reason: `revision ${rev}`,
        });
      }
      return {
        kind: 'changed',
        value: outcome.done,
        snapshot: { ...after, record: { ...after.record, rev, status } },
      } as const;
    });
  } catch (e) {
    if (e instanceof Refused) return { kind: 'refused', value: e.value as T };
    throw e;
  }
}

function recordWriter(
  trx: Transaction<Database>,
  snapshot: BatchRecordSnapshot,
  rev: number,
  actor: Actor,
  load: () => Promise<BatchRecordSnapshot>,
): RecordWriter {
  const recordId = snapshot.record.id;
  const audited = async <R extends { id: string }>(
    entity: string,
    row: R,
    superseded?: { before: object; reason: string },
  ) => {
    if (superseded === undefined) await auditCreation(trx, actor, entity, row);
    else {
      await auditChange(trx, actor, {
        entity,
        entityId: row.id,
        action: 'correct',
        before: superseded.before,
        after: row,
        reason: superseded.reason,
      });
    }
    return row.id;
  };
  return {
    rev,
    snapshot: load,
    drawSource: (kind, id) => drawSource(trx, kind, id),
    async addStep(step) {
      const row = await trx
        .insertInto('batch_steps')
        .values({
          record_id: recordId,
          step: step.step,
          values: JSON.stringify(step.values),
          signed_by: actor.userId,
          signed_at: actor.at,
          rev,
          supersedes: step.supersedes,
          reason: step.reason,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const old = snapshot.steps.find((s) => s.id === step.supersedes);
      await audited(
        'batch_step',
        row,
        old === undefined ? undefined : { before: old, reason: step.reason ?? '' },
      );
      for (const d of step.draws) {
        const draw = await trx
          .insertInto('material_draws')
          .values({
            record_id: recordId,
            step_id: row.id,
            kind: d.kind,
            elution_id: d.kind === 'generator-elution' ? d.source : null,
            cyclotron_run_id: d.kind === 'cyclotron-run' ? d.source : null,
            lot_id: d.kind === 'bulk-lot' ? d.source : null,
            kit_lot: d.kind === 'kit-lot' ? d.source : null,
            activity_bq: d.activityBq,
            drawn_at: d.at,
            rev,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audited('material_draw', draw);
      }
      return row.id;
    },
    async addDeviation(d) {
      const row = await trx
        .insertInto('batch_deviations')
        .values({
          record_id: recordId,
          step: d.step,
          description: d.description,
          classification: d.classification,
          recorded_by: actor.userId,
          recorded_at: actor.at,
          rev,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return audited('batch_deviation', row);
    },
    async addResult(r) {
      const row = await trx
        .insertInto('qc_results')
        .values({
          record_id: recordId,
          test: r.test,
          value: r.value,
          passed: r.passed,
          note: r.note,
          source: r.source,
          entered_by: actor.userId,
          entered_at: actor.at,
          rev,
          supersedes: r.supersedes,
          reason: r.reason,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const old = snapshot.results.find((x) => x.id === r.supersedes);
      return audited(
        'qc_result',
        row,
        old === undefined ? undefined : { before: old, reason: r.reason ?? '' },
      );
    },
    async addSignature(s) {
      const row = await trx
        .insertInto('batch_signatures')
        .values({
          record_id: recordId,
          meaning: s.meaning,
          signer_id: actor.userId,
          printed_name: s.printedName,
          signed_at: actor.at,
          rev: s.covers,
          content_hash: s.contentHash,
          reason: s.reason,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return audited('batch_signature', row);
    },
    async addDispensed(d) {
      const row = await trx
        .insertInto('dispensed_doses')
        .values({
          record_id: recordId,
          order_id: d.orderId,
          measured_bq: d.measuredBq,
          measured_at: d.measuredAt,
          volume_ml: d.volumeMl,
          container: d.container,
          calibration_bq: d.calibrationBq,
          deviation: d.deviation,
          expires_at: d.expiresAt,
          dispensed_by: actor.userId,
          dispensed_at: actor.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // The hospital's system hears of it when the order came by HL7 (same transaction).
      await enqueueHl7Event(trx, { kind: 'dispense', doseId: row.id, at: actor.at });
      return audited('dispensed_dose', row);
    },
    async addAlert(a) {
      const row = await trx
        .insertInto('quality_alerts')
        .values({
          record_id: recordId,
          hospital_id: a.hospitalId,
          kind: a.kind,
          message: a.message,
          doses: JSON.stringify(a.doses),
          created_at: actor.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audited('quality_alert', row);
    },
    async moveOrders(event, reason) {
      let moved = 0;
      const orders = await trx
        .selectFrom('orders')
        .select(['id', 'status', 'version'])
        .where(
          'id',
          'in',
          snapshot.doses.map((d) => d.orderId).concat(['00000000-0000-0000-0000-000000000000']),
        )
        .forUpdate()
        .execute();
      for (const o of orders) {
        const next = transition(o.status, event);
        if (!next.ok || next.status === o.status) continue;
        const updated = await updateOrderStatusIn(
          trx,
          { id: o.id, expectedVersion: o.version, status: next.status, reason },
          actor,
        );
        if (updated) moved++;
      }
      return moved;
    },
  };
}
