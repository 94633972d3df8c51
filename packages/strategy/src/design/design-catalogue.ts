/**
 * The demo catalogue of a network design: technologies (src/data/technologies.json, each figure
 * with its source) and the demo products as design products. Dose, QC, shelf life, yield and the
 * isotope's price come from the demo products (@halflife/domain); the rest is marked below.
 */
import { DEMO_PRODUCTS, type DemoProduct } from '@halflife/domain/demo';
import data from '../data/technologies.json' with { type: 'json' };
import { z } from 'zod';
import type { DesignProduct, SupplyLimit, Technology } from './design-scenario.js';
import { technologySchema } from './design-schema.js';

export const DESIGN_TECHNOLOGIES: readonly Technology[] = z
  .array(technologySchema)
  .parse(data.technologies);

/** Ac-225 the demo network can buy each week (technologies.json, with its source). */
export const AC225_SUPPLY: SupplyLimit = {
  nuclide: 'Ac-225',
  technologies: ['central-plant'],
  maxGbqPerWeek: data.supply['Ac-225'].maxGbqPerWeek,
  source: data.supply['Ac-225'].source,
};

/** Per-kg doses are costed for this patient weight (assumption, demo). */
export const REFERENCE_WEIGHT_KG = 70;
/** Preparation before calibration: 30 min for a scan, 60 min for a therapy (assumption, demo). */
const PREP_MINUTES = { diagnostic: 30, therapy: 60 } as const;
/** Deliveries a week: daily for diagnostics, twice for therapy (assumption, demo). */
const DELIVERIES_PER_WEEK = { diagnostic: 5, therapy: 2 } as const;
/**
 * What leaving a dose unserved costs (CNY): the patient sent elsewhere or untreated. Set above the
 * cost of any dose, so the cost objective serves every dose it can reach (assumption, demo).
 */
const UNSERVED_PENALTY = { diagnostic: 10_000, therapy: 500_000 } as const;

/** What the design takes from a product record (a demo product or a database row). */
export type ProductRecord = Pick<
  DemoProduct,
  | 'code'
  | 'name'
  | 'nuclide'
  | 'use'
  | 'doseBq'
  | 'doseBqPerKg'
  | 'doseMinBq'
  | 'doseMaxBq'
  | 'qcMinutes'
  | 'shelfLifeMinutes'
  | 'radiochemicalYield'
  | 'costPerGbq'
>;

/** A product as the design model sees it. */
export function designProduct(p: ProductRecord): DesignProduct {
  const use = p.use === 'therapeutic' ? 'therapy' : 'diagnostic';
  const perKg = (p.doseBqPerKg ?? 0) * REFERENCE_WEIGHT_KG;
  const doseBq = p.doseBq ?? Math.min(Math.max(perKg, p.doseMinBq ?? perKg), p.doseMaxBq ?? perKg);
  return {
    id: p.code,
    name: p.name,
    nuclide: p.nuclide,
    use,
    doseBq,
    qcMinutes: p.qcMinutes,
    prepMarginMinutes: PREP_MINUTES[use],
    shelfLifeMinutes: p.shelfLifeMinutes,
    radiochemicalYield: p.radiochemicalYield,
    costPerGbq: p.costPerGbq,
    deliveriesPerWeek: DELIVERIES_PER_WEEK[use],
    unservedPenaltyPerDose: UNSERVED_PENALTY[use],
  };
}

export const DESIGN_PRODUCTS: readonly DesignProduct[] = DEMO_PRODUCTS.map(designProduct);

export const DESIGN_SOURCES: readonly string[] = [
  'Technologies: packages/strategy/src/data/technologies.json (each figure with its source or marked assumption (demo)).',
  'Products: the demo products (@halflife/domain demo-products.ts); per-kg doses at 70 kg; preparation, deliveries and unserved penalties: assumption (demo).',
  'Lanes: estimated from coordinates with the demo rules (road ≤ 8 h at 70 km/h × 1.3 detour; air from hubs beyond 600 km): assumption (demo).',
];
