/**
 * The plan: batches, doses, shipments and the orders left unserved with their reasons. Documented
 * in docs/planning-instance.md. Times are ISO 8601 instants in UTC.
 */

export const PLAN_FORMAT = 'halflife-plan/1';

export interface Plan {
  readonly format: typeof PLAN_FORMAT;
  /** The instance's name. */
  readonly instance: string;
  readonly method: PlanMethod;
  readonly batches: readonly PlannedBatch[];
  readonly shipments: readonly PlannedShipment[];
  readonly doses: readonly PlannedDose[];
  readonly unserved: readonly UnservedOrder[];
  readonly summary: PlanSummary;
}

export type PlanMethod = 'milp' | 'decomposition' | 'greedy';

export interface PlannedBatch {
  readonly id: string;
  readonly site: string;
  readonly line: string;
  readonly product: string;
  readonly startAt: string;
  /** End of synthesis: start + synthesis time. */
  readonly eosAt: string;
  /** Released after QC: EOS + QC time; doses leave no earlier. */
  readonly releaseAt: string;
  /** Isotope drawn at the start. */
  readonly startActivityBq: number;
  /** Activity of the product at EOS: starting activity × radiochemical yield. */
  readonly eosActivityBq: number;
  /** True for a batch the instance fixed (already started or committed). */
  readonly fixed: boolean;
}

export interface PlannedShipment {
  readonly id: string;
  readonly lane: string;
  readonly departAt: string;
  readonly arriveAt: string;
}

export interface PlannedDose {
  readonly order: string;
  readonly batch: string;
  readonly shipment: string;
  /** Activity drawn from the batch, at EOS. */
  readonly eosActivityBq: number;
  /** The same dose decayed to the order's calibration time (what the patient's dose will be). */
  readonly calibrationActivityBq: number;
}

export interface UnservedOrder {
  readonly order: string;
  /** A sentence a planner understands. */
  readonly reason: string;
}

export interface PlanSummary {
  readonly orders: number;
  readonly served: number;
  /** Orders that no candidate batch and route can serve: unserved in every plan. */
  readonly unservable: number;
  /** Served ÷ orders, %. */
  readonly servedPct: number;
  /** Activity delivered at calibration ÷ activity at EOS over all batches. */
  readonly efficiency: number;
  readonly batches: number;
  readonly startActivityBq: number;
  readonly cost: PlanCost;
  /**
   * Objective: total cost + Σ unserved orders' priority × W. `lowerBound` bounds it from below
   * for the same instance. Orders no candidate batch and route can serve are unserved in every
   * plan; their penalty is `unservablePenalty`, and the gap leaves it out:
   * gap = (objective − lowerBound) ÷ (objective − unservablePenalty).
   */
  readonly objective: number;
  readonly lowerBound: number;
  readonly unservablePenalty: number;
  readonly gap: number;
  readonly seconds: number;
}

export interface PlanCost {
  readonly isotope: number;
  readonly batches: number;
  readonly transport: number;
  readonly total: number;
}
