/**
 * Transport index per GBq of a shielded dose package: the dose rate at 1 m in mSv/h × 100
 * (the TI definition), from the nuclide's dose-rate constant, attenuated by the package's lead:
 *
 *   TI per GBq = 100 × Γ[µSv·m²/(MBq·h)] × 2^(−lead mm ÷ HVL mm)
 *
 * since 1 GBq at 1 m gives 1000 × Γ µSv/h = Γ mSv/h. A point source at 1 m stands in for 1 m from
 * the package surface (slightly high, on the safe side).
 */
import {
  DOSE_RATE_CONSTANTS,
  LEAD_HVL,
  NUCLIDE_SHIELDING,
  PACKAGE_SHIELDING,
} from './transport-index-data.js';

/** TI per GBq for a dose-rate constant Γ in µSv·m²/(MBq·h) behind `leadMm` of lead of HVL `hvlMm`. */
export function shieldedTransportIndexPerGbq(
  microSvM2PerMBqH: number,
  leadMm: number,
  hvlMm: number,
): number {
  return 100 * microSvM2PerMBqH * 2 ** (-leadMm / hvlMm);
}

/** A product's TI figure per chain member (the dosed nuclide; its daughters here are stable). */
export interface ProductTransportIndex {
  readonly perGbq: Readonly<Record<string, number>>;
  /** How the figure was made, with its sources, for the instance's `sources`. */
  readonly source: string;
}

/** The TI per GBq of a demo product's dose package; throws for a product without figures. */
export function productTransportIndex(code: string, nuclide: string): ProductTransportIndex {
  const figure = transportIndexFor(code, nuclide);
  if (figure === undefined)
    throw new Error(`productTransportIndex: no dose-rate figures for ${code} (${nuclide})`);
  return figure;
}

/**
 * The TI per GBq of a product's dose package: its own shielding where the data names the
 * product, else the usual package for the nuclide (a PET pig for 511 keV emitters, a lead pot
 * otherwise). Undefined when the data has no dose-rate constant or HVL for the nuclide.
 */
export function transportIndexFor(
  code: string,
  nuclide: string,
): ProductTransportIndex | undefined {
  const gamma = DOSE_RATE_CONSTANTS[nuclide];
  const hvl = LEAD_HVL[nuclide];
  const shielding = PACKAGE_SHIELDING[code] ?? NUCLIDE_SHIELDING[nuclide];
  if (gamma === undefined || hvl === undefined || shielding === undefined) return undefined;
  const ti = shieldedTransportIndexPerGbq(gamma.microSvM2PerMBqH, shielding.leadMm, hvl.mm);
  const rounded = Number(ti.toPrecision(4));
  return {
    perGbq: { [nuclide]: rounded },
    source:
      `${code} TI ${rounded} per GBq of ${nuclide} = 100 × ${gamma.reading} (${gamma.source}) ` +
      `× 2^(−${shielding.leadMm} mm ÷ HVL ${hvl.mm} mm Pb (${hvl.source})); shielding: ` +
      `${shielding.source}`,
  };
}
