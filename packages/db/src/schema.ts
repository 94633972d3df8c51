import type { OrderStatus, OrganisationKind, Role } from '@halflife/domain';
import type {
  DeviationClass,
  MasterRecipe,
  MaterialKind,
  QcSpecification,
  RecordStatus,
  SignatureMeaning,
} from '@halflife/ops';
import type { Plan, PlanningInstance } from '@halflife/planner';
import type { DesignResult, DesignScenario } from '@halflife/strategy';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** The tables as Kysely sees them; migrations/*.sql is the source of truth. */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sites: SiteTable;
  site_licences: LicenceTable & { site_id: string };
  equipment: EquipmentTable;
  products: ProductTable;
  site_products: { site_id: string; product_id: string };
  hospitals: HospitalTable;
  hospital_licences: LicenceTable & { hospital_id: string };
  delivery_points: DeliveryPointTable;
  lanes: LaneTable;
  orders: OrderTable;
  audit_log: AuditTable;
  audit_checkpoints: AuditCheckpointTable;
  plans: PlanTable;
  plan_batches: PlanBatchTable;
  plan_shipments: PlanShipmentTable;
  plan_doses: PlanDoseTable;
  equipment_outages: EquipmentOutageTable;
  generators: GeneratorTable;
  elutions: ElutionTable;
  cyclotron_runs: CyclotronRunTable;
  isotope_lots: IsotopeLotTable;
  batch_records: BatchRecordTable;
  batch_steps: BatchStepTable;
  material_draws: MaterialDrawTable;
  batch_deviations: BatchDeviationTable;
  qc_results: QcResultTable;
  batch_signatures: BatchSignatureTable;
  dispensed_doses: DispensedDoseTable;
  quality_alerts: QualityAlertTable;
  transport_packages: TransportPackageTable;
  package_doses: { package_id: string; dose_id: string };
  shipment_runs: ShipmentRunTable;
  shipment_events: ShipmentEventTable;
  dose_receipts: DoseReceiptTable;
  administrations: AdministrationTable;
  waste_containers: WasteContainerTable;
  waste_items: WasteItemTable;
  waste_surveys: WasteSurveyTable;
  studies: StudyTable;
  study_members: { study_id: string; user_id: string };
  patients: PatientTable;
  pet_scans: PetScanTable;
  therapy_plans: TherapyPlanTable;
  therapy_changes: TherapyChangeTable;
  therapy_cycles: TherapyCycleTable;
  patient_visits: PatientVisitTable;
  demand_history: DemandHistoryTable;
  design_scenarios: DesignScenarioTable;
  fhir_requests: FhirRequestTable;
  login_attempts: { email: string; at: Timestamp; succeeded: boolean; client: Generated<string> };
  schema_migrations: { id: string; applied_at: Timestamp };
  network_revision: { id: boolean; n: string | number };
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable jsonb column: parsed on select, JSON text (or null) on insert and update. */
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Id = Generated<string>;

export type { OrderStatus, OrganisationKind, Role } from '@halflife/domain';
export type AmountKind = 'fixed' | 'per_kg' | 'doses';

/** Opening or receiving hours in local time: ISO weekdays 1 (Mon) … 7 (Sun). */
export interface Hours {
  readonly days: readonly number[];
  readonly open: string;
  readonly close: string;
}

export interface OrganisationTable {
  id: Id;
  kind: OrganisationKind;
  name: string;
  demo: Generated<boolean>;
  created_at: Generated<Date>;
}

/** The languages of the product's screens. */
export type UserLocale = 'zh-CN' | 'en';

export interface UserTable {
  id: Id;
  organisation_id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  /** The screens' language the user chose (migration 0020); null follows the browser. */
  locale: ColumnType<UserLocale | null, UserLocale | null | undefined, UserLocale | null>;
  created_at: Generated<Date>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  /** When the session's user first gave ID and password to sign (Part 11 §11.200). */
  signer_verified_at: NullableTimestamp;
}

