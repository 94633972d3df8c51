/**
 * The figures behind each product's transport index per GBq, with their sources. Dose-rate
 * constants and lead half-value layers are those of /work/shared/docs/facts.md (its sources are
 * named beside each figure); the shielding of each dose package is an assumption, marked so.
 *
 * The arithmetic is in transport-index.ts: TI per GBq = 100 × (mSv/h at 1 m per GBq, unshielded)
 * × 2^(−lead mm ÷ HVL mm).
 */

export interface DoseRateConstant {
  /** µGy·m²/(MBq·h) as an air-kerma rate constant, taken as µSv·m²/(MBq·h) for dose rates. */
  readonly microSvM2PerMBqH: number;
  /** How the figure was read: as given, or converted (with the conversion). */
  readonly reading: string;
  readonly source: string;
}

export interface LeadHvl {
  readonly mm: number;
  readonly source: string;
}

export interface PackageShielding {
  /** Lead (or lead-equivalent tungsten) around the dose in its transport package, mm. */
  readonly leadMm: number;
  readonly source: string;
}

const NINKOVIC = 'Ninkovic & Adrovic 2012, via facts.md';
const SMITH_STABIN = 'Smith & Stabin, Health Phys 2012;102:271, via facts.md';

/** Unshielded point-source dose-rate constants of the dosed nuclides (their daughters are stable). */
export const DOSE_RATE_CONSTANTS: Readonly<Record<string, DoseRateConstant>> = {
  'F-18': {
    microSvM2PerMBqH: 0.1351,
    reading: 'air-kerma rate constant 0.1351 µGy·m²/(MBq·h), as given',
    source: NINKOVIC,
  },
  'Ga-68': {
    microSvM2PerMBqH: 0.129,
    reading: 'air-kerma rate constant 0.1290 µGy·m²/(MBq·h), as given',
    source: NINKOVIC,
  },
  'Tc-99m': {
    microSvM2PerMBqH: 0.0141,
    reading: 'air-kerma rate constant 0.0141 µGy·m²/(MBq·h), as given',
    source: NINKOVIC,
  },
  'Lu-177': {
    // 1 R·cm²/(mCi·h) is numerically 1 mSv·m²/(Ci·h) (facts.md): 0.18 mSv·m²/(Ci·h) ÷ 37 GBq/Ci
    // = 0.004865 mSv·m²/(GBq·h) = 0.004865 µSv·m²/(MBq·h).
    microSvM2PerMBqH: 0.18 / 37,
    reading:
      'Γ 0.18 R·cm²/(mCi·h) = 0.18 mSv·m²/(Ci·h) ÷ 37 GBq/Ci = 0.004865 µSv·m²/(MBq·h); ' +
      'cross-check: a measured patient dose rate of 0.0037 mSv/h per GBq at 1 m (Bellamy et al., ' +
      'Radiat Prot Dosim 2022, via facts.md) is the same order, lower through the body',
    source: SMITH_STABIN,
  },
};

/** Lead half-value layers. */
export const LEAD_HVL: Readonly<Record<string, LeadHvl>> = {
  'F-18': { mm: 4.95, source: SMITH_STABIN },
  'Ga-68': { mm: 6, source: 'facts.md: "about 6" mm, unconfirmed there (Ninkovic & Adrovic 2012)' },
  'Tc-99m': { mm: 0.3, source: SMITH_STABIN },
  'Lu-177': { mm: 0.54, source: SMITH_STABIN },
};

/**
 * Shielding of the dose package per product (assumption, demo): PET unit doses travel in
 * tungsten or lead pigs of a few centimetres lead equivalent; Tc-99m and Lu-177 doses in pots of a
 * few millimetres of lead, enough for their soft gammas. Measured package dose rates should
 * replace these figures wherever a package is classified for real (facts.md).
 */
export const PACKAGE_SHIELDING: Readonly<Record<string, PackageShielding>> = {
  'GA68-PSMA11': { leadMm: 25, source: 'assumption: 25 mm lead-equivalent PET transport pig' },
  'F18-FDG': { leadMm: 25, source: 'assumption: 25 mm lead-equivalent PET transport pig' },
  'F18-DCFPYL': { leadMm: 25, source: 'assumption: 25 mm lead-equivalent PET transport pig' },
  'TC99M-MDP': { leadMm: 3, source: 'assumption: 3 mm lead pot (SPECT unit dose)' },
  'LU177-PSMA617': { leadMm: 3, source: 'assumption: 3 mm lead pot around the therapy vial' },
  'LU177-DOTATATE': { leadMm: 3, source: 'assumption: 3 mm lead pot around the therapy vial' },
};

/** The usual package for a nuclide, for products the table above does not name (assumption). */
export const NUCLIDE_SHIELDING: Readonly<Record<string, PackageShielding>> = {
  'F-18': { leadMm: 25, source: 'assumption: 25 mm lead-equivalent PET transport pig' },
  'Ga-68': { leadMm: 25, source: 'assumption: 25 mm lead-equivalent PET transport pig' },
  'Tc-99m': { leadMm: 3, source: 'assumption: 3 mm lead pot (SPECT unit dose)' },
  'Lu-177': { leadMm: 3, source: 'assumption: 3 mm lead pot around the therapy vial' },
};
