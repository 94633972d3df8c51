import type { DisplayUnit } from '../units.js';
import { dateMs, dateOfMs, shiftDays } from './clinical-text.js';
import type { BestResponse, PatientDetail } from './patient-types.js';
import type { en } from './messages.js';
import { cycleState, outcomeText, TIPS, type CycleState } from './patients-text.js';

/**
 * A patient's pathway laid out on calendar time for the timeline chart: the PET scans, the therapy
 * cycles with their windows and states, the PSA and the sum of target-lesion diameters with the
 * RECIST responses, adverse events by grade, progression and death. Dates are calendar dates,
 * drawn at their midnight in UTC. Pure.
 */

/** The chart's lanes of events, top to bottom. */
export const LANES = ['pet', 'cycles', 'adverse', 'outcome'] as const;
export type Lane = (typeof LANES)[number];

/** A PSA of 0 (undetectable) is drawn here on the log axis; its tooltip says what was measured. */
export const PSA_FLOOR = 0.01;
/** Days of margin either side of what the chart shows. */
const MARGIN_DAYS = 14;

export interface TimelinePet {
  readonly at: number;
  readonly positive: boolean;
  readonly tip: string;
}
export interface TimelineCycle {
  readonly cycle: number;
  /** The day it was given, else its due day. */
  readonly at: number;
  readonly earliest: number;
  readonly latest: number;
  readonly state: CycleState;
  readonly tip: string;
}
export interface TimelineValue {
  readonly at: number;
  readonly value: number;
  readonly tip: string;
}
export interface TimelineSld extends TimelineValue {
  /** The RECIST response at this assessment; 'BL' at baseline. */
  readonly response: BestResponse | 'BL';
}
export interface TimelineAe {
  readonly at: number;
  readonly grade: number;
  readonly tip: string;
}
export type OutcomeKind = keyof typeof en.timeline.outcomes;
export interface TimelineOutcome {
  readonly at: number;
  readonly kind: OutcomeKind;
  readonly tip: string;
}

export interface PatientTimeline {
  readonly from: number;
  readonly to: number;
  /** Today, when it lies inside the range (not for a patient who died). */
  readonly today: number | null;
  readonly pets: readonly TimelinePet[];
  readonly cycles: readonly TimelineCycle[];
  readonly psa: readonly TimelineValue[];
  readonly sld: readonly TimelineSld[];
  readonly adverse: readonly TimelineAe[];
  readonly outcomes: readonly TimelineOutcome[];
  /** The PSA axis from and to whole decades; null without any PSA. */
  readonly psaAxis: { readonly min: number; readonly max: number } | null;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function cyclesOf(p: PatientDetail, unit: DisplayUnit, zone: string): TimelineCycle[] {
  const therapy = p.therapy;
  if (therapy === null) return [];
  return therapy.cycles.map((c) => ({
    cycle: c.cycle,
    at: dateMs(c.administeredOn ?? c.dueOn),
    earliest: dateMs(c.earliestOn),
    latest: dateMs(c.latestOn),
    state: cycleState(c),
    tip: TIPS.cycle(c, therapy.regimen.maxCycles, unit, zone),
  }));
}

function psaOf(p: PatientDetail): TimelineValue[] {
  const measured = [
    ...(p.baselinePsaNgMl === null
      ? []
      : [{ on: p.enrolledOn, psa: p.baselinePsaNgMl, baseline: true }]),
    ...p.visits.flatMap((v) =>
      v.psaNgMl === null ? [] : [{ on: v.visitOn, psa: v.psaNgMl, baseline: false }],
    ),
  ];
  return measured.map((m) => ({
    at: dateMs(m.on),
    value: Math.max(m.psa, PSA_FLOOR),
    tip: TIPS.psa(m.psa, m.on, m.baseline, m.psa < PSA_FLOOR ? PSA_FLOOR : null),
  }));
}

function sldOf(p: PatientDetail): TimelineSld[] {
  const baseline = sum((p.baselineLesions ?? []).map((l) => l.diameterMm));
  return [
    ...((p.baselineLesions ?? []).length === 0
      ? []
      : [
          {
            at: dateMs(p.enrolledOn),
            value: baseline,
            response: 'BL' as const,
            tip: TIPS.baselineLesions(baseline, p.enrolledOn),
          },
        ]),
    ...p.endpoints.assessments.map((a) => ({
      at: dateMs(a.on),
      value: a.sumMm,
      response: a.response,
      tip: TIPS.assessment(a),
    })),
  ];
}

/** One mark per visit and grade, naming the events of that grade. */
function adverseOf(p: PatientDetail): TimelineAe[] {
  return p.visits.flatMap((v) => {
    const grades = [...new Set(v.adverseEvents.map((e) => e.grade))].sort((a, b) => a - b);
    return grades.map((grade) => ({
      at: dateMs(v.visitOn),
      grade,
      tip: TIPS.adverse(
        grade,
        v.visitOn,
        v.adverseEvents.filter((e) => e.grade === grade),
      ),
    }));
  });
}

function outcomesOf(p: PatientDetail): TimelineOutcome[] {
  const e = p.endpoints;
  const marks: [OutcomeKind, string | null][] = [
    ['psa-progression', e.psaProgressionOn],
    ['radiographic-progression', e.radiographicProgressionOn],
    ['death', p.deathOn],
    ['last-contact', p.deathOn === null ? p.lastContactOn : null],
  ];
  return marks.flatMap(([kind, on]) =>
    on === null ? [] : [{ at: dateMs(on), kind, tip: TIPS.outcome(outcomeText(kind), on) }],
  );
}

/** Whole decades around the values: [8.4, 42] → 1 to 100. */
function decades(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null;
  const lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi <= lo) hi = lo + 1;
  return { min: 10 ** lo, max: 10 ** hi };
}

/** The patient's timeline as of `today` ('YYYY-MM-DD'), activities in the unit shown. */
export function patientTimeline(
  p: PatientDetail,
  today: string,
  unit: DisplayUnit,
  zone: string,
): PatientTimeline {
  const pets = p.pets.map((s) => ({
    at: dateMs(s.scannedOn),
    positive: s.positive,
    tip: TIPS.pet(s),
  }));
  const cycles = cyclesOf(p, unit, zone);
  const psa = psaOf(p);
  const sld = sldOf(p);
  const adverse = adverseOf(p);
  const outcomes = outcomesOf(p);
  const instants = [
    dateMs(p.enrolledOn),
    ...pets.map((x) => x.at),
    ...cycles.flatMap((c) => [c.earliest, c.latest, c.at]),
    ...psa.map((x) => x.at),
    ...sld.map((x) => x.at),
    ...outcomes.map((x) => x.at),
    ...(p.deathOn === null ? [dateMs(today)] : []),
  ];
  const margin = (ms: number, days: number) => dateMs(shiftDays(dateOfMs(ms), days));
  return {
    from: margin(Math.min(...instants), -MARGIN_DAYS),
    to: margin(Math.max(...instants), MARGIN_DAYS),
    today: p.deathOn === null ? dateMs(today) : null,
    pets,
    cycles,
    psa,
    sld,
    adverse,
    outcomes,
    psaAxis: decades(psa.map((x) => x.value)),
  };
}
