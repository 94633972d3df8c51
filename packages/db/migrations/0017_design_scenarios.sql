-- Network-design scenarios (issue 16): a supply analyst saves a scenario (where units may go,
-- what hospitals need, the objective) and any server process solves it as a durable job, like a
-- plan (0011): a lease (owner and expiry on the database's clock) renewed while the solver runs;
-- only the lease's owner stores the result; `attempts` counts the claims, so a scenario that keeps
-- killing its solver is given up. The result (facilities, assignments, unserved demand with its
-- reasons, costs and the proven gap) is stored whole, so scenarios can be compared later.
CREATE TABLE design_scenarios (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status        text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  scenario      jsonb NOT NULL,
  hospitals     integer NOT NULL CHECK (hospitals >= 0),
  sites         integer NOT NULL CHECK (sites >= 0),
  progress      jsonb NOT NULL,
  result        jsonb,
  error         text,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  lease_owner   text,
  lease_until   timestamptz,
  attempts      integer NOT NULL DEFAULT 0
);
CREATE INDEX design_scenarios_waiting ON design_scenarios (created_at)
  WHERE status IN ('queued', 'running');
CREATE INDEX design_scenarios_recent ON design_scenarios (created_at DESC);
