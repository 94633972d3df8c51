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

/**
 * How far the doses drawn may exceed what the batch held at EOS, as a fraction: two dose-calibrator
 * readings each carry a relative error of ±4–6 % (GB/T 10356-1997), so a sum a little above the
 * measured EOS activity is measurement, not a missing becquerel.
 */
export const CALIBRATOR_MARGIN = 0.05;

export interface DrawnDose {
  readonly measuredBq: number;
  /** Epoch ms. */
  readonly measuredAt: number;
  readonly volumeMl: number;
}

/**
 * Whether the batch still holds a new dose: its measured EOS activity decayed to the dose's
 * measurement, less the doses drawn before (each decayed to the same moment), and its volume less
 * theirs. Undefined when it does; else the field and the figures.
 */
export function batchHoldsRefusal(
  nuclide: string,
  eos: { readonly activityBq: number; readonly volumeMl: number; readonly at: number },
  drawn: readonly DrawnDose[],
  dose: DrawnDose,
): { readonly field: string; readonly message: string } | undefined {
  const at = dose.measuredAt;
  const held = decayedActivity(nuclide, eos.activityBq, eos.at, at);
  const taken = drawn.reduce(
    (sum, d) => sum + decayedActivity(nuclide, d.measuredBq, d.measuredAt, at),
    0,
  );
  const left = held - taken;
  if (dose.measuredBq > left + held * CALIBRATOR_MARGIN) {
    return {
      field: 'measuredBq',
      message: `the batch holds ${mbq(Math.max(0, left))} now (${mbq(held)} decayed from EOS less ${drawn.length} dose${drawn.length === 1 ? '' : 's'} drawn): ${mbq(dose.measuredBq)} cannot come from it`,
    };
  }
  const volumeLeft = eos.volumeMl - drawn.reduce((sum, d) => sum + d.volumeMl, 0);
  if (dose.volumeMl > volumeLeft + 1e-9) {
    return {
      field: 'volumeMl',
      message: `${dose.volumeMl} mL is more than the ${Math.max(0, volumeLeft).toFixed(2)} mL left of the batch's ${eos.volumeMl} mL`,
    };
  }
  return undefined;
}
