import { daysBetween, monthsBetween } from '../pathway/local-date.js';
import { PCWG3, RECIST, type Lesion, type PatientCourse, type Visit } from './patient-course.js';

/** A RECIST 1.1 response at one assessment. */
export type Response = 'CR' | 'PR' | 'SD' | 'PD';
/** The best overall response: a response, or not evaluable. */
export type BestResponse = Response | 'NE';

export interface Assessment {
  readonly on: string;
  readonly sumMm: number;
  /** Change of the sum from baseline, as a fraction (−0.3 = 30% smaller). */
  readonly changeFromBaseline: number;
  readonly response: Response;
}

/** Sum of diameters: longest diameters, a node's short axis (RECIST 1.1). */
export function sumOfDiameters(lesions: readonly Lesion[]): number {
  return lesions.reduce((sum, l) => sum + l.diameterMm, 0);
}

/**
 * The response at each imaging visit (RECIST 1.1, target lesions): CR when every lesion has gone
 * (nodes under 10 mm); PD on a new lesion or a sum ≥ 20% and ≥ 5 mm above the smallest sum so far
 * (baseline included); PR at a sum ≥ 30% below baseline; SD otherwise. Non-target lesions are not
 * recorded, so they do not count (docs/theranostics.md).
 */
export function assessments(course: PatientCourse): readonly Assessment[] {
  const baseline = course.baselineLesions;
  if (baseline === null || baseline.length === 0) return [];
  const baselineSum = sumOfDiameters(baseline);
  let nadir = baselineSum;
  const out: Assessment[] = [];
  for (const visit of imagingVisits(course)) {
    const lesions = visit.lesions ?? [];
    const sum = sumOfDiameters(lesions);
    const gone = lesions.every((l) =>
      l.node ? l.diameterMm < RECIST.normalNodeMm : l.diameterMm === 0,
    );
    let response: Response;
    if (visit.newLesions === true) response = 'PD';
    else if (sum - nadir >= RECIST.progressionAbsoluteMm && sum >= nadir * (1 + RECIST.progression))
      response = 'PD';
    else if (gone) response = 'CR';
    else if (sum <= baselineSum * (1 + RECIST.partialResponse)) response = 'PR';
    else response = 'SD';
    out.push({ on: visit.on, sumMm: sum, changeFromBaseline: sum / baselineSum - 1, response });
    nadir = Math.min(nadir, sum);
  }
  return out;
}

function imagingVisits(course: PatientCourse): readonly Visit[] {
  return [...course.visits]
    .filter((v) => v.lesions !== null)
    .sort((a, b) => daysBetween(b.on, a.on));
}

const RANK: Record<Response, number> = { CR: 3, PR: 2, SD: 1, PD: 0 };

/**
 * The best overall response up to the first progression, with confirmation (RECIST 1.1 for
 * single-arm trials): CR or PR only when a later assessment ≥ 4 weeks on is at least as good (PR
 * confirmed by CR counts as PR); an unconfirmed CR/PR, or SD, counts as SD when seen ≥ 6 weeks after
 * the start; PD when progression came first; NE otherwise (or without measurable disease).
 */
export function bestOverallResponse(course: PatientCourse): BestResponse {
  const all = assessments(course);
  if (all.length === 0) return 'NE';
  const firstPd = all.findIndex((a) => a.response === 'PD');
  const before = firstPd === -1 ? all : all.slice(0, firstPd);
  const confirmed = (level: 'CR' | 'PR') =>
    before.some(
      (a, i) =>
        RANK[a.response] >= RANK[level] &&
        before
          .slice(i + 1)
          .some(
            (b) =>
              daysBetween(a.on, b.on) >= RECIST.confirmationDays && RANK[b.response] >= RANK[level],
          ),
    );
  if (confirmed('CR')) return 'CR';
  if (confirmed('PR')) return 'PR';
  if (before.some((a) => daysBetween(course.startOn, a.on) >= RECIST.minStableDays)) return 'SD';
  if (firstPd !== -1) return 'PD';
  return 'NE';
}

/** The best PSA change from baseline, % (negative is a decline), or null without values. */
export function bestPsaChangePct(course: PatientCourse): number | null {
  const base = course.baselinePsaNgMl;
  if (base === null || !(base > 0)) return null;
  const values = course.visits.flatMap((v) => (v.psaNgMl === null ? [] : [v.psaNgMl]));
  if (values.length === 0) return null;
  return (Math.min(...values) / base - 1) * 100;
}

