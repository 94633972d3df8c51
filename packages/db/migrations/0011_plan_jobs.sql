-- A running plan is a durable job: a server process claims it with a lease (owner and expiry, on
-- the database's clock), renews the lease while it computes, and only the lease's owner may store
-- the outcome. A process that dies stops renewing; another takes the plan over when the lease has
-- expired. `attempts` counts the claims, so a plan that keeps killing its planner is given up.
ALTER TABLE plans ADD COLUMN lease_owner text;
ALTER TABLE plans ADD COLUMN lease_until timestamptz;
ALTER TABLE plans ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX plans_running ON plans (created_at) WHERE status = 'running';
