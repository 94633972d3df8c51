import { transportIndexFor } from '@halflife/planner';

/**
 * For nuclides the planner's dose-rate data has no figures for (Ac-225, Pb-212 and their
 * daughters' gammas): a placeholder TI per GBq of the dosed nuclide, above every shielded figure
 * in that data. Unconfirmed; documented in docs/platform.md ("Planning through the API").
 */
export const PLACEHOLDER_TI_PER_GBQ = 1;

export interface NuclideTransportIndex {
  readonly perGbq: Readonly<Record<string, number>>;
  readonly source: string;
}

/**
 * The TI per GBq of a dose of product `code` (`nuclide`) in its package, with how the figure was
 * made: the planner's figures (facts.md dose-rate constants and HVLs, assumed shielding), or the
 * placeholder.
 */
export function transportIndexOf(code: string, nuclide: string): NuclideTransportIndex {
  return (
    transportIndexFor(code, nuclide) ?? {
      perGbq: { [nuclide]: PLACEHOLDER_TI_PER_GBQ },
      source: `${code}: TI ${PLACEHOLDER_TI_PER_GBQ} per GBq of ${nuclide}, a placeholder (no dose-rate figures in facts.md; assumption, unconfirmed)`,
    }
  );
}
