import { auditValues } from './audit-values.js';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { auditSigner, type AuditVerifier } from './audit-key.js';
import type { Database } from './schema.js';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorOrg: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly reason: string | null;
}

/**
 * Appends an entry to the hash-chained audit trail. Call it inside the transaction that makes the
 * change, so the change and its record commit together. Appends are serialised by a transaction
 * lock, so the chain never forks.
 */
export function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  return appendAuditEntries(trx, [entry]);
}

/**
 * Appends entries in this order, as consecutive rows of the one chain, in the caller's
 * transaction. Takes the trail's transaction lock and reads the head in one round trip
 * (`audit_lock_head()`, migration 0018), then writes every row in one INSERT: a transaction that
 * records many changes (the order intake's group commit) holds the lock for that INSERT and its
 * commit, however many rows it appends. The entries' canonical JSON is made before the lock is
 * taken.
 */
export async function appendAuditEntries(
  trx: Kysely<Database>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const bodies = entries.map(auditBody);
  const signer = auditSigner();
  const { rows } = await sql<{
    seq: string | null;
    hash: string | null;
  }>`SELECT seq, hash FROM audit_lock_head()`.execute(trx);
  let seq = Number(rows[0]?.seq ?? 0);
  let prevHash = rows[0]?.hash ?? GENESIS_HASH;
  const values = entries.map((entry, k) => {
    seq++;
    const hash = chainHash(seq, prevHash, bodies[k] as string);
    const row = {
      seq,
      at: entry.at,
      actor_id: entry.actorId,
      actor_org: entry.actorOrg,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      reason: entry.reason,
      prev_hash: prevHash,
      hash,
      seal: signer?.sign(hash) ?? null,
    };
    prevHash = hash;
    return row;
  });
  await trx.insertInto('audit_log').values(values).execute();
}

/** How many rows the trail holds and the hash of its last (the genesis hash when empty). */
export async function auditHead(db: Kysely<Database>): Promise<{ rows: number; hash: string }> {
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { rows: Number(last.seq), hash: last.hash } : { rows: 0, hash: GENESIS_HASH };
}

/** sha256 over the sequence number, the previous hash and the entry in canonical JSON. */
export function auditHash(seq: number, prevHash: string, entry: AuditEntry): string {
  return chainHash(seq, prevHash, auditBody(entry));
}

/** The entry as the hash covers it: canonical JSON, independent of its place in the chain. */
function auditBody(entry: AuditEntry): string {
  return canonicalJson({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorOrg: entry.actorOrg,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
  });
}

function chainHash(seq: number, prevHash: string, body: string): string {
  return createHash('sha256').update(`${seq}\n${prevHash}\n${body}`).digest('hex');
}

/** JSON with object keys sorted at every level, so the database's key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type AuditVerdict =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly reason: string };

/**
 * Walks the chain in order and names the first row whose link or content does not check. With
 * the product's public key, every row's seal is checked too, and a row without one after a
 * sealed row (appended outside the product) is named.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  options: { verifier?: AuditVerifier | undefined; pageSize?: number } = {},
): Promise<AuditVerdict & { readonly headHash: string }> {
  const pageSize = options.pageSize ?? 5000;
  const verifier = options.verifier;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let sealed = false;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      const rows = expectedSeq - 1;
      if (seq !== expectedSeq) {
        return {
          ok: false,
          rows,
          seq: expectedSeq,
          headHash: prevHash,
          reason: `row ${expectedSeq} is missing`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          seq,
          headHash: prevHash,
          reason: `row ${seq} does not link to row ${seq - 1}`,
        };
      }
      const entry: AuditEntry = {
        at: row.at,
        actorId: row.actor_id,
        actorOrg: row.actor_org,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        before: row.before,
        after: row.after,
        reason: row.reason,
      };
      if (auditHash(seq, prevHash, entry) !== row.hash) {
        return {
          ok: false,
          rows,
          seq,
          headHash: prevHash,
          reason: `row ${seq} was changed after it was written`,
        };
      }
      if (verifier && row.seal !== null) {
        if (!verifier.verify(row.hash, row.seal)) {
          return {
            ok: false,
            rows,
            seq,
            headHash: prevHash,
            reason: `row ${seq} is not sealed by the product's key: forged, or the chain was re-hashed from here`,
          };
        }
        sealed = true;
      } else if (verifier && sealed) {
        return {
          ok: false,
          rows,
          seq,
          headHash: prevHash,
          reason: `row ${seq} has no seal though earlier rows do: written outside the product`,
        };
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) return { ok: true, rows: expectedSeq - 1, headHash: prevHash };
  }
}

/** Appends the audit row of a record just created by `actor`, in the caller's transaction. */
export function auditCreation(
  trx: Kysely<Database>,
  actor: { readonly userId: string; readonly organisationId: string; readonly at: Date },
  entity: string,
  row: { readonly id: string },
): Promise<void> {
  return appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity,
    entityId: row.id,
    action: 'create',
    before: null,
    after: auditValues(row),
    reason: null,
  });
}

/** Appends the audit row of a change by `actor` (row before and after, with the reason). */
export function auditChange(
  trx: Kysely<Database>,
  actor: { readonly userId: string; readonly organisationId: string; readonly at: Date },
  change: {
    readonly entity: string;
    readonly entityId: string;
    readonly action: string;
    readonly before: object;
    readonly after: object;
    readonly reason: string;
  },
): Promise<void> {
  return appendAudit(trx, {
    at: actor.at,
    actorId: actor.userId,
    actorOrg: actor.organisationId,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: auditValues(change.before),
    after: auditValues(change.after),
    reason: change.reason,
  });
}
