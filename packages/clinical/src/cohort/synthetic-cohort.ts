import { clamp, normal, seededRng, uniform, type Rng } from '@halflife/domain/demo';
import { daysBetween, shiftDate, DAYS_PER_MONTH } from '../pathway/local-date.js';
import { prescribedActivity, regimenByCode, type DoseLevel } from '../regimens/regimen.js';
import type { AdverseEvent, Lesion, PatientCourse, Visit } from '../outcomes/patient-course.js';

/**
 * Synthetic demo cohorts: seeded models of patients, never real people. Every patient, visit and
 * figure they produce is marked synthetic where it is stored and shown. The model is simple on
 * purpose, so that its truth (medians, hazard ratios, response rates) is known exactly and the
 * dashboard can be checked against it (`cohortTruth`).
 *
 * Model, per patient: disease volume, presentation and prior Lu-177 drawn with the cohort's shares;
 * radiographic progression after an exponential time whose hazard is the arm's (from its median in
 * the reference subgroup: low volume, no prior Lu-177) times a hazard ratio for high volume and for
 * prior Lu-177 (proportional hazards); death an exponential time after progression; scans every 8
 * weeks until progression, which an unscheduled scan finds on its day; PSA at its nadir from the
 * first visit on; target lesions shrunk at every scan before progression to the patient's depth of
 * response, and a new lesion at progression. Enrolment is uniform over the accrual period, and the
 * data cut censors the rest.
 */

export interface ArmModel {
  readonly name: string;
  /** The therapy given in cycles, or null (standard of care alone). */
  readonly regimenCode: string | null;
  readonly level: DoseLevel;
  readonly share: number;
  /** Median rPFS in the reference subgroup (low volume, no prior Lu-177), months. */
  readonly rpfsMedianMonths: number;
  /** Probability of a ≥ 50% PSA decline, and of ≥ 90% among those. */
  readonly psa50: number;
  readonly psa90GivenPsa50: number;
  /** Probability of a ≥ 30% shrinkage of the target lesions, and of their disappearance among those. */
  readonly shrinkage: number;
  readonly completeGivenShrinkage: number;
}

export interface CohortModel {
  readonly code: string;
  readonly name: string;
  readonly patients: number;
  readonly seed: number;
  readonly firstEnrolmentOn: string;
  readonly accrualMonths: number;
  /** The data cut, months after the first enrolment. */
  readonly dataCutMonths: number;
  readonly arms: readonly ArmModel[];
  readonly highVolumeShare: number;
  readonly deNovoShare: number;
  readonly priorLu177Share: number;
  readonly hrHighVolume: number;
  readonly hrPriorLu177: number;
  /** Prior Lu-177 multiplies the probability of PSA50 by this. */
  readonly psa50FactorPriorLu177: number;
  readonly measurableShare: number;
  readonly postProgressionMedianMonths: number;
}

export type DiseaseVolume = 'high' | 'low';
export type Presentation = 'de_novo' | 'recurrent';

export interface CohortCycle {
  readonly cycle: number;
  readonly on: string;
  readonly activityBq: number;
  /** The reason recorded for a delay or reduction of this cycle, if any. */
  readonly reason: string | null;
}

export interface CohortPatient {
  readonly ref: string;
  readonly arm: string;
  readonly regimenCode: string | null;
  readonly diseaseVolume: DiseaseVolume;
  readonly presentation: Presentation;
  readonly priorLu177: boolean;
  readonly weightKg: number;
  readonly cycles: readonly CohortCycle[];
  readonly course: PatientCourse;
}

/** Scans every 8 weeks (NETTER-1 imaged every 12 weeks; PCWG3 at week 8–9, then 16–17: a demo simplification). */
export const SCAN_EVERY_DAYS = 56;
const FOLLOW_UP_EVERY_DAYS = 84;

