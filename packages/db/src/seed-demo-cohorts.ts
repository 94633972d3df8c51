import {
  cohortTruth,
  DEMO_COHORT_MODELS,
  regimenByCode,
  shiftDate,
  syntheticCohort,
  XTR022_LIKE,
  xtr022LikeCohort,
  type CohortPatient,
} from '@halflife/clinical';
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Database } from './schema.js';

/**
 * The demo's synthetic cohorts (issue 15): three studies of generated patients, marked synthetic
 * in the study and in every patient, spread over the first demo hospitals so that their physicians
 * see some of them, with the demo study-team member on every team. One audit entry per study
 * (its counts and a digest of what was generated), not one per row: the rows are the seeded
 * model's, reproducible from its seed.
 */

/** The hospitals the synthetic patients are spread over (hospital-001 … hospital-012). */
const COHORT_HOSPITALS = 12;
/** Rows per INSERT statement. */
const CHUNK = 500;

export interface CohortSeedContext {
  readonly hospitals: readonly {
    readonly key: string;
    readonly id: string;
    readonly org: string;
  }[];
  readonly userIds: ReadonlyMap<string, string>;
  readonly seeder: string;
  readonly producer: string;
  readonly now: Date;
}

interface StudySpec {
  readonly code: string;
  readonly name: string;
  readonly patients: readonly CohortPatient[];
}

function studies(): StudySpec[] {
  return [
    ...DEMO_COHORT_MODELS.map((m) => ({
      code: m.code,
      name: `${m.name} (synthetic)`,
      patients: syntheticCohort(m),
    })),
    {
      code: XTR022_LIKE.code,
      name: `${XTR022_LIKE.name} (synthetic)`,
      patients: xtr022LikeCohort(),
    },
  ];
}

async function insertChunks<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

