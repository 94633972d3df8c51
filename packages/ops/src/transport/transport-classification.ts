import { builtinDataset, decayChain } from '@halflife/nuclear';
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

/**
 * The same, for an unlisted nuclide that emits alpha particles and no neutrons (A1 0.2, A2 9e-5
 * TBq; A1 0.1 TBq when beta or gamma emitters are also present, SSR-6 Table 3 footnote).
 */
const UNLISTED_ALPHA: Omit<TransportValues, 'nuclide'> = {
  a1Bq: 0.2e12,
  a2Bq: 9e-5 * 1e12,
  exemptBqPerG: 0.1,
  exemptConsignmentBq: 1e3,
};

/** The same, for an unlisted neutron emitter or a nuclide without decay data (A1 1e-3, A2 9e-5 TBq). */
const UNLISTED_NEUTRON_OR_NO_DATA: Omit<TransportValues, 'nuclide'> = {
  a1Bq: 1e-3 * 1e12,
  a2Bq: 9e-5 * 1e12,
  exemptBqPerG: 0.1,
  exemptConsignmentBq: 1e3,
};

/** Decay modes that emit an alpha particle, a neutron, or a beta particle / gamma ray. */
const ALPHA_MODE = /^(A|B-A|B\+A|B\+pA)$/;
const NEUTRON_MODE = /(^|[-+\d])n$|SF$/;
const BETA_GAMMA_MODE = /^(B|EC|IT|e\+|2B)/;

/** Which row of the unlisted defaults a nuclide falls in, from the decay data's branches. */
function unlistedDefault(nuclide: string): Omit<TransportValues, 'nuclide'> {
  const modes = builtinDataset()
    .byName.get(nuclide)
    ?.branches.map((b) => b.mode);
  if (modes === undefined || modes.length === 0 || modes.some((m) => NEUTRON_MODE.test(m))) {
    return UNLISTED_NEUTRON_OR_NO_DATA;
  }
  if (modes.some((m) => ALPHA_MODE.test(m))) {
    return modes.some((m) => BETA_GAMMA_MODE.test(m))
      ? { ...UNLISTED_ALPHA, a1Bq: 0.1e12 }
      : UNLISTED_ALPHA;
  }
  return UNLISTED_BETA_GAMMA;
}

/**
 * A nuclide's values, or the unlisted default (marked `listed: false`) by SSR-6 Table 3 / 49 CFR
 * 173.433: alpha emitters (any alpha branch in the decay data) A2 9e-5 TBq; neutron emitters and
 * nuclides without decay data A1 1e-3, A2 9e-5 TBq; beta/gamma emitters A1 0.1, A2 0.02 TBq.
 */
export function transportValues(nuclide: string): TransportValues & { readonly listed: boolean } {
  const found = VALUES.get(nuclide);
  if (found) return { ...found, listed: true };
  return { nuclide, ...unlistedDefault(nuclide), listed: false };
}

/**
 * Parents marked (a) in SSR-6 Table 2, as `shared/data/transport/README.md` lists them (the list
 * there is not complete): their A1 and A2 already include daughters with half-lives under 10 days,
 * which are therefore not counted again beside them.
 */
export const PROGENY_PARENTS: readonly string[] = [
  'Ge-68',
  'Mo-99',
  'W-188',
  'Pb-212',
  'Bi-212',
  'Ra-223',
  'Ra-224',
  'Th-228',
  'Ac-225',
  'At-211',
];
const TEN_DAYS_S = 10 * 86_400;

/** The daughters whose activity an (a) parent's values include: chain members under 10 days. */
export function includedDaughters(parent: string): readonly string[] {
  if (!PROGENY_PARENTS.includes(parent)) return [];
  const chain = decayChain(builtinDataset(), [parent]);
  return chain.members
    .filter((m) => m.name !== parent && m.lambda > 0 && m.halfLife < TEN_DAYS_S)
    .map((m) => m.name);
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
/** An unlisted member below this share of the package's Σ A/A2 is not reported as unlisted. */
export const NEGLIGIBLE_A2_SHARE = 1e-9;
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
  /** Nuclides the table does not list, classified with the default values (negligible ones left out). */
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
  const reasons: string[] = [];
  const included = new Set<string>();
  for (const c of p.contents) {
    if (c.activityBq <= 0) continue;
    const daughters = includedDaughters(c.nuclide).filter((d) =>
      p.contents.some((x) => x.nuclide === d && x.activityBq > 0),
    );
    for (const d of daughters) included.add(d);
    if (daughters.length > 0) {
      reasons.push(
        `${daughters.join(', ')} counted in ${c.nuclide}'s values (SSR-6 Table 2, footnote (a))`,
      );
    }
  }
  const counted: { nuclide: string; listed: boolean; fraction: number }[] = [];
  for (const c of p.contents) {
    if (included.has(c.nuclide) || c.activityBq <= 0) continue;
    const v = transportValues(c.nuclide);
    const fraction = v.a2Bq === null ? 0 : c.activityBq / v.a2Bq;
    counted.push({ nuclide: c.nuclide, listed: v.listed, fraction });
    a2Fraction += fraction;
  }
  // A member that cannot change the sum (e.g. the 7e-16 Bq of Bi-209, t½ 2e19 y, that the decay
  // engine grows in an Ac-225 dose) is summed but not reported as unlisted.
  for (const c of counted) {
    if (!c.listed && c.fraction > NEGLIGIBLE_A2_SHARE * a2Fraction) unlisted.push(c.nuclide);
  }
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
