/**
 * Checkpoints anchor the audit trail outside the database: the row count and head hash, signed
 * with the product's key. A trail shorter than a checkpoint lost rows; a trail whose row at the
 * checkpoint's count has another hash was changed and re-hashed.
 */
import type { Kysely } from 'kysely';
import type { AuditSigner, AuditVerifier } from './audit-key.js';
import { auditHead, canonicalJson } from './audit-trail.js';
import type { Database } from './schema.js';

export interface AuditCheckpoint {
  readonly rows: number;
  readonly headHash: string;
  readonly at: string;
  readonly keyId: string;
  readonly signature: string;
}

const signedText = (c: Omit<AuditCheckpoint, 'signature'>): string =>
  canonicalJson({ rows: c.rows, headHash: c.headHash, at: c.at, keyId: c.keyId });

/** Whether the checkpoint was signed by the verifier's key. */
export function checkpointSigned(c: AuditCheckpoint, verifier: AuditVerifier): boolean {
  return c.keyId === verifier.keyId && verifier.verify(signedText(c), c.signature);
}

/** Signs the trail's current head and keeps the checkpoint in the database too; returns it. */
export async function writeAuditCheckpoint(
  db: Kysely<Database>,
  signer: AuditSigner,
  at: Date,
): Promise<AuditCheckpoint> {
  const head = await auditHead(db);
  const unsigned = {
    rows: head.rows,
    headHash: head.hash,
    at: at.toISOString(),
    keyId: signer.keyId,
  };
  const checkpoint = { ...unsigned, signature: signer.sign(signedText(unsigned)) };
  await db
    .insertInto('audit_checkpoints')
    .values({
      rows: checkpoint.rows,
      head_hash: checkpoint.headHash,
      at,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .execute();
  return checkpoint;
}

/** The database's latest checkpoint that the key signed (forged ones are passed over). */
export async function latestSignedCheckpoint(
  db: Kysely<Database>,
  verifier: AuditVerifier,
): Promise<AuditCheckpoint | undefined> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('rows', 'desc')
    .orderBy('at', 'desc')
    .limit(50)
    .execute();
  return rows
    .map((r) => ({
      rows: Number(r.rows),
      headHash: r.head_hash,
      at: new Date(r.at).toISOString(),
      keyId: r.key_id,
      signature: r.signature,
    }))
    .find((c) => checkpointSigned(c, verifier));
}

/**
 * What the trail lacks against a checkpoint, in words; undefined when it holds the checkpointed
 * rows unchanged. `intactRows` is how many rows from the start the chain check passed.
 */
export async function checkAgainst(
  db: Kysely<Database>,
  checkpoint: AuditCheckpoint,
  intactRows: number,
): Promise<string | undefined> {
  if (checkpoint.rows === 0) return undefined;
  const row = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', checkpoint.rows)
    .executeTakeFirst();
  if (row === undefined) {
    const first = intactRows + 1;
    return `rows ${first}–${checkpoint.rows} are missing: the checkpoint of ${checkpoint.at} counted ${checkpoint.rows} rows, the trail holds ${intactRows} intact`;
  }
  if (row.hash !== checkpoint.headHash) {
    return `the trail up to row ${checkpoint.rows} is not the one checkpointed at ${checkpoint.at}: rows were changed and the chain re-hashed`;
  }
  return undefined;
}
