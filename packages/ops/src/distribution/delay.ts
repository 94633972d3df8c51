import { decayedActivity } from '../batch/dispensing.js';

/**
 * What a late vehicle does to a dose: it cannot be given before it arrives, so it is used at the
 * later of its calibration time and the new arrival; its activity then, from the dispensed
 * measurement with the decay engine, is checked against the order's tolerance. Pure.
 */
export interface DelayInput {
  readonly nuclide: string;
  readonly orderedBq: number;
  readonly calibrationAt: number;
  readonly tolerancePct: number;
  readonly dispensedBq: number;
  readonly dispensedAt: number;
  readonly expiresAt: number;
  readonly arrivalAt: number;
}

export interface DelayImpact {
  /** When the dose can be used: max(calibration time, arrival). */
  readonly useAt: number;
  readonly activityBq: number;
  /** activity ÷ ordered − 1. */
  readonly deviation: number;
  readonly withinTolerance: boolean;
  readonly expired: boolean;
}

export function delayImpact(d: DelayInput): DelayImpact {
  const useAt = Math.max(d.calibrationAt, d.arrivalAt);
  const activityBq = decayedActivity(d.nuclide, d.dispensedBq, d.dispensedAt, useAt);
  const deviation = activityBq / d.orderedBq - 1;
  const expired = d.arrivalAt > d.expiresAt;
  return {
    useAt,
    activityBq,
    deviation,
    withinTolerance: !expired && Math.abs(deviation) * 100 <= d.tolerancePct + 1e-9,
    expired,
  };
}
