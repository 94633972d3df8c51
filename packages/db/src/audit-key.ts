/**
 * The product's audit key: an Ed25519 key pair kept in a file outside the database. Rows of the
 * audit trail are sealed with it and checkpoints are signed with it; anyone holding the public
 * key (the QP's export) can check both, and nobody with only database access can forge them.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditSigner {
  /** First 16 hex digits of the public key's sha256. */
  readonly keyId: string;
  /** The public key (PEM), for exports. */
  readonly publicKeyPem: string;
  sign(text: string): string;
}

export interface AuditVerifier {
  readonly keyId: string;
  verify(text: string, signature: string): boolean;
}

const keyIdOf = (publicKeyPem: string): string =>
  createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);

export function signerFrom(privateKey: KeyObject): AuditSigner {
  const publicKeyPem = createPublicKey(privateKey)
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (text) => sign(null, Buffer.from(text), privateKey).toString('base64'),
  };
}

export function verifierFrom(publicKeyPem: string): AuditVerifier {
  const key = createPublicKey(publicKeyPem);
  return {
    keyId: keyIdOf(publicKeyPem),
    verify: (text, signature) => {
      try {
        return verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** A new key pair (tests; `loadOrCreateAuditKey` for files). */
export function newAuditSigner(): AuditSigner {
  return signerFrom(generateKeyPairSync('ed25519').privateKey);
}

/**
 * The key in `file` (PKCS#8 PEM), made on first use with mode 0600; its public half is written
 * beside it as `file.pub` for the QP.
 */
export function loadOrCreateAuditKey(file: string): AuditSigner {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const signer = signerFrom(createPrivateKey(readFileSync(file)));
  writeFileSync(`${file}.pub`, signer.publicKeyPem);
  return signer;
}

/** Where the key lives unless HALFLIFE_AUDIT_KEY_FILE says otherwise: beside the data, not in it. */
export const DEFAULT_AUDIT_KEY_FILE = '.halflife/audit.key';

let current: AuditSigner | undefined;

/** Sets the key that seals new audit rows in this process (the server's and CLI's start-up). */
export function useAuditSigner(signer: AuditSigner | undefined): void {
  current = signer;
}

export function auditSigner(): AuditSigner | undefined {
  return current;
}
