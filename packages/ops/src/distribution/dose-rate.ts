import data from '../data/dose-rate-constants.json' with { type: 'json' };
import { totalBq, type NuclideBq } from './package-chain.js';

/**
 * Dose-rate estimates for a package before anyone has measured it: Σ Γᵢ·Aᵢ ÷ d² for the members of
 * its contents, attenuated by the lead pot where the nuclide's half-value layer is known. An
 * estimate is shown as an estimate; a measured figure always replaces it (facts.md: the product
 * accepts a measured dose rate wherever it classifies a package). Pure.
 */

export interface Packaging {
  readonly code: string;
  readonly name: string;
  readonly category: string;
  readonly centreToSurfaceM: number;
  readonly source: string;
}

export const PACKAGINGS: readonly Packaging[] = data.packagings;
export const PACKAGING_CODES = PACKAGINGS.map((p) => p.code) as [string, ...string[]];

interface Constant {
  readonly nuclide: string;
  readonly uSvM2PerMBqH: number;
  readonly leadHvlMm: number | null;
  readonly source: string;
}
const CONSTANTS = new Map<string, Constant>(data.constants.map((c) => [c.nuclide, c]));

/** Members below this share of the package's activity do not change an estimate. */
export const NEGLIGIBLE_SHARE = 1e-3;

export interface DoseRateEstimate {
  /** mSv/h; null when a member that matters has no sourced constant. */
  readonly oneMetreMSvPerH: number | null;
  readonly surfaceMSvPerH: number | null;
  /** Members without a constant: their dose rate must be measured. */
  readonly noConstant: readonly string[];
  readonly basis: string;
}

export function estimateDoseRates(
  contents: readonly NuclideBq[],
  packagingCode: string,
  leadMm: number,
): DoseRateEstimate {
  const packaging = PACKAGINGS.find((p) => p.code === packagingCode);
  if (packaging === undefined) throw new Error(`packaging: unknown ${packagingCode}`);
  const total = totalBq(contents);
  const matter = contents.filter((c) => c.activityBq > NEGLIGIBLE_SHARE * total);
  const noConstant = matter.filter((c) => !CONSTANTS.has(c.nuclide)).map((c) => c.nuclide);
  if (noConstant.length > 0 || matter.length === 0) {
    return {
      oneMetreMSvPerH: null,
      surfaceMSvPerH: null,
      noConstant,
      basis: `no sourced dose-rate constant for ${noConstant.join(', ')}: measure the package`,
    };
  }
  let atOneMetre = 0;
  for (const c of matter) {
    const k = CONSTANTS.get(c.nuclide) as Constant;
    const shield = k.leadHvlMm === null ? 1 : Math.pow(2, -leadMm / k.leadHvlMm);
    atOneMetre += (k.uSvM2PerMBqH * (c.activityBq / 1e6) * shield) / 1000;
  }
  const d = packaging.centreToSurfaceM;
  const unshielded = matter.filter((c) => CONSTANTS.get(c.nuclide)?.leadHvlMm === null);
  return {
    oneMetreMSvPerH: atOneMetre,
    surfaceMSvPerH: atOneMetre / (d * d),
    noConstant: [],
    basis:
      `estimate: point source, Γ·A ÷ d² at 1 m and ${d} m` +
      (leadMm > 0 ? `, ${leadMm} mm lead` : '') +
      (unshielded.length > 0 && leadMm > 0
        ? ` (no half-value layer for ${unshielded.map((c) => c.nuclide).join(', ')}: unshielded)`
        : ''),
  };
}
