-- Isotope supply records (issue 6): generators and their elutions, cyclotron runs, bulk isotope lots.
-- The planner takes each site's supply from these rows. Types, targets and lot profiles name the
-- entries of @halflife/nuclear's GENERATOR_TYPES, CYCLOTRON_TARGETS and LOT_PROFILES; the API checks
-- them, so that a new entry there needs no migration.

CREATE TABLE generators (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id                   uuid NOT NULL REFERENCES sites(id),
  -- the equipment row it is, when the site's equipment list has it
  equipment_id              uuid REFERENCES equipment(id),
  type                      text NOT NULL,
  parent_activity_bq        double precision NOT NULL CHECK (parent_activity_bq > 0),
  calibrated_at             timestamptz NOT NULL,
  -- the column at calibration: grown in long ago, or just eluted completely
  initial_state             text NOT NULL DEFAULT 'equilibrium' CHECK (initial_state IN ('equilibrium', 'eluted')),
  label                     text NOT NULL,
  serial                    text NOT NULL DEFAULT '',
  -- the site's regular elution interval; NULL: the default rule (docs/platform.md, "Supply records")
  elution_interval_minutes  double precision CHECK (elution_interval_minutes IS NULL OR elution_interval_minutes > 0),
  retired                   boolean NOT NULL DEFAULT false,
  created_by                uuid NOT NULL REFERENCES users(id),
  created_at                timestamptz NOT NULL
);
CREATE INDEX generators_site ON generators (site_id);

CREATE TABLE elutions (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  generator_id          uuid NOT NULL REFERENCES generators(id),
  at                    timestamptz NOT NULL,
  -- daughter activity measured in the eluate at `at`, and the parent found in it (breakthrough)
  measured_activity_bq  double precision CHECK (measured_activity_bq IS NULL OR measured_activity_bq >= 0),
  breakthrough_bq       double precision CHECK (breakthrough_bq IS NULL OR breakthrough_bq >= 0),
  breakthrough_passed   boolean,
  recorded_by           uuid NOT NULL REFERENCES users(id),
  created_at            timestamptz NOT NULL
);
CREATE INDEX elutions_generator ON elutions (generator_id, at);

CREATE TABLE cyclotron_runs (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id               uuid NOT NULL REFERENCES sites(id),
  equipment_id          uuid REFERENCES equipment(id),
  target                text NOT NULL,
  beam_current_ua       double precision NOT NULL CHECK (beam_current_ua > 0),
  start_at              timestamptz NOT NULL,
  -- end of bombardment (EOB)
  end_at                timestamptz NOT NULL CHECK (end_at > start_at),
  measured_activity_bq  double precision CHECK (measured_activity_bq IS NULL OR measured_activity_bq >= 0),
  label                 text NOT NULL DEFAULT '',
  recorded_by           uuid NOT NULL REFERENCES users(id),
  created_at            timestamptz NOT NULL
);
CREATE INDEX cyclotron_runs_site ON cyclotron_runs (site_id, end_at);

CREATE TABLE isotope_lots (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id                     uuid NOT NULL REFERENCES sites(id),
  supplier                    text NOT NULL,
  -- a LOT_PROFILES kind ("Lu-177 carrier-added") and its main nuclide
  profile                     text NOT NULL,
  nuclide                     text NOT NULL,
  activity_bq                 double precision NOT NULL CHECK (activity_bq > 0),
  reference_at                timestamptz NOT NULL,
  volume_ml                   double precision CHECK (volume_ml IS NULL OR volume_ml > 0),
  specific_activity_bq_per_g  double precision CHECK (specific_activity_bq_per_g IS NULL OR specific_activity_bq_per_g > 0),
  carrier                     text NOT NULL CHECK (carrier IN ('carrier-added', 'no-carrier-added')),
  -- impurity activity ÷ main activity at the reference time, from the certificate; {} = the profile's
  impurities                  jsonb NOT NULL DEFAULT '{}',
  expires_at                  timestamptz,
  received_at                 timestamptz NOT NULL,
  label                       text NOT NULL,
  recorded_by                 uuid NOT NULL REFERENCES users(id),
  created_at                  timestamptz NOT NULL
);
CREATE INDEX isotope_lots_site ON isotope_lots (site_id, reference_at);