export async function insertDemoCohorts(
  trx: Transaction<Database>,
  ctx: CohortSeedContext,
): Promise<{ studies: number; patients: number }> {
  const hospitals = [...ctx.hospitals]
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, COHORT_HOSPITALS);
  const studyMember = ctx.userIds.get('study@demo.halflife');
  let patientCount = 0;
  const specs = studies();
  for (const spec of specs) {
    const { id: studyId } = await trx
      .insertInto('studies')
      .values({ code: spec.code, name: spec.name, synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (studyMember !== undefined)
      await trx
        .insertInto('study_members')
        .values({ study_id: studyId, user_id: studyMember })
        .execute();

    const patients: Record<string, unknown>[] = [];
    const pets: Record<string, unknown>[] = [];
    const plans: Record<string, unknown>[] = [];
    const changes: Record<string, unknown>[] = [];
    const cycles: Record<string, unknown>[] = [];
    const visits: Record<string, unknown>[] = [];
    spec.patients.forEach((sp, i) => {
      const hospital = hospitals[i % hospitals.length]!;
      const n = Number(hospital.key.replace(/\D/g, ''));
      const physician = ctx.userIds.get(`hospital${n}.physician@demo.halflife`) ?? ctx.seeder;
      const patientId = crypto.randomUUID();
      const c = sp.course;
      patients.push({
        id: patientId,
        hospital_id: hospital.id,
        organisation_id: hospital.org,
        reference: sp.ref,
        study_id: studyId,
        arm: sp.arm,
        disease_volume: sp.diseaseVolume,
        presentation: sp.presentation,
        prior_lu177: sp.priorLu177,
        weight_kg: sp.weightKg,
        enrolled_on: c.startOn,
        baseline_psa: c.baselinePsaNgMl,
        baseline_lesions: c.baselineLesions === null ? null : JSON.stringify(c.baselineLesions),
        death_on: c.deathOn,
        last_contact_on: c.lastContactOn,
        synthetic: true,
        created_by: physician,
        created_at: ctx.now,
      });
      const regimen = sp.regimenCode === null ? undefined : regimenByCode(sp.regimenCode);
      const scanId = crypto.randomUUID();
      const psma = regimen === undefined || regimen.target === 'PSMA';
      pets.push({
        id: scanId,
        patient_id: patientId,
        tracer: psma ? 'GA68-PSMA11' : 'GA68-DOTATATE',
        target: psma ? 'PSMA' : 'SSTR2',
        order_id: null,
        scanned_on: shiftDate(c.startOn, -14),
        criterion: psma ? 'PSMA-positive' : 'SSTR-positive',
        positive: true,
        suv_max: null,
        notes: 'synthetic',
        recorded_by: physician,
        recorded_at: ctx.now,
      });
      if (regimen !== undefined && sp.cycles.length > 0) {
        const planId = crypto.randomUUID();
        const finished = sp.cycles.length >= regimen.maxCycles;
        plans.push({
          id: planId,
          patient_id: patientId,
          regimen_code: regimen.code,
          first_on: c.startOn,
          dose_level: JSON.stringify(
            regimen.doseChoicesBq.includes(sp.cycles[0]!.activityBq)
              ? { kind: 'choice', bq: sp.cycles[0]!.activityBq }
              : { kind: 'standard' },
          ),
          pet_scan_id: scanId,
          // A synthetic plan is never active: nothing is ever ordered for it.
          status: finished ? 'completed' : 'stopped',
          created_by: physician,
          created_at: ctx.now,
        });
        for (const cy of sp.cycles) {
          cycles.push({
            plan_id: planId,
            cycle: cy.cycle,
            order_id: null,
            due_on: cy.on,
            activity_bq: cy.activityBq,
            administered_on: cy.on,
          });
          const delay = cy.reason === null ? null : /^Delayed (\d+) days/.exec(cy.reason);
          if (cy.reason !== null)
            changes.push({
              plan_id: planId,
              kind: delay === null ? 'reduce' : 'delay',
              cycle: cy.cycle,
              days: delay === null ? null : Number(delay[1]),
              reason: cy.reason,
              recorded_by: physician,
              recorded_at: ctx.now,
            });
        }
        if (!finished)
          changes.push({
            plan_id: planId,
            kind: 'stop',
            cycle: sp.cycles.length + 1,
            days: null,
            reason: c.visits.some((v) => v.newLesions === true || v.radiographicProgression)
              ? 'Radiographic progression (synthetic)'
              : 'Data cut of the synthetic cohort',
            recorded_by: physician,
            recorded_at: ctx.now,
          });
      }
      for (const v of c.visits)
        visits.push({
          patient_id: patientId,
          visit_on: v.on,
          psa: v.psaNgMl,
          weight_kg: null,
          lesions: v.lesions === null ? null : JSON.stringify(v.lesions),
          new_lesions: v.newLesions,
          radiographic_progression: v.radiographicProgression,
          adverse_events: JSON.stringify(v.adverseEvents),
          recorded_by: physician,
          recorded_at: ctx.now,
        });
    });
    await insertChunks(trx, 'patients', patients);
    await insertChunks(trx, 'pet_scans', pets);
    await insertChunks(trx, 'therapy_plans', plans);
    await insertChunks(trx, 'therapy_changes', changes);
    await insertChunks(trx, 'therapy_cycles', cycles);
    await insertChunks(trx, 'patient_visits', visits);
    const digest = createHash('sha256').update(JSON.stringify(spec.patients)).digest('hex');
    const model = DEMO_COHORT_MODELS.find((m) => m.code === spec.code);
    await appendAudit(trx, {
      at: ctx.now,
      actorId: ctx.seeder,
      actorOrg: ctx.producer,
      entity: 'synthetic_cohort',
      entityId: studyId,
      action: 'create',
      before: null,
      after: {
        code: spec.code,
        patients: patients.length,
        visits: visits.length,
        cycles: cycles.length,
        digest,
        ...(model === undefined ? {} : { seed: model.seed, truth: cohortTruth(model) }),
      },
      reason: 'demo network seed: synthetic cohort, not real patients',
    });
    patientCount += patients.length;
  }
  return { studies: specs.length, patients: patientCount };
}
