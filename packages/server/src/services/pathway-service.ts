import {
  baselineRefusal,
  changeRefusal,
  cyclesToOrder,
  ORDER_LEAD_DAYS,
  pairByCode,
  patientEndpoints,
  prescribedActivity,
  PROGRAMMES,
  regimenByCode,
  REGIMENS,
  scheduleCycles,
  shiftDate,
  daysBetween,
  THERANOSTIC_PAIRS,
  type CycleChange,
  type CycleSchedule,
  type DoseLevel,
  type PatientCourse,
  type Regimen,
  type ScheduledCycle,
} from '@halflife/clinical';
import {
  activeTherapyPlans,
  deleteTherapyCycle,
  findHospital,
  findUserById,
  getOrder,
  hospitalZone,
  insertPatient,
  insertPetScan,
  insertTherapyChange,
  insertTherapyCycle,
  insertTherapyPlan,
  insertVisit,
  listPatients,
  lockPatient,
  patientRecords,
  setTherapyPlanStatus,
  studyByCode,
  updateOrderStatusIn,
  updatePatientVitalStatus,
  type Actor,
  type Database,
  type PatientReach,
  type PatientRecords,
  type PatientRow,
  type TherapyCycleRow,
  type TherapyPlanRow,
} from '@halflife/db';
import { localDateOf, transition, type Scope } from '@halflife/domain';
import type { z } from '@hono/zod-openapi';
import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../caller.js';
import type {
  CatalogueSchema,
  PatientCreateSchema,
  PatientDetailSchema,
  PatientListQuerySchema,
  PatientListSchema,
  PetScanCreateSchema,
  TherapyChangeSchema,
  TherapyDemandQuerySchema,
  TherapyDemandSchema,
  TherapyStartSchema,
  VisitCreateSchema,
  VitalStatusSchema,
} from '../theranostics-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { courseOf } from './cohort-members.js';
import { createOrder } from './orders-service.js';

/**
 * A patient's theranostic pathway (issue 15): enrolment under a pseudonymous reference, the PET
 * scan that selects them, a therapy plan of cycles from a sourced regimen, the orders each cycle
 * places when its day comes near, delays, reductions and stops with reasons, and the visits of
 * the outcomes registry. The rules are @halflife/clinical's; this is where they meet the records.
 */

export interface PathwayDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type Detail = z.infer<typeof PatientDetailSchema>;
type CycleView = NonNullable<Detail['therapy']>['cycles'][number];

/** A therapy dose is given at this local time on its day (assumption (demo); the order can be moved). */
export const THERAPY_TIME = '10:00';
/** Years before today an enrolment date may lie (records entered late). */
const ENROLMENT_BACKDATE_DAYS = 3650;
/** How far ahead a first cycle may be planned. */
const FIRST_CYCLE_HORIZON_DAYS = 365;
/**
 * The most records one patient takes: visits (every week for ten years), PET scans, and changes
 * to one therapy plan. Beyond them a record is refused (409): a runaway script, not a patient.
 */
export const PATIENT_LIMITS = { visits: 520, pets: 50, changes: 100 } as const;
/** Active plans read at a time by the sweep and the demand (every page is read, one after another). */
const PLAN_PAGE = 500;

const invalid = (field: string, message: string): ServiceResult<never> =>
  failure('invalid', `${field}: ${message}`, [{ path: field, message }]);

/** Whose patients a caller reaches under a scope of the permission matrix. */
export function reachOf(caller: Caller, scope: Scope): PatientReach {
  if (scope === 'organisation') return { organisationId: caller.organisationId };
  if (scope === 'study') return { memberUserId: caller.userId };
  return { all: true };
}

const actorOf = (deps: PathwayDeps, caller: { userId: string; organisationId: string }): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

export function catalogue(): z.infer<typeof CatalogueSchema> {
  return {
    regimens: REGIMENS.map((r) => ({ ...r, doseChoicesBq: [...r.doseChoicesBq] })),
    pairs: [...THERANOSTIC_PAIRS],
    programmes: [...PROGRAMMES],
  };
}

// --- Reading a pathway