const exponential = (rng: Rng, median: number) => (-Math.log(1 - rng()) * median) / Math.LN2;
const days = (months: number) => Math.max(1, Math.round(months * DAYS_PER_MONTH));

function hazardFactor(model: CohortModel, high: boolean, prior: boolean): number {
  return (high ? model.hrHighVolume : 1) * (prior ? model.hrPriorLu177 : 1);
}

function pickArm(rng: Rng, arms: readonly ArmModel[]): ArmModel {
  const total = arms.reduce((s, a) => s + a.share, 0);
  let u = rng() * total;
  for (const arm of arms) if ((u -= arm.share) < 0) return arm;
  return arms[arms.length - 1]!;
}

function baselineLesions(rng: Rng): Lesion[] {
  const count = 1 + Math.floor(rng() * 3);
  const organs = ['liver', 'lung', 'pelvic lymph node'];
  return Array.from({ length: count }, (_, i) => {
    const node = organs[i] === 'pelvic lymph node';
    return {
      id: `T${i + 1}`,
      organ: organs[i]!,
      node,
      diameterMm: Math.round(node ? uniform(rng, 15, 35) : uniform(rng, 12, 50)),
    };
  });
}

function adverseEvents(rng: Rng, treated: boolean): AdverseEvent[] {
  const events: AdverseEvent[] = [];
  const grade = (low: 1 | 2 | 3) => (rng() < 0.5 ? low : ((low + 1) as 2 | 3 | 4));
  if (treated && rng() < 0.3) events.push({ term: 'Dry mouth', grade: grade(1) });
  if (rng() < (treated ? 0.3 : 0.2)) events.push({ term: 'Fatigue', grade: grade(1) });
  if (rng() < (treated ? 0.06 : 0.03)) events.push({ term: 'Anaemia', grade: grade(3) });
  if (treated && rng() < 0.04) events.push({ term: 'Platelet count decreased', grade: grade(3) });
  return events;
}

