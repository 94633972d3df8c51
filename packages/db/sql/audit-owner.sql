-- Run once by a database administrator (as a superuser) after the first migration, so that the
-- application's role can append to the audit trail but can neither change its rows nor switch
-- its triggers off (only a table's owner or a superuser may). Replace the password, then set
-- DATABASE_URL=postgres://halflife_app:…@host/db for the servers. Migrations run as the owner.
-- Tested on PostgreSQL by packages/db/src/audit-owner.test.ts.
CREATE ROLE halflife_owner NOLOGIN;
CREATE ROLE halflife_app LOGIN PASSWORD 'change-me';
ALTER TABLE audit_log OWNER TO halflife_owner;
ALTER TABLE audit_checkpoints OWNER TO halflife_owner;
ALTER FUNCTION audit_log_append_only() OWNER TO halflife_owner;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO halflife_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints FROM halflife_app;
