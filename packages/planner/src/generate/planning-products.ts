/**
 * The products the generated instances use, from the demo products of @halflife/domain/demo (their
 * figures and sources are in demo-products.ts there) plus a transport index per GBq
 * (transport-index.ts), and how each is ordered and made. Pb-212 and Ac-225 are left out: facts.md
 * has no dose-rate constants for their chains (Bi-212, Tl-208, Fr-221, Bi-213 …).
 */
import { demoProduct } from '@halflife/domain/demo';
import type { ProductSpec } from '../instance.js';
import { productTransportIndex } from './transport-index.js';

/** Hospital capability a product needs. */
export type HospitalUse = 'pet' | 'spect' | 'therapy';
/** The kind of production line that makes a product. */
export type LineKind = 'f18' | 'ga68' | 'tc99m' | 'therapy';

export interface ProductPlan {
  readonly code: string;
  readonly use: HospitalUse;
  readonly line: LineKind;
  /** Share of a day's orders when every product is offered (normalised over those offered). */
  readonly share: number;
  /**
   * Longest lane worth using, minutes: orders come mostly from hospitals within it. F-18's 180 min
   * stretches facts.md's practical 100–120 min by road (Alagona et al. 1994); Ga-68 stops at 120.
   */
  readonly reachMinutes: number;
  /** Ships by scheduled air freight beyond road reach. */
  readonly byAir: boolean;
  /** Local calibration (injection) window, minutes after midnight. */
  readonly window: readonly [number, number];
  /** Preparation at the hospital before calibration, minutes. */
  readonly prepMarginMinutes: number;
  /** Share of orders asking for several patient doses in one package, and how many. */
  readonly multiDose: { readonly share: number; readonly min: number; readonly max: number };
  /** Doses one batch serves on average: sizes the lines (assumption). */
  readonly dosesPerBatch: number;
}

const h = (hours: number, minutes = 0): number => hours * 60 + minutes;
const single = { share: 0, min: 1, max: 1 };

/** Shares after demo-orders.ts of @halflife/domain/demo; the rest: assumption (demo). */
export const PRODUCT_PLANS: readonly ProductPlan[] = [
  {
    code: 'GA68-PSMA11',
    use: 'pet',
    line: 'ga68',
    share: 0.18,
    reachMinutes: 120,
    byAir: false,
    window: [h(8), h(16)],
    prepMarginMinutes: 30,
    multiDose: single,
    dosesPerBatch: 3,
  },
  {
    code: 'F18-FDG',
    use: 'pet',
    line: 'f18',
    share: 0.56,
    reachMinutes: 180,
    byAir: false,
    window: [h(8), h(17)],
    prepMarginMinutes: 30,
    multiDose: { share: 0.3, min: 2, max: 5 },
    dosesPerBatch: 15,
  },
  {
    code: 'F18-DCFPYL',
    use: 'pet',
    line: 'f18',
    share: 0.07,
    reachMinutes: 180,
    byAir: false,
    window: [h(8), h(16)],
    prepMarginMinutes: 30,
    multiDose: single,
    dosesPerBatch: 10,
  },
  {
    code: 'TC99M-MDP',
    use: 'spect',
    line: 'tc99m',
    share: 0.14,
    reachMinutes: 300,
    byAir: false,
    window: [h(8), h(16)],
    prepMarginMinutes: 30,
    multiDose: { share: 0.4, min: 2, max: 6 },
    dosesPerBatch: 12,
  },
  {
    code: 'LU177-PSMA617',
    use: 'therapy',
    line: 'therapy',
    share: 0.028,
    reachMinutes: 8 * 60,
    byAir: true,
    window: [h(10), h(16)],
    prepMarginMinutes: 60,
    multiDose: single,
    dosesPerBatch: 8,
  },
  {
    code: 'LU177-DOTATATE',
    use: 'therapy',
    line: 'therapy',
    share: 0.012,
    reachMinutes: 8 * 60,
    byAir: true,
    window: [h(10), h(15)],
    prepMarginMinutes: 60,
    multiDose: single,
    dosesPerBatch: 5,
  },
];

export function productPlan(code: string): ProductPlan {
  const plan = PRODUCT_PLANS.find((p) => p.code === code);
  if (plan === undefined) throw new Error(`productPlan: unknown product '${code}'`);
  return plan;
}

/** The instance's product for a demo product code, with its TI figure and the TI's source. */
export function planningProduct(code: string): { product: ProductSpec; tiSource: string } {
  const demo = demoProduct(code);
  const ti = productTransportIndex(code, demo.nuclide);
  return {
    product: {
      id: code,
      name: demo.name,
      nuclide: demo.nuclide,
      synthesisMinutes: demo.synthesisMinutes,
      qcMinutes: demo.qcMinutes,
      radiochemicalYield: demo.radiochemicalYield,
      maxBatchBq: demo.maxBatchBq,
      shelfLifeMinutes: demo.shelfLifeMinutes,
      tolerancePct: demo.tolerancePct,
      costPerBatch: demo.costPerBatch,
      costPerGbq: demo.costPerGbq,
      transportIndexPerGbq: ti.perGbq,
    },
    tiSource: ti.source,
  };
}
