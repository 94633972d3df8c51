import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { auditChange, auditCreation } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type {
  Database,
  OrderStatus,
  StoredAdverseEvent,
  StoredDoseLevel,
  StoredLesion,
} from './schema.js';

/**
 * Patients on a theranostic pathway and the outcomes registry (issue 15). Every read takes the
 * caller's reach: a hospital's own patients (`organisationId`), or the patients of the studies a
 * study-team member belongs to (`memberUserId`); a cohort's figures are read whole only by the
 * services that turn them into figures.
 */

/** Local dates are `date` columns, read as 'YYYY-MM-DD' text. */
const day = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const dayOrNull = (column: string): RawBuilder<string | null> =>
  sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** Who may see which patients: one of these, never neither. */
export type PatientReach =
  { readonly organisationId: string } | { readonly memberUserId: string } | { readonly all: true };

export interface PatientRow {
  readonly id: string;
  readonly hospitalId: string;
  readonly hospitalName: string;
  readonly hospitalZone: string;
  readonly organisationId: string;
  readonly reference: string;
  readonly studyId: string | null;
  readonly studyCode: string | null;
  readonly arm: string | null;
  readonly diseaseVolume: 'high' | 'low' | null;
  readonly presentation: 'de_novo' | 'recurrent' | null;
  readonly priorLu177: boolean | null;
  readonly weightKg: number;
  readonly enrolledOn: string;
  readonly baselinePsa: number | null;
  readonly baselineLesions: StoredLesion[] | null;
  readonly deathOn: string | null;
  readonly lastContactOn: string | null;
  readonly synthetic: boolean;
  readonly version: number;
  readonly createdAt: Date;
}

function patientQuery(db: Kysely<Database>, reach: PatientReach) {
  let q = db
    .selectFrom('patients as p')
    .innerJoin('hospitals as h', 'h.id', 'p.hospital_id')
    .leftJoin('studies as s', 's.id', 'p.study_id')
    .select([
      'p.id',
      'p.hospital_id as hospitalId',
      'h.name as hospitalName',
      'h.time_zone as hospitalZone',
      'p.organisation_id as organisationId',
      'p.reference',
      'p.study_id as studyId',
      's.code as studyCode',
      'p.arm',
      'p.disease_volume as diseaseVolume',
      'p.presentation',
      'p.prior_lu177 as priorLu177',
      'p.weight_kg as weightKg',
      day('p.enrolled_on').as('enrolledOn'),
      'p.baseline_psa as baselinePsa',
      'p.baseline_lesions as baselineLesions',
      dayOrNull('p.death_on').as('deathOn'),
      dayOrNull('p.last_contact_on').as('lastContactOn'),
      'p.synthetic',
      'p.version',
      'p.created_at as createdAt',
    ]);
  if ('organisationId' in reach) q = q.where('p.organisation_id', '=', reach.organisationId);
  else if ('memberUserId' in reach)
    q = q.where('p.study_id', 'in', (sub) =>
      sub.selectFrom('study_members').select('study_id').where('user_id', '=', reach.memberUserId),
    );
  return q;
}

export interface PatientFilter {
  readonly studyId?: string;
  readonly ids?: readonly string[];
  readonly reference?: string;
  readonly limit: number;
  readonly offset?: number;
}

export async function listPatients(
  db: Kysely<Database>,
  reach: PatientReach,
  filter: PatientFilter,
): Promise<PatientRow[]> {
  let q = patientQuery(db, reach);
  if (filter.studyId !== undefined) q = q.where('p.study_id', '=', filter.studyId);
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    q = q.where('p.id', 'in', filter.ids);
  }
  if (filter.reference !== undefined) q = q.where('p.reference', '=', filter.reference);
  return await q
    .orderBy('p.reference')
    .orderBy('p.id')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
}

export interface PetScanRow {
  readonly id: string;
  readonly patientId: string;
  readonly tracer: string;
  readonly target: string;
  readonly orderId: string | null;
  readonly scannedOn: string;
  readonly criterion: string;
  readonly positive: boolean;
  readonly suvMax: number | null;
  readonly notes: string;
}

