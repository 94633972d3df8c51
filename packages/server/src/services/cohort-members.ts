import type { CohortMember, PatientCourse } from '@halflife/clinical';
import type { PatientRecords, PatientRow } from '@halflife/db';

/**
 * Records as the clinical rules read them: a patient's course (day 0 its enrolment) and a study's
 * members. Types only from the database package, so that the worker pool can use it.
 */

/** A patient's course as the endpoint rules read it. */
export function courseOf(p: PatientRow, records: PatientRecords): PatientCourse {
  const visits = records.visits.filter((v) => v.patientId === p.id);
  const lastVisit = visits.at(-1)?.visitOn ?? p.enrolledOn;
  return {
    startOn: p.enrolledOn,
    baselinePsaNgMl: p.baselinePsa,
    baselineLesions: p.baselineLesions,
    visits: visits.map((v) => ({
      on: v.visitOn,
      psaNgMl: v.psa,
      lesions: v.lesions,
      newLesions: v.newLesions,
      radiographicProgression: v.radiographicProgression,
      adverseEvents: v.adverseEvents,
    })),
    deathOn: p.deathOn,
    lastContactOn:
      p.deathOn ??
      (p.lastContactOn !== null && p.lastContactOn > lastVisit ? p.lastContactOn : lastVisit),
  };
}

/** A study's members as the cohort rules read them. */
export function membersOf(
  patients: readonly PatientRow[],
  records: PatientRecords,
): CohortMember[] {
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
