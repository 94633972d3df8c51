import {
  addShipmentEvent,
  getOrder,
  isActiveCourier,
  vehicleLoad,
  getShipment,
  insertAdministration,
  insertDelayAlert,
  insertOrder,
  insertPackage,
  insertReceipt,
  insertRun,
  insertWasteItem,
  listShipments,
  lockWasteContainer,
  measurePackage,
  packageByCode,
  shipmentContents,
  shipmentOfDose,
  updateOrderStatusIn,
  updateRun,
  type Actor,
  type Database,
  type PackageRow,
  type ShipmentDose,
  type ShipmentHead,
  type ShipmentSnapshot,
} from '@halflife/db';
import { localDateOf, transition, type OrderEvent, type Scope } from '@halflife/domain';
import { parseInstant } from '@halflife/nuclear';
import {
  checkAdministration,
  checkReceipt,
  classifyPackage,
  delayImpact,
  estimateDoseRates,
  mixtureAt,
  sumMixtures,
  vehicleTiRefusal,
  type NuclideBq,
  type PackageClassification,
} from '@halflife/ops';
import type { z } from '@hono/zod-openapi';
import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../caller.js';
import type {
  AdministerSchema,
  DelaySchema,
  DeliverSchema,
  LoadSchema,
  MeasureSchema,
  PackSchema,
  PackageSchema,
  PickUpSchema,
  ReceiveSchema,
  ReplacementSchema,
  ShipmentDetailSchema,
  ShipmentListQuerySchema,
  ShipmentSummarySchema,
} from '../distribution-schemas.js';
import { failure, success, type ServiceErrorCode, type ServiceResult } from '../service-error.js';
import { reauthenticate } from './auth-service.js';
import { doseContents, doseContentsByRecord } from './dose-contents.js';
import { replanFor } from './replan-service.js';
import type { PlanningDeps, PlanSummaryView } from './planning-service.js';
import { callerZone } from './working-day-service.js';

/**
 * A dose from the hot cell to the patient (issue 14): packing and transport classification,
 * loading a vehicle, the courier's run, a delay's effect on each dose, the hospital's receipt and
 * administration. The rules are @halflife/ops's; this file reads and writes through the
 * distribution repository, one transaction per change, and says what went wrong, naming the field.
 */

export interface DistributionDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type Summary = z.infer<typeof ShipmentSummarySchema>;
type Detail = z.infer<typeof ShipmentDetailSchema>;
type PackageView = z.infer<typeof PackageSchema>;
const iso = (d: Date | number) => new Date(d).toISOString();
const MBQ = 1e6;
/** The most shipments one list returns (a large network's day has a few hundred). */
const LIST_LIMIT = 1000;

const actorOf = (deps: DistributionDeps, caller: Caller): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

/** A refusal thrown inside a transaction: it rolls back and becomes the answer. */
class Refusal extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (code: ServiceErrorCode, field: string, message: string): never => {
  throw new Refusal(code, field, message);
};
const answer = <T>(e: unknown): ServiceResult<T> => {
  if (!(e instanceof Refusal)) throw e;
  return failure(e.code, `${e.field}: ${e.message}`, [{ path: e.field, message: e.message }]);
};

function epochOf(text: string, field: string): number {
  const parsed = parseInstant(text);
  if (!parsed.ok) return refuse('invalid', field, parsed.error.message);
  return parsed.value.epochMs;
}

/** Times a person enters may be a few minutes ahead of the server's clock, never more. */
const FUTURE_SLACK_MS = 5 * 60_000;
function notFuture(deps: DistributionDeps, ms: number, field: string): void {
  if (ms > deps.now().getTime() + FUTURE_SLACK_MS) refuse('invalid', field, 'is in the future');
}

/** Whether `caller` (in `scope`) may see the shipment: its hospital's staff, its courier, the producer. */
function reaches(caller: Caller, scope: Scope, head: ShipmentHead): boolean {
  if (scope === 'network') return true;
  if (scope === 'organisation') return head.hospitalOrganisationId === caller.organisationId;
  return head.run?.courier_id === caller.userId;
}

// ---------------------------------------------------------------------------------------------
// Views

function statusOf(s: ShipmentHead, packages: number): Summary['status'] {
  if (s.run) return s.run.status;
  return packages > 0 ? 'packed' : 'planned';
}

