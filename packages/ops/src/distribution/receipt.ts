import { decayedActivity } from '../batch/dispensing.js';

/**
 * A hospital's receipt of a dose: the activity it measures in its dose calibrator at a time against
 * what the producer dispensed, decayed to that time. Two calibrators each within ±5% of the truth
 * (the accuracy test of former 10 CFR 35.50; GB/T 10356-1997 ±4% / ±6%) may differ by up to 10%:
 * beyond that the dose is flagged and the hospital may refuse it. Pure.
 */
export const RECEIPT_TOLERANCE_PCT = 10;

export interface ReceiptInput {
  readonly nuclide: string;
  readonly dispensedBq: number;
  readonly dispensedAt: number;
  readonly measuredBq: number;
  readonly measuredAt: number;
}

export interface ReceiptCheck {
  readonly expectedBq: number;
  /** measured ÷ expected − 1. */
  readonly deviation: number;
  readonly withinTolerance: boolean;
  readonly message: string;
}

export function checkReceipt(r: ReceiptInput): ReceiptCheck {
  const expectedBq = decayedActivity(r.nuclide, r.dispensedBq, r.dispensedAt, r.measuredAt);
  const deviation = r.measuredBq / expectedBq - 1;
  const withinTolerance = Math.abs(deviation) * 100 <= RECEIPT_TOLERANCE_PCT + 1e-9;
  const pct = (deviation * 100).toFixed(1);
  return {
    expectedBq,
    deviation,
    withinTolerance,
    message:
      `measured ${(r.measuredBq / 1e6).toFixed(1)} MBq, expected ${(expectedBq / 1e6).toFixed(1)} MBq ` +
      `(${pct}%)` +
      (withinTolerance ? '' : `: outside ±${RECEIPT_TOLERANCE_PCT}%`),
  };
}
