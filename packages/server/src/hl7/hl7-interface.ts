import { randomUUID } from 'node:crypto';
import type { Database } from '@halflife/db';
import type { Kysely } from 'kysely';
import { HL7_DELIVERY_DEFAULTS, hl7Delivery } from '../services/hl7-delivery.js';
import { receiveHl7 } from '../services/hl7-intake-service.js';
import { startMllpListener, type MllpListener } from './mllp-listener.js';

/**
 * Starts the HL7 v2 interface of a server process from its settings: the outbox delivery (always;
 * polled every HALFLIFE_HL7_POLL_SECONDS, default 5) and, when HALFLIFE_MLLP_PORT is set, the MLLP
 * listener on it (HALFLIFE_MLLP_HOST, default 127.0.0.1).
 */
export async function startHl7Interface(
  deps: { readonly db: Kysely<Database>; readonly now: () => Date },
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ readonly listener: MllpListener | undefined; readonly stop: () => Promise<void> }> {
  const poll = numberSetting(env, 'HALFLIFE_HL7_POLL_SECONDS', 5, 0.1, 3600);
  const delivery = hl7Delivery(deps.db, { ...HL7_DELIVERY_DEFAULTS, now: deps.now });
  const stopPolling = delivery.poll(poll);
  const portText = env['HALFLIFE_MLLP_PORT'];
  let listener: MllpListener | undefined;
  if (portText !== undefined && portText !== '') {
    const port = numberSetting(env, 'HALFLIFE_MLLP_PORT', 0, 0, 65535);
    listener = await startMllpListener({
      port,
      host: env['HALFLIFE_MLLP_HOST'],
      handle: async (frame) => Buffer.from(await receiveHl7(deps, frame, ackControlId()), 'utf8'),
      onError: (e) => console.error(`HL7 listener: ${e instanceof Error ? e.message : String(e)}`),
    });
    console.log(`HL7 v2 (MLLP) is listening on port ${listener.port}`);
  }
  return {
    listener,
    stop: async () => {
      stopPolling();
      await listener?.close();
    },
  };
}

/** MSH-10 of an acknowledgement: 20 characters, unique. */
export function ackControlId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase();
}

function numberSetting(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
