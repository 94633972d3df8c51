import { checkLevel, zForLevel } from './distributions.js';
import { checkObservations, type SurvivalObservation } from './observations.js';

/**
 * The scale on which a pointwise confidence interval of S(t) is symmetric: 'log' (R survival's
 * default, exp(log S ± z·se(log S))), 'log-log' (Kalbfleisch & Prentice 1980; SAS's default) or
 * 'plain' (S ± z·se(S)).
 */
export type ConfidenceTransform = 'log' | 'log-log' | 'plain';

export interface KaplanMeierOptions {
  /** Confidence level of the pointwise and median intervals; default 0.95. */
  readonly level?: number;
  /** Transform of the pointwise intervals, also used for the median's interval; default 'log'. */
  readonly confType?: ConfidenceTransform;
}

/** The curve at one distinct observed time (an event time or a censoring-only time). */
export interface KaplanMeierStep {
  readonly time: number;
  /** Subjects with time ≥ this time (censored subjects count as at risk at their own time). */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  /** S(t) just after this time. */
  readonly survival: number;
  /** Greenwood's standard error of S(t); null once S(t) = 0, where it is undefined (R: NaN). */
  readonly stdErr: number | null;
  /** Pointwise confidence limits; null once S(t) = 0 on the log and log-log scales (R: NA). */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Median survival and its Brookmeyer–Crowley interval; null where not reached. */
export interface MedianSurvival {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KaplanMeierResult {
  readonly n: number;
  readonly events: number;
  readonly level: number;
  readonly confType: ConfidenceTransform;
  /** One step per distinct time, ascending, as R's survfit: censoring-only times included. */
  readonly steps: readonly KaplanMeierStep[];
  readonly median: MedianSurvival;
}

/** Tolerance for "S(t) equals 0.5", as R survival's print.survfit: √(machine epsilon). */
const HALF_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The Kaplan–Meier product-limit estimate of the survival function (Kaplan & Meier, JASA
 * 1958;53:457–481), with Greenwood's variance (Greenwood 1926) and pointwise confidence intervals,
 * and the median with its Brookmeyer–Crowley interval (Biometrics 1982;38:29–41).
 *
 * Matches R's `survfit(Surv(time, event) ~ 1, conf.type = confType)` and its printed median:
 * - One step per distinct time, censoring-only times included (their `events` is 0 and S(t) is
 *   unchanged), so that the numbers at risk are exact. At a time with both events and censorings,
 *   the censored subjects are at risk for the events (events precede censorings).
 * - se(log S) = √Σ d/(n(n − d)); stdErr = S·se(log S). 'log': S·exp(±z·se(log S)), upper capped at
 *   1; 'log-log': S^exp(∓z·se(log S)/log S); 'plain': S ± z·stdErr clipped to [0, 1]. While
 *   S = 1 every interval is [1, 1] (R gives NA for 'log-log' there).
 * - Median: the first time with S(t) ≤ 0.5; if S(t) equals 0.5 (within √ε) on a flat stretch,
 *   the midpoint of that time and the next time the curve drops, as R's print.survfit. If the
 *   curve ends at exactly 0.5, the time it reached 0.5 (print.survfit; quantile.survfit would
 *   average it with the last follow-up time instead).
 * - Median interval: the times whose pointwise interval contains 0.5, i.e. lower limit = the first
 *   time the lower curve is ≤ 0.5 and upper limit = the first time the upper curve is ≤ 0.5, with
 *   the same midpoint rule; null when a curve never reaches 0.5 (R's NA).
 */
export function kaplanMeier(
  data: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const { level = 0.95, confType = 'log' } = options;
  if (data.length === 0) throw new RangeError('kaplanMeier: data is empty (no subjects)');
  checkObservations(data, 'kaplanMeier: data');
  checkLevel(level, 'kaplanMeier');
  if (!['log', 'log-log', 'plain'].includes(confType)) {
    throw new RangeError(`kaplanMeier: confType must be 'log', 'log-log' or 'plain'`);
  }
  const z = zForLevel(level);
  const sorted = [...data].sort((a, b) => a.time - b.time);
  const steps: KaplanMeierStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0; // Σ d/(n(n − d)): the variance of log S(t)
  for (let i = 0; i < sorted.length;) {
    const time = (sorted[i] as SurvivalObservation).time;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && (sorted[i] as SurvivalObservation).time === time; i++) {
      if ((sorted[i] as SurvivalObservation).event) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += events === atRisk ? Infinity : events / (atRisk * (atRisk - events));
    }
    const seLog = Math.sqrt(greenwood);
    const [lower, upper] = pointwiseInterval(survival, seLog, z, confType);
    steps.push({
      time,
      atRisk,
      events,
      censored,
      survival,
      stdErr: survival > 0 ? survival * seLog : null,
      lower,
      upper,
    });
    atRisk -= events + censored;
  }
  const times = steps.map((s) => s.time);
  return {
    n: data.length,
    events: data.filter((o) => o.event).length,
    level,
    confType,
    steps,
    median: {
      estimate: firstTimeAtOrBelowHalf(
        times,
        steps.map((s) => s.survival),
      ),
      lower: firstTimeAtOrBelowHalf(
        times,
        steps.map((s) => s.lower),
      ),
      upper: firstTimeAtOrBelowHalf(
        times,
        steps.map((s) => s.upper),
      ),
    },
  };
}

/** The pointwise interval of S given se(log S), on the chosen scale (see {@link kaplanMeier}). */
function pointwiseInterval(
  s: number,
  seLog: number,
  z: number,
  confType: ConfidenceTransform,
): [number | null, number | null] {
  if (s === 0) return [null, null];
  if (s === 1 || seLog === 0) return [s, s];
  switch (confType) {
    case 'plain':
      return [Math.max(0, s - z * s * seLog), Math.min(1, s + z * s * seLog)];
    case 'log':
      return [s * Math.exp(-z * seLog), Math.min(1, s * Math.exp(z * seLog))];
    case 'log-log': {
      const w = (z * seLog) / Math.log(s); // negative
      return [s ** Math.exp(-w), s ** Math.exp(w)];
    }
  }
}

/**
 * The first time a curve is ≤ 0.5 (within √ε), skipping undefined points; when the curve sits at
 * exactly 0.5 there, the midpoint of that time and the first later time it is strictly lower. The
 * `minmin` rule of R survival's print.survfit. Null when the curve never reaches 0.5.
 */
function firstTimeAtOrBelowHalf(
  times: readonly number[],
  values: readonly (number | null)[],
): number | null {
  const points = times
    .map((time, i) => ({ time, value: values[i] ?? null }))
    .filter((p): p is { time: number; value: number } => p.value !== null)
    .filter((p) => p.value < 0.5 + HALF_TOLERANCE);
  const first = points[0];
  if (first === undefined) return null;
  if (Math.abs(first.value - 0.5) < HALF_TOLERANCE) {
    const next = points.find((p) => p.value < first.value);
    if (next !== undefined) return (first.time + next.time) / 2;
  }
  return first.time;
}

/**
 * The numbers at risk at given times, for the table under a Kaplan–Meier plot: for each t, the
 * count of subjects whose time is ≥ t (still under observation just before t), as R's
 * `summary(survfit(...), times = t)$n.risk`.
 */
export function numbersAtRisk(
  data: readonly SurvivalObservation[],
  times: readonly number[],
): number[] {
  checkObservations(data, 'numbersAtRisk: data');
  times.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new RangeError(`numbersAtRisk: times[${i}] is ${t}`);
  });
  return times.map((t) => data.filter((o) => o.time >= t).length);
}

/**
 * The Kaplan–Meier step function S(t) at a time: 1 before the first step, the survival of the last
 * step at or before t, and null after the last observed time (the curve is not estimated beyond
 * follow-up) unless it has already reached 0.
 */
export function survivalAt(km: KaplanMeierResult, t: number): number | null {
  if (Number.isNaN(t)) throw new RangeError('survivalAt: t is NaN');
  let value = 1;
  for (const step of km.steps) {
    if (step.time > t) return value;
    value = step.survival;
  }
  const last = km.steps[km.steps.length - 1];
  return last !== undefined && t > last.time && value > 0 ? null : value;
}
