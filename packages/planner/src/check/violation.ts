/**
 * What the plan checker reports: one violation per broken rule instance, with a sentence a planner
 * understands. Rule numbers refer to "The rules a plan must keep" in docs/planning-instance.md.
 */

/** Every kind of violation the checker reports, with the rule of the document it belongs to. */
export const RULE_NUMBER = {
  /** The plan's format or instance name is wrong, or a time cannot be read. */
  format: 0,
  /** An id the plan uses is unknown (batch, shipment, order, lane, site, line, product) or repeated. */
  reference: 0,
  /** eosAt ≠ start + synthesis or releaseAt ≠ EOS + QC. */
  'batch-times': 1,
  /** [start, release] is not inside one open interval of the site, or not inside the horizon. */
  'batch-window': 1,
  /** The line does not belong to the site or does not make the product. */
  'batch-line': 1,
  /** Two batches on one line overlap in [start, EOS). */
  'batch-overlap': 1,
  /** A batch's [start, EOS) meets an outage of its line. */
  'batch-outage': 1,
  /** A fixed batch of the instance is missing or changed, or a batch is marked fixed wrongly. */
  'fixed-batch': 1,
  /** eosActivityBq ≠ startActivityBq × yield, or an activity is not a positive number. */
  'batch-activity': 2,
  /** eosActivityBq > maxBatchBq. */
  'batch-max': 2,
  /** The doses drawn from a batch exceed its EOS activity. */
  'batch-overdrawn': 2,
  /** The plan's calibrationActivityBq differs from the decay engine's value. */
  'dose-decay': 3,
  /** The activity at calibration is outside the order's tolerance. */
  'dose-tolerance': 4,
  /** The dose is of another product than the order, or has no positive activity. */
  'dose-product': 4,
  /** Calibration is later than EOS + shelf life, or before EOS. */
  'shelf-life': 4,
  /** The shipment's lane does not run from the batch's site to the order's hospital. */
  'shipment-lane': 5,
  /** The shipment departs before the release of a batch it carries. */
  'shipment-release': 5,
  /** On a lane with scheduled departures the shipment departs at none of them. */
  'shipment-schedule': 5,
  /** arriveAt ≠ departAt + duration. */
  'shipment-duration': 5,
  /** Arrival outside the hospital's receiving hours or the horizon. */
  'arrival-receiving': 5,
  /** Arrival before the order's earliestArrivalAt. */
  'arrival-early': 5,
  /** Arrival after calibration − preparation margin. */
  'arrival-late': 5,
  /** A shipment carries no dose. */
  'shipment-empty': 5,
  /** More doses than the vehicle's capacity. */
  'vehicle-capacity': 6,
  /** Summed transport index above the lane's maximum. */
  'vehicle-ti': 6,
  /** A site's supply of a nuclide runs negative at a batch start. */
  supply: 7,
  /** A site holds more of a nuclide in progress than its licence, or has no licence for it. */
  'site-licence': 8,
  /** A hospital receives more of a nuclide than its licence, or has no licence for it. */
  'hospital-licence': 9,
  /** An order has more than one dose, or is listed unserved more than once. */
  'order-duplicate': 10,
  /** An order is neither served nor listed as unserved. */
  'order-missing': 10,
  /** An order is both served and listed as unserved. */
  'order-both': 10,
  /** A summary figure differs from its recomputation. */
  summary: 11,
  /** Re-planning: a shipment that had left, or a batch that had started, is missing or changed. */
  'departed-shipment': 12,
  /** Re-planning: a batch starts, or a shipment leaves, before the moment of re-planning. */
  'replan-from': 12,
} as const satisfies Record<string, number>;

export type RuleCode = keyof typeof RULE_NUMBER;

export interface Violation {
  readonly rule: RuleCode;
  /** What is at fault, e.g. 'batch b12', 'order o-77', 'shipment s3'. */
  readonly subject: string;
  /** A sentence with the figures. */
  readonly message: string;
}

/** Collects violations; the checks push into one. */
export type Report = (rule: RuleCode, subject: string, message: string) => void;
