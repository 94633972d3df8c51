/** What the registry records of one patient's course: baseline, visits, progression and death. */

/** A RECIST 1.1 target lesion: longest diameter, or short axis for a lymph node, in mm. */
export interface Lesion {
  readonly id: string;
  readonly organ: string;
  readonly node: boolean;
  readonly diameterMm: number;
}

/** CTCAE grades 1 (mild) to 5 (death related to the adverse event). */
export type CtcaeGrade = 1 | 2 | 3 | 4 | 5;

export interface AdverseEvent {
  readonly term: string;
  readonly grade: CtcaeGrade;
}

/** One visit after the start of therapy: whatever was measured that day. */
export interface Visit {
  readonly on: string;
  /** Serum PSA, ng/mL, or null when not drawn. */
  readonly psaNgMl: number | null;
  /** The target lesions measured that day (same ids as at baseline), or null without a CT. */
  readonly lesions: readonly Lesion[] | null;
  /** Whether imaging that day found a new lesion (null without imaging). */
  readonly newLesions: boolean | null;
  /** Radiographic progression the investigator recorded that day (e.g. bone "2+2"), beyond RECIST. */
  readonly radiographicProgression: boolean;
  readonly adverseEvents: readonly AdverseEvent[];
}

export interface PatientCourse {
  /** Day 0: the first therapy cycle. */
  readonly startOn: string;
  readonly baselinePsaNgMl: number | null;
  /** Target lesions at baseline; null or empty when the patient has no measurable disease. */
  readonly baselineLesions: readonly Lesion[] | null;
  readonly visits: readonly Visit[];
  readonly deathOn: string | null;
  /** The last day the patient was known alive (for censoring overall survival). */
  readonly lastContactOn: string;
}

/** RECIST 1.1 limits (Eisenhauer et al., Eur J Cancer 2009;45:228; operations-facts §6.1). */
export const RECIST = {
  maxTargets: 5,
  maxTargetsPerOrgan: 2,
  /** Measurable: longest diameter ≥ 10 mm; a node's short axis ≥ 15 mm. */
  minLesionMm: 10,
  minNodeMm: 15,
  /** A node under 10 mm short axis counts as normal (CR). */
  normalNodeMm: 10,
  partialResponse: -0.3,
  progression: 0.2,
  progressionAbsoluteMm: 5,
  /** Confirmation of CR/PR at least 4 weeks later in single-arm trials. */
  confirmationDays: 28,
  /**
   * Stable disease counts for the best overall response only when seen at least this long after
   * the start: assumption (demo), RECIST leaves it to the protocol; 6 weeks is the common choice.
   */
  minStableDays: 42,
} as const;

/** PCWG3 PSA figures (operations-facts §6.1). */
export const PCWG3 = {
  /** Progression: ≥ 25% above the nadir and ≥ 2 ng/mL absolute, confirmed ≥ 3 weeks later. */
  progressionRise: 0.25,
  progressionAbsoluteNgMl: 2,
  confirmationDays: 21,
} as const;

/**
 * Why a baseline is not a RECIST 1.1 target set, or undefined: at most 5 lesions, 2 per organ,
 * each measurable, ids unique.
 */
export function baselineRefusal(lesions: readonly Lesion[]): string | undefined {
  if (lesions.length > RECIST.maxTargets)
    return `lesions: at most ${RECIST.maxTargets} target lesions (RECIST 1.1)`;
  const ids = new Set(lesions.map((l) => l.id));
  if (ids.size !== lesions.length) return 'lesions: each target lesion needs its own id';
  const perOrgan = new Map<string, number>();
  for (const l of lesions) perOrgan.set(l.organ, (perOrgan.get(l.organ) ?? 0) + 1);
  for (const [organ, n] of perOrgan)
    if (n > RECIST.maxTargetsPerOrgan)
      return `lesions: at most ${RECIST.maxTargetsPerOrgan} target lesions in one organ (${organ} has ${n})`;
  for (const l of lesions) {
    const min = l.node ? RECIST.minNodeMm : RECIST.minLesionMm;
    if (!(l.diameterMm >= min))
      return `lesions: ${l.id} (${l.diameterMm} mm) is not measurable; a target ${l.node ? 'node needs a short axis' : 'lesion needs a longest diameter'} of at least ${min} mm`;
  }
  return undefined;
}