/** The patient's latest weight: the last visit that recorded one, else the enrolment weight. */
function latestWeight(p: PatientRow, records: PatientRecords): number {
  const weighed = records.visits.filter((v) => v.patientId === p.id && v.weightKg !== null);
  return weighed.at(-1)?.weightKg ?? p.weightKg;
}

interface PlanState {
  readonly plan: TherapyPlanRow;
  readonly regimen: Regimen;
  readonly schedule: CycleSchedule;
  readonly cycles: readonly TherapyCycleRow[];
  readonly changes: readonly CycleChange[];
}

/** The patient's current plan (the active one, else the latest) with its schedule, or null. */
function planState(p: PatientRow, records: PatientRecords): PlanState | null {
  const plans = records.plans.filter((x) => x.patientId === p.id);
  const plan = plans.find((x) => x.status === 'active') ?? plans.at(-1);
  if (plan === undefined) return null;
  const regimen = regimenByCode(plan.regimenCode);
  if (regimen === undefined) return null;
  const cycles = records.cycles.filter((c) => c.planId === plan.id);
  const changes = records.changes
    .filter((c) => c.planId === plan.id)
    .map((c): CycleChange =>
      c.kind === 'delay'
        ? { kind: 'delay', cycle: c.cycle, days: c.days ?? 0, reason: c.reason }
        : { kind: c.kind, cycle: c.cycle, reason: c.reason },
    );
  const schedule = scheduleCycles({
    regimen,
    firstOn: plan.firstOn,
    level: plan.doseLevel,
    changes,
    facts: cycles.map((c) => ({ cycle: c.cycle, administeredOn: c.administeredOn })),
    weightKg: latestWeight(p, records),
  });
  return { plan, regimen, schedule, cycles, changes };
}

function cycleView(c: ScheduledCycle, row: TherapyCycleRow | undefined): CycleView {
  return {
    cycle: c.cycle,
    dueOn: c.dueOn,
    earliestOn: c.earliestOn,
    latestOn: c.latestOn,
    gapDays: c.gapDays,
    level: c.level,
    activityBq: row?.activityBq ?? c.activityBq,
    reasons: [...c.reasons],
    orderOn: shiftDate(c.dueOn, -ORDER_LEAD_DAYS),
    order:
      row?.orderId == null
        ? null
        : {
            id: row.orderId,
            status: row.orderStatus ?? 'submitted',
            version: row.orderVersion ?? 1,
            calibrationAt: row.calibrationAt?.toISOString() ?? null,
          },
    administeredOn: row?.administeredOn ?? c.administeredOn,
    administeredBq: row?.administeredBq ?? null,
  };
}

type Stage = Detail['stage'];
function stageOf(p: PatientRow, state: PlanState | null): Stage {
  if (p.deathOn !== null) return 'died';
  if (state === null) return 'screening';
  const open =
    state.plan.status === 'active' && state.schedule.cycles.some((c) => c.administeredOn === null);
  return open ? 'on therapy' : 'follow-up';
}

function detailOf(p: PatientRow, records: PatientRecords): Detail {
  const state = planState(p, records);
  const course = courseOf(p, records);
  const cycles =
    state?.schedule.cycles.map((c) =>
      cycleView(
        c,
        state.cycles.find((r) => r.cycle === c.cycle),
      ),
    ) ?? [];
  return {
    id: p.id,
    reference: p.reference,
    hospitalId: p.hospitalId,
    hospitalName: p.hospitalName,
    hospitalZone: p.hospitalZone,
    studyCode: p.studyCode,
    arm: p.arm,
    diseaseVolume: p.diseaseVolume,
    presentation: p.presentation,
    priorLu177: p.priorLu177,
    synthetic: p.synthetic,
    enrolledOn: p.enrolledOn,
    weightKg: latestWeight(p, records),
    baselinePsaNgMl: p.baselinePsa,
    baselineLesions: p.baselineLesions,
    deathOn: p.deathOn,
    lastContactOn: p.lastContactOn,
    stage: stageOf(p, state),
    pets: records.pets.filter((s) => s.patientId === p.id).map(({ patientId: _, ...s }) => s),
    therapy:
      state === null
        ? null
        : {
            planId: state.plan.id,
            regimen: { ...state.regimen, doseChoicesBq: [...state.regimen.doseChoicesBq] },
            firstOn: state.plan.firstOn,
            level: state.plan.doseLevel,
            status: state.plan.status,
            cycles,
            stopped: state.schedule.stopped,
            warnings: [...state.schedule.warnings],
            changes: records.changes
              .filter((c) => c.planId === state.plan.id)
              .map((c) => ({
                kind: c.kind,
                cycle: c.cycle,
                days: c.days,
                reason: c.reason,
                recordedAt: c.recordedAt.toISOString(),
              })),
            nextCycle:
              state.plan.status === 'active'
                ? (cycles.find((c) => c.administeredOn === null) ?? null)
                : null,
          },
    visits: records.visits
      .filter((v) => v.patientId === p.id)
      .map(({ patientId: _, psa, ...v }) => ({ ...v, psaNgMl: psa })),
    endpoints: endpointsView(course),
  };
}

