import type {
  CyclotronRunRow,
  ElutionRow,
  EquipmentOutageRow,
  GeneratorRow,
  Hours,
  IsotopeLotRow,
} from '@halflife/db';

/**
 * What the outlook's supply projection reads (plain data: it runs in the worker pool) and what it
 * gives: per supply item and week, the expected activity of the nuclide and its variance.
 */

export interface OutlookSite {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly openingHours: readonly Hours[];
}

export interface OutlookEquipment {
  readonly id: string;
  readonly siteId: string;
  readonly kind: string;
  readonly name: string;
  readonly capacity: Record<string, unknown>;
}

export interface SupplyRecords {
  readonly nuclide: string;
  /** The codes of the nuclide's products (which synthesis modules make it). */
  readonly productCodes: readonly string[];
  /** Mondays of the weeks projected. */
  readonly weeks: readonly string[];
  /** Epoch ms: lots received before it are in hand (no delivery risk). */
  readonly now: number;
  readonly sites: readonly OutlookSite[];
  readonly equipment: readonly OutlookEquipment[];
  readonly generators: readonly { generator: GeneratorRow; elutions: readonly ElutionRow[] }[];
  readonly lots: readonly IsotopeLotRow[];
  /** Recent cyclotron runs (measured ones replace the capacity's EOB activity). */
  readonly runs: readonly CyclotronRunRow[];
  readonly outages: readonly EquipmentOutageRow[];
}

export type SupplyItemKind = 'generator' | 'lot-contract' | 'lot' | 'cyclotron';

export interface SupplyItem {
  readonly siteId: string;
  readonly siteName: string;
  readonly kind: SupplyItemKind;
  readonly label: string;
  /** How its figure is made, and its uncertainty, in a sentence. */
  readonly basis: string;
  /** Expected activity per week, Bq (the weeks of SupplyRecords). */
  readonly meanBq: number[];
  /** Variance per week, Bq². */
  readonly varianceBq2: number[];
}

export interface SupplyProjection {
  readonly items: SupplyItem[];
  readonly notes: string[];
}

/**
 * The uncertainty assumptions (docs/supply-strategy.md, "Outlook"): a delivery that has not
 * arrived fails with this probability (all or nothing); a generator's weekly yield spreads by this
 * coefficient of variation (elution efficiency; the week's elutions share one column, so they move
 * together); a cyclotron run fails with this probability.
 */
export const LOT_DELIVERY_RISK = 0.05;
export const GENERATOR_YIELD_CV = 0.1;
export const CYCLOTRON_RUN_FAILURE = 0.03;
