import type { PatientSummary, Stage } from './patient-types.js';

/** The list's filters: text in the reference or hospital, a study ('none' for no study), a stage. */
export interface PatientFilters {
  readonly text: string;
  readonly study: string;
  readonly stage: Stage | '';
}

export const NO_FILTERS: PatientFilters = { text: '', study: '', stage: '' };

/** The patients the filters keep, most recently enrolled first, then by reference. Pure. */
export function filterPatients(
  patients: readonly PatientSummary[],
  f: PatientFilters,
): PatientSummary[] {
  const text = f.text.trim().toLowerCase();
  return patients
    .filter(
      (p) =>
        (text === '' ||
          p.reference.toLowerCase().includes(text) ||
          p.hospitalName.toLowerCase().includes(text)) &&
        (f.study === '' || (f.study === 'none' ? p.studyCode === null : p.studyCode === f.study)) &&
        (f.stage === '' || p.stage === f.stage),
    )
    .sort(
      (a, b) => b.enrolledOn.localeCompare(a.enrolledOn) || a.reference.localeCompare(b.reference),
    );
}

/** The studies among the patients, with whether each is synthetic, by code. */
export function studiesAmong(
  patients: readonly PatientSummary[],
): { code: string; synthetic: boolean; count: number }[] {
  const byCode = new Map<string, { code: string; synthetic: boolean; count: number }>();
  for (const p of patients) {
    if (p.studyCode === null) continue;
    const s = byCode.get(p.studyCode) ?? { code: p.studyCode, synthetic: p.synthetic, count: 0 };
    byCode.set(p.studyCode, { ...s, count: s.count + 1 });
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