export interface ApiTokenTable {
  id: Id;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
}

/** The columns sites and hospitals share. */
interface PlaceColumns {
  id: Id;
  organisation_id: string;
  name: string;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
  time_zone: string;
}

export interface SiteTable extends PlaceColumns {
  opening_hours: JSONColumnType<Hours[]>;
}

export interface LicenceTable {
  id: Id;
  nuclide: string;
  max_activity_bq: number;
}

export interface EquipmentTable {
  id: Id;
  site_id: string;
  kind:
    'cyclotron' | 'generator' | 'hot_cell' | 'synthesis_module' | 'dispenser' | 'dose_calibrator';
  name: string;
  capacity: JSONColumnType<Record<string, unknown>>;
}

export interface ProductTable {
  id: Id;
  code: string;
  name: string;
  ligand: string;
  nuclide: string;
  target: string;
  use: 'diagnostic' | 'therapeutic';
  route: string;
  synthesis_minutes: number;
  qc_minutes: number;
  radiochemical_yield: number;
  max_batch_bq: number;
  shelf_life_minutes: number;
  tolerance_pct: number;
  cost_per_batch: number;
  cost_per_gbq: number;
  dose_bq: number | null;
  dose_bq_per_kg: number | null;
  /** The lowest and highest activity for one patient (an order outside them is refused). */
  min_dose_bq: number;
  max_dose_bq: number;
  source: string;
}

export interface HospitalTable extends PlaceColumns {
  receiving_hours: JSONColumnType<Hours[]>;
}

export interface DeliveryPointTable {
  id: Id;
  hospital_id: string;
  name: string;
  address: Generated<string>;
  latitude: number;
  longitude: number;
  instructions: Generated<string>;
}

export interface LaneTable {
  id: Id;
  site_id: string;
  hospital_id: string;
  mode: 'road' | 'air';
  duration_minutes: number;
  cost: number;
  departures: NullableJson<string[]>;
  estimated: Generated<boolean>;
  note: Generated<string>;
}

