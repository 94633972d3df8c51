/**
 * Transport index per GBq of a shielded dose package, per dosed nuclide, for instances built from
 * the database (whose products carry no TI figure yet).
 *
 * ASSUMPTION TABLE. Dose-rate constants and lead half-value layers are those of the project's
 * facts.md (sources named per row); the lead around a dose in its package is an assumption (demo),
 * the same as the planner's instance generator uses. TI per GBq = 100 × Γ[µSv·m²/(MBq·h)] ×
 * 2^(−lead mm ÷ HVL mm): 1 GBq at 1 m gives Γ mSv/h, and the TI is mSv/h at 1 m × 100. Measured
 * package dose rates should replace these figures wherever a package is classified for real.
 * Documented in docs/platform.md ("Planning through the API").
 */

interface Figure {
  /** Air-kerma rate constant taken as µSv·m²/(MBq·h). */
  readonly gamma: number;
  readonly hvlMm: number;
  /** Lead (or tungsten lead-equivalent) around the dose, mm: assumption. */
  readonly leadMm: number;
  readonly source: string;
}

const FIGURES: Readonly<Record<string, Figure>> = {
  'F-18': {
    gamma: 0.1351,
    hvlMm: 4.95,
    leadMm: 25,
    source: 'Γ 0.1351 µGy·m²/(MBq·h), HVL 4.95 mm Pb (facts.md); 25 mm Pb PET pig (assumption)',
  },
  'Ga-68': {
    gamma: 0.129,
    hvlMm: 6,
    leadMm: 25,
    source:
      'Γ 0.1290 µGy·m²/(MBq·h), HVL about 6 mm Pb, unconfirmed (facts.md); 25 mm Pb PET pig (assumption)',
  },
  'Tc-99m': {
    gamma: 0.0141,
    hvlMm: 0.3,
    leadMm: 3,
    source: 'Γ 0.0141 µGy·m²/(MBq·h), HVL 0.30 mm Pb (facts.md); 3 mm Pb pot (assumption)',
  },
  'Lu-177': {
    // 0.18 R·cm²/(mCi·h) = 0.18 mSv·m²/(Ci·h) ÷ 37 GBq/Ci (facts.md's conversion).
    gamma: 0.18 / 37,
    hvlMm: 0.54,
    leadMm: 3,
    source:
      'Γ 0.18 R·cm²/(mCi·h) = 0.004865 µSv·m²/(MBq·h), HVL 0.54 mm Pb (facts.md); 3 mm Pb pot (assumption)',
  },
};

/**
 * For nuclides facts.md gives no figures for (Ac-225, Pb-212 and their daughters' gammas): a
 * placeholder TI per GBq of the dosed nuclide, above every shielded figure in the table. Unconfirmed.
 */
export const PLACEHOLDER_TI_PER_GBQ = 1;

export interface NuclideTransportIndex {
  readonly perGbq: Readonly<Record<string, number>>;
  readonly source: string;
}

/** The TI per GBq of a dose of `nuclide` in its package, with how the figure was made. */
export function transportIndexOf(nuclide: string): NuclideTransportIndex {
  const f = FIGURES[nuclide];
  if (f === undefined) {
    return {
      perGbq: { [nuclide]: PLACEHOLDER_TI_PER_GBQ },
      source: `${nuclide}: TI ${PLACEHOLDER_TI_PER_GBQ} per GBq, a placeholder (no dose-rate figures in facts.md; assumption, unconfirmed)`,
    };
  }
  const ti = Number((100 * f.gamma * 2 ** (-f.leadMm / f.hvlMm)).toPrecision(4));
  return {
    perGbq: { [nuclide]: ti },
    source: `${nuclide}: TI ${ti} per GBq = 100 × Γ × 2^(−lead ÷ HVL); ${f.source}`,
  };
}