/** One synthetic patient's course, drawn from `rng`. */
function drawPatient(model: CohortModel, rng: Rng, index: number): CohortPatient {
  const arm = pickArm(rng, model.arms);
  const high = rng() < model.highVolumeShare;
  const deNovo = rng() < model.deNovoShare;
  const prior = rng() < model.priorLu177Share;
  const weightKg = Math.round(clamp(normal(rng, 76, 12), 45, 130) * 10) / 10;
  const startOn = shiftDate(
    model.firstEnrolmentOn,
    Math.floor(uniform(rng, 0, days(model.accrualMonths))),
  );
  const dataCut = shiftDate(model.firstEnrolmentOn, days(model.dataCutMonths));
  const followUp = daysBetween(startOn, dataCut);
  const progressionDay = days(
    exponential(rng, arm.rpfsMedianMonths / hazardFactor(model, high, prior)),
  );
  const deathDay = progressionDay + days(exponential(rng, model.postProgressionMedianMonths));

  // PSA: the nadir from the first visit, then a rise at progression.
  const baselinePsa = Math.round(Math.exp(normal(rng, Math.log(30), 0.8)) * 10) / 10 + 2;
  const psa50 = rng() < arm.psa50 * (prior ? model.psa50FactorPriorLu177 : 1);
  const psa90 = psa50 && rng() < arm.psa90GivenPsa50;
  // Bands kept off the 50% and 90% lines, so that rounding PSA to 0.01 ng/mL never moves a patient.
  const changePct = psa90
    ? uniform(rng, -99.5, -91)
    : psa50
      ? uniform(rng, -89, -52)
      : uniform(rng, -48, 80);
  const nadir = baselinePsa * (1 + changePct / 100);

  // Lesions: measurable or not; shrunk to a depth before progression.
  const lesions = rng() < model.measurableShare ? baselineLesions(rng) : null;
  const shrinks = rng() < arm.shrinkage;
  const complete = shrinks && rng() < arm.completeGivenShrinkage;
  const depth = complete ? 0 : shrinks ? uniform(rng, 0.35, 0.65) : uniform(rng, 0.76, 1.12);
  const atDepth = (l: Lesion): Lesion => ({
    ...l,
    diameterMm: complete ? (l.node ? 5 : 0) : Math.round(l.diameterMm * depth * 10) / 10,
  });

  const visits: Visit[] = [];
  const treated = arm.regimenCode !== null;
  for (let day = SCAN_EVERY_DAYS; day < progressionDay && day <= followUp; day += SCAN_EVERY_DAYS) {
    visits.push({
      on: shiftDate(startOn, day),
      psaNgMl: Math.round(nadir * (visits.length === 0 ? 1 : 1 + uniform(rng, 0, 0.2)) * 100) / 100,
      lesions: lesions?.map(atDepth) ?? null,
      newLesions: false,
      radiographicProgression: false,
      adverseEvents: adverseEvents(rng, treated),
    });
  }
  if (progressionDay <= followUp) {
    const psaAt = visits.length === 0 ? nadir : Math.max(nadir * 1.6, nadir + 3);
    visits.push({
      on: shiftDate(startOn, progressionDay),
      psaNgMl: Math.round(psaAt * 100) / 100,
      lesions:
        lesions?.map((l) => ({
          ...atDepth(l),
          diameterMm: Math.round(atDepth(l).diameterMm * 1.25 * 10) / 10,
        })) ?? null,
      newLesions: true,
      radiographicProgression: lesions === null,
      adverseEvents: adverseEvents(rng, treated),
    });
    for (
      let day = progressionDay + FOLLOW_UP_EVERY_DAYS;
      day < deathDay && day <= followUp;
      day += FOLLOW_UP_EVERY_DAYS
    )
      visits.push({
        on: shiftDate(startOn, day),
        psaNgMl:
          Math.round(psaAt * 1.3 ** ((day - progressionDay) / FOLLOW_UP_EVERY_DAYS) * 100) / 100,
        lesions: null,
        newLesions: null,
        radiographicProgression: false,
        adverseEvents: [],
      });
  }
  const died = deathDay <= followUp;
  return {
    ref: `${model.code}-${String(index + 1).padStart(3, '0')}`,
    arm: arm.name,
    regimenCode: arm.regimenCode,
    diseaseVolume: high ? 'high' : 'low',
    presentation: deNovo ? 'de_novo' : 'recurrent',
    priorLu177: prior,
    weightKg,
    cycles: drawCycles(rng, arm, weightKg, startOn, Math.min(progressionDay, followUp + 1)),
    course: {
      startOn,
      baselinePsaNgMl: baselinePsa,
      baselineLesions: lesions,
      visits,
      deathOn: died ? shiftDate(startOn, deathDay) : null,
      lastContactOn: died ? shiftDate(startOn, deathDay) : dataCut,
    },
  };
}

/** Cycles given until progression (or the data cut): some delayed or reduced, each with its reason. */
function drawCycles(
  rng: Rng,
  arm: ArmModel,
  weightKg: number,
  startOn: string,
  endDay: number,
): CohortCycle[] {
  if (arm.regimenCode === null) return [];
  const regimen = regimenByCode(arm.regimenCode);
  if (regimen === undefined) throw new Error(`unknown regimen ${arm.regimenCode}`);
  const cycles: CohortCycle[] = [];
  let day = 0;
  let level = arm.level;
  for (let cycle = 1; cycle <= regimen.maxCycles && day < endDay; cycle++) {
    let reason: string | null = null;
    if (cycle > 1 && rng() < 0.1) {
      const delay = 7 + Math.floor(rng() * 15);
      day += delay;
      reason = `Delayed ${delay} days: grade 2 platelet count decreased (synthetic)`;
    }
    if (cycle > 1 && regimen.reducedDoseBq !== null && level.kind !== 'reduced' && rng() < 0.05) {
      level = { kind: 'reduced' };
      reason = 'Reduced dose: grade 3 dry mouth (synthetic)';
    }
    if (day >= endDay) break;
    cycles.push({
      cycle,
      on: shiftDate(startOn, day),
      activityBq: prescribedActivity(regimen, level, weightKg),
      reason,
    });
    day += regimen.intervalDays;
  }
  return cycles;
}

