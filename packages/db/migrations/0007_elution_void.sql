-- A wrong elution record can be voided with a reason (the record and the reason stay in the audit
-- trail); voided elutions no longer count in a generator's history. Corrections update the row,
-- with the old and new values in the audit trail.
ALTER TABLE elutions ADD COLUMN voided boolean NOT NULL DEFAULT false;
