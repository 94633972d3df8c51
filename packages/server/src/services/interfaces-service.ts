import {
  findHl7Facility,
  findHospital,
  findUserByEmail,
  listHl7Facilities,
  listHl7Outbox,
  retryHl7Outbound,
  saveHl7Facility,
  type Database,
  type Hl7FacilityView,
  type Hl7OutboxRow,
  type Hl7OutboxStatus,
} from '@halflife/db';
import { permitted } from '@halflife/domain';
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import type {
  Hl7FacilitySaveSchema,
  Hl7FacilitySchema,
  Hl7OutboxEntrySchema,
} from '../interface-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/** The administrators' side of the HL7 interface: facility mappings and the outbox. */
export interface InterfacesDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type FacilityView = z.infer<typeof Hl7FacilitySchema>;
type OutboxEntry = z.infer<typeof Hl7OutboxEntrySchema>;

const actor = (deps: InterfacesDeps, caller: Caller) => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

export async function facilities(deps: InterfacesDeps): Promise<FacilityView[]> {
  return (await listHl7Facilities(deps.db)).map(facilityView);
}

/**
 * Maps a sending facility to a hospital, the hospital's ordering account its orders are placed
 * as, and the endpoint its system takes messages at.
 */
export async function saveFacility(
  deps: InterfacesDeps,
  caller: Caller,
  input: z.infer<typeof Hl7FacilitySaveSchema>,
): Promise<ServiceResult<FacilityView>> {
  const hospital = await findHospital(deps.db, { id: input.hospitalId });
  if (!hospital) return failure('invalid', 'hospitalId: no such hospital');
  const account = await findUserByEmail(deps.db, input.accountEmail);
  if (!account || account.organisationId !== hospital.organisationId) {
    return failure('invalid', "accountEmail: no account of this hospital's with that email");
  }
  if (account.disabled || permitted(account, 'orders.place') !== 'organisation') {
    return failure('invalid', 'accountEmail: this account cannot place its hospital’s orders');
  }
  await saveHl7Facility(deps.db, actor(deps, caller), {
    facility: input.facility,
    hospital_id: hospital.id,
    account_id: account.userId,
    endpoint_host: input.endpoint?.host ?? null,
    endpoint_port: input.endpoint?.port ?? null,
  });
  return success(facilityView((await findHl7Facility(deps.db, input.facility))!));
}

export async function outbox(
  deps: InterfacesDeps,
  query: { readonly status?: Hl7OutboxStatus | undefined; readonly limit: number },
): Promise<OutboxEntry[]> {
  return (await listHl7Outbox(deps.db, query)).map(outboxEntry);
}

/** Sends a dead letter again: due now, its attempts counted afresh. */
export async function retryDeadLetter(
  deps: InterfacesDeps,
  caller: Caller,
  id: string,
): Promise<ServiceResult<OutboxEntry>> {
  const result = await retryHl7Outbound(deps.db, actor(deps, caller), id);
  if (!result) return failure('not-found', `outbox entry ${id} not found`);
  if (!result.retried) {
    return failure('conflict', `outbox entry ${id} is ${result.row.status}, not a dead letter`);
  }
  const [entry] = await listHl7Outbox(deps.db, { id, limit: 1 });
  return success(outboxEntry(entry!));
}

function facilityView(f: Hl7FacilityView): FacilityView {
  return {
    facility: f.facility,
    hospitalId: f.hospital_id,
    hospitalName: f.hospital_name,
    accountEmail: f.account_email,
    endpoint:
      f.endpoint_host !== null && f.endpoint_port !== null
        ? { host: f.endpoint_host, port: f.endpoint_port }
        : null,
    updatedAt: f.updated_at.toISOString(),
  };
}

function outboxEntry(
  e: Hl7OutboxRow & { readonly facility: string; readonly placer_order: string },
): OutboxEntry {
  return {
    id: e.id,
    orderId: e.order_id,
    facility: e.facility,
    placerOrder: e.placer_order,
    event: e.event,
    messageType: e.event === 'dispense' ? 'RDS^O13' : 'RAS^O17',
    status: e.status,
    attempts: e.attempts,
    nextAttemptAt: e.next_attempt_at.toISOString(),
    lastError: e.last_error,
    createdAt: e.created_at.toISOString(),
    deliveredAt: e.delivered_at?.toISOString() ?? null,
  };
}