export interface OrderTable {
  id: Id;
  organisation_id: string;
  hospital_id: string;
  product_id: string;
  calibration_at: Timestamp;
  calibration_zone: string;
  amount_kind: AmountKind;
  activity_bq: number;
  per_kg_bq: number | null;
  patient_weight_kg: number | null;
  doses: number | null;
  tolerance_pct: number;
  patient_ref: string | null;
  notes: Generated<string>;
  status: OrderStatus;
  status_reason: string | null;
  idempotency_key: string | null;
  delivery_point_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type PlanStatus = 'running' | 'ready' | 'failed' | 'committed' | 'superseded';
export type PlanRequestMethod = 'auto' | 'milp' | 'decomposition' | 'greedy';

/** What the planner reports while it runs. */
export interface PlanProgressColumn {
  readonly phase?: string;
  readonly fraction?: number;
  readonly message?: string;
}

/**
 * One planning run of a local date. `instance` and `plan` hold the planner's JSON formats
 * (@halflife/planner's PlanningInstance and Plan), written only from values of those types.
 */
export interface PlanTable {
  id: Id;
  /** The local date planned, 'YYYY-MM-DD' (a date column, read as text). */
  plan_date: ColumnType<string, string, string>;
  status: PlanStatus;
  method: PlanRequestMethod;
  time_limit_seconds: number | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  based_on: ColumnType<string | null, string | null | undefined, string | null>;
  progress: JSONColumnType<PlanProgressColumn>;
  instance: JSONColumnType<PlanningInstance>;
  plan: NullableJson<Plan>;
  /** Order id → its version when the instance was built. */
  order_versions: JSONColumnType<Record<string, number>>;
  orders: number;
  served: number | null;
  batches: number | null;
  shipments: number | null;
  cost_total: number | null;
  gap: number | null;
  seconds: number | null;
  error: string | null;
  committed_by: ColumnType<string | null, string | null | undefined, string | null>;
  committed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The server process computing the plan while it runs (a durable job's lease). */
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  /** The lease ends then (the database's clock) unless its owner renews it. */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** How many times a process has claimed the plan. */
  attempts: Generated<number>;
  /** Local days in the horizon, from `plan_date` (migration 0019). */
  days: Generated<number>;
  /** Its committed rows are in force from here (its horizon's start)… */
  in_force_from: Timestamp;
  /** …until the next committed horizon starts; null: to the end of its own. */
  in_force_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A committed plan's batch (migration 0012): written by the commit, never moved to another plan. */
export interface PlanBatchTable {
  id: Id;
  plan_id: string;
  /** The batch's id in the plan's JSON. */
  batch_key: string;
  site_id: string;
  /** The production line (an equipment row). */
  equipment_id: string;
  product_code: string;
  start_at: Timestamp;
  eos_at: Timestamp;
  release_at: Timestamp;
  start_activity_bq: number;
  eos_activity_bq: number;
  fixed: boolean;
  /** The same batch's row in the plan this one superseded. */
  carried_from: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

/** A committed plan's shipment on a lane. */
export interface PlanShipmentTable {
  id: Id;
  plan_id: string;
  shipment_key: string;
  lane_id: string;
  depart_at: Timestamp;
  arrive_at: Timestamp;
  carried_from: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

/** A committed plan's dose for one order, from one of its batches, on one of its shipments. */
export interface PlanDoseTable {
  id: Id;
  plan_id: string;
  order_id: string;
  batch_id: string;
  shipment_id: string;
  eos_activity_bq: number;
  calibration_activity_bq: number;
  version: Generated<number>;
}

export interface EquipmentOutageTable {
  id: Id;
  equipment_id: string;
  from_at: Timestamp;
  to_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reason: string;
  plan_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
}

type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A generator at a site (issue 6); `type` is a GENERATOR_TYPES id of @halflife/nuclear. */
export interface GeneratorTable {
  id: Id;
  site_id: string;
  equipment_id: Optional<string>;
  type: string;
  parent_activity_bq: number;
  calibrated_at: Timestamp;
  initial_state: ColumnType<'equilibrium' | 'eluted', 'equilibrium' | 'eluted' | undefined>;
  label: string;
  serial: Generated<string>;
  /** The site's regular elution interval; null: the default rule. */
  elution_interval_minutes: Optional<number>;
  retired: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
}

/** One elution as it happened: the daughter measured in the eluate and the parent found in it. */
export interface ElutionTable {
  id: Id;
  generator_id: string;
  at: Timestamp;
  measured_activity_bq: Optional<number>;
  breakthrough_bq: Optional<number>;
  breakthrough_passed: Optional<boolean>;
  /** A voided record (entered in error) stays for the audit trail but is no longer history. */
  voided: Generated<boolean>;
  recorded_by: string;
  created_at: Timestamp;
}

/** A cyclotron run; `target` is a CYCLOTRON_TARGETS id, `end_at` the end of bombardment. */
export interface CyclotronRunTable {
  id: Id;
  site_id: string;
  equipment_id: Optional<string>;
  target: string;
  beam_current_ua: number;
  start_at: Timestamp;
  end_at: Timestamp;
  measured_activity_bq: Optional<number>;
  label: Generated<string>;
  recorded_by: string;
  created_at: Timestamp;
}

/** A bulk isotope lot; `profile` is a LOT_PROFILES kind. */
export interface IsotopeLotTable {
  id: Id;
  site_id: string;
  supplier: string;
  profile: string;
  nuclide: string;
  activity_bq: number;
  reference_at: Timestamp;
  volume_ml: Optional<number>;
  specific_activity_bq_per_g: Optional<number>;
  carrier: 'carrier-added' | 'no-carrier-added';
  /** Impurity ÷ main activity at the reference time, from the certificate ({}: the profile's). */
  impurities: ColumnType<Record<string, number>, string | undefined, string>;
  expires_at: NullableTimestamp;
  received_at: Timestamp;
  label: string;
  recorded_by: string;
  created_at: Timestamp;
}

export interface AuditTable {
  seq: ColumnType<string | number, number, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_org: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: NullableJson<Record<string, unknown>>;
  after: NullableJson<Record<string, unknown>>;
  reason: string | null;
  prev_hash: string;
  hash: string;
  /** The product key's Ed25519 signature of `hash` (base64), when a key was configured. */
  seal: Generated<string | null>;
}

export interface AuditCheckpointTable {
  id: Id;
  rows: ColumnType<string | number, number, never>;
  head_hash: string;
  at: Timestamp;
  key_id: string;
  signature: string;
}

/** A jsonb column always set: parsed on select, JSON text on insert and update. */
type Json<T> = ColumnType<T, string, string>;

/** An electronic batch record (migration 0013): opened by the commit of a plan. */
export interface BatchRecordTable {
  id: Id;
  /** The batch's row in the plan in force. */
  plan_batch_id: string;
  batch_number: string;
  site_id: string;
  product_code: string;
  /** The master recipe and QC specification in force at opening, copied whole (@halflife/ops). */
  recipe: Json<MasterRecipe>;
  specification: Json<QcSpecification>;
  status: Generated<RecordStatus>;
  voided_reason: ColumnType<string | null, string | null | undefined, string | null>;
  rev: Generated<number>;
  opened_at: Timestamp;
}

export interface BatchStepTable {
  id: Id;
  record_id: string;
  step: string;
  values: Json<Record<string, number | string>>;
  signed_by: string;
  signed_at: Timestamp;
  rev: number;
  supersedes: string | null;
  reason: string | null;
}

export interface MaterialDrawTable {
  id: Id;
  record_id: string;
  step_id: string;
  kind: MaterialKind;
  elution_id: string | null;
  cyclotron_run_id: string | null;
  lot_id: string | null;
  kit_lot: string | null;
  activity_bq: number | null;
  drawn_at: Timestamp;
  rev: number;
}

export interface BatchDeviationTable {
  id: Id;
  record_id: string;
  step: string | null;
  description: string;
  classification: DeviationClass;
  recorded_by: string;
  recorded_at: Timestamp;
  rev: number;
}

export interface QcResultTable {
  id: Id;
  record_id: string;
  test: string;
  value: number | null;
  passed: boolean | null;
  note: string | null;
  source: 'entered' | 'instrument-csv';
  entered_by: string;
  entered_at: Timestamp;
  rev: number;
  supersedes: string | null;
  reason: string | null;
}

export interface BatchSignatureTable {
  id: Id;
  record_id: string;
  meaning: SignatureMeaning;
  signer_id: string;
  printed_name: string;
  signed_at: Timestamp;
  rev: number;
  content_hash: string;
  reason: string | null;
}

export interface DispensedDoseTable {
  id: Id;
  record_id: string;
  order_id: string;
  measured_bq: number;
  measured_at: Timestamp;
  volume_ml: number;
  container: 'vial' | 'syringe';
  calibration_bq: number;
  deviation: number;
  expires_at: Timestamp;
  dispensed_by: string;
  dispensed_at: Timestamp;
}

export interface QualityAlertTable {
  id: Id;
  record_id: string;
  hospital_id: string;
  kind: 'post-release-failure' | 'batch-rejected' | 'shipment-delay';
  message: string;
  doses: Json<{ orderId: string; doseId: string | null; reference: string }[]>;
  created_at: Timestamp;
}

export interface TransportPackageTable {
  id: Id;
  shipment_id: string;
  code: string;
  packaging: string;
  lead_mm: number;
  surface_usv_h: number | null;
  one_metre_usv_h: number | null;
  packed_by: string;
  packed_at: Timestamp;
}

export type ShipmentRunStatus = 'loaded' | 'in-transit' | 'delivered';

export interface ShipmentRunTable {
  shipment_id: string;
  status: ShipmentRunStatus;
  vehicle: string;
  courier_id: string;
  transport_index_sum: number;
  expected_arrival_at: Timestamp;
  loaded_by: string;
  loaded_at: Timestamp;
  picked_up_at: Timestamp | null;
  courier_printed_name: string | null;
  delivered_at: Timestamp | null;
  version: Generated<number>;
}

export type ShipmentEventKind = 'packed' | 'loaded' | 'picked-up' | 'delayed' | 'delivered';

export interface ShipmentEventTable {
  id: Id;
  shipment_id: string;
  kind: ShipmentEventKind;
  at: Timestamp;
  by_user: string;
  detail: Json<Record<string, unknown>>;
}

export interface DoseReceiptTable {
  id: Id;
  dose_id: string;
  measured_bq: number;
  measured_at: Timestamp;
  expected_bq: number;
  deviation: number;
  status: 'accepted' | 'flagged' | 'refused';
  reason: string | null;
  received_by: string;
  received_at: Timestamp;
}

export interface AdministrationTable {
  id: Id;
  dose_id: string;
  patient_ref: string;
  prescribed_bq: number;
  before_bq: number;
  before_at: Timestamp;
  residue_bq: number;
  residue_at: Timestamp;
  administered_at: Timestamp;
  administered_bq: number;
  deviation: number;
  direction: string | null;
  possible_medical_event: boolean;
  findings: Json<string[]>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export type WasteRule = 'ten-half-lives' | 'clearance' | 'background';
export type WasteKind = 'residues' | 'vials' | 'syringes' | 'packages' | 'mixed';

export interface WasteContainerTable {
  id: Id;
  code: string;
  site_id: string | null;
  hospital_id: string | null;
  kind: WasteKind;
  rule: WasteRule;
  mass_g: number | null;
  status: 'open' | 'closed' | 'released';
  opened_by: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  release_after: Timestamp | null;
  released_at: Timestamp | null;
  version: Generated<number>;
}

export interface WasteItemTable {
  id: Id;
  container_id: string;
  description: string;
  dose_id: string | null;
  contents: Json<{ nuclide: string; activityBq: number }[]>;
  reference_at: Timestamp;
  added_by: string;
  added_at: Timestamp;
}

export interface WasteSurveyTable {
  id: Id;
  container_id: string;
  background_usv_h: number;
  reading_usv_h: number;
  instrument: string;
  surveyor: string;
  surveyed_at: Timestamp;
  recorded_by: string;
}

/** A local date column ('YYYY-MM-DD', read as text). */
type LocalDate = ColumnType<string, string, string>;

export interface StudyTable {
  id: Id;
  code: string;
  name: string;
  synthetic: Generated<boolean>;
  created_at: Generated<Date>;
}

/** A RECIST target lesion as stored: the same shape as @halflife/clinical's `Lesion`. */
export interface StoredLesion {
  id: string;
  organ: string;
  node: boolean;
  diameterMm: number;
}

export interface PatientTable {
  id: Id;
  hospital_id: string;
  organisation_id: string;
  reference: string;
  study_id: string | null;
  arm: string | null;
  disease_volume: 'high' | 'low' | null;
  presentation: 'de_novo' | 'recurrent' | null;
  prior_lu177: boolean | null;
  weight_kg: number;
  enrolled_on: LocalDate;
  baseline_psa: number | null;
  baseline_lesions: NullableJson<StoredLesion[]>;
  death_on: ColumnType<string | null, string | null, string | null>;
  last_contact_on: ColumnType<string | null, string | null, string | null>;
  synthetic: Generated<boolean>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface PetScanTable {
  id: Id;
  patient_id: string;
  tracer: string;
  target: string;
  order_id: string | null;
  scanned_on: LocalDate;
  criterion: string;
  positive: boolean;
  suv_max: number | null;
  notes: Generated<string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** How a plan's doses are chosen: @halflife/clinical's `DoseLevel`. */
export type StoredDoseLevel =
  { kind: 'standard' } | { kind: 'reduced' } | { kind: 'choice'; bq: number };

export interface TherapyPlanTable {
  id: Id;
  patient_id: string;
  regimen_code: string;
  first_on: LocalDate;
  dose_level: Json<StoredDoseLevel>;
  pet_scan_id: string | null;
  status: 'active' | 'stopped' | 'completed';
  created_by: string;
  created_at: Timestamp;
}

export interface TherapyChangeTable {
  id: Id;
  plan_id: string;
  kind: 'delay' | 'reduce' | 'stop';
  cycle: number;
  days: number | null;
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface TherapyCycleTable {
  plan_id: string;
  cycle: number;
  order_id: string | null;
  due_on: LocalDate;
  activity_bq: number;
  administered_on: ColumnType<string | null, string | null, string | null>;
}

export interface StoredAdverseEvent {
  term: string;
  grade: 1 | 2 | 3 | 4 | 5;
}

export interface PatientVisitTable {
  id: Id;
  patient_id: string;
  visit_on: LocalDate;
  psa: number | null;
  weight_kg: number | null;
  lesions: NullableJson<StoredLesion[]>;
  new_lesions: boolean | null;
  radiographic_progression: Generated<boolean>;
  adverse_events: Json<StoredAdverseEvent[]>;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** Weekly doses of one product at one site, imported or seeded (migration 0016). */
export interface DemandHistoryTable {
  week_start: LocalDate;
  product_code: string;
  site_id: string;
  doses: number;
  synthetic: boolean;
  source: string;
  imported_by: string | null;
  imported_at: Timestamp;
}

export type DesignRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** The solver's latest report on a design run: the plan found, its bound and gap. */
export interface DesignProgressColumn {
  readonly phase: 'queued' | 'solving' | 'done' | 'failed';
  readonly message: string;
  readonly incumbent?: number;
  readonly bound?: number;
  readonly gap?: number;
}

/** A saved network-design scenario and its durable solve (migration 0017). */
export interface DesignScenarioTable {
  id: Generated<string>;
  name: string;
  status: DesignRunStatus;
  scenario: JSONColumnType<DesignScenario>;
  hospitals: number;
  sites: number;
  progress: JSONColumnType<DesignProgressColumn>;
  result: NullableJson<DesignResult>;
  error: string | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  attempts: Generated<number>;
}

// HL7 v2 interface (migration 0022, issue 17). Declared apart so that its tables merge into
// `Database` without touching the interface above.
export interface Database {
  hl7_facilities: Hl7FacilityTable;
  hl7_orders: Hl7OrderTable;
  hl7_outbox: Hl7OutboxTable;
}

export interface Hl7FacilityTable {
  facility: string;
  hospital_id: string;
  account_id: string;
  endpoint_host: string | null;
  endpoint_port: number | null;
  updated_at: Timestamp;
}

export interface Hl7OrderTable {
  order_id: string;
  facility: string;
  placer_order: string;
  message_type: string;
  control_id: string;
  received_at: Timestamp;
}

export type Hl7OutboxEvent = 'dispense' | 'administration';
export type Hl7OutboxStatus = 'pending' | 'sending' | 'delivered' | 'dead';

export interface Hl7OutboxTable {
  id: Id;
  order_id: string;
  event: Hl7OutboxEvent;
  status: Hl7OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_owner: string | null;
  message: string | null;
  last_error: string | null;
  ack: string | null;
  created_at: Timestamp;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The FHIR MedicationRequest or ServiceRequest behind an order placed through /fhir (migration 0021). */
export interface FhirRequestTable {
  order_id: string;
  resource_type: 'MedicationRequest' | 'ServiceRequest';
  identifier_system: string;
  identifier_value: string;
  /** The resource as received and validated (JSON text on insert). */
  resource: JSONColumnType<Record<string, unknown>>;
  received_by: string;
  received_at: Timestamp;
}
