import {
  claimHl7Outbound,
  finishHl7Outbound,
  hl7OutboundFacts,
  storeHl7Message,
  type Database,
  type Hl7Outcome,
  type Hl7OutboxRow,
} from '@halflife/db';
import type { Kysely } from 'kysely';
import { readAck } from '../hl7/acknowledgement.js';
import { administrationMessage, dispenseMessage } from '../hl7/dose-messages.js';
import { sendMllp } from '../hl7/mllp-send.js';
import { durableJobs, type DurableJobs } from './durable-jobs.js';

/**
 * Delivers the HL7 outbox (RDS^O13 on a dispense, RAS^O17 on an administration) to each hospital's
 * configured endpoint. Every server process runs it: a row is claimed with FOR UPDATE SKIP LOCKED
 * and a lease, so one process sends it; a failure is retried after a backoff counted on the
 * injected clock, and after `maxAttempts` the row is a dead letter an administrator can retry.
 * An AE or AR from the hospital is a dead letter at once: sending the same message again would be
 * refused again.
 */
export interface Hl7DeliverySettings {
  readonly now: () => Date;
  readonly maxAttempts: number;
  /** Wait before attempt n + 1 after n failed attempts. */
  readonly backoffMs: (attempts: number) => number;
  readonly timeoutMs: number;
  readonly leaseMs: number;
  /** The transport; tests and other processes use the real MLLP one. */
  readonly send?: typeof sendMllp;
}

export const HL7_DELIVERY_DEFAULTS = {
  maxAttempts: 8,
  /** 30 s, 1 min, 2 min … at most an hour. */
  backoffMs: (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000),
  timeoutMs: 30_000,
  leaseMs: 120_000,
} as const;

export function hl7Delivery(db: Kysely<Database>, settings: Hl7DeliverySettings): DurableJobs {
  return durableJobs<Hl7OutboxRow>({
    label: 'HL7 outbox',
    concurrency: 1,
    claim: (owner) =>
      claimHl7Outbound(db, {
        owner,
        now: settings.now(),
        leaseMs: settings.leaseMs,
        maxAttempts: settings.maxAttempts,
      }),
    compute: async (owner, row) => {
      try {
        const outcome = await attempt(db, settings, owner, row);
        await finishHl7Outbound(db, row.id, owner, outcome, settings.now());
      } catch (e) {
        // The database failed: the lease runs out and another attempt follows.
        console.error(`HL7 outbox ${row.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  });
}

async function attempt(
  db: Kysely<Database>,
  settings: Hl7DeliverySettings,
  owner: string,
  row: Hl7OutboxRow,
): Promise<Hl7Outcome> {
  const failed = (error: string): Hl7Outcome =>
    row.attempts >= settings.maxAttempts
      ? { kind: 'dead', error: `${error} (attempt ${row.attempts} of ${settings.maxAttempts})` }
      : {
          kind: 'retry',
          error,
          nextAttemptAt: new Date(settings.now().getTime() + settings.backoffMs(row.attempts)),
        };
  const facts = await hl7OutboundFacts(db, row.id);
  if (!facts) return { kind: 'dead', error: 'the dispensed dose of this order is not on record' };
  if (!facts.endpoint) {
    return failed(`facility "${facts.facility}" has no endpoint (host and port) to send to`);
  }
  const controlId = controlIdOf(row.id);
  let message = row.message;
  if (message === null) {
    const at = { now: settings.now(), controlId };
    message =
      row.event === 'dispense'
        ? dispenseMessage(facts, at)
        : (administrationMessage(facts, at) ?? null);
    if (message === null)
      return { kind: 'dead', error: 'the dose has no administration on record' };
    await storeHl7Message(db, row.id, owner, message);
  }
  let answer: string;
  try {
    answer = await (settings.send ?? sendMllp)(facts.endpoint, message, settings.timeoutMs);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
  const ack = readAck(answer);
  if (!ack) return failed('the answer is not an HL7 acknowledgement');
  if (ack.controlId !== controlId) {
    return failed(`the acknowledgement answers message ${ack.controlId}, not ${controlId}`);
  }
  if (ack.code === 'AA' || ack.code === 'CA') return { kind: 'delivered', ack: answer };
  return {
    kind: 'dead',
    error: `the hospital's system answered ${ack.code}: ${ack.text || 'no reason given'}`,
    ack: answer,
  };
}

/** MSH-10 of an outbox row's message: 20 characters (the v2.5 limit), the same on every attempt. */
export function controlIdOf(outboxId: string): string {
  return outboxId.replace(/-/g, '').slice(0, 20).toUpperCase();
}