/** A cohort drawn from its model with its seed: the same seed gives the same patients. */
export function syntheticCohort(model: CohortModel): readonly CohortPatient[] {
  const rng = seededRng(model.seed);
  return Array.from({ length: model.patients }, (_, i) => drawPatient(model, rng, i));
}

/** What a model's cohort should show, exactly, as its size grows without bound. */
export interface ArmTruth {
  readonly arm: string;
  readonly psa50: number;
  readonly psa90: number;
  /** Confirmed CR/PR, and CR/PR/SD, among patients with measurable disease. */
  readonly orr: number;
  readonly dcr: number;
  readonly rpfsMedianMonths: number;
  readonly osMedianMonths: number;
}

export interface CohortTruth {
  readonly arms: readonly ArmTruth[];
  /** rPFS hazard ratio of each arm against the first, adjusted for volume and prior Lu-177. */
  readonly hrArms: readonly number[];
  readonly hrHighVolume: number;
  readonly hrPriorLu177: number;
}

function bisect(f: (t: number) => number, lo = 0, hi = 1000): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The model's truth: survival medians of the subgroup mixture (exponential rPFS; OS the sum of two
 * exponentials), PSA rates, and response rates with scans every 8 weeks: a response is confirmed
 * when progression comes after the second scan (day 112), disease is controlled when it comes after
 * the first (day 56).
 */
export function cohortTruth(model: CohortModel): CohortTruth {
  const groups = [false, true].flatMap((high) =>
    [false, true].map((prior) => ({
      high,
      prior,
      share:
        (high ? model.highVolumeShare : 1 - model.highVolumeShare) *
        (prior ? model.priorLu177Share : 1 - model.priorLu177Share),
    })),
  );
  const mu = Math.LN2 / model.postProgressionMedianMonths;
  const arms = model.arms.map((arm): ArmTruth => {
    const rate = (g: (typeof groups)[number]) =>
      (Math.LN2 / arm.rpfsMedianMonths) * hazardFactor(model, g.high, g.prior);
    const survival = (t: number) =>
      groups.reduce((s, g) => s + g.share * Math.exp(-rate(g) * t), 0);
    const os = (t: number) =>
      groups.reduce((s, g) => {
        const l = rate(g);
        return (
          s +
          g.share *
            (Math.abs(l - mu) < 1e-12
              ? Math.exp(-l * t) * (1 + l * t)
              : (mu * Math.exp(-l * t) - l * Math.exp(-mu * t)) / (mu - l))
        );
      }, 0);
    // Progression found on day round(T · 30.4375) ≥ 1: after day d when T ≥ (d + 0.5) / 30.4375.
    const beyond = (day: number) => survival((day + 0.5) / DAYS_PER_MONTH);
    const psa50 =
      arm.psa50 * (1 - model.priorLu177Share + model.priorLu177Share * model.psa50FactorPriorLu177);
    return {
      arm: arm.name,
      psa50,
      psa90: psa50 * arm.psa90GivenPsa50,
      orr: arm.shrinkage * beyond(2 * SCAN_EVERY_DAYS),
      dcr: beyond(SCAN_EVERY_DAYS),
      rpfsMedianMonths: bisect(survival),
      osMedianMonths: bisect(os),
    };
  });
  const first = model.arms[0]!;
  return {
    arms,
    hrArms: model.arms.map((a) => first.rpfsMedianMonths / a.rpfsMedianMonths),
    hrHighVolume: model.hrHighVolume,
    hrPriorLu177: model.hrPriorLu177,
  };
}
