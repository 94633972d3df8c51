/**
 * A network-design scenario (issue 16): where to put cyclotrons, generator labs, Pb-212 benchtops
 * and central plants so that hospitals get their doses before the isotope decays. Documented in
 * docs/network-design.md. Costs are per year in the network's currency; activities in GBq of
 * starting isotope; demand in doses per week.
 */
export const DESIGN_FORMAT = 'halflife-design-scenario/1';

export interface DesignScenario {
  readonly format: typeof DESIGN_FORMAT;
  readonly name: string;
  readonly description?: string;
  /**
   * `cost`: serve the demand at least cost, leaving a dose unserved only when serving it costs
   * more than its penalty. `coverage`: serve the most priority-weighted doses within a budget.
   */
  readonly objective: CostObjective | CoverageObjective;
  readonly technologies: readonly Technology[];
  readonly products: readonly DesignProduct[];
  readonly sites: readonly CandidateSite[];
  readonly hospitals: readonly DesignHospital[];
  /**
   * Lanes on record (door-to-door minutes and cost of one delivery). A site–hospital pair with a
   * recorded lane uses only its recorded lanes; other pairs are estimated from coordinates.
   */
  readonly lanes?: readonly RecordedLane[];
  /** Isotope the network can buy, per week, for the technologies named (e.g. scarce Ac-225). */
  readonly supplyLimits?: readonly SupplyLimit[];
  /** At most this many new units of a technology in the whole network (e.g. one new cyclotron). */
  readonly newUnitLimits?: readonly NewUnitLimit[];
  /** Existing units may be closed (saving their running cost); else they stay. */
  readonly mayCloseExisting?: boolean;
  readonly settings?: DesignSettings;
  /** Where the figures come from (free text). */
  readonly sources?: readonly string[];
}

export interface CostObjective {
  readonly kind: 'cost';
}

export interface CoverageObjective {
  readonly kind: 'coverage';
  /** Most the network may spend per year (fixed, running, isotope and transport). */
  readonly budgetPerYear: number;
}

export interface Technology {
  readonly id: string;
  readonly name: string;
  /** Product ids one unit makes. */
  readonly products: readonly string[];
  /** Starting isotope one unit can process per week, GBq, by nuclide. */
  readonly capacityGbqPerWeek: Readonly<Record<string, number>>;
  /** A new unit per year: annualised investment plus running cost. */
  readonly newUnitCostPerYear: number;
  /** An existing unit per year: running cost only. */
  readonly existingUnitCostPerYear: number;
  /** Most units of it at one site. */
  readonly maxUnitsPerSite: number;
  readonly source?: string;
}

export interface DesignProduct {
  readonly id: string;
  readonly name: string;
  /** Canonical nuclide name, e.g. 'Pb-212'; decay uses the engine's whole chain. */
  readonly nuclide: string;
  readonly use: 'therapy' | 'diagnostic';
  /** Activity of one dose at calibration, Bq. */
  readonly doseBq: number;
  readonly qcMinutes: number;
  /** The dose must arrive this long before calibration. */
  readonly prepMarginMinutes: number;
  /** Calibration no later than this after the end of synthesis. */
  readonly shelfLifeMinutes: number;
  /** Released activity ÷ starting activity. */
  readonly radiochemicalYield: number;
  readonly costPerGbq: number;
  /** Deliveries a served hospital receives per week (each pays the lane). */
  readonly deliveriesPerWeek: number;
  /** Cost of leaving one dose unserved (cost objective) or its weight (coverage objective). */
  readonly unservedPenaltyPerDose: number;
}

export interface CandidateSite {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Ships by air to hospitals more than 600 km away. */
  readonly airHub: boolean;
  /** The hospital this site is in: its doses need no transport. */
  readonly hospital?: string;
  /** Units already installed, by technology. */
  readonly existing?: Readonly<Record<string, number>>;
  /** Technologies that may be added here. */
  readonly allowed: readonly string[];
  /** Multiplies the unit costs here (land, staff, local prices); 1 when absent. */
  readonly costFactor?: number;
  /** Closed in this scenario: nothing is made here. */
  readonly closed?: boolean;
}

export interface DesignHospital {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Doses per week, by product id. */
  readonly demand: Readonly<Record<string, number>>;
}

export interface RecordedLane {
  readonly site: string;
  readonly hospital: string;
  readonly mode: 'road' | 'air';
  readonly minutes: number;
  readonly cost: number;
}

export interface SupplyLimit {
  readonly nuclide: string;
  /** Technologies whose use of the nuclide counts against the limit (all when absent). */
  readonly technologies?: readonly string[];
  readonly maxGbqPerWeek: number;
  readonly source?: string;
}

export interface NewUnitLimit {
  readonly technology: string;
  readonly max: number;
}

export interface DesignSettings {
  /** Stop once the proven gap is at most this (default 0.01). */
  readonly relativeGap?: number;
  /** Solver time limit, seconds (default 60). */
  readonly timeLimitSeconds?: number;
  /** Sites considered per hospital and product: the cheapest this many that reach it (default 10). */
  readonly optionsPerDemand?: number;
  /** The report counts doses reached within this many hours of transport (default 4). */
  readonly reachHours?: number;
}

/** Limits on a scenario's size, so that a hostile file cannot exhaust the machine. */
export const DESIGN_LIMITS = {
  technologies: 20,
  products: 50,
  sites: 2_000,
  hospitals: 5_000,
  supplyLimits: 50,
  lanes: 100_000,
  dosesPerWeek: 100_000,
  timeLimitSeconds: 600,
  optionsPerDemand: 50,
} as const;
