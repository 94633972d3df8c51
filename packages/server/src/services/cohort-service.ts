import {
  patientEndpoints,
  regimenByCode,
  type CohortMember,
  type Grouping,
} from '@halflife/clinical';
import {
  isStudyMember,
  listPatients,
  listStudies,
  patientRecords,
  studyByCode,
  type Database,
  type PatientRecords,
  type PatientRow,
} from '@halflife/db';
import type { Scope } from '@halflife/domain';
import type { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { cohortOffThread } from '../heavy-pool.js';
import type { DashboardSchema, StudyListSchema } from '../theranostics-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { courseOf, reachOf } from './pathway-service.js';

/**
 * Cohorts (issue 15): a study's endpoints, curves and comparisons for its team and for analysts,
 * and its pseudonymous patient-level exports for its team only. An analyst sees figures, never a
 * patient reference: the dashboard leaves out the swimmer rows and the exports refuse them (the
 * permission matrix). The statistics run in the worker pool.
 */

export interface CohortDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

/** The most patients a study's dashboard or export takes (a phase 3 trial has about 1,000). */
export const MAX_COHORT = 20_000;

type Dashboard = z.infer<typeof DashboardSchema>;

export async function listStudiesFor(
  deps: CohortDeps,
  caller: Caller,
  scope: Scope,
): Promise<ServiceResult<z.infer<typeof StudyListSchema>>> {
  const studies = await listStudies(deps.db, reachOf(caller, scope));
  const mine = new Set(
    scope === 'network'
      ? []
      : (await listStudies(deps.db, { memberUserId: caller.userId })).map((s) => s.code),
  );
  return success({
    studies: studies.map((s) => ({
      code: s.code,
      name: s.name,
      synthetic: s.synthetic,
      patients: s.patients,
      member: mine.has(s.code),
    })),
  });
}

/** The study if the caller reaches it: every study for figures (network), a member's own (study). */
async function reachableStudy(deps: CohortDeps, caller: Caller, scope: Scope, code: string) {
  const study = await studyByCode(deps.db, code);
  if (study === undefined) return undefined;
  if (scope === 'network') return study;
  return (await isStudyMember(deps.db, study.id, caller.userId)) ? study : undefined;
}

/** A study's members as the cohort rules read them. */
function membersOf(patients: readonly PatientRow[], records: PatientRecords): CohortMember[] {
  return patients.map((p) => {
    const planIds = new Set(records.plans.filter((x) => x.patientId === p.id).map((x) => x.id));
    return {
      ref: p.reference,
      arm: p.arm ?? 'unassigned',
      diseaseVolume: p.diseaseVolume,
      presentation: p.presentation,
      priorLu177: p.priorLu177,
      cycles: records.cycles
        .filter((c) => planIds.has(c.planId) && c.administeredOn !== null)
        .map((c) => ({
          cycle: c.cycle,
          on: c.administeredOn!,
          activityBq: c.administeredBq ?? c.activityBq,
        })),
      course: courseOf(p, records),
    };
  });
}

async function studyCohort(deps: CohortDeps, studyId: string) {
  const patients = await listPatients(deps.db, { all: true }, { studyId, limit: MAX_COHORT + 1 });
  if (patients.length > MAX_COHORT) return undefined;
  return {
    patients,
    records: await patientRecords(
      deps.db,
      patients.map((p) => p.id),
    ),
  };
}

export async function studyDashboard(
  deps: CohortDeps,
  caller: Caller,
  scope: Scope,
  code: string,
  grouping: Grouping,
): Promise<ServiceResult<Dashboard>> {
  const study = await reachableStudy(deps, caller, scope, code);
  if (study === undefined) return failure('not-found', `study ${code} not found`);
  const cohort = await studyCohort(deps, study.id);
  if (cohort === undefined)
    return failure('too-large', `study ${code} has more than ${MAX_COHORT} patients`);
  if (cohort.patients.length === 0) return failure('conflict', `study ${code} has no patients yet`);
  const figures = await cohortOffThread({
    members: membersOf(cohort.patients, cohort.records),
    grouping,
    // Patient-level rows only for those who may see the study's patients.
    withSwimmers: scope === 'study',
  });
  if (!figures.ok) return figures;
  return success({
    study: { code: study.code, name: study.name, synthetic: study.synthetic },
    // The same shape; the clinical package's arrays are readonly, the schema's mutable.
    ...(figures.value as unknown as Omit<Dashboard, 'study'>),
  });
}

const CSV_COLUMNS = [
  'reference',
  'study',
  'arm',
  'disease_volume',
  'presentation',
  'prior_lu177',
  'enrolled_on',
  'regimen',
  'cycles_given',
  'activity_given_mbq',
  'baseline_psa_ng_ml',
  'best_psa_change_pct',
  'psa50',
  'psa90',
  'measurable',
  'best_overall_response',
  'rpfs_months',
  'rpfs_event',
  'os_months',
  'os_event',
  'worst_ctcae_grade',
  'synthetic',
] as const;

async function exportable(deps: CohortDeps, caller: Caller, scope: Scope, code: string) {
  // Patient-level data: a member of the study's team only (the matrix gives analysts no export).
  if (scope !== 'study')
    return failure('forbidden', 'patient-level exports are for the study’s team');
  const study = await reachableStudy(deps, caller, scope, code);
  if (study === undefined) return failure('not-found', `study ${code} not found`);
  const cohort = await studyCohort(deps, study.id);
  if (cohort === undefined)
    return failure('too-large', `study ${code} has more than ${MAX_COHORT} patients`);
  return success({ study, ...cohort });
}

/** One row per patient: subgroups, cycles and derived endpoints; pseudonymous. */
export async function exportCsv(
  deps: CohortDeps,
  caller: Caller,
  scope: Scope,
  code: string,
): Promise<ServiceResult<string>> {
  const found = await exportable(deps, caller, scope, code);
  if (!found.ok) return found;
  const { study, patients, records } = found.value;
  const members = membersOf(patients, records);
  const rows = members.map((m, i) => {
    const p = patients[i]!;
    const e = patientEndpoints(m.course);
    const plan = records.plans.filter((x) => x.patientId === p.id).at(-1);
    return [
      m.ref,
      study.code,
      m.arm,
      m.diseaseVolume ?? '',
      m.presentation ?? '',
      m.priorLu177 === null ? '' : String(m.priorLu177),
      p.enrolledOn,
      plan?.regimenCode ?? '',
      m.cycles.length,
      (m.cycles.reduce((s, c) => s + c.activityBq, 0) / 1e6).toFixed(1),
      p.baselinePsa ?? '',
      e.bestPsaChangePct === null ? '' : e.bestPsaChangePct.toFixed(1),
      e.psa50 === null ? '' : String(e.psa50),
      e.psa90 === null ? '' : String(e.psa90),
      String(e.measurable),
      e.bestResponse,
      e.rpfs.months.toFixed(2),
      String(e.rpfs.event),
      e.os.months.toFixed(2),
      String(e.os.event),
      e.worstAdverseGrade,
      String(p.synthetic),
    ];
  });
  return success(stringify([[...CSV_COLUMNS], ...rows]));
}

/** LOINC codes of what the Bundle reports. */
const LOINC = {
  psa: { code: '2857-1', display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma' },
  weight: { code: '29463-7', display: 'Body weight' },
} as const;

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/**
 * The cohort as a FHIR R4 Bundle (type collection): per patient a Patient known only by its
 * pseudonymous reference (identifier system per hospital; synthetic ones tagged), PSA and weight
 * Observations (LOINC, UCUM), one MedicationAdministration per cycle given (activity in MBq), an
 * AdverseEvent per adverse event with its CTCAE grade, and an Observation of the RECIST 1.1 best
 * overall response. Validated against R4 when the interop issue brings a validator.
 */
export async function exportFhir(
  deps: CohortDeps,
  caller: Caller,
  scope: Scope,
  code: string,
): Promise<ServiceResult<Record<string, unknown>>> {
  const found = await exportable(deps, caller, scope, code);
  if (!found.ok) return found;
  const { study, patients, records } = found.value;
  const members = membersOf(patients, records);
  const entries: Resource[] = [];
  const synthetic = {
    system: 'urn:halflife:tag',
    code: 'synthetic',
    display: 'Synthetic demo data',
  };
  patients.forEach((p, i) => {
    const m = members[i]!;
    const subject = { reference: `urn:uuid:${p.id}` };
    entries.push({
      resourceType: 'Patient',
      id: p.id,
      meta: p.synthetic ? { tag: [synthetic] } : {},
      identifier: [{ system: `urn:halflife:hospital:${p.hospitalId}:patient`, value: p.reference }],
      ...(p.deathOn === null ? {} : { deceasedDateTime: p.deathOn }),
    });
    for (const v of records.visits.filter((x) => x.patientId === p.id)) {
      const observation = (kind: 'psa' | 'weight', value: number, unit: string) =>
        entries.push({
          resourceType: 'Observation',
          id: `${v.id}-${kind}`,
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', ...LOINC[kind] }] },
          subject,
          effectiveDateTime: v.visitOn,
          valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
        });
      if (v.psa !== null) observation('psa', v.psa, 'ng/mL');
      if (v.weightKg !== null) observation('weight', v.weightKg, 'kg');
      v.adverseEvents.forEach((e, k) =>
        entries.push({
          resourceType: 'AdverseEvent',
          id: `${v.id}-ae${k + 1}`,
          actuality: 'actual',
          event: { text: e.term },
          subject,
          date: v.visitOn,
          extension: [{ url: 'urn:halflife:fhir:ctcae-grade', valueInteger: e.grade }],
        }),
      );
    }
    const plan = records.plans.filter((x) => x.patientId === p.id).at(-1);
    const regimen = plan === undefined ? undefined : regimenByCode(plan.regimenCode);
    for (const c of m.cycles)
      entries.push({
        resourceType: 'MedicationAdministration',
        id: `${p.id}-cycle${c.cycle}`,
        status: 'completed',
        medicationCodeableConcept: { text: regimen?.name ?? plan?.regimenCode ?? 'therapy' },
        subject,
        effectiveDateTime: c.on,
        dosage: {
          text: `cycle ${c.cycle}`,
          dose: {
            value: c.activityBq / 1e6,
            unit: 'MBq',
            system: 'http://unitsofmeasure.org',
            code: 'MBq',
          },
        },
      });
    const e = patientEndpoints(m.course);
    if (e.measurable)
      entries.push({
        resourceType: 'Observation',
        id: `${p.id}-bor`,
        status: 'final',
        code: { text: 'RECIST 1.1 best overall response (confirmed)' },
        subject,
        valueCodeableConcept: {
          coding: [{ system: 'urn:halflife:recist-1.1', code: e.bestResponse }],
        },
      });
  });
  return success({
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: deps.now().toISOString(),
    identifier: { system: 'urn:halflife:study', value: study.code },
    ...(study.synthetic ? { meta: { tag: [synthetic] } } : {}),
    entry: entries.map((resource) => ({
      fullUrl: `urn:uuid:${resource.resourceType === 'Patient' ? resource.id : crypto.randomUUID()}`,
      resource,
    })),
  });
}
