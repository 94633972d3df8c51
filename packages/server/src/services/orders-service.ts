import {
  committedDoses,
  getOrder,
  insertOrder,
  listOrders,
  orderPlacementLookups,
  updateOrderStatus,
  type Database,
  type OrderRow,
} from '@halflife/db';
import { formatActivity, parseInstant } from '@halflife/nuclear';
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import {
  dayStart,
  isLocalDate,
  isTimeZone,
  nextDayStart,
  transition,
  type Scope,
} from '@halflife/domain';
import { callerZone } from './working-day-service.js';
import type { Caller } from '../caller.js';
import type { OrderCreateSchema, OrderListQuerySchema, OrderSchema } from '../schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

export interface OrdersDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type OrderCreate = z.infer<typeof OrderCreateSchema>;
type OrderListQuery = z.infer<typeof OrderListQuerySchema>;
export type OrderView = z.infer<typeof OrderSchema>;

/** An order's input checked against the network: the hospital, the product, when and how much. */
export interface ResolvedOrder {
  readonly hospital: { readonly id: string; readonly organisationId: string };
  readonly product: { readonly id: string; readonly code: string; readonly tolerancePct: number };
  readonly calibration: { readonly epochMs: number; readonly zone: string };
  readonly activityBq: number;
  readonly tolerancePct: number;
  /** The delivery point named in the input if it is the hospital's, else the hospital's first. */
  readonly deliveryPointId: string | undefined;
}

/**
 * Checks an order's input as placing it would: which hospital (the caller's own, or any on whose
 * behalf a planner orders: the scope the policy gave), product, time, amount.
 */
export async function resolveOrderInput(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  input: OrderCreate,
): Promise<ServiceResult<ResolvedOrder>> {
  const hospitalId = input.hospitalId || undefined;
  const own = scope === 'organisation';
  if (!own && hospitalId === undefined) {
    return failure('invalid', 'hospitalId: required when ordering on behalf of a hospital');
  }
  // The hospital, the product and the delivery point in one round trip (issue 18).
  const found = await orderPlacementLookups(deps.db, {
    hospital: own ? { organisationId: caller.organisationId, id: hospitalId } : { id: hospitalId },
    productCode: input.productCode,
    deliveryPointId: input.deliveryPointId || undefined,
  });
  const hospital = found.hospital;
  if (!hospital) {
    return failure(hospitalId ? 'not-found' : 'forbidden', 'hospitalId: no such hospital of yours');
  }
  const product = found.product;
  if (!product) return failure('invalid', `productCode: unknown product "${input.productCode}"`);
  const when = parseInstant(input.calibrationTime);
  if (!when.ok) return failure('invalid', `calibrationTime: ${when.error.message}`);
  if (when.value.epochMs <= deps.now().getTime()) {
    return failure('invalid', 'calibrationTime: must be in the future');
  }
  const amount = activityOf(input.amount, product.dose_bq);
  if (!amount.ok) return amount;
  const limited = withinPatientLimits(input.amount, amount.value, product);
  if (!limited.ok) return limited;
  return success({
    hospital,
    product: { id: product.id, code: product.code, tolerancePct: product.tolerance_pct },
    calibration: { epochMs: when.value.epochMs, zone: when.value.zone },
    activityBq: amount.value,
    tolerancePct: input.tolerancePct ?? product.tolerance_pct,
    deliveryPointId: found.deliveryPointId,
  });
}

