import data from '../data/transport-values.json' with { type: 'json' };

/**
 * Transport classification of a package of radioactive material (IAEA SSR-6; GB 11806-2019;
 * US 49 CFR 173): excepted package, Type A or Type B by the sum of fractions of A2, the transport
 * index from the dose rate at 1 m, the label category, UN number and proper shipping name. Pure.
 * The values are SSR-6 Table 2 (src/data/transport-values.json, built by
 * scripts/build-transport-data.ts); the rules are those of the same regulations.
 */

export interface TransportValues {
  readonly nuclide: string;
  /** Null: unlimited. */
  readonly a1Bq: number | null;
  readonly a2Bq: number | null;
  readonly exemptBqPerG: number | null;
  readonly exemptConsignmentBq: number | null;
}

const VALUES = new Map<string, TransportValues>(data.values.map((v) => [v.nuclide, v]));

/**
 * SSR-6 para. 403 / 49 CFR 173.433: an unlisted nuclide with only beta or gamma emitters known
 * takes A1 0.1 TBq, A2 0.02 TBq until a competent authority approves values.
 */
const UNLISTED_BETA_GAMMA: Omit<TransportValues, 'nuclide'> = {
  a1Bq: 0.1e12,
  a2Bq: 0.02e12,
  exemptBqPerG: 10,
  exemptConsignmentBq: 1e4,
};

/** A nuclide's values, or the unlisted beta/gamma default (marked `listed: false`). */
export function transportValues(nuclide: string): TransportValues & { readonly listed: boolean } {
  const found = VALUES.get(nuclide);
  return found ? { ...found, listed: true } : { nuclide, ...UNLISTED_BETA_GAMMA, listed: false };
}

export type PhysicalForm = 'liquid' | 'solid' | 'gas';
export type PackageCategory = 'excepted' | 'type-a' | 'type-b';
export type LabelCategory = 'I-WHITE' | 'II-YELLOW' | 'III-YELLOW';

/** Excepted packages, material (not instruments), per package, as a fraction of A2 (SSR-6 Table 4). */
export const EXCEPTED_MATERIAL_A2: Readonly<Record<PhysicalForm, number>> = {
  liquid: 1e-4,
  solid: 1e-3,
  gas: 1e-3,
};
/** An excepted package's surface dose rate may not exceed 5 µSv/h (SSR-6 para. 516). */
export const EXCEPTED_SURFACE_MSV_H = 0.005;
/** Non-exclusive use: the sum of transport indexes on one vehicle (SSR-6 Table 10). */
export const VEHICLE_TI_LIMIT = 50;

export interface PackageContents {
  /** Every nuclide of the chain at the time of dispatch (normal form). */
  readonly contents: readonly { readonly nuclide: string; readonly activityBq: number }[];
  readonly form: PhysicalForm;
  /** Measured (or estimated) dose rates, mSv/h; absent when not known yet. */
  readonly surfaceMSvPerH?: number;
  readonly oneMetreMSvPerH?: number;
}

export interface PackageClassification {
  readonly category: PackageCategory;
  /** Σ Aᵢ ÷ A2ᵢ: the package's contents as a fraction of what a Type A package may hold. */
  readonly a2Fraction: number;
  /** Nuclides the table does not list, classified with the default values. */
  readonly unlisted: readonly string[];
  readonly unNumber: string;
  readonly properShippingName: string;
  /** Null until the dose rate at 1 m is known. */
  readonly transportIndex: number | null;
  /** Null for an excepted package (it carries no category label) or when a dose rate is unknown. */
  readonly label: LabelCategory | null;
  readonly exclusiveUse: boolean;
  /** Why, in words, with the figures. */
  readonly reasons: readonly string[];
}

/** TI: the dose rate at 1 m in mSv/h × 100, rounded up to the next tenth; ≤ 0.05 may be 0. */
export function transportIndex(oneMetreMSvPerH: number): number {
  const raw = oneMetreMSvPerH * 100;
  if (raw <= 0.05) return 0;
  return Math.ceil(Math.round(raw * 1e9) / 1e8) / 10;
}

