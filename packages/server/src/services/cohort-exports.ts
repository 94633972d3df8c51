import { patientEndpoints, regimenByCode } from '@halflife/clinical';
import type { PatientRecords, PatientRow } from '@halflife/db';
import { stringify } from 'csv-stringify/sync';
import { membersOf } from './cohort-members.js';

/**
 * A study's pseudonymous patient-level exports, built in the worker pool (heavy-worker.ts): a CSV
 * row per patient and a FHIR R4 Bundle. Plain data in, text out.
 */

export interface ExportTask {
  readonly kind: 'csv' | 'fhir';
  readonly study: { readonly code: string; readonly synthetic: boolean };
  readonly patients: readonly PatientRow[];
  readonly records: PatientRecords;
  /** When the export was made (the Bundle's timestamp). */
  readonly at: string;
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

/** One row per patient: subgroups, cycles and derived endpoints; pseudonymous. */
export function cohortCsv({ study, patients, records }: ExportTask): string {
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
  return stringify([[...CSV_COLUMNS], ...rows]);
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
export function cohortFhirBundle({ study, patients, records, at }: ExportTask): string {
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
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: at,
    identifier: { system: 'urn:halflife:study', value: study.code },
    ...(study.synthetic ? { meta: { tag: [synthetic] } } : {}),
    entry: entries.map((resource) => ({
      fullUrl: `urn:uuid:${resource.resourceType === 'Patient' ? resource.id : crypto.randomUUID()}`,
      resource,
    })),
  });
}
