import { builtinDataset, resolveNuclide } from '@halflife/nuclear';

/**
 * Dispensing a dose from a released batch: the activity measured in the dose calibrator at a time,
 * decayed with the decay engine's half-life to the order's calibration time, checked against the
 * order's tolerance before the dose may leave (10 CFR 35.63: not more than 20% from the prescribed
 * dosage; a product's own tolerance where it has one). Pure.
 */

export interface DispenseInput {
  readonly nuclide: string;
  readonly measuredBq: number;
  /** Epoch ms. */
  readonly measuredAt: number;
  readonly volumeMl: number;
  /** The order's prescribed activity at its calibration time. */
  readonly orderedBq: number;
  readonly calibrationAt: number;
  readonly tolerancePct: number;
  /** The batch's end of synthesis and the product's shelf life: the dose expires with the batch. */
  readonly eosAt: number;
  readonly shelfLifeMinutes: number;
}

export interface DispenseCheck {
  readonly calibrationBq: number;
  /** calibrationBq ÷ orderedBq − 1. */
  readonly deviation: number;
  readonly withinTolerance: boolean;
  readonly concentrationBqPerMl: number;
  readonly expiresAt: number;
  /** Why the dose may not leave, with the figures; undefined when it may. */
  readonly refusal?: { readonly field: string; readonly message: string };
}

const MBQ = 1e6;
const mbq = (bq: number) => `${(bq / MBQ).toFixed(1)} MBq`;

/** The activity of `nuclide` at `to` given `bq` at `from` (either direction in time). */
export function decayedActivity(nuclide: string, bq: number, from: number, to: number): number {
  const found = resolveNuclide(builtinDataset(), nuclide);
  if (!found.ok) throw new Error(`nuclide: ${found.error.message}`);
  const halfLife = found.value.halfLife;
  if (!Number.isFinite(halfLife)) return bq;
  return bq * Math.pow(2, -(to - from) / 1000 / halfLife);
}

export function checkDispense(input: DispenseInput): DispenseCheck {
  const calibrationBq = decayedActivity(
    input.nuclide,
    input.measuredBq,
    input.measuredAt,
    input.calibrationAt,
  );
  const deviation = calibrationBq / input.orderedBq - 1;
  const withinTolerance = Math.abs(deviation) * 100 <= input.tolerancePct + 1e-9;
  const expiresAt = input.eosAt + input.shelfLifeMinutes * 60_000;
  const base = {
    calibrationBq,
    deviation,
    withinTolerance,
    concentrationBqPerMl: input.measuredBq / input.volumeMl,
    expiresAt,
  };
  if (input.measuredAt < input.eosAt) {
    return {
      ...base,
      refusal: {
        field: 'measuredAt',
        message: 'the dose is measured before the batch’s end of synthesis',
      },
    };
  }
  if (input.measuredAt > expiresAt) {
    return { ...base, refusal: { field: 'measuredAt', message: 'the batch has expired' } };
  }
  if (input.calibrationAt > expiresAt) {
    return {
      ...base,
      refusal: {
        field: 'calibrationAt',
        message: 'the batch expires before the order’s calibration time',
      },
    };
  }
  if (!withinTolerance) {
    const sign = deviation > 0 ? '+' : '';
    return {
      ...base,
      refusal: {
        field: 'measuredBq',
        message:
          `${mbq(input.measuredBq)} measured gives ${mbq(calibrationBq)} at calibration, ` +
          `${sign}${(deviation * 100).toFixed(1)}% from the ${mbq(input.orderedBq)} ordered ` +
          `(tolerance ±${input.tolerancePct}%)`,
      },
    };
  }
  return base;
}
