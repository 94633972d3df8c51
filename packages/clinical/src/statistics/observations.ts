/** One subject's follow-up: the time to the event or to censoring, and whether the event occurred. */
export interface SurvivalObservation {
  /** Time from the origin (e.g. start of therapy) to the event or censoring; finite and ≥ 0. */
  readonly time: number;
  /** True when the event was observed at `time`; false when follow-up was censored there. */
  readonly event: boolean;
}

/**
 * Throws a RangeError naming the first bad observation: a time that is NaN, infinite or negative,
 * or an event flag that is not a boolean. `where` names the caller and the array, e.g.
 * `kaplanMeier: data`.
 */
export function checkObservations(data: readonly SurvivalObservation[], where: string): void {
  data.forEach((o, i) => checkObservation(o, `${where}[${i}]`));
}

/** Throws a RangeError if one observation's time or event flag is invalid. */
export function checkObservation(o: SurvivalObservation, where: string): void {
  if (typeof o.time !== 'number' || Number.isNaN(o.time)) {
    throw new RangeError(`${where}.time is ${String(o.time)}; a time must be a number`);
  }
  if (!Number.isFinite(o.time) || o.time < 0) {
    throw new RangeError(`${where}.time is ${o.time}; a time must be finite and ≥ 0`);
  }
  if (typeof o.event !== 'boolean') {
    throw new RangeError(`${where}.event is ${String(o.event)}; it must be true or false`);
  }
}
