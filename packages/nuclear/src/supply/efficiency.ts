/** A recorded elution as the model replayed it. */
export interface ReplayedElution {
  readonly at: number;
  /** Daughter activity on the column just before the elution: the yield at 100%, Bq. */
  readonly predictedBq: number;
  readonly measuredBq: number | null;
  /** measured ÷ predicted-at-100%: this elution's efficiency. */
  readonly ratio: number | null;
  /** Measured parent in the eluate ÷ parent on the column. */
  readonly breakthroughFraction: number | null;
}

export interface EfficiencyEstimate {
  readonly value: number;
  /** `given` by the caller, from `records`, or the type's `nominal` figure reduced by age. */
  readonly basis: 'given' | 'records' | 'nominal';
  /** How many measured elutions the estimate rests on. */
  readonly records: number;
}

/**
 * The efficiency for the next elution: the caller's figure if given; else the mean of the measured
 * elutions' efficiencies (measured ÷ predicted at 100%), each earlier one weighing half the next,
 * so that the latest dominates while one odd measurement does not; else the nominal value.
 * Capped to [0, 1].
 */
export function efficiencyEstimate(
  replayed: readonly ReplayedElution[],
  given: number | undefined,
  nominal: number,
): EfficiencyEstimate {
  if (given !== undefined) return { value: given, basis: 'given', records: 0 };
  const ratios = replayed.flatMap((r) => (r.ratio === null ? [] : [r.ratio]));
  if (ratios.length === 0) return { value: nominal, basis: 'nominal', records: 0 };
  let sum = 0;
  let weights = 0;
  let w = 1;
  for (let k = ratios.length - 1; k >= 0; k--) {
    sum += w * (ratios[k] as number);
    weights += w;
    w /= 2;
  }
  return {
    value: Math.min(1, Math.max(0, sum / weights)),
    basis: 'records',
    records: ratios.length,
  };
}
