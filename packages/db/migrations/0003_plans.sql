-- Plans: one record per planning run of a local date (the planner's input and output kept whole),
-- and equipment outages reported for re-planning.

CREATE TABLE plans (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_date       date NOT NULL,
  status          text NOT NULL CHECK (status IN ('running', 'ready', 'failed', 'committed', 'superseded')),
  method          text NOT NULL CHECK (method IN ('auto', 'milp', 'decomposition', 'greedy')),
  time_limit_seconds double precision,
  created_by      uuid NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  -- the plan this one re-plans after a disruption
  based_on        uuid REFERENCES plans(id),
  -- {"phase": "solve", "fraction": 0.4, "message": "…"}
  progress        jsonb NOT NULL DEFAULT '{}',
  -- the planning instance (halflife-planning-instance/1) and the plan (halflife-plan/1)
  instance        jsonb NOT NULL,
  plan            jsonb,
  -- each order's version when the instance was built: committing refuses orders changed since
  order_versions  jsonb NOT NULL DEFAULT '{}',
  -- summary figures, for lists without the large JSON
  orders          integer NOT NULL,
  served          integer,
  batches         integer,
  shipments       integer,
  cost_total      double precision,
  gap             double precision,
  seconds         double precision,
  error           text,
  committed_by    uuid REFERENCES users(id),
  committed_at    timestamptz
);
CREATE INDEX plans_date ON plans (plan_date, created_at);
-- at most one committed plan per date
CREATE UNIQUE INDEX plans_one_committed ON plans (plan_date) WHERE status = 'committed';

-- A production line (an equipment row) out of service from `from_at` until `to_at` (open-ended when
-- null). Re-plans take them into account.
CREATE TABLE equipment_outages (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  equipment_id  uuid NOT NULL REFERENCES equipment(id),
  from_at       timestamptz NOT NULL,
  to_at         timestamptz CHECK (to_at IS NULL OR to_at > from_at),
  reason        text NOT NULL,
  plan_id       uuid REFERENCES plans(id),
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL
);
CREATE INDEX equipment_outages_equipment ON equipment_outages (equipment_id, from_at);
