export { appendAudit, auditHash, canonicalJson, GENESIS_HASH, verifyAudit } from './audit-trail.js';
export type { AuditEntry, AuditVerdict } from './audit-trail.js';
export { createDb, DEFAULT_DATA_DIR, type Db } from './create-db.js';
export { migrate, MIGRATIONS_DIR } from './migrate.js';
export type * from './schema.js';
export * from './accounts-repository.js';
export * from './orders-repository.js';
export { isEmpty, seedDemo, type SeedOptions, type SeedSummary } from './seed-demo.js';
export { DEMO_LOGINS } from './seed/demo-logins.js';