export async function createOrder(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  input: OrderCreate,
  idempotencyKey: string | undefined,
): Promise<ServiceResult<{ order: OrderView; created: boolean }>> {
  const resolved = await resolveOrderInput(deps, caller, scope, input);
  if (!resolved.ok) return resolved;
  const { hospital, product, calibration, activityBq, tolerancePct, deliveryPointId } =
    resolved.value;
  if (input.deliveryPointId && deliveryPointId === undefined) {
    return failure('invalid', 'deliveryPointId: not a delivery point of this hospital');
  }
  const now = deps.now();
  const { order, created } = await insertOrder(
    deps.db,
    {
      organisation_id: hospital.organisationId,
      hospital_id: hospital.id,
      product_id: product.id,
      calibration_at: new Date(calibration.epochMs),
      calibration_zone: calibration.zone,
      amount_kind: input.amount.kind,
      activity_bq: activityBq,
      per_kg_bq: input.amount.kind === 'per_kg' ? input.amount.perKgBq : null,
      patient_weight_kg: input.amount.kind === 'per_kg' ? input.amount.patientWeightKg : null,
      doses: input.amount.kind === 'doses' ? input.amount.doses : null,
      tolerance_pct: tolerancePct,
      patient_ref: input.patientRef ?? null,
      notes: input.notes ?? '',
      status: 'submitted',
      status_reason: null,
      idempotency_key: idempotencyKey ?? null,
      delivery_point_id: deliveryPointId ?? null,
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
    },
    { userId: caller.userId, organisationId: caller.organisationId, at: now },
  );
  if (!created) {
    const differs = differingField(order, {
      hospital_id: hospital.id,
      product_id: product.id,
      calibration_at: new Date(calibration.epochMs),
      amount_kind: input.amount.kind,
      activity_bq: activityBq,
      tolerance_pct: tolerancePct,
      patient_ref: input.patientRef ?? null,
      notes: input.notes ?? '',
    });
    if (differs !== undefined) {
      return failure(
        'unprocessable',
        `Idempotency-Key: already used for a different order (its ${differs} differs); use a new key for a new order`,
      );
    }
  }
  return success({ order: orderView(order), created });
}