function summaryOf(head: ShipmentHead, contents: Omit<ShipmentSnapshot, 'head'>): Summary {
  const expected = head.run?.delivered_at ?? head.run?.expected_arrival_at ?? head.arriveAt;
  return {
    id: head.id,
    key: head.shipmentKey,
    planDate: head.planDate,
    siteId: head.siteId,
    siteName: head.siteName,
    siteZone: head.siteZone,
    hospitalId: head.hospitalId,
    hospitalName: head.hospitalName,
    hospitalZone: head.hospitalZone,
    mode: head.mode,
    departAt: iso(head.departAt),
    arriveAt: iso(head.arriveAt),
    expectedArrivalAt: iso(expected),
    delayMinutes: Math.max(0, Math.round((expected.getTime() - head.arriveAt.getTime()) / 60_000)),
    status: statusOf(head, contents.packages.length),
    vehicle: head.run?.vehicle ?? null,
    courierName: head.courierName,
    doses: contents.doses.length,
    dispensed: contents.doses.filter((d) => d.dispensed !== null).length,
    packages: contents.packages.length,
  };
}

/** When the shipment leaves (picked up, or as planned) and when it is expected. */
function tripOf(head: ShipmentHead): { dispatchAt: number; arrivalAt: number } {
  return {
    dispatchAt: (head.run?.picked_up_at ?? head.departAt).getTime(),
    arrivalAt: (head.run?.delivered_at ?? head.run?.expected_arrival_at ?? head.arriveAt).getTime(),
  };
}

const CATEGORY_RANK = { excepted: 0, 'type-a': 1, 'type-b': 2 } as const;
const LABEL_RANK = { 'I-WHITE': 0, 'II-YELLOW': 1, 'III-YELLOW': 2 } as const;

interface ClassifiedPackage {
  readonly view: PackageView;
  readonly transportIndex: number | null;
  readonly refusal: string | undefined;
}

/** A package's contents and class at dispatch and at arrival; it travels under the higher. */
function classify(
  pkg: PackageRow,
  doses: readonly ShipmentDose[],
  contentsOf: (d: ShipmentDose) => { contents: NuclideBq[]; at: number },
  trip: { dispatchAt: number; arrivalAt: number },
): ClassifiedPackage {
  const mine = doses.filter((d) => d.packageId === pkg.id);
  const at = (t: number) =>
    sumMixtures(
      mine.map((d) => {
        const c = contentsOf(d);
        return mixtureAt(c.contents, c.at, Math.max(t, c.at));
      }),
    );
  const measured =
    pkg.surface_usv_h === null || pkg.one_metre_usv_h === null
      ? null
      : { surfaceUSvPerH: pkg.surface_usv_h, oneMetreUSvPerH: pkg.one_metre_usv_h };
  const one = (t: number) => {
    const contents = at(t);
    const estimate = estimateDoseRates(contents, pkg.packaging, pkg.lead_mm);
    const rates = measured
      ? { surface: measured.surfaceUSvPerH / 1000, oneMetre: measured.oneMetreUSvPerH / 1000 }
      : { surface: estimate.surfaceMSvPerH, oneMetre: estimate.oneMetreMSvPerH };
    const c: PackageClassification = classifyPackage({
      contents,
      form: 'liquid',
      ...(rates.surface === null ? {} : { surfaceMSvPerH: rates.surface }),
      ...(rates.oneMetre === null ? {} : { oneMetreMSvPerH: rates.oneMetre }),
    });
    return { at: iso(t), contents, ...c, estimate };
  };
  const dispatch = one(trip.dispatchAt);
  const arrival = one(Math.max(trip.arrivalAt, trip.dispatchAt));
  const worse =
    CATEGORY_RANK[arrival.category] > CATEGORY_RANK[dispatch.category] ? arrival : dispatch;
  const tis = [dispatch.transportIndex, arrival.transportIndex];
  const transportIndex = tis.some((t) => t === null) ? null : Math.max(...(tis as number[]));
  const labels = [dispatch.label, arrival.label].filter((l) => l !== null);
  const label =
    labels.length === 0 ? null : labels.reduce((a, b) => (LABEL_RANK[b] > LABEL_RANK[a] ? b : a));
  const notTransportable = [...dispatch.reasons, ...arrival.reasons].find((r) =>
    r.startsWith('not transportable'),
  );
  const strip = ({ estimate: _e, ...c }: ReturnType<typeof one>) => ({
    ...c,
    unlisted: [...c.unlisted],
    reasons: [...c.reasons],
  });
  return {
    transportIndex: worse.category === 'excepted' ? 0 : transportIndex,
    refusal:
      notTransportable ??
      (worse.category === 'excepted' || transportIndex !== null
        ? undefined
        : `no dose rate for package ${pkg.code}: ${dispatch.estimate.basis}`),
    view: {
      id: pkg.id,
      code: pkg.code,
      packaging: pkg.packaging,
      leadMm: pkg.lead_mm,
      orderIds: mine.map((d) => d.orderId),
      measured,
      estimate: {
        surfaceUSvPerH:
          dispatch.estimate.surfaceMSvPerH === null
            ? null
            : dispatch.estimate.surfaceMSvPerH * 1000,
        oneMetreUSvPerH:
          dispatch.estimate.oneMetreMSvPerH === null
            ? null
            : dispatch.estimate.oneMetreMSvPerH * 1000,
        basis: dispatch.estimate.basis,
      },
      atDispatch: strip(dispatch),
      atArrival: strip(arrival),
      transportIndex: worse.category === 'excepted' ? 0 : transportIndex,
      label: worse.category === 'excepted' ? null : label,
      category: worse.category,
      unNumber: worse.unNumber,
    },
  };
}

