-- A plan covers a horizon of several local days from its date (issue 18): `days` of them. Plans
-- of later dates roll forward over the same days, so a committed plan's rows (batches by start,
-- shipments by departure) are in force only inside [in_force_from, in_force_until): from the
-- start of its horizon until the start of the next committed horizon (open-ended when none).
-- Rows before `in_force_from` are an earlier plan's batches and doses it carried as fixed, which
-- that plan's rows keep in force.
ALTER TABLE plans ADD COLUMN days integer NOT NULL DEFAULT 1 CHECK (days BETWEEN 1 AND 7);
ALTER TABLE plans ADD COLUMN in_force_from timestamptz;
ALTER TABLE plans ADD COLUMN in_force_until timestamptz;
UPDATE plans SET in_force_from = (instance -> 'horizon' ->> 'start')::timestamptz;
ALTER TABLE plans ALTER COLUMN in_force_from SET NOT NULL;
ALTER TABLE plans ADD CONSTRAINT plans_in_force CHECK (in_force_until IS NULL OR in_force_until >= in_force_from);
CREATE INDEX plans_committed_from ON plans (in_force_from) WHERE status = 'committed';