export interface TherapyPlanRow {
  readonly id: string;
  readonly patientId: string;
  readonly regimenCode: string;
  readonly firstOn: string;
  readonly doseLevel: StoredDoseLevel;
  readonly petScanId: string | null;
  readonly status: 'active' | 'stopped' | 'completed';
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface TherapyChangeRow {
  readonly id: string;
  readonly planId: string;
  readonly kind: 'delay' | 'reduce' | 'stop';
  readonly cycle: number;
  readonly days: number | null;
  readonly reason: string;
  readonly recordedAt: Date;
}

/** A cycle once ordered (or given, in a synthetic cohort), with its order's state. */
export interface TherapyCycleRow {
  readonly planId: string;
  readonly cycle: number;
  readonly orderId: string | null;
  readonly orderStatus: OrderStatus | null;
  readonly orderVersion: number | null;
  readonly calibrationAt: Date | null;
  readonly dueOn: string;
  readonly activityBq: number;
  /** The day given: recorded (synthetic), or the day of the order's administration. */
  readonly administeredAt: Date | null;
  readonly administeredOn: string | null;
  readonly administeredBq: number | null;
}

export interface VisitRow {
  readonly id: string;
  readonly patientId: string;
  readonly visitOn: string;
  readonly psa: number | null;
  readonly weightKg: number | null;
  readonly lesions: StoredLesion[] | null;
  readonly newLesions: boolean | null;
  readonly radiographicProgression: boolean;
  readonly adverseEvents: StoredAdverseEvent[];
}

/** Everything recorded of some patients: scans, plans, changes, cycles, visits. */
export interface PatientRecords {
  readonly pets: PetScanRow[];
  readonly plans: TherapyPlanRow[];
  readonly changes: TherapyChangeRow[];
  readonly cycles: TherapyCycleRow[];
  readonly visits: VisitRow[];
}

/** The records of `patientIds` (already within the caller's reach), in date order. */
export async function patientRecords(
  db: Kysely<Database>,
  patientIds: readonly string[],
): Promise<PatientRecords> {
  if (patientIds.length === 0) return { pets: [], plans: [], changes: [], cycles: [], visits: [] };
  const [pets, plans, visits] = await Promise.all([
    db
      .selectFrom('pet_scans')
      .select([
        'id',
        'patient_id as patientId',
        'tracer',
        'target',
        'order_id as orderId',
        day('scanned_on').as('scannedOn'),
        'criterion',
        'positive',
        'suv_max as suvMax',
        'notes',
      ])
      .where('patient_id', 'in', patientIds)
      .orderBy('scanned_on')
      .orderBy('recorded_at')
      .execute(),
    db
      .selectFrom('therapy_plans')
      .select([
        'id',
        'patient_id as patientId',
        'regimen_code as regimenCode',
        day('first_on').as('firstOn'),
        'dose_level as doseLevel',
        'pet_scan_id as petScanId',
        'status',
        'created_by as createdBy',
        'created_at as createdAt',
      ])
      .where('patient_id', 'in', patientIds)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('patient_visits')
      .select([
        'id',
        'patient_id as patientId',
        day('visit_on').as('visitOn'),
        'psa',
        'weight_kg as weightKg',
        'lesions',
        'new_lesions as newLesions',
        'radiographic_progression as radiographicProgression',
        'adverse_events as adverseEvents',
      ])
      .where('patient_id', 'in', patientIds)
      .orderBy('visit_on')
      .orderBy('recorded_at')
      .execute(),
  ]);
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) return { pets, plans, changes: [], cycles: [], visits };
  const [changes, cycles] = await Promise.all([
    db
      .selectFrom('therapy_changes')
      .select([
        'id',
        'plan_id as planId',
        'kind',
        'cycle',
        'days',
        'reason',
        'recorded_at as recordedAt',
      ])
      .where('plan_id', 'in', planIds)
      .orderBy('recorded_at')
      .execute(),
    db
      .selectFrom('therapy_cycles as c')
      .leftJoin('orders as o', 'o.id', 'c.order_id')
      .leftJoin('dispensed_doses as d', 'd.order_id', 'c.order_id')
      .leftJoin('administrations as a', 'a.dose_id', 'd.id')
      .leftJoin('hospitals as h', 'h.id', 'o.hospital_id')
      .select([
        'c.plan_id as planId',
        'c.cycle',
        'c.order_id as orderId',
        'o.status as orderStatus',
        'o.version as orderVersion',
        'o.calibration_at as calibrationAt',
        day('c.due_on').as('dueOn'),
        'c.activity_bq as activityBq',
        'a.administered_at as administeredAt',
        sql<string | null>`coalesce(to_char(c.administered_on, 'YYYY-MM-DD'),
          to_char(a.administered_at AT TIME ZONE h.time_zone, 'YYYY-MM-DD'))`.as('administeredOn'),
        'a.administered_bq as administeredBq',
      ])
      .where('c.plan_id', 'in', planIds)
      .orderBy('c.plan_id')
      .orderBy('c.cycle')
      .execute(),
  ]);
  return { pets, plans, changes, cycles: cycles, visits };
}

