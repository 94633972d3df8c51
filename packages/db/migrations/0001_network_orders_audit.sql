-- Halflife schema 1: organisations and accounts, the network model, orders, the audit trail.
-- Runs unchanged on PGlite (embedded) and on a PostgreSQL server.

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('producer', 'hospital', 'courier')),
  name        text NOT NULL UNIQUE,
  demo        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  email            text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('admin', 'planner', 'radiopharmacist', 'qualified_person',
                     'hospital_orderer', 'hospital_staff', 'courier', 'analyst')),
  password_hash    text NOT NULL,
  disabled         boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id),
  name        text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE sites (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  name             text NOT NULL,
  city             text NOT NULL,
  address          text NOT NULL,
  latitude         double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude        double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  time_zone        text NOT NULL,
  -- [{"days": [1,2,3,4,5], "open": "06:00", "close": "20:00"}], local time of the site
  opening_hours    jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE site_licences (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id          uuid NOT NULL REFERENCES sites(id),
  nuclide          text NOT NULL,
  max_activity_bq  double precision NOT NULL CHECK (max_activity_bq > 0),
  UNIQUE (site_id, nuclide)
);

CREATE TABLE equipment (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id   uuid NOT NULL REFERENCES sites(id),
  kind      text NOT NULL CHECK (kind IN ('cyclotron', 'generator', 'hot_cell', 'synthesis_module',
              'dispenser', 'dose_calibrator')),
  name      text NOT NULL,
  -- kind-specific details: beam current, generator parent and activity, products a module makes…
  capacity  jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE products (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                 text NOT NULL UNIQUE,
  name                 text NOT NULL,
  ligand               text NOT NULL,
  nuclide              text NOT NULL,
  target               text NOT NULL,
  use                  text NOT NULL CHECK (use IN ('diagnostic', 'therapeutic')),
  route                text NOT NULL,
  synthesis_minutes    double precision NOT NULL CHECK (synthesis_minutes >= 0),
  qc_minutes           double precision NOT NULL CHECK (qc_minutes >= 0),
  radiochemical_yield  double precision NOT NULL CHECK (radiochemical_yield > 0 AND radiochemical_yield <= 1),
  max_batch_bq         double precision NOT NULL CHECK (max_batch_bq > 0),
  shelf_life_minutes   double precision NOT NULL CHECK (shelf_life_minutes > 0),
  tolerance_pct        double precision NOT NULL CHECK (tolerance_pct >= 0),
  cost_per_batch       double precision NOT NULL CHECK (cost_per_batch >= 0),
  cost_per_gbq         double precision NOT NULL CHECK (cost_per_gbq >= 0),
  -- the usual patient dose: fixed activity or activity per kg (one of them)
  dose_bq              double precision,
  dose_bq_per_kg       double precision,
  source               text NOT NULL
);

CREATE TABLE site_products (
  site_id     uuid NOT NULL REFERENCES sites(id),
  product_id  uuid NOT NULL REFERENCES products(id),
  PRIMARY KEY (site_id, product_id)
);

CREATE TABLE hospitals (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL UNIQUE REFERENCES organisations(id),
  name             text NOT NULL,
  city             text NOT NULL,
  address          text NOT NULL,
  latitude         double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude        double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  time_zone        text NOT NULL,
  receiving_hours  jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE hospital_licences (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hospital_id      uuid NOT NULL REFERENCES hospitals(id),
  nuclide          text NOT NULL,
  max_activity_bq  double precision NOT NULL CHECK (max_activity_bq > 0),
  UNIQUE (hospital_id, nuclide)
);

CREATE TABLE lanes (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id           uuid NOT NULL REFERENCES sites(id),
  hospital_id       uuid NOT NULL REFERENCES hospitals(id),
  mode              text NOT NULL CHECK (mode IN ('road', 'air')),
  duration_minutes  double precision NOT NULL CHECK (duration_minutes > 0),
  cost              double precision NOT NULL CHECK (cost >= 0),
  -- local departure times "HH:MM" at the site, or NULL when the lane leaves on demand
  departures        jsonb,
  estimated         boolean NOT NULL DEFAULT false,
  note              text NOT NULL DEFAULT '',
  UNIQUE (site_id, hospital_id, mode)
);

CREATE TABLE orders (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id    uuid NOT NULL REFERENCES organisations(id),
  hospital_id        uuid NOT NULL REFERENCES hospitals(id),
  product_id         uuid NOT NULL REFERENCES products(id),
  calibration_at     timestamptz NOT NULL,
  calibration_zone   text NOT NULL,
  amount_kind        text NOT NULL CHECK (amount_kind IN ('fixed', 'per_kg', 'doses')),
  activity_bq        double precision NOT NULL CHECK (activity_bq > 0),
  per_kg_bq          double precision,
  patient_weight_kg  double precision,
  doses              integer,
  tolerance_pct      double precision NOT NULL CHECK (tolerance_pct >= 0),
  patient_ref        text,
  notes              text NOT NULL DEFAULT '',
  status             text NOT NULL CHECK (status IN ('submitted', 'accepted', 'planned', 'in_production',
                       'released', 'dispatched', 'delivered', 'administered', 'cancelled', 'rejected')),
  status_reason      text,
  idempotency_key    text,
  version            integer NOT NULL DEFAULT 1,
  created_by         uuid NOT NULL REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, idempotency_key)
);
CREATE INDEX orders_calibration ON orders (calibration_at);
CREATE INDEX orders_hospital ON orders (hospital_id, calibration_at);

-- The audit trail: append-only, hash-chained. hash = sha256(prev_hash || canonical JSON of the row).
CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_org    uuid,
  entity       text NOT NULL,
  entity_id    text NOT NULL,
  action       text NOT NULL,
  before       jsonb,
  after        jsonb,
  reason       text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Login attempts, for rate limiting that survives a restart.
CREATE TABLE login_attempts (
  email       text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  succeeded   boolean NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