function endpointsView(course: PatientCourse): Detail['endpoints'] {
  const e = patientEndpoints(course);
  return { ...e, assessments: [...e.assessments] };
}

async function visiblePatient(
  db: Kysely<Database>,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<PatientRow | undefined> {
  return (await listPatients(db, reachOf(caller, scope), { ids: [id], limit: 1 }))[0];
}

export async function listPatientsFor(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  query: z.infer<typeof PatientListQuerySchema>,
): Promise<ServiceResult<z.infer<typeof PatientListSchema>>> {
  let studyId: string | undefined;
  if (query.study !== undefined) {
    const study = await studyByCode(deps.db, query.study);
    if (study === undefined) return invalid('study', `no study "${query.study}"`);
    studyId = study.id;
  }
  const rows = await listPatients(deps.db, reachOf(caller, scope), {
    ...(studyId === undefined ? {} : { studyId }),
    limit: query.limit,
    offset: query.offset,
  });
  const records = await patientRecords(
    deps.db,
    rows.map((r) => r.id),
  );
  return success({
    patients: rows.map((p) => {
      const state = planState(p, records);
      return {
        id: p.id,
        reference: p.reference,
        hospitalName: p.hospitalName,
        studyCode: p.studyCode,
        arm: p.arm,
        synthetic: p.synthetic,
        enrolledOn: p.enrolledOn,
        regimenCode: state?.regimen.code ?? null,
        stage: stageOf(p, state),
      };
    }),
    total: rows.length,
  });
}

export async function patientDetail(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<ServiceResult<Detail>> {
  const p = await visiblePatient(deps.db, caller, scope, id);
  // Another hospital's patient is "not found", so that its existence does not leak.
  if (p === undefined) return failure('not-found', `patient ${id} not found`);
  return success(detailOf(p, await patientRecords(deps.db, [p.id])));
}

// --- Recording

const todayAt = (deps: PathwayDeps, zone: string) => localDateOf(deps.now(), zone);

export async function enrolPatient(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  input: z.infer<typeof PatientCreateSchema>,
): Promise<ServiceResult<Detail>> {
  const hospital = await findHospital(deps.db, {
    organisationId: caller.organisationId,
    ...(input.hospitalId === undefined ? {} : { id: input.hospitalId }),
  });
  if (hospital === undefined) return invalid('hospitalId', 'not a hospital of yours');
  const zone = (await hospitalZone(deps.db, hospital.id)) ?? 'UTC';
  const today = todayAt(deps, zone);
  const enrolledOn = input.enrolledOn ?? today;
  if (enrolledOn > today) return invalid('enrolledOn', `must not be after today (${today})`);
  if (daysBetween(enrolledOn, today) > ENROLMENT_BACKDATE_DAYS)
    return invalid('enrolledOn', 'must be within the last ten years');
  const lesionRefusal =
    input.baselineLesions === undefined ? undefined : baselineRefusal(input.baselineLesions);
  if (lesionRefusal !== undefined)
    return invalid('baselineLesions', lesionRefusal.replace(/^lesions: /, ''));
  let studyId: string | null = null;
  if (input.studyCode !== undefined) {
    const study = await studyByCode(deps.db, input.studyCode);
    if (study === undefined) return invalid('studyCode', `no study "${input.studyCode}"`);
    if (study.synthetic)
      return invalid('studyCode', 'a synthetic demo cohort takes no real patients');
    studyId = study.id;
  }
  const created = await deps.db.transaction().execute((trx) =>
    insertPatient(trx, actorOf(deps, caller), {
      hospitalId: hospital.id,
      organisationId: hospital.organisationId,
      reference: input.reference,
      studyId,
      arm: input.arm ?? null,
      diseaseVolume: input.diseaseVolume ?? null,
      presentation: input.presentation ?? null,
      priorLu177: input.priorLu177 ?? null,
      weightKg: input.weightKg,
      enrolledOn,
      baselinePsa: input.baselinePsaNgMl ?? null,
      baselineLesions: input.baselineLesions ?? null,
    }),
  );
  if (created === 'duplicate')
    return failure(
      'conflict',
      `reference: ${input.reference} is already a patient of this hospital`,
      [{ path: 'reference', message: 'already a patient of this hospital' }],
    );
  return patientDetail(deps, caller, scope, created.id);
}

/**
 * Runs `change` on a patient the caller records for, locked, with the records re-read inside the
 * transaction; the change returns a failure to roll back.
 */
async function withPatient<T>(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  change: (
    trx: Transaction<Database>,
    p: PatientRow,
    records: PatientRecords,
  ) => Promise<ServiceResult<T>>,
): Promise<ServiceResult<Detail>> {
  const p = await visiblePatient(deps.db, caller, scope, id);
  if (p === undefined) return failure('not-found', `patient ${id} not found`);
  if (p.synthetic)
    return failure(
      'conflict',
      `${p.reference} is a synthetic demo patient: shown, never recorded for`,
    );
  let refused: ServiceResult<never> | undefined;
  await deps.db
    .transaction()
    .execute(async (trx) => {
      await lockPatient(trx, p.id);
      const fresh = (await listPatients(trx, reachOf(caller, scope), { ids: [id], limit: 1 }))[0]!;
      const result = await change(trx, fresh, await patientRecords(trx, [p.id]));
      if (!result.ok) {
        refused = result;
        throw new Rollback();
      }
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  if (refused !== undefined) return refused;
  return patientDetail(deps, caller, scope, id);
}

class Rollback extends Error {}

export function recordPetScan(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof PetScanCreateSchema>,
): Promise<ServiceResult<Detail>> {
  return withPatient(deps, caller, scope, id, async (trx, p, records) => {
    if (records.pets.length >= PATIENT_LIMITS.pets)
      return failure(
        'conflict',
        `${p.reference} has ${PATIENT_LIMITS.pets} PET scans, the most one patient takes`,
      );
    const pair = pairByCode(input.tracer);
    if (pair === undefined)
      return invalid('tracer', `one of ${THERANOSTIC_PAIRS.map((x) => x.code).join(', ')}`);
    const today = todayAt(deps, p.hospitalZone);
    if (input.scannedOn > today) return invalid('scannedOn', `must not be after today (${today})`);
    if (input.orderId !== undefined) {
      const order = await getOrder(trx, input.orderId);
      if (order === undefined || order.hospital_id !== p.hospitalId)
        return invalid('orderId', 'not an order of this hospital');
      if (order.product_code !== pair.petProductCode)
        return invalid(
          'orderId',
          `an order of ${order.product_code}, not of the tracer ${pair.code}`,
        );
      if (order.patient_ref !== null && order.patient_ref !== p.reference)
        return invalid('orderId', `an order for ${order.patient_ref}, not for ${p.reference}`);
    }
    await insertPetScan(trx, actorOf(deps, caller), {
      patientId: p.id,
      tracer: pair.code,
      target: pair.target,
      orderId: input.orderId ?? null,
      scannedOn: input.scannedOn,
      criterion: pair.criterion,
      positive: input.positive,
      suvMax: input.suvMax ?? null,
      notes: input.notes ?? '',
    });
    return success(null);
  });
}

export function startTherapy(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof TherapyStartSchema>,
): Promise<ServiceResult<Detail>> {
  return withPatient(deps, caller, scope, id, async (trx, p, records) => {
    const regimen = regimenByCode(input.regimenCode);
    if (regimen === undefined)
      return invalid('regimenCode', `one of ${REGIMENS.map((r) => r.code).join(', ')}`);
    if (regimen.productCode === null)
      return invalid(
        'regimenCode',
        `${regimen.name} is not made in this network, so its cycles cannot be ordered here`,
      );
    if (p.deathOn !== null) return failure('conflict', `${p.reference} died on ${p.deathOn}`);
    if (records.plans.some((x) => x.patientId === p.id && x.status === 'active'))
      return failure(
        'conflict',
        `${p.reference} already has an active therapy plan; stop it first`,
      );
    const today = todayAt(deps, p.hospitalZone);
    if (input.firstOn < today) return invalid('firstOn', `must not be before today (${today})`);
    if (daysBetween(today, input.firstOn) > FIRST_CYCLE_HORIZON_DAYS)
      return invalid('firstOn', 'must be within a year');
    const scans = records.pets.filter(
      (s) => s.patientId === p.id && s.target === regimen.target && s.scannedOn <= input.firstOn,
    );
    const latest = scans.at(-1);
    if (latest === undefined || !latest.positive) {
      const criterion =
        THERANOSTIC_PAIRS.find((x) => x.target === regimen.target)?.criterion ?? regimen.target;
      return failure(
        'conflict',
        latest === undefined
          ? `${regimen.name} needs a ${criterion} PET scan first (diagnose, then treat)`
          : `the latest ${regimen.target} PET scan (${latest.scannedOn}) was not ${criterion}`,
      );
    }
    const level: DoseLevel =
      input.doseChoiceBq === undefined
        ? { kind: 'standard' }
        : { kind: 'choice', bq: input.doseChoiceBq };
    try {
      prescribedActivity(regimen, level, latestWeight(p, records));
    } catch (e) {
      return invalid('doseChoiceBq', (e as Error).message);
    }
    await insertTherapyPlan(trx, actorOf(deps, caller), {
      patientId: p.id,
      regimenCode: regimen.code,
      firstOn: input.firstOn,
      doseLevel: level,
      petScanId: latest.id,
    });
    return success(null);
  });
}

/**
 * Cancels the orders of ordered, not yet given cycles and forgets their links, so that the sweep
 * orders them again (or never, once the plan stopped). A dose already in production or later
 * cannot be withdrawn: a conflict, and the caller's transaction rolls back; unless `bestEffort`
 * (a death is recorded whatever the doses' state), when such a cycle keeps its order.
 */
async function withdrawCycles(
  trx: Transaction<Database>,
  actor: Actor,
  planId: string,
  cycles: readonly TherapyCycleRow[],
  reason: string,
  bestEffort = false,
): Promise<ServiceResult<null>> {
  for (const c of cycles) {
    const open =
      c.orderStatus !== null && c.orderStatus !== 'cancelled' && c.orderStatus !== 'rejected';
    if (c.orderId !== null && c.orderStatus !== null && open) {
      const next = transition(c.orderStatus, 'cancel');
      if (!next.ok && bestEffort) continue;
      if (!next.ok)
        return failure('conflict', `cycle ${c.cycle}'s dose cannot change now: ${next.reason}`);
      const cancelled = await updateOrderStatusIn(
        trx,
        { id: c.orderId, expectedVersion: c.orderVersion!, status: next.status, reason },
        actor,
      );
      if (cancelled === undefined)
        return failure('conflict', `cycle ${c.cycle}'s order changed meanwhile; try again`);
    }
    await deleteTherapyCycle(trx, actor, planId, c.cycle, reason);
  }
  return success(null);
}

/**
 * A delay, a reduction or a stop, with its reason. When the cycle it changes was already ordered
 * and not given, its order is cancelled in the same transaction (the sweep orders it again at its
 * new day and dose); a dose already in production cannot change (409).
 */
export function changeTherapy(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof TherapyChangeSchema>,
): Promise<ServiceResult<Detail>> {
  return withPatient(deps, caller, scope, id, async (trx, p, records) => {
    const state = planState(p, records);
    if (state === null || state.plan.status !== 'active')
      return failure('conflict', `${p.reference} has no active therapy plan`);
    if (input.kind === 'delay' && input.days === undefined)
      return invalid('days', 'a delay needs its days');
    const change: CycleChange =
      input.kind === 'delay'
        ? { kind: 'delay', cycle: input.cycle, days: input.days!, reason: input.reason }
        : { kind: input.kind, cycle: input.cycle, reason: input.reason };
    const facts = state.cycles.map((c) => ({ cycle: c.cycle, administeredOn: c.administeredOn }));
    const refusal = changeRefusal(state.regimen, change, facts);
    if (refusal !== undefined) {
      const [field, ...rest] = refusal.split(': ');
      return invalid(field!, rest.join(': '));
    }
    if (!state.schedule.cycles.some((c) => c.cycle === input.cycle))
      return invalid('cycle', `cycle ${input.cycle} is not in the plan (stopped before it)`);
    const actor = actorOf(deps, caller);
    // The ordered, not given cycles this change moves: the changed one, and for a stop every later one.
    const affected = state.cycles.filter(
      (c) =>
        c.administeredOn === null &&
        (c.cycle === input.cycle || (input.kind === 'stop' && c.cycle > input.cycle)),
    );
    const withdrawn = await withdrawCycles(
      trx,
      actor,
      state.plan.id,
      affected,
      `Therapy ${input.kind}: ${input.reason}`,
    );
    if (!withdrawn.ok) return withdrawn;
    await insertTherapyChange(trx, actor, {
      planId: state.plan.id,
      kind: input.kind,
      cycle: input.cycle,
      days: input.kind === 'delay' ? input.days! : null,
      reason: input.reason,
    });
    if (input.kind === 'stop')
      await setTherapyPlanStatus(trx, actor, state.plan.id, 'stopped', input.reason);
    return success(null);
  });
}

export function recordVisit(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof VisitCreateSchema>,
): Promise<ServiceResult<Detail>> {
  return withPatient(deps, caller, scope, id, async (trx, p, records) => {
    if (records.visits.length >= PATIENT_LIMITS.visits)
      return failure(
        'conflict',
        `${p.reference} has ${PATIENT_LIMITS.visits} visits, the most one patient takes`,
      );
    const today = todayAt(deps, p.hospitalZone);
    if (input.visitOn > today) return invalid('visitOn', `must not be after today (${today})`);
    if (input.visitOn < p.enrolledOn)
      return invalid('visitOn', `must not be before enrolment (${p.enrolledOn})`);
    if (input.lesions !== undefined) {
      const baseline = p.baselineLesions ?? [];
      const ids = new Set(baseline.map((l) => l.id));
      const unknown = input.lesions.find((l) => !ids.has(l.id));
      if (unknown !== undefined)
        return invalid('lesions', `${unknown.id} is not a baseline target lesion`);
      if (input.lesions.length !== baseline.length)
        return invalid('lesions', `measure every baseline target lesion (${[...ids].join(', ')})`);
    }
    await insertVisit(trx, actorOf(deps, caller), {
      patientId: p.id,
      visitOn: input.visitOn,
      psa: input.psaNgMl ?? null,
      weightKg: input.weightKg ?? null,
      lesions: input.lesions ?? null,
      newLesions: input.newLesions ?? null,
      radiographicProgression: input.radiographicProgression ?? false,
      adverseEvents: input.adverseEvents.map((e) => ({
        term: e.term,
        grade: e.grade as 1 | 2 | 3 | 4 | 5,
      })),
    });
    return success(null);
  });
}

export function recordVitalStatus(
  deps: PathwayDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof VitalStatusSchema>,
): Promise<ServiceResult<Detail>> {
  return withPatient(deps, caller, scope, id, async (trx, p, records) => {
    const today = todayAt(deps, p.hospitalZone);
    for (const [field, value] of [
      ['deathOn', input.deathOn],
      ['lastContactOn', input.lastContactOn],
    ] as const) {
      if (value === null) continue;
      if (value > today) return invalid(field, `must not be after today (${today})`);
      if (value < p.enrolledOn)
        return invalid(field, `must not be before enrolment (${p.enrolledOn})`);
    }
    if (input.deathOn !== null && input.lastContactOn > input.deathOn)
      return invalid('lastContactOn', 'must not be after the death');
    const actor = actorOf(deps, caller);
    await updatePatientVitalStatus(trx, actor, p.id, input, input.reason);
    // A death ends the therapy: the cycles ordered and not given are withdrawn, the plan stopped.
    const state = planState(p, records);
    if (input.deathOn !== null && state !== null && state.plan.status === 'active') {
      const open = state.cycles.filter((c) => c.administeredOn === null);
      const reason = `Death recorded: ${input.reason}`;
      const withdrawn = await withdrawCycles(trx, actor, state.plan.id, open, reason, true);
      if (!withdrawn.ok) return withdrawn;
      await setTherapyPlanStatus(trx, actor, state.plan.id, 'stopped', reason);
    }
    return success(null);
  });
}

// --- Ordering cycles

export interface SweepReport {
  readonly plans: number;
  readonly ordered: number;
  readonly failed: readonly {
    readonly patient: string;
    readonly cycle: number;
    readonly reason: string;
  }[];
}

/**
 * Orders every cycle whose day has come within the lead time (`cyclesToOrder`), for all active
 * plans or one patient's: an ordinary order of the regimen's product, placed on behalf of the
 * physician who made the plan, at the hospital, for the cycle's day at 10:00 local time, with the
 * dose of the cycle (the latest weight for per-kg regimens). Safe to run from several server
 * processes at once: the order's idempotency key names the plan, cycle and revision, and a cycle is
 * linked to one order only. Plans whose every cycle was given are marked completed.
 */
export async function orderDueCycles(
  deps: PathwayDeps,
  only?: { readonly patientId: string },
): Promise<SweepReport> {
  let plans = 0;
  let ordered = 0;
  const failed: { patient: string; cycle: number; reason: string }[] = [];
  await forEachActivePlan(deps, only, async (p, state) => {
    plans++;
    const today = todayAt(deps, p.hospitalZone);
    if (state.schedule.cycles.every((c) => c.administeredOn !== null)) {
      const actor = actorOf(deps, {
        userId: state.plan.createdBy,
        organisationId: p.organisationId,
      });
      await deps.db
        .transaction()
        .execute((trx) =>
          setTherapyPlanStatus(trx, actor, state.plan.id, 'completed', 'every cycle was given'),
        );
      return;
    }
    const linked = new Set(state.cycles.map((c) => c.cycle));
    for (const due of cyclesToOrder(state.schedule, linked, today)) {
      const result = await orderCycle(deps, p, state, due);
      if (result.ok) ordered += result.value ? 1 : 0;
      else failed.push({ patient: p.reference, cycle: due.cycle, reason: result.error.message });
    }
  });
  return { plans, ordered, failed };
}

/** Every active plan with its patient and schedule (or one patient's), a page at a time. */
async function forEachActivePlan(
  deps: PathwayDeps,
  only: { readonly patientId: string } | undefined,
  visit: (p: PatientRow, state: PlanState) => Promise<void> | void,
): Promise<void> {
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await activeTherapyPlans(deps.db, {
      limit: PLAN_PAGE,
      ...(after === undefined ? {} : { after }),
      ...(only === undefined ? {} : { patientId: only.patientId }),
    });
    const patients = await listPatients(
      deps.db,
      { all: true },
      { ids: [...new Set(page.map((x) => x.patientId))], limit: PLAN_PAGE },
    );
    const records = await patientRecords(
      deps.db,
      patients.map((x) => x.id),
    );
    for (const p of patients) {
      const state = planState(p, records);
      if (state !== null && state.plan.status === 'active') await visit(p, state);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PLAN_PAGE) return;
    after = { createdAt: last.createdAt, id: last.planId };
  }
}

async function orderCycle(
  deps: PathwayDeps,
  p: PatientRow,
  state: PlanState,
  due: ScheduledCycle,
): Promise<ServiceResult<boolean>> {
  const user = await findUserById(deps.db, state.plan.createdBy);
  if (user === undefined || user.disabled)
    return failure(
      'conflict',
      'the physician who made the plan can no longer order; a physician must re-plan',
    );
  const caller: Caller = { ...user };
  const regimen = state.regimen;
  const amount =
    regimen.dose.kind === 'per_kg' && due.level.kind === 'standard'
      ? {
          kind: 'per_kg' as const,
          perKgBq: regimen.dose.bqPerKg,
          patientWeightKg: due.activityBq / regimen.dose.bqPerKg,
        }
      : { kind: 'fixed' as const, activityBq: due.activityBq };
  const placed = await createOrder(
    deps,
    caller,
    'organisation',
    {
      hospitalId: p.hospitalId,
      productCode: regimen.productCode!,
      calibrationTime: `${due.dueOn}T${THERAPY_TIME}[${p.hospitalZone}]`,
      amount,
      tolerancePct: regimen.tolerancePct,
      patientRef: p.reference,
      notes: `Therapy cycle ${due.cycle} of ${regimen.maxCycles}, ${regimen.name}`,
    },
    // One key per plan, cycle and revision of the plan (its changes so far): a repeated sweep
    // finds the same order; a changed plan orders anew.
    `therapy:${state.plan.id}:c${due.cycle}:r${state.changes.length}`,
  );
  if (!placed.ok) return placed;
  const order = placed.value.order;
  if (order.status === 'cancelled' || order.status === 'rejected')
    return failure('conflict', `its order ${order.id} was ${order.status}`);
  const actor = actorOf(deps, caller);
  const linked = await deps.db.transaction().execute(async (trx) => {
    await lockPatient(trx, p.id);
    const fresh = await patientRecords(trx, [p.id]);
    const now = planState(p, fresh);
    const still =
      now?.plan.id === state.plan.id &&
      now.changes.length === state.changes.length &&
      now.plan.status === 'active' &&
      now.schedule.cycles.find((c) => c.cycle === due.cycle)?.dueOn === due.dueOn;
    if (
      still &&
      (await insertTherapyCycle(trx, actor, {
        planId: state.plan.id,
        cycle: due.cycle,
        orderId: order.id,
        dueOn: due.dueOn,
        activityBq: due.activityBq,
      }))
    )
      return true;
    if (fresh.cycles.some((c) => c.orderId === order.id)) return false; // linked by another process
    // The plan moved while the order was placed: the order is withdrawn, and the next pass orders anew.
    await updateOrderStatusIn(
      trx,
      {
        id: order.id,
        expectedVersion: order.version,
        status: 'cancelled',
        reason: 'therapy plan changed while ordering',
      },
      actor,
    );
    return false;
  });
  return success(linked);
}

// --- Isotope demand from the scheduled cycles

/**
 * The known future of therapy demand: every active plan's cycles not yet given, by nuclide, product
 * and week (Monday-based ISO weeks from `from`), with the prescribed activities summed. No patients:
 * what supply strategy needs.
 */
export async function therapyDemand(
  deps: PathwayDeps,
  query: z.infer<typeof TherapyDemandQuerySchema>,
): Promise<ServiceResult<z.infer<typeof TherapyDemandSchema>>> {
  const from = query.from ?? localDateOf(deps.now(), 'UTC');
  const monday = shiftDate(from, -((new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7));
  const rows = new Map<
    string,
    {
      nuclide: string;
      productCode: string;
      weekStart: string;
      cycles: number;
      activityBq: number;
      firstCycles: number;
      firstActivityBq: number;
    }
  >();
  await forEachActivePlan(deps, undefined, (_p, state) => {
    const productCode = state.regimen.productCode;
    if (productCode === null) return;
    for (const c of state.schedule.cycles) {
      if (c.administeredOn !== null) continue;
      const week = Math.floor(daysBetween(monday, c.dueOn) / 7);
      if (week < 0 || week >= query.weeks) continue;
      const weekStart = shiftDate(monday, week * 7);
      const key = `${productCode}|${weekStart}`;
      const row = rows.get(key) ?? {
        nuclide: state.regimen.nuclide,
        productCode,
        weekStart,
        cycles: 0,
        activityBq: 0,
        firstCycles: 0,
        firstActivityBq: 0,
      };
      row.cycles += 1;
      row.activityBq += c.activityBq;
      if (c.cycle === 1) {
        row.firstCycles += 1;
        row.firstActivityBq += c.activityBq;
      }
      rows.set(key, row);
    }
  });
  return success({
    from: monday,
    weeks: query.weeks,
    rows: [...rows.values()].sort(
      (a, b) =>
        a.weekStart.localeCompare(b.weekStart) || a.productCode.localeCompare(b.productCode),
    ),
  });
}