export async function insertPatient(
  trx: Transaction<Database>,
  actor: Actor,
  p: {
    readonly hospitalId: string;
    readonly organisationId: string;
    readonly reference: string;
    readonly studyId: string | null;
    readonly arm: string | null;
    readonly diseaseVolume: 'high' | 'low' | null;
    readonly presentation: 'de_novo' | 'recurrent' | null;
    readonly priorLu177: boolean | null;
    readonly weightKg: number;
    readonly enrolledOn: string;
    readonly baselinePsa: number | null;
    readonly baselineLesions: readonly StoredLesion[] | null;
  },
): Promise<{ id: string } | 'duplicate'> {
  const row = await trx
    .insertInto('patients')
    .values({
      hospital_id: p.hospitalId,
      organisation_id: p.organisationId,
      reference: p.reference,
      study_id: p.studyId,
      arm: p.arm,
      disease_volume: p.diseaseVolume,
      presentation: p.presentation,
      prior_lu177: p.priorLu177,
      weight_kg: p.weightKg,
      enrolled_on: p.enrolledOn,
      baseline_psa: p.baselinePsa,
      baseline_lesions: p.baselineLesions === null ? null : JSON.stringify(p.baselineLesions),
      created_by: actor.userId,
      created_at: actor.at,
    })
    .onConflict((oc) => oc.columns(['hospital_id', 'reference']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) return 'duplicate';
  await auditCreation(trx, actor, 'patient', row);
  return { id: row.id };
}

/** Locks a patient's row for a change to its pathway (one change at a time per patient). */
export async function lockPatient(
  trx: Transaction<Database>,
  id: string,
): Promise<{ id: string; version: number } | undefined> {
  return trx
    .selectFrom('patients')
    .select(['id', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePatientVitalStatus(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  change: { readonly deathOn: string | null; readonly lastContactOn: string | null },
  reason: string,
): Promise<void> {
  const before = await trx
    .selectFrom('patients')
    .select(['id', 'death_on', 'last_contact_on', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const after = await trx
    .updateTable('patients')
    .set({
      death_on: change.deathOn,
      last_contact_on: change.lastContactOn,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .returning(['id', 'death_on', 'last_contact_on', 'version'])
    .executeTakeFirstOrThrow();
  await auditChange(trx, actor, {
    entity: 'patient',
    entityId: id,
    action: 'vital-status',
    before,
    after,
    reason,
  });
}

export async function insertPetScan(
  trx: Transaction<Database>,
  actor: Actor,
  s: Omit<PetScanRow, 'id'>,
): Promise<string> {
  const row = await trx
    .insertInto('pet_scans')
    .values({
      patient_id: s.patientId,
      tracer: s.tracer,
      target: s.target,
      order_id: s.orderId,
      scanned_on: s.scannedOn,
      criterion: s.criterion,
      positive: s.positive,
      suv_max: s.suvMax,
      notes: s.notes,
      recorded_by: actor.userId,
      recorded_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'pet_scan', row);
  return row.id;
}

export async function insertTherapyPlan(
  trx: Transaction<Database>,
  actor: Actor,
  p: {
    readonly patientId: string;
    readonly regimenCode: string;
    readonly firstOn: string;
    readonly doseLevel: StoredDoseLevel;
    readonly petScanId: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('therapy_plans')
    .values({
      patient_id: p.patientId,
      regimen_code: p.regimenCode,
      first_on: p.firstOn,
      dose_level: JSON.stringify(p.doseLevel),
      pet_scan_id: p.petScanId,
      status: 'active',
      created_by: actor.userId,
      created_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'therapy_plan', row);
  return row.id;
}

export async function setTherapyPlanStatus(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  status: 'stopped' | 'completed',
  reason: string,
): Promise<void> {
  const before = await trx
    .selectFrom('therapy_plans')
    .select(['id', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx.updateTable('therapy_plans').set({ status }).where('id', '=', id).execute();
  await auditChange(trx, actor, {
    entity: 'therapy_plan',
    entityId: id,
    action: status,
    before,
    after: { ...before, status },
    reason,
  });
}

export async function insertTherapyChange(
  trx: Transaction<Database>,
  actor: Actor,
  c: {
    readonly planId: string;
    readonly kind: 'delay' | 'reduce' | 'stop';
    readonly cycle: number;
    readonly days: number | null;
    readonly reason: string;
  },
): Promise<void> {
  const row = await trx
    .insertInto('therapy_changes')
    .values({
      plan_id: c.planId,
      kind: c.kind,
      cycle: c.cycle,
      days: c.days,
      reason: c.reason,
      recorded_by: actor.userId,
      recorded_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'therapy_change', row);
}

/**
 * Records a cycle's order. A cycle is ordered once: false when another process ordered it first
 * (the caller's transaction then rolls back its order).
 */
export async function insertTherapyCycle(
  trx: Transaction<Database>,
  actor: Actor,
  c: {
    readonly planId: string;
    readonly cycle: number;
    readonly orderId: string;
    readonly dueOn: string;
    readonly activityBq: number;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('therapy_cycles')
    .values({
      plan_id: c.planId,
      cycle: c.cycle,
      order_id: c.orderId,
      due_on: c.dueOn,
      activity_bq: c.activityBq,
      administered_on: null,
    })
    .onConflict((oc) => oc.columns(['plan_id', 'cycle']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) return false;
  await auditCreation(trx, actor, 'therapy_cycle', { ...row, id: `${row.plan_id}/${row.cycle}` });
  return true;
}

/** Forgets a cycle's order (it was cancelled because the cycle moved): the cycle is ordered again. */
export async function deleteTherapyCycle(
  trx: Transaction<Database>,
  actor: Actor,
  planId: string,
  cycle: number,
  reason: string,
): Promise<void> {
  const before = await trx
    .deleteFrom('therapy_cycles')
    .where('plan_id', '=', planId)
    .where('cycle', '=', cycle)
    .returningAll()
    .executeTakeFirst();
  if (before === undefined) return;
  await auditChange(trx, actor, {
    entity: 'therapy_cycle',
    entityId: `${planId}/${cycle}`,
    action: 'reorder',
    before,
    after: {},
    reason,
  });
}

export async function insertVisit(
  trx: Transaction<Database>,
  actor: Actor,
  v: Omit<VisitRow, 'id'>,
): Promise<string> {
  const row = await trx
    .insertInto('patient_visits')
    .values({
      patient_id: v.patientId,
      visit_on: v.visitOn,
      psa: v.psa,
      weight_kg: v.weightKg,
      lesions: v.lesions === null ? null : JSON.stringify(v.lesions),
      new_lesions: v.newLesions,
      radiographic_progression: v.radiographicProgression,
      adverse_events: JSON.stringify(v.adverseEvents),
      recorded_by: actor.userId,
      recorded_at: actor.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditCreation(trx, actor, 'patient_visit', row);
  return row.id;
}

export interface StudyRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly synthetic: boolean;
  readonly patients: number;
}

/**
 * Studies: all (an analyst's figures), or those the user belongs to, or those with a patient of
 * the organisation; with their patient counts.
 */
export async function listStudies(db: Kysely<Database>, reach: PatientReach): Promise<StudyRow[]> {
  let q = db
    .selectFrom('studies as s')
    .leftJoin('patients as p', 'p.study_id', 's.id')
    .select(['s.id', 's.code', 's.name', 's.synthetic'])
    .select((eb) => eb.fn.count<string>('p.id').as('patients'))
    .groupBy(['s.id', 's.code', 's.name', 's.synthetic'])
    .orderBy('s.code');
  if ('memberUserId' in reach)
    q = q.where('s.id', 'in', (sub) =>
      sub.selectFrom('study_members').select('study_id').where('user_id', '=', reach.memberUserId),
    );
  else if ('organisationId' in reach)
    q = q.where('s.id', 'in', (sub) =>
      sub
        .selectFrom('patients')
        .select('study_id')
        .where('organisation_id', '=', reach.organisationId)
        .where('study_id', 'is not', null)
        .$narrowType<{ study_id: string }>(),
    );
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, patients: Number(r.patients) }));
}

export async function studyByCode(
  db: Kysely<Database>,
  code: string,
): Promise<{ id: string; code: string; name: string; synthetic: boolean } | undefined> {
  return db
    .selectFrom('studies')
    .select(['id', 'code', 'name', 'synthetic'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Whether `userId` is on the team of study `studyId`. */
export async function isStudyMember(
  db: Kysely<Database>,
  studyId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('study_members')
    .select('user_id')
    .where('study_id', '=', studyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A hospital's IANA time zone. */
export async function hospitalZone(
  db: Kysely<Database>,
  hospitalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('hospitals')
    .select('time_zone')
    .where('id', '=', hospitalId)
    .executeTakeFirst();
  return row?.time_zone;
}

/**
 * Active therapy plans, oldest first, a page at a time (after the last one of the page before),
 * for the sweep that orders due cycles; or one patient's.
 */
export async function activeTherapyPlans(
  db: Kysely<Database>,
  page: {
    readonly limit: number;
    readonly after?: { readonly createdAt: Date; readonly id: string };
    readonly patientId?: string;
  },
): Promise<{ planId: string; patientId: string; createdAt: Date }[]> {
  let q = db
    .selectFrom('therapy_plans')
    .select(['id as planId', 'patient_id as patientId', 'created_at as createdAt'])
    .where('status', '=', 'active');
  if (page.patientId !== undefined) q = q.where('patient_id', '=', page.patientId);
  const after = page.after;
  if (after !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  return q.orderBy('created_at').orderBy('id').limit(page.limit).execute();
}
