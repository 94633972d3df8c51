import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  checkAgainst,
  checkpointSigned,
  createDb,
  DEFAULT_AUDIT_KEY_FILE,
  DEMO_LOGINS,
  latestSignedCheckpoint,
  loadOrCreateAuditKey,
  migrate,
  REDERIVED,
  signerFrom,
  unauditedChanges,
  verifierFrom,
  verifyAudit,
  writeAuditCheckpoint,
  type AuditCheckpoint,
  type AuditVerifier,
  type Db,
} from '@halflife/db';
import { isLocalDate } from '@halflife/domain';
import { DEFAULT_DEMO_PASSWORD, seedDemoNetwork } from '@halflife/server';
import { CliError } from './cli-error.js';

type Write = (line: string) => void;

async function openDb(url: string | undefined): Promise<Db> {
  try {
    const db = await createDb(url);
    await migrate(db);
    return db;
  } catch (e) {
    throw new CliError(`cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The key to check seals and checkpoints with: a public key PEM, or the private key's file. */
function auditVerifierFrom(file: string | undefined): AuditVerifier | undefined {
  const path = file ?? process.env['HALFLIFE_AUDIT_KEY_FILE'] ?? DEFAULT_AUDIT_KEY_FILE;
  const candidates = [`${path}.pub`, path];
  const found = candidates.find((f) => existsSync(f));
  if (found === undefined) {
    if (file !== undefined) throw new CliError(`--key: no key at ${file}`, 2);
    return undefined;
  }
  const pem = readFileSync(found, 'utf8');
  try {
    return verifierFrom(
      pem.includes('PRIVATE KEY') ? signerFrom(createPrivateKey(pem)).publicKeyPem : pem,
    );
  } catch (e) {
    throw new CliError(
      `--key: ${found} is not an Ed25519 key (${e instanceof Error ? e.message : String(e)})`,
      2,
    );
  }
}

/** The last checkpoint of a file the QP kept (JSON, or JSON lines as `audit checkpoint` prints). */
function checkpointFrom(file: string): AuditCheckpoint {
  if (!existsSync(file)) throw new CliError(`--checkpoint: no file ${file}`, 2);
  const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as AuditCheckpoint;
  } catch {
    throw new CliError(`--checkpoint: ${file} does not end in a checkpoint (JSON)`, 2);
  }
}

/**
 * `halflife audit verify`: the hash chain, every row's seal, the trail against the latest signed
 * checkpoint (the QP's file, or the database's), and the audited tables re-derived from the trail.
 * Exit 1 when anything does not check.
 */
export async function auditVerify(
  url: string | undefined,
  out: Write,
  options: { key?: string | undefined; checkpoint?: string | undefined } = {},
): Promise<number> {
  const verifier = auditVerifierFrom(options.key);
  const kept = options.checkpoint === undefined ? undefined : checkpointFrom(options.checkpoint);
  const db = await openDb(url);
  try {
    const problems: string[] = [];
    const verdict = await verifyAudit(db.kysely, { verifier });
    if (!verdict.ok) problems.push(`row ${verdict.seq}: ${verdict.reason}`);
    let checkpoint: AuditCheckpoint | undefined;
    if (verifier) {
      if (kept && !checkpointSigned(kept, verifier)) {
        problems.push(`the checkpoint in ${options.checkpoint ?? ''} is not signed by the key`);
      } else {
        checkpoint = kept ?? (await latestSignedCheckpoint(db.kysely, verifier));
      }
      const lacking = checkpoint
        ? await checkAgainst(db.kysely, checkpoint, verdict.rows)
        : undefined;
      if (lacking) problems.push(lacking);
    }
    for (const u of await unauditedChanges(db.kysely)) {
      problems.push(`${u.entity} ${u.id} ${u.problem}`);
    }
    const anchored = !verifier
      ? 'no audit key found: seals and checkpoints not checked'
      : checkpoint
        ? `checked against the checkpoint of ${checkpoint.at} (${checkpoint.rows} rows, key ${checkpoint.keyId})`
        : 'no signed checkpoint yet';
    if (problems.length === 0) {
      out(
        `audit trail intact: ${verdict.rows} rows checked (${db.location}); ${anchored}; ${REDERIVED.join(', ')} rows match the trail`,
      );
      return 0;
    }
    out(`audit trail BROKEN (${db.location}; ${anchored}):`);
    for (const p of problems) out(`  ${p}`);
    return 1;
  } finally {
    await db.close();
  }
}

/** `halflife audit checkpoint`: signs the trail's head now; prints it for the QP to keep. */
export async function auditCheckpoint(
  url: string | undefined,
  out: Write,
  options: { key?: string | undefined; now: Date },
): Promise<number> {
  const file = options.key ?? process.env['HALFLIFE_AUDIT_KEY_FILE'] ?? DEFAULT_AUDIT_KEY_FILE;
  if (!existsSync(file))
    throw new CliError(`no audit key at ${file} (the server makes it on first start)`, 2);
  const signer = loadOrCreateAuditKey(file);
  const db = await openDb(url);
  try {
    out(JSON.stringify(await writeAuditCheckpoint(db.kysely, signer, options.now)));
    return 0;
  } finally {
    await db.close();
  }
}

/** `halflife seed --demo`: the demo network into an empty database; a non-empty one is never touched. */
export async function seedDemoCommand(
  url: string | undefined,
  out: Write,
  when: { now: Date; date?: string | undefined },
): Promise<number> {
  if (when.date !== undefined && !isLocalDate(when.date)) {
    throw new CliError(`--date must be a calendar date YYYY-MM-DD, got "${when.date}"`, 2);
  }
  const db = await openDb(url);
  try {
    const password = process.env['HALFLIFE_DEMO_PASSWORD'] ?? DEFAULT_DEMO_PASSWORD;
    const summary = await seedDemoNetwork(db, { now: when.now, password, date: when.date });
    if (!summary) {
      out(`the database (${db.location}) already holds data: nothing seeded`);
      return 0;
    }
    out(
      `seeded ${db.location}: ${summary.sites} sites, ${summary.hospitals} hospitals, ${summary.products} products, ${summary.lanes} lanes, ${summary.orders} orders`,
    );
    out(`demo orders on ${summary.why}`);
    out(`demo sign-ins (password "${password}"): ${DEMO_LOGINS.map((u) => u.email).join(', ')}`);
    return 0;
  } finally {
    await db.close();
  }
}
