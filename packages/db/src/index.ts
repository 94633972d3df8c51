export {
  appendAudit,
  appendAuditEntries,
  auditHash,
  canonicalJson,
  GENESIS_HASH,
  verifyAudit,
} from './audit-trail.js';
export type { AuditEntry, AuditVerdict } from './audit-trail.js';
export * from './audit-key.js';
export * from './audit-checkpoint.js';
export * from './audit-rederive.js';
export { createDb, DEFAULT_DATA_DIR, type Db } from './create-db.js';
export { migrate, MIGRATIONS_DIR } from './migrate.js';
export type * from './schema.js';
export * from './accounts-repository.js';
export * from './orders-repository.js';
export * from './order-intake.js';
export * from './plans-repository.js';
export * from './plan-jobs-repository.js';
export * from './plan-commit.js';
export * from './plan-rows-repository.js';
export * from './batch-records-repository.js';
export * from './outages-repository.js';
export * from './network-repository.js';
export * from './network-creation-repository.js';
export * from './places-repository.js';
export * from './products-repository.js';
export * from './health-repository.js';
export * from './integrity-error.js';
export * from './calendar-repository.js';
export { isEmpty, seedDemo, type SeedOptions, type SeedSummary } from './seed-demo.js';
export { DEMO_LOGINS } from '@halflife/domain/demo';
export { testDatabaseUrl, testDb } from './test-database.js';
export * from './generators-repository.js';
export * from './supply-repository.js';
export * from './supply-rows.js';
export { embeddedHolder, holdEmbedded } from './embedded-lock.js';
export * from './distribution-repository.js';
export * from './distribution-lookups.js';
export * from './theranostics-repository.js';
export * from './demand-history-repository.js';
export { DEMO_HISTORY_SOURCE, DEMO_HISTORY_WEEKS } from './seed-demo-history.js';
export * from './design-repository.js';
export * from './fhir-repository.js';
export * from './hl7-repository.js';