function atUseOf(d: ShipmentDose, arrivalAt: number) {
  if (d.dispensed === null) return null;
  const impact = delayImpact({
    nuclide: d.nuclide,
    orderedBq: d.orderedBq,
    calibrationAt: d.calibrationAt.getTime(),
    tolerancePct: d.tolerancePct,
    dispensedBq: d.dispensed.measuredBq,
    dispensedAt: d.dispensed.measuredAt.getTime(),
    expiresAt: d.dispensed.expiresAt.getTime(),
    arrivalAt,
  });
  return { ...impact, at: impact.useAt };
}

async function detailOf(
  deps: DistributionDeps,
  snapshot: ShipmentSnapshot,
): Promise<{ detail: Detail; classified: ClassifiedPackage[] }> {
  const { head, doses, packages, events } = snapshot;
  const trip = tripOf(head);
  const contentsOf = await doseContentsByRecord(deps.db, doses);
  const classified = packages.map((p) => classify(p, doses, contentsOf, trip));
  const codeOf = new Map(packages.map((p) => [p.id, p.code]));
  const tis = classified.map((c) => c.transportIndex);
  return {
    classified,
    detail: {
      shipment: summaryOf(head, snapshot),
      doses: doses.map((d) => {
        const use = atUseOf(d, trip.arrivalAt);
        return {
          orderId: d.orderId,
          orderStatus: d.orderStatus,
          patientRef: d.patientRef,
          productCode: d.productCode,
          productName: d.productName,
          nuclide: d.nuclide,
          orderedBq: d.orderedBq,
          calibrationAt: iso(d.calibrationAt),
          tolerancePct: d.tolerancePct,
          batchNumber: d.batchNumber,
          doseId: d.dispensed?.id ?? null,
          dispensedBq: d.dispensed?.measuredBq ?? null,
          dispensedAt: d.dispensed ? iso(d.dispensed.measuredAt) : null,
          expiresAt: d.dispensed ? iso(d.dispensed.expiresAt) : null,
          packageCode: d.packageId === null ? null : (codeOf.get(d.packageId) ?? null),
          atUse:
            use === null
              ? null
              : {
                  at: iso(use.at),
                  activityBq: use.activityBq,
                  deviation: use.deviation,
                  ok: use.withinTolerance,
                },
          receipt: d.receipt
            ? {
                measuredBq: d.receipt.measured_bq,
                measuredAt: iso(d.receipt.measured_at),
                expectedBq: d.receipt.expected_bq,
                deviation: d.receipt.deviation,
                status: d.receipt.status,
                reason: d.receipt.reason,
                receivedAt: iso(d.receipt.received_at),
              }
            : null,
          administration: d.administration
            ? {
                patientRef: d.administration.patient_ref,
                prescribedBq: d.administration.prescribed_bq,
                administeredBq: d.administration.administered_bq,
                administeredAt: iso(d.administration.administered_at),
                deviation: d.administration.deviation,
                direction: d.administration.direction,
                possibleMedicalEvent: d.administration.possible_medical_event,
                findings: d.administration.findings,
              }
            : null,
        };
      }),
      packages: classified.map((c) => c.view),
      transportIndexSum: tis.some((t) => t === null)
        ? null
        : Math.round(tis.reduce((s: number, t) => s + (t ?? 0), 0) * 10) / 10,
      events: events.map((e) => ({ kind: e.kind, at: iso(e.at), by: e.byName, detail: e.detail })),
      signature:
        head.run?.courier_printed_name && head.run.picked_up_at
          ? { printedName: head.run.courier_printed_name, at: iso(head.run.picked_up_at) }
          : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listShipmentsFor(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  query: z.infer<typeof ShipmentListQuerySchema>,
): Promise<ServiceResult<{ date: string | null; shipments: Summary[] }>> {
  // A courier sees the runs given to them, of any date; others a day of shipments.
  let date: string | undefined;
  if (scope !== 'self') {
    const zone = await callerZone(deps, caller);
    date = query.date ?? (zone === undefined ? undefined : localDateOf(deps.now(), zone));
    if (date === undefined) {
      return failure('invalid', 'date: no site or hospital gives a time zone for today', [
        { path: 'date', message: 'required' },
      ]);
    }
  }
  const heads = await listShipments(deps.db, {
    ...(date === undefined ? {} : { date }),
    ...(query.siteId === undefined ? {} : { siteId: query.siteId }),
    ...(scope === 'organisation' ? { hospitalOrganisationId: caller.organisationId } : {}),
    // A courier's runs of every date would grow without end (and the oldest would fill the
    // limit): those delivered drop off after a day.
    ...(scope === 'self'
      ? {
          courierId: caller.userId,
          deliveredSince: localDateOf(deps.now().getTime() - 86_400_000, 'UTC'),
        }
      : {}),
    limit: LIST_LIMIT,
  });
  const contents = await shipmentContents(deps.db, heads);
  const shipments = heads.map((h) => summaryOf(h, contents.get(h.id)!));
  return success({ date: date ?? null, shipments });
}

export async function shipmentDetail(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<ServiceResult<Detail>> {
  const snapshot = await getShipment(deps.db, id);
  if (!snapshot || !reaches(caller, scope, snapshot.head)) {
    return failure('not-found', `shipment ${id} not found`);
  }
  return success((await detailOf(deps, snapshot)).detail);
}

// ---------------------------------------------------------------------------------------------
// Changing a shipment: one transaction, the shipment's row locked

async function changeShipment<T>(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  change: (trx: Transaction<Database>, snapshot: ShipmentSnapshot, actor: Actor) => Promise<T>,
): Promise<ServiceResult<{ value: T; detail: Detail }>> {
  const actor = actorOf(deps, caller);
  try {
    const value = await deps.db.transaction().execute(async (trx) => {
      const snapshot = await getShipment(trx, id, true);
      if (!snapshot || !reaches(caller, scope, snapshot.head)) {
        return refuse('not-found', 'id', `shipment ${id} not found`);
      }
      return change(trx, snapshot, actor);
    });
    const after = await getShipment(deps.db, id);
    return success({ value, detail: (await detailOf(deps, after!)).detail });
  } catch (e) {
    return answer(e);
  }
}

/** Moves each order by `event` (version-checked), refusing what the lifecycle forbids. */
async function moveOrders(
  trx: Transaction<Database>,
  actor: Actor,
  doses: readonly ShipmentDose[],
  event: OrderEvent,
  reason: string,
): Promise<void> {
  for (const d of doses) {
    const t = transition(d.orderStatus, event);
    if (!t.ok) refuse('conflict', 'orderId', `order ${d.orderId}: ${t.reason}`);
    else {
      const moved = await updateOrderStatusIn(
        trx,
        { id: d.orderId, expectedVersion: d.orderVersion, status: t.status, reason },
        actor,
      );
      if (!moved) refuse('conflict', 'orderId', `order ${d.orderId} changed meanwhile: try again`);
    }
  }
}

/** Compares scanned codes with the packages expected: every one once, none other. */
function scanRefusal(expected: readonly string[], scanned: readonly string[]): string | undefined {
  const seen = new Set<string>();
  const twice = scanned.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
  if (twice.length > 0) return `scanned twice: ${[...new Set(twice)].join(', ')}`;
  const missing = expected.filter((c) => !seen.has(c));
  const extra = scanned.filter((c) => !expected.includes(c));
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `not of this shipment ${extra.join(', ')}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts.join('; ');
}

function packageCode(): string {
  return `PK-${crypto.randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

export function pack(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof PackSchema>,
) {
  return changeShipment(deps, caller, scope, id, async (trx, s, actor) => {
    if (s.head.run) refuse('conflict', 'id', 'the shipment is loaded already');
    const doses = input.orderIds.map((orderId, k) => {
      const d = s.doses.find((x) => x.orderId === orderId);
      if (!d) return refuse('invalid', `orderIds[${k}]`, 'no dose of this shipment for that order');
      if (!d.dispensed) return refuse('invalid', `orderIds[${k}]`, 'the dose is not dispensed yet');
      if (d.packageId !== null)
        return refuse('conflict', `orderIds[${k}]`, 'the dose is packed already');
      return d;
    });
    if (new Set(input.orderIds).size !== input.orderIds.length) {
      refuse('invalid', 'orderIds', 'an order is named twice');
    }
    const rates = [input.surfaceUSvPerH, input.oneMetreUSvPerH];
    if (rates.filter((r) => r === undefined).length === 1) {
      refuse('invalid', 'oneMetreUSvPerH', 'give both measured dose rates, or neither');
    }
    const row = await insertPackage(trx, actor, {
      shipmentId: s.head.id,
      code: packageCode(),
      packaging: input.packaging,
      leadMm: input.leadMm,
      surfaceUSvPerH: input.surfaceUSvPerH ?? null,
      oneMetreUSvPerH: input.oneMetreUSvPerH ?? null,
      doseIds: doses.map((d) => d.dispensed!.id),
    });
    await addShipmentEvent(trx, actor, s.head.id, 'packed', {
      package: row.code,
      orders: input.orderIds,
    });
    return row.code;
  });
}

export async function measure(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  code: string,
  input: z.infer<typeof MeasureSchema>,
): Promise<ServiceResult<{ value: null; detail: Detail }>> {
  const pkg = await packageByCode(deps.db, code);
  if (!pkg) return failure('not-found', `package ${code} not found`);
  return changeShipment(deps, caller, scope, pkg.shipment_id, async (trx, s, actor) => {
    if (s.head.run) refuse('conflict', 'code', 'the package is loaded: measure before loading');
    const before = s.packages.find((p) => p.id === pkg.id)!;
    await measurePackage(trx, actor, before, input);
    return null;
  });
}

export function load(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof LoadSchema>,
) {
  return changeShipment(deps, caller, scope, id, async (trx, s, actor) => {
    if (s.head.run) refuse('conflict', 'id', `the shipment is ${s.head.run.status} already`);
    const unpacked = s.doses.filter((d) => d.dispensed !== null && d.packageId === null);
    if (unpacked.length > 0) {
      refuse(
        'conflict',
        'id',
        `dispensed doses not packed: orders ${unpacked.map((d) => d.orderId.slice(0, 8)).join(', ')}`,
      );
    }
    if (s.packages.length === 0) refuse('conflict', 'id', 'nothing is packed for this shipment');
    const wrong = scanRefusal(
      s.packages.map((p) => p.code),
      input.scannedCodes,
    );
    if (wrong) refuse('invalid', 'scannedCodes', wrong);
    if (!(await isActiveCourier(trx, input.courierId))) {
      refuse('invalid', 'courierId', 'no active courier with that id');
    }
    // In the transaction: the embedded database has one connection.
    const { classified } = await detailOf({ ...deps, db: trx }, s);
    const bad = classified.find((c) => c.refusal !== undefined);
    if (bad) refuse('conflict', 'scannedCodes', bad.refusal!);
    const tis = classified.map((c) => c.transportIndex ?? 0);
    // The vehicle may carry other shipments not yet delivered: their TIs count too.
    const onBoard = await vehicleLoad(trx, input.vehicle);
    const tooMuch = vehicleTiRefusal([...tis, ...onBoard.map((r) => r.transportIndexSum)]);
    if (tooMuch) {
      refuse(
        'conflict',
        'vehicle',
        `${tooMuch} on ${input.vehicle}` +
          (onBoard.length > 0 ? ` (with ${onBoard.length} shipment(s) already on board)` : ''),
      );
    }
    // The product loads vehicles without exclusive use: a package that needs it cannot go.
    const exclusive = classified.find(
      (c) => c.view.atDispatch.exclusiveUse || c.view.atArrival.exclusiveUse,
    );
    if (exclusive) {
      refuse(
        'conflict',
        'scannedCodes',
        `package ${exclusive.view.code} needs exclusive use (TI above 10 or surface above 2 mSv/h): not offered by this vehicle`,
      );
    }
    const sum = Math.round(tis.reduce((a, b) => a + b, 0) * 10) / 10;
    const now = actor.at.getTime();
    const late = Math.max(0, now - s.head.departAt.getTime());
    await insertRun(trx, actor, {
      shipmentId: s.head.id,
      vehicle: input.vehicle,
      courierId: input.courierId,
      transportIndexSum: sum,
      expectedArrivalAt: new Date(s.head.arriveAt.getTime() + late),
    });
    await addShipmentEvent(trx, actor, s.head.id, 'loaded', {
      vehicle: input.vehicle,
      packages: input.scannedCodes,
      transportIndexSum: sum,
    });
    return null;
  });
}

/** Why the courier may not take the shipment over now, or undefined. */
function pickUpRefusal(
  s: ShipmentSnapshot,
  scanned: readonly string[],
):
  | {
      code: ServiceErrorCode;
      field: string;
      message: string;
      issue: { path: string; message: string };
    }
  | undefined {
  const of = (code: ServiceErrorCode, field: string, message: string) => ({
    code,
    field,
    message,
    issue: { path: field, message },
  });
  const status = s.head.run?.status;
  if (status !== 'loaded') return of('conflict', 'id', `the shipment is ${status ?? 'not loaded'}`);
  const wrong = scanRefusal(
    s.packages.map((p) => p.code),
    scanned,
  );
  return wrong === undefined ? undefined : of('invalid', 'scannedCodes', wrong);
}

export async function pickUp(
  deps: DistributionDeps & { readonly client: string },
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof PickUpSchema>,
) {
  // What can be told without the signature first, so that a wrong scan costs no attempt; the
  // transaction checks it all again under its lock.
  const before = await getShipment(deps.db, id);
  if (!before || !reaches(caller, scope, before.head)) {
    return failure('not-found', `shipment ${id} not found`);
  }
  const early = pickUpRefusal(before, input.scannedCodes);
  if (early) return failure(early.code, `${early.field}: ${early.message}`, [early.issue]);
  // The signature outside the shipment's transaction (it records the attempt).
  const signer = await reauthenticate(deps, caller, {
    email: input.email,
    password: input.password,
    client: deps.client,
  });
  if (!signer.ok) return signer;
  return changeShipment(deps, caller, scope, id, async (trx, s, actor) => {
    const wrong = pickUpRefusal(s, input.scannedCodes);
    if (wrong) refuse(wrong.code, wrong.field, wrong.message);
    const run = s.head.run!;
    const late = Math.max(0, actor.at.getTime() - s.head.departAt.getTime());
    const expected = new Date(
      Math.max(run.expected_arrival_at.getTime(), s.head.arriveAt.getTime() + late),
    );
    const moved = await updateRun(
      trx,
      actor,
      run,
      {
        status: 'in-transit',
        picked_up_at: actor.at,
        courier_printed_name: caller.displayName,
        expected_arrival_at: expected,
      },
      `picked up and signed for by ${caller.displayName}`,
    );
    if (!moved) refuse('conflict', 'id', 'the run changed meanwhile: try again');
    await moveOrders(
      trx,
      actor,
      s.doses.filter((d) => d.packageId !== null),
      'dispatch',
      `picked up by ${caller.displayName}`,
    );
    await addShipmentEvent(trx, actor, s.head.id, 'picked-up', {
      signedBy: caller.displayName,
      meaning: 'hand-over: received the packages listed for carriage',
    });
    return null;
  });
}

export function reportDelay(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof DelaySchema>,
) {
  return changeShipment(deps, caller, scope, id, async (trx, s, actor) => {
    const run = s.head.run!;
    if (run.status === 'delivered') refuse('conflict', 'id', 'the shipment is delivered');
    const arrival = epochOf(input.expectedArrivalAt, 'expectedArrivalAt');
    if (arrival < actor.at.getTime()) {
      refuse('invalid', 'expectedArrivalAt', 'is in the past');
    }
    if (arrival > actor.at.getTime() + 7 * 86_400_000) {
      refuse('invalid', 'expectedArrivalAt', 'is more than 7 days ahead');
    }
    const moved = await updateRun(
      trx,
      actor,
      run,
      { expected_arrival_at: new Date(arrival) },
      `delay: ${input.reason}`,
    );
    if (!moved) refuse('conflict', 'id', 'the run changed meanwhile: try again');
    const impacts = s.doses.flatMap((d) => {
      const use = atUseOf(d, arrival);
      return use === null ? [] : [{ dose: d, use }];
    });
    const out = impacts.filter((i) => !i.use.withinTolerance);
    const minutes = Math.round((arrival - run.expected_arrival_at.getTime()) / 60_000);
    await addShipmentEvent(trx, actor, s.head.id, 'delayed', {
      reason: input.reason,
      expectedArrivalAt: iso(arrival),
      minutes,
      doses: impacts.map((i) => ({
        orderId: i.dose.orderId,
        activityBq: i.use.activityBq,
        deviation: i.use.deviation,
        ok: i.use.withinTolerance,
      })),
    });
    // One alert per batch record of the doses out of tolerance, to the hospital (and planners).
    const byRecord = new Map<string, typeof out>();
    for (const i of out) {
      const key = i.dose.recordId ?? '';
      byRecord.set(key, [...(byRecord.get(key) ?? []), i]);
    }
    let alerts = 0;
    for (const [recordId, list] of byRecord) {
      if (recordId === '') continue;
      const lines = list.map(
        (i) =>
          `${i.dose.productName} for ${i.dose.patientRef ?? `order ${i.dose.orderId.slice(0, 8)}`}: ` +
          (i.use.expired
            ? 'expires before it arrives'
            : `${(i.use.activityBq / MBQ).toFixed(1)} MBq at ${iso(i.use.useAt)} against ${(i.dose.orderedBq / MBQ).toFixed(1)} MBq ordered (${(i.use.deviation * 100).toFixed(1)}%, tolerance ±${i.dose.tolerancePct}%)`),
      );
      await insertDelayAlert(trx, actor, {
        recordId,
        hospitalId: s.head.hospitalId,
        message: `Shipment ${s.head.shipmentKey} from ${s.head.siteName} is late (${input.reason}); now expected ${iso(arrival)}. ${lines.join('; ')}.`,
        doses: list.map((i) => ({
          orderId: i.dose.orderId,
          doseId: i.dose.dispensed?.id ?? null,
          reference: i.dose.patientRef ?? i.dose.orderId.slice(0, 8),
        })),
      });
      alerts++;
    }
    return { outOfTolerance: out.map((i) => i.dose.orderId), alerts };
  });
}

export function deliver(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof DeliverSchema>,
) {
  return changeShipment(deps, caller, scope, id, async (trx, s, actor) => {
    const run = s.head.run!;
    if (run.status !== 'in-transit') refuse('conflict', 'id', `the shipment is ${run.status}`);
    const wrong = scanRefusal(
      s.packages.map((p) => p.code),
      input.scannedCodes,
    );
    if (wrong) refuse('invalid', 'scannedCodes', wrong);
    const moved = await updateRun(
      trx,
      actor,
      run,
      { status: 'delivered', delivered_at: actor.at },
      `delivered to ${s.head.hospitalName}`,
    );
    if (!moved) refuse('conflict', 'id', 'the run changed meanwhile: try again');
    await moveOrders(
      trx,
      actor,
      s.doses.filter((d) => d.packageId !== null),
      'deliver',
      `delivered to ${s.head.hospitalName}`,
    );
    await addShipmentEvent(trx, actor, s.head.id, 'delivered', { packages: input.scannedCodes });
    return null;
  });
}

// ---------------------------------------------------------------------------------------------
// At the hospital

async function doseShipment(
  deps: DistributionDeps,
  doseId: string,
): Promise<ServiceResult<string>> {
  const shipmentId = await shipmentOfDose(deps.db, doseId);
  return shipmentId === undefined
    ? failure('not-found', `dose ${doseId} not found`)
    : success(shipmentId);
}

export async function receive(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  doseId: string,
  input: z.infer<typeof ReceiveSchema>,
): Promise<ServiceResult<{ value: string[]; detail: Detail }>> {
  const shipmentId = await doseShipment(deps, doseId);
  if (!shipmentId.ok) return shipmentId;
  return changeShipment(deps, caller, scope, shipmentId.value, async (trx, s, actor) => {
    const dose = s.doses.find((d) => d.dispensed?.id === doseId)!;
    if (s.head.run?.status !== 'delivered') {
      refuse('conflict', 'doseId', 'the shipment is not delivered yet');
    }
    if (dose.receipt) refuse('conflict', 'doseId', 'the dose is received already');
    const pkg = s.packages.find((p) => p.id === dose.packageId);
    if (pkg?.code !== input.packageCode) {
      refuse('invalid', 'packageCode', `the dose is not in package ${input.packageCode}`);
    }
    const measuredAt = epochOf(input.measuredAt, 'measuredAt');
    notFuture(deps, measuredAt, 'measuredAt');
    if (measuredAt < dose.dispensed!.measuredAt.getTime()) {
      refuse('invalid', 'measuredAt', 'is before the dose was dispensed');
    }
    const check = checkReceipt({
      nuclide: dose.nuclide,
      dispensedBq: dose.dispensed!.measuredBq,
      dispensedAt: dose.dispensed!.measuredAt.getTime(),
      measuredBq: input.measuredBq,
      measuredAt,
    });
    const status =
      input.refuse !== undefined ? 'refused' : check.withinTolerance ? 'accepted' : 'flagged';
    await insertReceipt(trx, actor, {
      dose_id: doseId,
      measured_bq: input.measuredBq,
      measured_at: new Date(measuredAt),
      expected_bq: check.expectedBq,
      deviation: check.deviation,
      status,
      reason: input.refuse ?? (check.withinTolerance ? null : check.message),
    });
    return [check.message];
  });
}

export async function administer(
  deps: DistributionDeps,
  caller: Caller,
  scope: Scope,
  doseId: string,
  input: z.infer<typeof AdministerSchema>,
): Promise<ServiceResult<{ value: string[]; detail: Detail }>> {
  const shipmentId = await doseShipment(deps, doseId);
  if (!shipmentId.ok) return shipmentId;
  return changeShipment(deps, caller, scope, shipmentId.value, async (trx, s, actor) => {
    const dose = s.doses.find((d) => d.dispensed?.id === doseId)!;
    if (!dose.receipt) refuse('conflict', 'doseId', 'record the receipt first');
    if (dose.receipt!.status === 'refused') refuse('conflict', 'doseId', 'the dose was refused');
    if (dose.administration) refuse('conflict', 'doseId', 'the dose is administered already');
    const [beforeAt, residueAt, administeredAt] = (
      ['beforeAt', 'residueAt', 'administeredAt'] as const
    ).map((f) => {
      const ms = epochOf(input[f], f);
      notFuture(deps, ms, f);
      return ms;
    }) as [number, number, number];
    if (beforeAt < dose.receipt!.measured_at.getTime() - 86_400_000) {
      refuse('invalid', 'beforeAt', 'is more than a day before the dose was received');
    }
    const check = checkAdministration({
      nuclide: dose.nuclide,
      prescribedBq: input.prescribedBq,
      labelTolerancePct: dose.labelTolerancePct,
      beforeBq: input.beforeBq,
      beforeAt,
      residueBq: input.residueBq,
      residueAt,
      administeredAt,
      ...(input.direction === undefined ? {} : { direction: input.direction }),
    });
    if (check.refusal) refuse('invalid', check.refusal.field, check.refusal.message);
    await insertAdministration(trx, actor, {
      dose_id: doseId,
      patient_ref: input.patientRef,
      prescribed_bq: input.prescribedBq,
      before_bq: input.beforeBq,
      before_at: new Date(beforeAt),
      residue_bq: input.residueBq,
      residue_at: new Date(residueAt),
      administered_at: new Date(administeredAt),
      administered_bq: check.administeredBq,
      deviation: check.deviation,
      direction: input.direction ?? null,
      possible_medical_event: check.possibleMedicalEvent,
      findings: check.findings,
    });
    await moveOrders(trx, actor, [dose], 'administer', `administered to ${input.patientRef}`);
    if (input.wasteContainerId !== undefined && input.residueBq > 0) {
      const container = await lockWasteContainer(trx, input.wasteContainerId);
      if (!container || container.container.hospital_id !== s.head.hospitalId) {
        refuse('invalid', 'wasteContainerId', 'no waste container of this hospital with that id');
      }
      if (container!.container.status !== 'open') {
        refuse('conflict', 'wasteContainerId', `the container is ${container!.container.status}`);
      }
      const contents = await doseContents(trx, dose, input.residueBq, residueAt);
      await insertWasteItem(trx, actor, {
        containerId: input.wasteContainerId,
        description: `residue of ${dose.productName} (${input.patientRef})`,
        doseId,
        contents,
        referenceAt: new Date(residueAt),
      });
    }
    return [...check.findings];
  });
}

// ---------------------------------------------------------------------------------------------
// A replacement for doses a delay puts out of tolerance

export async function requestReplacement(
  deps: PlanningDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof ReplacementSchema>,
): Promise<ServiceResult<PlanSummaryView>> {
  const snapshot = await getShipment(deps.db, id);
  if (!snapshot) return failure('not-found', `shipment ${id} not found`);
  const newOrderIds: string[] = [];
  const actor = actorOf(deps, caller);
  for (const [k, orderId] of input.orderIds.entries()) {
    const dose = snapshot.doses.find((d) => d.orderId === orderId);
    if (!dose) {
      return failure('invalid', `orderIds[${k}]: no dose of this shipment for that order`, [
        { path: `orderIds[${k}]`, message: 'not on this shipment' },
      ]);
    }
    const original = await getOrder(deps.db, orderId);
    if (!original) return failure('not-found', `order ${orderId} not found`);
    const { order } = await insertOrder(
      deps.db,
      {
        organisation_id: original.organisation_id,
        hospital_id: original.hospital_id,
        product_id: original.product_id,
        calibration_at: original.calibration_at,
        calibration_zone: original.calibration_zone,
        amount_kind: original.amount_kind,
        activity_bq: original.activity_bq,
        per_kg_bq: original.per_kg_bq,
        patient_weight_kg: original.patient_weight_kg,
        doses: original.doses,
        tolerance_pct: original.tolerance_pct,
        patient_ref: original.patient_ref,
        notes: `replacement for order ${orderId} (shipment ${snapshot.head.shipmentKey} late)`,
        status: 'accepted',
        status_reason: null,
        idempotency_key: `replacement:${orderId}`,
        delivery_point_id: original.delivery_point_id,
        created_by: caller.userId,
      },
      actor,
    );
    newOrderIds.push(order.id);
  }
  return replanFor(deps, caller, snapshot.head.planId, {
    now: deps.now().toISOString(),
    outages: [],
    newOrderIds,
  });
}