/** The label category: the higher of what the TI and the surface dose rate call for. */
export function labelCategory(
  ti: number,
  surfaceMSvPerH: number,
): { label: LabelCategory; exclusiveUse: boolean } | { refused: string } {
  if (surfaceMSvPerH > 10) return { refused: `surface ${surfaceMSvPerH} mSv/h is above 10 mSv/h` };
  if (ti === 0 && surfaceMSvPerH <= 0.005) return { label: 'I-WHITE', exclusiveUse: false };
  if (ti <= 1 && surfaceMSvPerH <= 0.5) return { label: 'II-YELLOW', exclusiveUse: false };
  if (ti <= 10 && surfaceMSvPerH <= 2) return { label: 'III-YELLOW', exclusiveUse: false };
  return { label: 'III-YELLOW', exclusiveUse: true };
}

const NAMES: Readonly<Record<PackageCategory, [string, string]>> = {
  excepted: ['UN 2910', 'RADIOACTIVE MATERIAL, EXCEPTED PACKAGE - LIMITED QUANTITY OF MATERIAL'],
  'type-a': [
    'UN 2915',
    'RADIOACTIVE MATERIAL, TYPE A PACKAGE, non-special form, non fissile or fissile-excepted',
  ],
  'type-b': ['UN 2916', 'RADIOACTIVE MATERIAL, TYPE B(U) PACKAGE, non fissile or fissile-excepted'],
};

export function classifyPackage(p: PackageContents): PackageClassification {
  const unlisted: string[] = [];
  let a2Fraction = 0;
  for (const c of p.contents) {
    const v = transportValues(c.nuclide);
    if (!v.listed) unlisted.push(c.nuclide);
    if (v.a2Bq !== null) a2Fraction += c.activityBq / v.a2Bq;
  }
  const reasons: string[] = [];
  const exceptedLimit = EXCEPTED_MATERIAL_A2[p.form];
  const surfaceOk = p.surfaceMSvPerH === undefined || p.surfaceMSvPerH <= EXCEPTED_SURFACE_MSV_H;
  let category: PackageCategory;
  if (a2Fraction <= exceptedLimit && surfaceOk) {
    category = 'excepted';
    reasons.push(
      `${fmt(a2Fraction)} A2 is within the ${fmt(exceptedLimit)} A2 of an excepted package (${p.form})`,
    );
  } else if (a2Fraction <= 1) {
    category = 'type-a';
    reasons.push(
      a2Fraction <= exceptedLimit
        ? `surface ${p.surfaceMSvPerH} mSv/h is above the ${EXCEPTED_SURFACE_MSV_H} mSv/h of an excepted package`
        : `${fmt(a2Fraction)} A2 is above the ${fmt(exceptedLimit)} A2 of an excepted package (${p.form}) and within A2`,
    );
  } else {
    category = 'type-b';
    reasons.push(`${fmt(a2Fraction)} A2 is above the A2 of a Type A package`);
  }
  const ti = p.oneMetreMSvPerH === undefined ? null : transportIndex(p.oneMetreMSvPerH);
  let label: LabelCategory | null = null;
  let exclusiveUse = false;
  if (category !== 'excepted' && ti !== null && p.surfaceMSvPerH !== undefined) {
    const l = labelCategory(ti, p.surfaceMSvPerH);
    if ('refused' in l) reasons.push(`not transportable: ${l.refused}`);
    else {
      label = l.label;
      exclusiveUse = l.exclusiveUse;
    }
  }
  const [unNumber, properShippingName] = NAMES[category];
  return {
    category,
    a2Fraction,
    unlisted,
    unNumber,
    properShippingName,
    transportIndex: ti,
    label,
    exclusiveUse,
    reasons,
  };
}

/** Whether a vehicle (not exclusive use) may take packages with these transport indexes. */
export function vehicleTiRefusal(tis: readonly number[]): string | undefined {
  const sum = Math.round(tis.reduce((a, b) => a + b, 0) * 10) / 10;
  return sum > VEHICLE_TI_LIMIT
    ? `the transport indexes add up to ${sum}, above ${VEHICLE_TI_LIMIT}`
    : undefined;
}

const fmt = (x: number) => (x === 0 ? '0' : x.toPrecision(3));
