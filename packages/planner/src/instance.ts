/**
 * The planning instance: everything the planner needs to plan one horizon (usually tomorrow) for a
 * network. Documented in docs/planning-instance.md; its JSON Schema is `planning-instance.schema.json`.
 *
 * Times are absolute instants (ISO 8601 with an offset or Z). Activities are Bq, durations minutes,
 * costs in the network's currency.
 */

export const INSTANCE_FORMAT = 'halflife-planning-instance/1';

export interface PlanningInstance {
  readonly format: typeof INSTANCE_FORMAT;
  readonly name: string;
  /** IANA zone in which planners read the day (reasons give clock times in it); else the horizon's offset. */
  readonly timeZone?: string;
  /** Batches may start and shipments may arrive only inside [start, end]. */
  readonly horizon: Interval;
  readonly products: readonly ProductSpec[];
  readonly sites: readonly SiteSpec[];
  readonly hospitals: readonly HospitalSpec[];
  readonly lanes: readonly LaneSpec[];
  readonly orders: readonly OrderSpec[];
  /** Batches that have started (or are committed) and must stay as they are: re-planning. */
  readonly fixedBatches?: readonly FixedBatch[];
  /** Re-planning: the moment of re-planning; no new batch starts and no new shipment leaves before it. */
  readonly replanFrom?: string;
  /** Re-planning: shipments that left by `replanFrom`; they and their doses stay exactly as they are. */
  readonly departedShipments?: readonly DepartedShipment[];
  /** Equipment out of service: no batch may run on the line during the outage. */
  readonly outages?: readonly Outage[];
  readonly settings?: PlannerSettings;
  /** Where the figures come from (free text); the generator names its sources here. */
  readonly sources?: readonly string[];
}

export interface Interval {
  readonly start: string;
  readonly end: string;
}

export interface ProductSpec {
  readonly id: string;
  readonly name: string;
  /** Canonical nuclide name of the dosed nuclide, e.g. 'Ga-68'. Decay uses the whole chain. */
  readonly nuclide: string;
  readonly synthesisMinutes: number;
  /** Quality control after the end of synthesis (EOS) before release for dispatch. */
  readonly qcMinutes: number;
  /** EOS activity ÷ starting activity, not decay-corrected (0–1]. */
  readonly radiochemicalYield: number;
  /** Largest activity one batch may hold at EOS. */
  readonly maxBatchBq: number;
  /** A dose must be administered (calibrated) within this time after EOS. */
  readonly shelfLifeMinutes: number;
  /** Default allowed deviation at calibration, %, when an order gives none. */
  readonly tolerancePct: number;
  readonly costPerBatch: number;
  /** Cost per GBq of starting activity (the isotope). */
  readonly costPerGbq: number;
  /**
   * Transport index contributed per GBq of each chain member in a shielded dose package
   * (maximum dose rate at 1 m in mSv/h × 100). Members not listed contribute nothing.
   */
  readonly transportIndexPerGbq: Readonly<Record<string, number>>;
}

export interface SiteSpec {
  readonly id: string;
  readonly name: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** Batches run, and are released, only inside these intervals. */
  readonly open: readonly Interval[];
  readonly lines: readonly LineSpec[];
  /**
   * Isotope available to the site, per nuclide. A nuclide with no supply entry is bought as
   * needed (no limit beyond the licence).
   */
  readonly supply: readonly SupplySpec[];
  /** Most activity of a nuclide the site may hold at once. No entry: the site may not hold it. */
  readonly licences: readonly LicenceSpec[];
}

export interface LineSpec {
  readonly id: string;
  readonly name: string;
  /** Products the line can make; it makes one batch at a time. */
  readonly products: readonly string[];
}

/**
 * Isotope that becomes available at given times and then decays: a bulk lot (one release at its
 * reference time), generator elutions or cyclotron runs (one release each). Activity not used
 * carries over, decaying.
 */
export interface SupplySpec {
  readonly nuclide: string;
  readonly kind: 'lot' | 'generator' | 'cyclotron';
  readonly label: string;
  readonly releases: readonly SupplyRelease[];
}

export interface SupplyRelease {
  readonly at: string;
  readonly activityBq: number;
}

export interface LicenceSpec {
  readonly nuclide: string;
  readonly maxActivityBq: number;
}

export interface HospitalSpec {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** Deliveries are received only inside these intervals. */
  readonly receiving: readonly Interval[];
  /**
   * Most activity of a nuclide the hospital may receive in one day of the horizon (24-hour periods
   * from its start). No entry: none.
   */
  readonly licences: readonly LicenceSpec[];
}

export interface LaneSpec {
  readonly id: string;
  readonly site: string;
  readonly hospital: string;
  readonly mode: 'road' | 'air';
  /** Door to door, site to hospital. */
  readonly durationMinutes: number;
  /** Cost of one vehicle (or one consignment) on the lane. */
  readonly cost: number;
  /** Scheduled departures; null when a vehicle leaves whenever it is loaded. */
  readonly departures: readonly string[] | null;
  /** Dose packages one vehicle carries. */
  readonly vehicleCapacity: number;
  /** Most summed transport index in one vehicle (a conveyance): 50 for non-exclusive use. */
  readonly maxTransportIndex: number;
}

export interface OrderSpec {
  readonly id: string;
  readonly hospital: string;
  readonly product: string;
  /** Activity wanted at the calibration time. */
  readonly activityBq: number;
  /** Allowed deviation at calibration, %; the product's when absent. */
  readonly tolerancePct?: number;
  readonly calibrationAt: string;
  /** The dose must arrive at least this long before calibration (preparation). */
  readonly prepMarginMinutes: number;
  /** The dose may not arrive before this instant (the hospital's receiving window applies too). */
  readonly earliestArrivalAt?: string;
  /** Weight of serving the order: 1 routine, larger more important (e.g. 10 urgent). */
  readonly priority: number;
}

export interface FixedBatch {
  readonly id: string;
  readonly site: string;
  readonly line: string;
  readonly product: string;
  readonly startAt: string;
  /** Activity at EOS. */
  readonly eosActivityBq: number;
}

/** A shipment on the road (or delivered) when re-planning: its doses can no longer change. */
export interface DepartedShipment {
  readonly id: string;
  readonly lane: string;
  readonly departAt: string;
  readonly arriveAt: string;
  readonly doses: readonly DepartedDose[];
}

export interface DepartedDose {
  readonly order: string;
  /** One of the instance's fixed batches. */
  readonly batch: string;
  /** Activity drawn from the batch, at EOS. */
  readonly eosActivityBq: number;
}

export interface Outage {
  readonly site: string;
  readonly line: string;
  readonly from: string;
  /** Open-ended when absent. */
  readonly to?: string;
  readonly reason: string;
}

export interface PlannerSettings {
  /** Spacing of candidate batch start times, minutes (default 30). */
  readonly batchStepMinutes?: number;
}
