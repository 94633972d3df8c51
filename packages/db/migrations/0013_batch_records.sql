-- Manufacturing under GMP (issue 13): electronic batch records opened from a committed plan's
-- batches, the starting materials they draw from the supply records, deviations, QC results,
-- the qualified person's e-signatures, dispensed doses and quality alerts to hospitals.
--
-- A record is append-only: a correction adds a row that supersedes the old one, with a reason
-- (EU GMP Annex 11 §9); nothing is updated in place except the record's status and revision.
-- `rev` is the record's revision at which a row was added: a signature covers the rows current at
-- its revision, hashed (content_hash); a later correction of a covered row breaks it.

-- QC analysts: a role of their own (the QC unit is independent of production).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'planner', 'radiopharmacist',
  'qualified_person', 'qc_analyst', 'hospital_orderer', 'hospital_staff', 'courier', 'analyst'));

-- Part 11 §11.200(a)(1)(i): the first signing of a session uses both ID and password, later ones
-- the password only. Set when the session's user first signs.
ALTER TABLE sessions ADD COLUMN signer_verified_at timestamptz;

CREATE SEQUENCE batch_number_seq;

CREATE TABLE batch_records (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the batch's row in the plan in force; a re-plan that carries the batch moves it to the new row
  plan_batch_id       uuid NOT NULL UNIQUE REFERENCES plan_batches(id),
  batch_number        text NOT NULL UNIQUE,
  site_id             uuid NOT NULL REFERENCES sites(id),
  product_code        text NOT NULL REFERENCES products(code),
  -- the master recipe and specification in force when the record opened, copied whole
  recipe              jsonb NOT NULL,
  specification       jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-production',
                        'awaiting-release', 'conditionally-released', 'released', 'rejected')),
  -- a re-plan dropped the batch before anything was signed
  voided_reason       text,
  rev                 integer NOT NULL DEFAULT 0 CHECK (rev >= 0),
  opened_at           timestamptz NOT NULL
);
CREATE INDEX batch_records_site ON batch_records (site_id, status);

CREATE TABLE batch_steps (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id   uuid NOT NULL REFERENCES batch_records(id),
  step        text NOT NULL,
  values      jsonb NOT NULL,
  signed_by   uuid NOT NULL REFERENCES users(id),
  signed_at   timestamptz NOT NULL,
  rev         integer NOT NULL,
  supersedes  uuid UNIQUE REFERENCES batch_steps(id),
  reason      text,
  CHECK (supersedes IS NULL OR reason IS NOT NULL)
);
CREATE INDEX batch_steps_record ON batch_steps (record_id, rev);

CREATE TABLE material_draws (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id         uuid NOT NULL REFERENCES batch_records(id),
  step_id           uuid NOT NULL REFERENCES batch_steps(id),
  kind              text NOT NULL CHECK (kind IN ('generator-elution', 'cyclotron-run', 'bulk-lot', 'kit-lot')),
  -- an eluate goes into one batch; runs and lots may feed several
  elution_id        uuid UNIQUE REFERENCES elutions(id),
  cyclotron_run_id  uuid REFERENCES cyclotron_runs(id),
  lot_id            uuid REFERENCES isotope_lots(id),
  kit_lot           text,
  activity_bq       double precision CHECK (activity_bq IS NULL OR activity_bq > 0),
  drawn_at          timestamptz NOT NULL,
  rev               integer NOT NULL,
  CHECK (num_nonnulls(elution_id, cyclotron_run_id, lot_id, kit_lot) = 1)
);
CREATE INDEX material_draws_record ON material_draws (record_id);
CREATE INDEX material_draws_lot ON material_draws (lot_id) WHERE lot_id IS NOT NULL;
CREATE INDEX material_draws_run ON material_draws (cyclotron_run_id) WHERE cyclotron_run_id IS NOT NULL;

CREATE TABLE batch_deviations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id       uuid NOT NULL REFERENCES batch_records(id),
  step            text,
  description     text NOT NULL,
  classification  text NOT NULL CHECK (classification IN ('minor', 'major', 'critical')),
  recorded_by     uuid NOT NULL REFERENCES users(id),
  recorded_at     timestamptz NOT NULL,
  rev             integer NOT NULL
);
CREATE INDEX batch_deviations_record ON batch_deviations (record_id);

CREATE TABLE qc_results (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id    uuid NOT NULL REFERENCES batch_records(id),
  test         text NOT NULL,
  value        double precision,
  passed       boolean,
  note         text,
  source       text NOT NULL CHECK (source IN ('entered', 'instrument-csv')),
  entered_by   uuid NOT NULL REFERENCES users(id),
  entered_at   timestamptz NOT NULL,
  rev          integer NOT NULL,
  supersedes   uuid UNIQUE REFERENCES qc_results(id),
  reason       text,
  CHECK (num_nonnulls(value, passed) = 1),
  CHECK (supersedes IS NULL OR reason IS NOT NULL)
);
CREATE INDEX qc_results_record ON qc_results (record_id, test);

CREATE TABLE batch_signatures (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id     uuid NOT NULL REFERENCES batch_records(id),
  meaning       text NOT NULL CHECK (meaning IN ('conditional-release', 'final-release', 'rejection')),
  signer_id     uuid NOT NULL REFERENCES users(id),
  -- Part 11 §11.50: printed name, time and meaning, kept with the signature
  printed_name  text NOT NULL,
  signed_at     timestamptz NOT NULL,
  rev           integer NOT NULL,
  content_hash  text NOT NULL,
  reason        text
);
CREATE INDEX batch_signatures_record ON batch_signatures (record_id);

CREATE TABLE dispensed_doses (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id        uuid NOT NULL REFERENCES batch_records(id),
  order_id         uuid NOT NULL UNIQUE REFERENCES orders(id),
  measured_bq      double precision NOT NULL CHECK (measured_bq > 0),
  measured_at      timestamptz NOT NULL,
  volume_ml        double precision NOT NULL CHECK (volume_ml > 0),
  container        text NOT NULL CHECK (container IN ('vial', 'syringe')),
  calibration_bq   double precision NOT NULL CHECK (calibration_bq > 0),
  deviation        double precision NOT NULL,
  expires_at       timestamptz NOT NULL,
  dispensed_by     uuid NOT NULL REFERENCES users(id),
  dispensed_at     timestamptz NOT NULL
);
CREATE INDEX dispensed_doses_record ON dispensed_doses (record_id);

CREATE TABLE quality_alerts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id    uuid NOT NULL REFERENCES batch_records(id),
  hospital_id  uuid NOT NULL REFERENCES hospitals(id),
  kind         text NOT NULL CHECK (kind IN ('post-release-failure', 'batch-rejected')),
  message      text NOT NULL,
  -- the hospital's orders (and dose ids where dispensed) of that batch
  doses        jsonb NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX quality_alerts_hospital ON quality_alerts (hospital_id, created_at);
