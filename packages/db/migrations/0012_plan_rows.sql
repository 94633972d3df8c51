-- A committed plan's batches, shipments and doses as rows (the plan's JSON in plans.plan stays the
-- planner's output, kept whole). Written once, by the commit, in its transaction; later operations
-- (batch records, QC, release, dispatch) attach to these rows by their uuid.
--
-- Rows are never moved between plans: when a re-plan supersedes a plan, the superseded plan's rows
-- stay as its history, and "the rows in force" are those of the date's plan whose status is
-- 'committed' (plans.status is the one place that says so; the rows carry no copy of it).
-- `carried_from` links a row to the same batch or shipment in the plan it superseded (same key,
-- line or lane and times), so what is attached to a batch already running can be followed.
-- `version` counts changes to a row (optimistic locking for the operations to come).
-- Plans committed before this migration have no rows.

CREATE TABLE plan_batches (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id            uuid NOT NULL REFERENCES plans(id),
  -- the batch's id in the plan's JSON ("B3"); a re-plan keeps the keys of fixed batches
  batch_key          text NOT NULL,
  site_id            uuid NOT NULL REFERENCES sites(id),
  -- the production line: an equipment row of the site
  equipment_id       uuid NOT NULL REFERENCES equipment(id),
  product_code       text NOT NULL REFERENCES products(code),
  start_at           timestamptz NOT NULL,
  eos_at             timestamptz NOT NULL CHECK (eos_at >= start_at),
  release_at         timestamptz NOT NULL CHECK (release_at >= eos_at),
  start_activity_bq  double precision NOT NULL CHECK (start_activity_bq >= 0),
  eos_activity_bq    double precision NOT NULL CHECK (eos_activity_bq >= 0),
  -- the instance fixed it (already started when the plan was made)
  fixed              boolean NOT NULL,
  carried_from       uuid REFERENCES plan_batches(id),
  version            integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, batch_key),
  UNIQUE (id, plan_id)
);

CREATE TABLE plan_shipments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans(id),
  shipment_key   text NOT NULL,
  lane_id        uuid NOT NULL REFERENCES lanes(id),
  depart_at      timestamptz NOT NULL,
  arrive_at      timestamptz NOT NULL CHECK (arrive_at >= depart_at),
  carried_from   uuid REFERENCES plan_shipments(id),
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, shipment_key),
  UNIQUE (id, plan_id)
);

CREATE TABLE plan_doses (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id                  uuid NOT NULL REFERENCES plans(id),
  order_id                 uuid NOT NULL REFERENCES orders(id),
  batch_id                 uuid NOT NULL,
  shipment_id              uuid NOT NULL,
  -- activity drawn from the batch at EOS, and the same dose decayed to the order's calibration
  eos_activity_bq          double precision NOT NULL CHECK (eos_activity_bq >= 0),
  calibration_activity_bq  double precision NOT NULL CHECK (calibration_activity_bq >= 0),
  version                  integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, order_id),
  -- a dose's batch and shipment belong to its own plan
  FOREIGN KEY (batch_id, plan_id) REFERENCES plan_batches (id, plan_id),
  FOREIGN KEY (shipment_id, plan_id) REFERENCES plan_shipments (id, plan_id)
);
-- GET /api/orders: an order's dose in the committed plan
CREATE INDEX plan_doses_order ON plan_doses (order_id);
CREATE INDEX plan_doses_batch ON plan_doses (batch_id);
CREATE INDEX plan_doses_shipment ON plan_doses (shipment_id);
