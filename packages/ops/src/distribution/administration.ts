import { decayedActivity } from '../batch/dispensing.js';

/**
 * Administration of a dose to a patient: the activity in the syringe measured before, the residue
 * measured after, both decay-corrected to the moment of administration; the difference is what the
 * patient received, checked against the prescription. Pure.
 *
 * - The product's label tolerance (e.g. Pluvicto ±10%) and 10 CFR 35.63(d): no dosage more than 20%
 *   from the prescribed one unless the authorised user directs it. Beyond either, the authorised
 *   user's direction must be recorded.
 * - 10 CFR 35.3045: a dosage ≥ 20% from the prescribed one may be a medical event (reportable when
 *   the dose also differs by > 0.05 Sv effective or > 0.5 Sv to an organ): flagged for review.
 */
export const TWENTY_PERCENT_RULE = 20;

export interface AdministrationInput {
  readonly nuclide: string;
  readonly prescribedBq: number;
  /** The product label's tolerance, %. */
  readonly labelTolerancePct: number;
  readonly beforeBq: number;
  readonly beforeAt: number;
  /** What stayed in the syringe, vial and line (0 when none was measured). */
  readonly residueBq: number;
  readonly residueAt: number;
  readonly administeredAt: number;
  /** The authorised user's direction, when the dosage is beyond the limits. */
  readonly direction?: string;
}

export interface AdministrationCheck {
  readonly administeredBq: number;
  /** administered ÷ prescribed − 1. */
  readonly deviation: number;
  readonly outsideLabel: boolean;
  readonly outsideTwentyPercent: boolean;
  readonly needsDirection: boolean;
  readonly possibleMedicalEvent: boolean;
  readonly findings: readonly string[];
  readonly refusal?: { readonly field: string; readonly message: string };
}

const mbq = (bq: number) => `${(bq / 1e6).toFixed(1)} MBq`;

export function checkAdministration(a: AdministrationInput): AdministrationCheck {
  const before = decayedActivity(a.nuclide, a.beforeBq, a.beforeAt, a.administeredAt);
  const residue = decayedActivity(a.nuclide, a.residueBq, a.residueAt, a.administeredAt);
  const administeredBq = before - residue;
  const deviation = administeredBq / a.prescribedBq - 1;
  const off = Math.abs(deviation) * 100;
  const outsideLabel = off > a.labelTolerancePct + 1e-9;
  const outsideTwentyPercent = off > TWENTY_PERCENT_RULE + 1e-9;
  const possibleMedicalEvent = off >= TWENTY_PERCENT_RULE - 1e-9;
  const needsDirection = outsideLabel || outsideTwentyPercent;
  const pct = `${deviation >= 0 ? '+' : ''}${(deviation * 100).toFixed(1)}%`;
  const findings: string[] = [
    `administered ${mbq(administeredBq)} at the time of administration (${mbq(before)} before − ${mbq(residue)} residue), ${pct} from the prescribed ${mbq(a.prescribedBq)}`,
  ];
  if (outsideLabel) findings.push(`outside the label's ±${a.labelTolerancePct}%`);
  if (outsideTwentyPercent)
    findings.push('more than 20% from the prescribed dosage (10 CFR 35.63)');
  if (possibleMedicalEvent) {
    findings.push(
      'possible medical event (10 CFR 35.3045): review whether the dose differs by more than 0.05 Sv effective or 0.5 Sv to an organ',
    );
  }
  const base = {
    administeredBq,
    deviation,
    outsideLabel,
    outsideTwentyPercent,
    needsDirection,
    possibleMedicalEvent,
    findings,
  };
  const refuse = (field: string, message: string): AdministrationCheck => ({
    ...base,
    refusal: { field, message },
  });
  if (a.beforeAt > a.administeredAt) {
    return refuse('beforeAt', 'the syringe is measured after the administration');
  }
  if (a.residueAt < a.administeredAt) {
    return refuse('residueAt', 'the residue is measured before the administration');
  }
  if (!(administeredBq > 0)) {
    return refuse(
      'residueBq',
      `the residue (${mbq(residue)}) is not less than the dose (${mbq(before)})`,
    );
  }
  if (needsDirection && (a.direction ?? '').trim() === '') {
    return refuse(
      'direction',
      `${findings.slice(1).join('; ')}: record the authorised user's direction to give it`,
    );
  }
  return base;
}
