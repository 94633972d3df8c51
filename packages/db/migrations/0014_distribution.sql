-- Distribution and use (issue 14): a shipment's packages and their doses, loading into a vehicle,
-- the courier's run with its tracking events, the hospital's receipt and administration of each
-- dose, and waste containers held for decay with their release survey.
--
-- A shipment is a row of the committed plan (plan_shipments): one vehicle on one lane, from a
-- site to a hospital. The commit of a re-plan moves what is attached to a carried shipment to its
-- new row (as it moves batch records), so packing, loading and tracking survive re-planning.

CREATE TABLE transport_packages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  shipment_id      uuid NOT NULL REFERENCES plan_shipments(id),
  -- the code on the package's label, scanned at loading, pick-up, delivery and receipt
  code             text NOT NULL UNIQUE,
  packaging        text NOT NULL,
  lead_mm          double precision NOT NULL CHECK (lead_mm >= 0 AND lead_mm <= 100),
  -- measured dose rates (µSv/h); null until measured (an estimate is shown meanwhile)
  surface_usv_h    double precision CHECK (surface_usv_h >= 0),
  one_metre_usv_h  double precision CHECK (one_metre_usv_h >= 0),
  packed_by        uuid NOT NULL REFERENCES users(id),
  packed_at        timestamptz NOT NULL
);
CREATE INDEX transport_packages_shipment ON transport_packages (shipment_id);

CREATE TABLE package_doses (
  package_id  uuid NOT NULL REFERENCES transport_packages(id),
  dose_id     uuid NOT NULL UNIQUE REFERENCES dispensed_doses(id),
  PRIMARY KEY (package_id, dose_id)
);

-- The vehicle run of a shipment, from loading on.
CREATE TABLE shipment_runs (
  shipment_id          uuid PRIMARY KEY REFERENCES plan_shipments(id),
  status               text NOT NULL CHECK (status IN ('loaded', 'in-transit', 'delivered')),
  vehicle              text NOT NULL,
  courier_id           uuid NOT NULL REFERENCES users(id),
  transport_index_sum  double precision NOT NULL CHECK (transport_index_sum >= 0),
  expected_arrival_at  timestamptz NOT NULL,
  loaded_by            uuid NOT NULL REFERENCES users(id),
  loaded_at            timestamptz NOT NULL,
  picked_up_at         timestamptz,
  -- the courier's signature at hand-over (Part 11 §11.50: printed name, time, meaning)
  courier_printed_name text,
  delivered_at         timestamptz,
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX shipment_runs_courier ON shipment_runs (courier_id, status);

CREATE TABLE shipment_events (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  shipment_id  uuid NOT NULL REFERENCES plan_shipments(id),
  kind         text NOT NULL CHECK (kind IN ('packed', 'loaded', 'picked-up', 'delayed', 'delivered')),
  at           timestamptz NOT NULL,
  by_user      uuid NOT NULL REFERENCES users(id),
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX shipment_events_shipment ON shipment_events (shipment_id, at);

CREATE TABLE dose_receipts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dose_id       uuid NOT NULL UNIQUE REFERENCES dispensed_doses(id),
  measured_bq   double precision NOT NULL CHECK (measured_bq > 0),
  measured_at   timestamptz NOT NULL,
  expected_bq   double precision NOT NULL CHECK (expected_bq > 0),
  deviation     double precision NOT NULL,
  status        text NOT NULL CHECK (status IN ('accepted', 'flagged', 'refused')),
  reason        text,
  received_by   uuid NOT NULL REFERENCES users(id),
  received_at   timestamptz NOT NULL,
  CHECK (status <> 'refused' OR reason IS NOT NULL)
);

CREATE TABLE administrations (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dose_id                 uuid NOT NULL UNIQUE REFERENCES dispensed_doses(id),
  patient_ref             text NOT NULL,
  prescribed_bq           double precision NOT NULL CHECK (prescribed_bq > 0),
  before_bq               double precision NOT NULL CHECK (before_bq > 0),
  before_at               timestamptz NOT NULL,
  residue_bq              double precision NOT NULL CHECK (residue_bq >= 0),
  residue_at              timestamptz NOT NULL,
  administered_at         timestamptz NOT NULL,
  administered_bq         double precision NOT NULL CHECK (administered_bq > 0),
  deviation               double precision NOT NULL,
  -- the authorised user's direction, when the dosage is beyond the label or 20% (10 CFR 35.63)
  direction               text,
  possible_medical_event  boolean NOT NULL,
  findings                jsonb NOT NULL,
  recorded_by             uuid NOT NULL REFERENCES users(id),
  recorded_at             timestamptz NOT NULL
);

CREATE TABLE waste_containers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL UNIQUE,
  site_id       uuid REFERENCES sites(id),
  hospital_id   uuid REFERENCES hospitals(id),
  kind          text NOT NULL CHECK (kind IN ('residues', 'vials', 'syringes', 'packages', 'mixed')),
  rule          text NOT NULL CHECK (rule IN ('ten-half-lives', 'clearance', 'background')),
  mass_g        double precision CHECK (mass_g > 0),
  status        text NOT NULL CHECK (status IN ('open', 'closed', 'released')),
  opened_by     uuid NOT NULL REFERENCES users(id),
  opened_at     timestamptz NOT NULL,
  closed_at     timestamptz,
  release_after timestamptz,
  released_at   timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(site_id, hospital_id) = 1)
);
CREATE INDEX waste_containers_place ON waste_containers (site_id, hospital_id, status);

CREATE TABLE waste_items (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  container_id  uuid NOT NULL REFERENCES waste_containers(id),
  description   text NOT NULL,
  dose_id       uuid REFERENCES dispensed_doses(id),
  -- [{nuclide, activityBq}] at reference_at, every chain member present
  contents      jsonb NOT NULL,
  reference_at  timestamptz NOT NULL,
  added_by      uuid NOT NULL REFERENCES users(id),
  added_at      timestamptz NOT NULL
);
CREATE INDEX waste_items_container ON waste_items (container_id);

-- 10 CFR 35.2092: date, instrument, background, surface reading, surveyor.
CREATE TABLE waste_surveys (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  container_id      uuid NOT NULL UNIQUE REFERENCES waste_containers(id),
  background_usv_h  double precision NOT NULL CHECK (background_usv_h >= 0),
  reading_usv_h     double precision NOT NULL CHECK (reading_usv_h >= 0),
  instrument        text NOT NULL,
  surveyor          text NOT NULL,
  surveyed_at       timestamptz NOT NULL,
  recorded_by       uuid NOT NULL REFERENCES users(id)
);

ALTER TABLE quality_alerts DROP CONSTRAINT quality_alerts_kind_check;
ALTER TABLE quality_alerts ADD CONSTRAINT quality_alerts_kind_check
  CHECK (kind IN ('post-release-failure', 'batch-rejected', 'shipment-delay'));