/**
 * The first PSA progression by PCWG3: a value ≥ 25% and ≥ 2 ng/mL above the nadir so far
 * (baseline included), confirmed by a second such value ≥ 3 weeks later; the date is the first
 * value's. Null when none.
 */
export function psaProgressionOn(course: PatientCourse): string | null {
  const base = course.baselinePsaNgMl;
  if (base === null) return null;
  const values = [...course.visits]
    .filter((v) => v.psaNgMl !== null)
    .sort((a, b) => daysBetween(b.on, a.on))
    .map((v) => ({ on: v.on, psa: v.psaNgMl! }));
  let nadir = base;
  const rising = (psa: number, low: number) =>
    psa >= low * (1 + PCWG3.progressionRise) && psa - low >= PCWG3.progressionAbsoluteNgMl;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (rising(v.psa, nadir)) {
      const confirm = values
        .slice(i + 1)
        .find((w) => daysBetween(v.on, w.on) >= PCWG3.confirmationDays);
      if (confirm !== undefined && rising(confirm.psa, nadir)) return v.on;
    }
    nadir = Math.min(nadir, v.psa);
  }
  return null;
}

/** A time to an event, in months from the start, or censored at the last time known. */
export interface EventTime {
  readonly months: number;
  readonly event: boolean;
}

/** The first radiographic progression: RECIST PD or one the investigator recorded; null if none. */
export function radiographicProgressionOn(course: PatientCourse): string | null {
  const recist = assessments(course).find((a) => a.response === 'PD')?.on ?? null;
  const recorded =
    [...course.visits]
      .filter((v) => v.radiographicProgression)
      .map((v) => v.on)
      .sort()[0] ?? null;
  return [recist, recorded].filter((d): d is string => d !== null).sort()[0] ?? null;
}

/**
 * rPFS: from the start to radiographic progression or death, whichever first; censored at the last
 * imaging visit (at the start without one).
 */
export function radiographicPfs(course: PatientCourse): EventTime {
  const events = [radiographicProgressionOn(course), course.deathOn]
    .filter((d): d is string => d !== null)
    .sort();
  if (events[0] !== undefined)
    return { months: monthsBetween(course.startOn, events[0]), event: true };
  const imaged = course.visits
    .filter((v) => v.lesions !== null || v.newLesions !== null)
    .map((v) => v.on)
    .sort();
  return { months: monthsBetween(course.startOn, imaged.at(-1) ?? course.startOn), event: false };
}

/** OS: from the start to death; censored on the last day the patient was known alive. */
export function overallSurvival(course: PatientCourse): EventTime {
  if (course.deathOn !== null)
    return { months: monthsBetween(course.startOn, course.deathOn), event: true };
  return { months: monthsBetween(course.startOn, course.lastContactOn), event: false };
}

/** Everything the registry derives for one patient. */
export interface PatientEndpoints {
  readonly bestPsaChangePct: number | null;
  readonly psa50: boolean | null;
  readonly psa90: boolean | null;
  readonly psaProgressionOn: string | null;
  readonly measurable: boolean;
  readonly bestResponse: BestResponse;
  readonly assessments: readonly Assessment[];
  readonly radiographicProgressionOn: string | null;
  readonly rpfs: EventTime;
  readonly os: EventTime;
  /** The worst CTCAE grade of any adverse event, or 0 without one. */
  readonly worstAdverseGrade: number;
}

export function patientEndpoints(course: PatientCourse): PatientEndpoints {
  const best = bestPsaChangePct(course);
  return {
    bestPsaChangePct: best,
    psa50: best === null ? null : best <= -50,
    psa90: best === null ? null : best <= -90,
    psaProgressionOn: psaProgressionOn(course),
    measurable: (course.baselineLesions?.length ?? 0) > 0,
    bestResponse: bestOverallResponse(course),
    assessments: assessments(course),
    radiographicProgressionOn: radiographicProgressionOn(course),
    rpfs: radiographicPfs(course),
    os: overallSurvival(course),
    worstAdverseGrade: Math.max(
      0,
      ...course.visits.flatMap((v) => v.adverseEvents.map((e) => e.grade)),
    ),
  };
}
