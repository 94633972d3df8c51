-- Appending to the audit trail in one round trip less (issue 18): take the trail's lock and read
-- its head in one call. The lock is transaction-scoped (released at commit or rollback), as
-- before. The function is VOLATILE, so the head is read with a snapshot taken after the lock was
-- granted: it sees the row of the transaction that held the lock just before. The lock id is the
-- one audit-trail.ts used (7241001), so a process still on the old code and one on the new never
-- append at the same time.
CREATE FUNCTION audit_lock_head(OUT seq bigint, OUT hash text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7241001);
  SELECT a.seq, a.hash INTO seq, hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
END;
$$;
