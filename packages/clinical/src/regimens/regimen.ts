import regimenData from '../data/regimens.json' with { type: 'json' };
import programmeData from '../data/programmes.json' with { type: 'json' };

/** A regimen's dose: one activity for everyone, or an activity per kilogram of body weight. */
export type RegimenDose =
  | { readonly kind: 'fixed'; readonly bq: number }
  | { readonly kind: 'per_kg'; readonly bqPerKg: number };

/** A therapy regimen with its source (`data/regimens.json`). */
export interface Regimen {
  readonly code: string;
  readonly name: string;
  readonly nuclide: string;
  readonly target: string;
  /** The network product that makes the dose, or null: the regimen is recorded, not ordered. */
  readonly productCode: string | null;
  readonly dose: RegimenDose;
  /** Fixed activities a physician may choose instead of `dose` (AcTION's 4–10 MBq), or none. */
  readonly doseChoicesBq: readonly number[];
  /** The dose after toxicity where the source gives one (Pluvicto 5.9 GBq), else null. */
  readonly reducedDoseBq: number | null;
  readonly tolerancePct: number;
  /** Days from one cycle to the next, and the allowed deviation either way without a reason. */
  readonly intervalDays: number;
  readonly windowDays: number;
  readonly maxCycles: number;
  /** A toxicity delay beyond this many days asks whether to stop (Pluvicto: 4 weeks), or null. */
  readonly longestDelayDays: number | null;
  readonly source: string;
}

/** A diagnostic PET that selects patients for therapies of one target. */
export interface TheranosticPair {
  /** The tracer's code (the network's product code when it makes it). */
  readonly code: string;
  /** The network's PET product, or null when the scan is done elsewhere and only recorded. */
  readonly petProductCode: string | null;
  readonly petName: string;
  readonly target: string;
  /** The eligibility criterion the scan decides, e.g. "PSMA-positive". */
  readonly criterion: string;
  readonly source: string;
}

/** A radiopharmaceutical programme (developer, product, carrier, target, nuclide, stage). */
export interface Programme {
  readonly code: string;
  readonly developer: string;
  readonly product: string;
  readonly carrier: string;
  readonly target: string;
  readonly nuclide: string;
  readonly indication: string;
  readonly stage: string;
  readonly approved: boolean;
  readonly regimenCode: string | null;
  readonly source: string;
}

export const REGIMENS: readonly Regimen[] = regimenData.regimens as Regimen[];
export const THERANOSTIC_PAIRS: readonly TheranosticPair[] = regimenData.pairs;
export const PROGRAMMES: readonly Programme[] = programmeData.programmes;

export function regimenByCode(code: string): Regimen | undefined {
  return REGIMENS.find((r) => r.code === code);
}

/** The PET scans that select patients for `regimen` (same target). */
export function pairByCode(code: string): TheranosticPair | undefined {
  return THERANOSTIC_PAIRS.find((p) => p.code === code);
}

export function companionScans(regimen: Regimen): readonly TheranosticPair[] {
  return THERANOSTIC_PAIRS.filter((p) => p.target === regimen.target);
}

/** How a cycle's dose is chosen: the regimen's dose, its reduced dose, or one of its choices. */
export type DoseLevel =
  | { readonly kind: 'standard' }
  | { readonly kind: 'reduced' }
  | { readonly kind: 'choice'; readonly bq: number };

/**
 * The activity one cycle prescribes, in Bq: the regimen's fixed dose, its per-kg dose times the
 * patient's latest weight, the reduced dose, or one of its fixed choices. Throws a RangeError
 * naming what is missing (a weight for a per-kg regimen, a reduced dose the source never gave).
 */
export function prescribedActivity(
  regimen: Regimen,
  level: DoseLevel,
  weightKg: number | null,
): number {
  switch (level.kind) {
    case 'reduced':
      if (regimen.reducedDoseBq === null)
        throw new RangeError(`${regimen.name}: its source gives no reduced dose`);
      return regimen.reducedDoseBq;
    case 'choice':
      if (!regimen.doseChoicesBq.includes(level.bq))
        throw new RangeError(
          `${regimen.name}: ${level.bq} Bq is not one of its doses (${regimen.doseChoicesBq.join(', ')} Bq)`,
        );
      return level.bq;
    case 'standard':
      if (regimen.dose.kind === 'fixed') return regimen.dose.bq;
      if (weightKg === null || !(weightKg > 0))
        throw new RangeError(`${regimen.name} is dosed per kg: the patient's weight is needed`);
      return regimen.dose.bqPerKg * weightKg;
  }
}