/** The first field in which a repeated request differs from the order its key made, if any. */
function differingField(
  earlier: Record<string, unknown>,
  repeated: Record<string, string | number | Date | null>,
): string | undefined {
  return Object.keys(repeated).find((field) => {
    const [a, b] = [earlier[field], repeated[field]];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
}

function activityOf(
  amount: OrderCreate['amount'],
  productDose: number | null,
): ServiceResult<number> {
  switch (amount.kind) {
    case 'fixed':
      return success(amount.activityBq);
    case 'per_kg':
      return success(amount.perKgBq * amount.patientWeightKg);
    case 'doses': {
      const perDose = amount.activityPerDoseBq ?? productDose;
      if (perDose === null) {
        return failure(
          'invalid',
          'amount.activityPerDoseBq: this product has no usual dose; give the activity per dose',
        );
      }
      return success(perDose * amount.doses);
    }
  }
}

/** Where the amount's per-patient activity is given, for an error that names the field. */
const PATIENT_FIELD: Record<OrderCreate['amount']['kind'], string> = {
  fixed: 'amount.activityBq',
  per_kg: 'amount.perKgBq',
  doses: 'amount.activityPerDoseBq',
};

/**
 * Refuses an order whose activity for one patient is outside the product's limits (or not a
 * finite number at all, e.g. an overflowing product of per-kg activity and weight).
 */
function withinPatientLimits(
  amount: OrderCreate['amount'],
  totalBq: number,
  product: { code: string; min_dose_bq: number; max_dose_bq: number },
): ServiceResult<null> {
  const perPatient = amount.kind === 'doses' ? totalBq / amount.doses : totalBq;
  const field = PATIENT_FIELD[amount.kind];
  const got = Number.isFinite(perPatient) ? formatActivity(perPatient) : 'an unbounded activity';
  const what = amount.kind === 'per_kg' ? `${got} for the patient` : got;
  const limit = (kind: string, bq: number) =>
    `${field}: ${what} is ${kind} one patient may get of ${product.code}, ${formatActivity(bq)}`;
  if (!Number.isFinite(perPatient) || perPatient > product.max_dose_bq) {
    return failure('invalid', limit('above the most', product.max_dose_bq));
  }
  if (!(perPatient >= product.min_dose_bq)) {
    return failure('invalid', limit('below the least', product.min_dose_bq));
  }
  return success(null);
}

export async function listOrdersFor(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  query: OrderListQuery,
): Promise<ServiceResult<{ orders: OrderView[]; total: number }>> {
  let from: Date | undefined;
  let to: Date | undefined;
  if (query.date) {
    // A calendar day in the caller's zone (23 or 25 hours across a daylight-saving change).
    if (!isLocalDate(query.date)) return failure('invalid', `date: no such date "${query.date}"`);
    const zone = query.zone ?? (await callerZone(deps, caller));
    if (zone === undefined) {
      return failure('invalid', 'zone: the network has no site or hospital to take a zone from');
    }
    if (!isTimeZone(zone)) return failure('invalid', `zone: unknown time zone "${zone}"`);
    from = new Date(dayStart(query.date, zone));
    to = new Date(nextDayStart(query.date, zone));
  }
  const rows = await listOrders(deps.db, {
    organisationId: ownOrganisation(caller, scope),
    status: query.status,
    productCode: query.product,
    hospitalId: query.hospitalId,
    from,
    to,
    limit: query.limit,
    offset: query.offset,
  });
  const planned = await plannedOf(deps.db, rows);
  return success({
    orders: rows.map((r) => orderView(r, planned.get(r.id))),
    total: rows.length,
  });
}

/** undefined: the whole network; a string: only this organisation's orders. */
function ownOrganisation(caller: Caller, scope: Scope): string | undefined {
  return scope === 'network' ? undefined : caller.organisationId;
}

export async function getOrderFor(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<ServiceResult<OrderView>> {
  const own = ownOrganisation(caller, scope);
  const row = await getOrder(deps.db, id);
  // Another organisation's order is "not found", so its existence does not leak.
  if (!row || (own !== undefined && row.organisation_id !== own)) {
    return failure('not-found', `order ${id} not found`);
  }
  return success(orderView(row, (await plannedOf(deps.db, [row])).get(row.id)));
}

/** Accepts, rejects or cancels an order the caller's scope reaches (the route's policy decides who may). */
export async function changeOrderStatus(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  action: 'accept' | 'reject' | 'cancel',
  change: { version: number; reason?: string | undefined },
): Promise<ServiceResult<OrderView>> {
  const current = await getOrderFor(deps, caller, scope, id);
  if (!current.ok) return current;
  if (action === 'reject' && !change.reason)
    return failure('invalid', 'reason: a rejection needs a reason');
  const next = transition(current.value.status, action);
  if (!next.ok) return failure('conflict', next.reason);
  const updated = await updateOrderStatus(
    deps.db,
    { id, expectedVersion: change.version, status: next.status, reason: change.reason ?? null },
    { userId: caller.userId, organisationId: caller.organisationId, at: deps.now() },
  );
  if (!updated) {
    return failure(
      'conflict',
      `order ${id} changed since version ${change.version}; reload it and try again`,
    );
  }
  return success(orderView(updated));
}

export function orderView(row: OrderRow, planned: OrderView['planned'] = null): OrderView {
  return {
    id: row.id,
    hospitalId: row.hospital_id,
    hospitalName: row.hospital_name,
    deliveryPointId: row.delivery_point_id,
    productCode: row.product_code,
    calibrationTime: row.calibration_at.toISOString(),
    calibrationZone: row.calibration_zone,
    amountKind: row.amount_kind,
    activityBq: row.activity_bq,
    perKgBq: row.per_kg_bq,
    patientWeightKg: row.patient_weight_kg,
    doses: row.doses,
    tolerancePct: row.tolerance_pct,
    patientRef: row.patient_ref,
    notes: row.notes,
    status: row.status,
    statusReason: row.status_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    planned,
  };
}

/**
 * How the committed plans serve the planned orders among `rows`: the dose's activity at injection,
 * the site, the batch start and the shipment's times, read from the committed plans' rows.
 */
async function plannedOf(
  db: Kysely<Database>,
  rows: readonly OrderRow[],
): Promise<Map<string, NonNullable<OrderView['planned']>>> {
  const ids = rows.filter((r) => r.status === 'planned').map((r) => r.id);
  const out = new Map<string, NonNullable<OrderView['planned']>>();
  // Latest committed last: it wins for an order two dates' plans served.
  for (const dose of await committedDoses(db, ids)) {
    out.set(dose.order_id, {
      planId: dose.plan_id,
      activityBq: dose.calibration_activity_bq,
      siteName: dose.site_name,
      batchStartAt: planInstant(dose.batch_start_at),
      departAt: planInstant(dose.depart_at),
      arriveAt: planInstant(dose.arrive_at),
    });
  }
  return out;
}

/** An instant as the plan's JSON writes it: whole seconds, no milliseconds. */
function planInstant(at: Date): string {
  return at.toISOString().replace('.000Z', 'Z');
}
