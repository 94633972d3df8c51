import type { Grouping } from '@halflife/clinical';
import {
  isStudyMember,
  listPatients,
  listStudies,
  patientRecords,
  studyByCode,
  type Database,
} from '@halflife/db';
import type { Scope } from '@halflife/domain';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { cohortOffThread, exportOffThread } from '../heavy-pool.js';
import type { DashboardSchema, StudyListSchema } from '../theranostics-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { membersOf } from './cohort-members.js';
import { reachOf } from './pathway-service.js';

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

/**
 * The study's pseudonymous patient-level export, built in the worker pool (cohort-exports.ts): a
 * CSV row per patient, or a FHIR R4 Bundle.
 */
export async function exportCohort(
  deps: CohortDeps,
  caller: Caller,
  scope: Scope,
  code: string,
  kind: 'csv' | 'fhir',
): Promise<ServiceResult<string>> {
  const found = await exportable(deps, caller, scope, code);
  if (!found.ok) return found;
  return exportOffThread({ kind, ...found.value, at: deps.now().toISOString() });
}
