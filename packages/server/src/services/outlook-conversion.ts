import type { ProductRow } from '@halflife/db';
import { supplyData } from './supply-models.js';

/**
 * Doses into activity of the nuclide (docs/supply-strategy.md, "Outlook"): a dose needs its
 * product's usual activity (the fixed dose, or the per-kg dose for a 70 kg adult within the
 * product's limits) at calibration, decayed back over synthesis, QC and a typical two-hour transit,
 * and divided by the radiochemical yield: nuclide at the start of synthesis. Kept simple on
 * purpose; a plan computes each dose exactly.
 */
export const REFERENCE_WEIGHT_KG = 70;
export const TYPICAL_TRANSIT_MINUTES = 120;

export interface DoseConversion {
  readonly productCode: string;
  readonly use: string;
  readonly doseGBq: number;
  readonly nuclideGBqPerDose: number;
  readonly basis: string;
}

export function doseConversion(p: ProductRow): DoseConversion {
  const perKg =
    p.dose_bq_per_kg === null
      ? undefined
      : Math.min(p.max_dose_bq, Math.max(p.min_dose_bq, p.dose_bq_per_kg * REFERENCE_WEIGHT_KG));
  const doseBq = p.dose_bq ?? perKg ?? p.min_dose_bq;
  const halfLifeMin = (supplyData().byName.get(p.nuclide)?.halfLife ?? Infinity) / 60;
  const minutes = p.synthesis_minutes + p.qc_minutes + TYPICAL_TRANSIT_MINUTES;
  const decay = 2 ** (minutes / halfLifeMin);
  const perDose = (doseBq * decay) / p.radiochemical_yield;
  const dose =
    p.dose_bq === null && perKg !== undefined
      ? `${(p.dose_bq_per_kg! / 1e6).toPrecision(3)} MBq/kg × ${REFERENCE_WEIGHT_KG} kg`
      : 'the usual dose';
  return {
    productCode: p.code,
    use: p.use,
    doseGBq: doseBq / 1e9,
    nuclideGBqPerDose: perDose / 1e9,
    basis: `${(doseBq / 1e6).toPrecision(4)} MBq (${dose}) × ${decay.toPrecision(4)} (decay over ${minutes} min: synthesis, QC, ${TYPICAL_TRANSIT_MINUTES} min transit) ÷ yield ${p.radiochemical_yield}`,
  };
}
