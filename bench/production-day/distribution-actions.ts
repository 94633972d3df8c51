import { decayed } from './draw-ledger.js';
import type { Role, SimApi } from './sim-api.js';
import { isoIn, type SimServer } from './sim-server.js';

/**
 * After release: every shipment of the day through the API — packed (one Type A case per
 * shipment, every dispensed dose in it, its dose rates measured), loaded with every code scanned,
 * signed for by the courier at pick-up, delivered, each dose received with the hospital's dose
 * calibrator and given to its patient, the residue put into the hospital's waste container; the
 * containers closed for decay on the last day. Each action reads the shipment first and does only
 * what is still missing, so a run killed in the middle carries on from the records.
 *
 * Simulated readings (inputs, as the activities drawn and at EOS are): every package reads
 * 40 µSv/h at the surface and 1.5 µSv/h at 1 m (TI 0.2, II-YELLOW); the hospital's calibrator
 * reads 1% above the decayed dispensed activity; the syringe holds the dispensed dose decayed to
 * 5 minutes before the administration, and 2% of it stays behind as residue.
 */

export type ShipmentGoal = 'dispatch' | 'arrive' | 'administer' | 'close-waste';

export interface ShipmentSummary {
  readonly id: string;
  readonly key: string;
  readonly hospitalId: string;
  readonly hospitalName: string;
  readonly hospitalZone: string;
  readonly siteZone: string;
  readonly departAt: string;
  readonly arriveAt: string;
  readonly status: string;
  readonly doses: number;
  /** The latest calibration time of its doses (read when the day is prepared). */
  readonly lastCalibrationAt?: string;
}

interface DoseView {
  readonly orderId: string;
  readonly orderStatus: string;
  readonly patientRef: string | null;
  readonly nuclide: string;
  readonly orderedBq: number;
  readonly calibrationAt: string;
  readonly tolerancePct: number;
  readonly doseId: string | null;
  readonly dispensedBq: number | null;
  readonly dispensedAt: string | null;
  readonly packageCode: string | null;
  readonly receipt: { readonly status: string } | null;
  readonly administration: unknown;
}

interface ShipmentDetail {
  readonly shipment: ShipmentSummary & { readonly expectedArrivalAt: string };
  readonly doses: readonly DoseView[];
  readonly packages: readonly { readonly code: string }[];
  readonly events: readonly { readonly kind: string; readonly at: string }[];
}

export interface DistributionContext {
  readonly api: SimApi;
  readonly server: SimServer;
  readonly password: string;
  /** Hospital id → the email of a hospital staff member there. */
  readonly staff: ReadonlyMap<string, Role>;
  readonly stuck: Map<string, string>;
}

const MINUTE = 60_000;
const SURFACE_USV_H = 40;
const ONE_METRE_USV_H = 1.5;
const CALIBRATOR_BIAS = 1.01;
const RESIDUE_SHARE = 0.02;
/** Label tolerances the simulation checks before asking for the authorised user's direction. */
const DIRECTION = 'simulated: the authorised user directs the dose as measured';

/** When a dose is given: at its calibration time, or 10 minutes after it arrives if later. */
export function administrationAt(calibrationAt: string, deliveredAt: number): number {
  return Math.max(Date.parse(calibrationAt), deliveredAt + 10 * MINUTE);
}

async function detail(ctx: DistributionContext, s: ShipmentSummary): Promise<ShipmentDetail> {
  const r = await ctx.api.call<ShipmentDetail>(
    'shipment read',
    'radiopharmacist',
    'GET',
    `/api/shipments/${s.id}`,
    { batch: s.key },
  );
  if (!r.ok) throw new Error(`shipment ${s.key}: ${r.status}`);
  return r.body;
}

export async function advanceShipment(
  ctx: DistributionContext,
  s: ShipmentSummary,
  goal: ShipmentGoal,
): Promise<void> {
  if (ctx.stuck.has(s.id)) return;
  const d = await detail(ctx, s);
  const dispensed = d.doses.filter((x) => x.doseId !== null);
  // Nothing dispensed (e.g. --limit-batches left its batches out): nothing to carry; the end
  // state counts it as planned.
  if (dispensed.length === 0) return;
  switch (goal) {
    case 'dispatch':
      return dispatch(ctx, s, d);
    case 'arrive':
      return arrive(ctx, s, d);
    case 'administer':
      return administer(ctx, s, d);
    case 'close-waste':
      return closeWaste(ctx, s);
  }
}

async function dispatch(ctx: DistributionContext, s: ShipmentSummary, d: ShipmentDetail) {
  const { api } = ctx;
  const path = `/api/shipments/${s.id}`;
  let status = d.shipment.status;
  let codes = d.packages.map((p) => p.code);
  const unpacked = d.doses.filter((x) => x.doseId !== null && x.packageCode === null);
  if ((status === 'planned' || status === 'packed') && unpacked.length > 0) {
    const r = await api.call<ShipmentDetail>(
      'pack',
      'radiopharmacist',
      'POST',
      `${path}/packages`,
      {
        json: {
          orderIds: unpacked.map((x) => x.orderId),
          packaging: 'type-a-case',
          leadMm: 10,
          surfaceUSvPerH: SURFACE_USV_H,
          oneMetreUSvPerH: ONE_METRE_USV_H,
        },
        batch: s.key,
      },
    );
    if (!r.ok) return void ctx.stuck.set(s.id, `${s.key}: packing refused`);
    status = r.body.shipment.status;
    codes = r.body.packages.map((p) => p.code);
  }
  if (status === 'packed') {
    const couriers = await api.call<{ couriers: { id: string }[] }>(
      'shipment read',
      'radiopharmacist',
      'GET',
      '/api/couriers',
    );
    const courierId = couriers.body.couriers[0]?.id;
    if (courierId === undefined) return void ctx.stuck.set(s.id, 'no courier');
    const r = await api.call('load', 'radiopharmacist', 'POST', `${path}/load`, {
      json: { vehicle: `SIM-${s.key}`, courierId, scannedCodes: codes },
      batch: s.key,
    });
    if (!r.ok) return void ctx.stuck.set(s.id, `${s.key}: loading refused`);
    status = 'loaded';
  }
  if (status === 'loaded') {
    const sign = async (withId: boolean) =>
      api.call('pick-up', 'courier', 'POST', `${path}/pick-up`, {
        json: {
          scannedCodes: codes,
          password: ctx.password,
          ...(withId ? { email: 'courier@demo.halflife' } : {}),
        },
        batch: s.key,
      });
    const r = await sign(!api.courierSignedInSession);
    if (r.ok) api.courierSignedInSession = true;
    else ctx.stuck.set(s.id, `${s.key}: pick-up refused`);
  }
}

async function arrive(ctx: DistributionContext, s: ShipmentSummary, d: ShipmentDetail) {
  const { api } = ctx;
  const path = `/api/shipments/${s.id}`;
  if (d.shipment.status === 'in-transit') {
    const r = await api.call('deliver', 'courier', 'POST', `${path}/deliver`, {
      json: { scannedCodes: d.packages.map((p) => p.code) },
      batch: s.key,
    });
    if (!r.ok) return void ctx.stuck.set(s.id, `${s.key}: delivery refused`);
  } else if (d.shipment.status !== 'delivered') {
    return void ctx.stuck.set(s.id, `${s.key}: ${d.shipment.status} at its arrival`);
  }
  const staff = ctx.staff.get(s.hospitalId);
  if (staff === undefined) return void ctx.stuck.set(s.id, `${s.key}: no staff at the hospital`);
  const now = ctx.server.now();
  for (const x of d.doses) {
    if (x.doseId === null || x.receipt !== null) continue;
    const expected = decayed(x.nuclide, x.dispensedBq!, Date.parse(x.dispensedAt!), now);
    await api.call('receipt', staff, 'POST', `/api/doses/${x.doseId}/receipt`, {
      json: {
        packageCode: x.packageCode,
        measuredBq: expected * CALIBRATOR_BIAS,
        measuredAt: isoIn(now, s.hospitalZone),
      },
      batch: s.key,
    });
  }
}

async function wasteContainer(
  ctx: DistributionContext,
  s: ShipmentSummary,
  staff: Role,
): Promise<string | undefined> {
  const list = await ctx.api.call<{
    containers: { id: string; hospitalId: string | null; kind: string }[];
  }>('waste', staff, 'GET', '/api/waste?status=open');
  const open = list.body.containers?.find(
    (c) => c.hospitalId === s.hospitalId && c.kind === 'residues',
  );
  if (open) return open.id;
  const r = await ctx.api.call<{ id: string }>('waste', staff, 'POST', '/api/waste', {
    json: { placeId: s.hospitalId, kind: 'residues', rule: 'ten-half-lives' },
    batch: s.key,
  });
  return r.ok ? r.body.id : undefined;
}

async function administer(ctx: DistributionContext, s: ShipmentSummary, d: ShipmentDetail) {
  const staff = ctx.staff.get(s.hospitalId);
  if (staff === undefined) return;
  const delivered = d.events.find((e) => e.kind === 'delivered');
  if (!delivered) return void ctx.stuck.set(s.id, `${s.key}: not delivered by administration`);
  const container = await wasteContainer(ctx, s, staff);
  for (const x of d.doses) {
    if (x.receipt === null || x.receipt.status === 'refused' || x.administration !== null) continue;
    const at = administrationAt(x.calibrationAt, Date.parse(delivered.at));
    const from = Date.parse(x.dispensedAt!);
    const before = decayed(x.nuclide, x.dispensedBq!, from, at - 5 * MINUTE);
    const residue = RESIDUE_SHARE * decayed(x.nuclide, x.dispensedBq!, from, at + 5 * MINUTE);
    const given =
      decayed(x.nuclide, before, at - 5 * MINUTE, at) -
      decayed(x.nuclide, residue, at + 5 * MINUTE, at);
    const off = Math.abs(given / x.orderedBq - 1) * 100;
    await ctx.api.call('administration', staff, 'POST', `/api/doses/${x.doseId}/administration`, {
      json: {
        patientRef: x.patientRef ?? `SIM-${x.orderId.slice(0, 8)}`,
        prescribedBq: x.orderedBq,
        beforeBq: before,
        beforeAt: isoIn(at - 5 * MINUTE, s.hospitalZone),
        residueBq: residue,
        residueAt: isoIn(at + 5 * MINUTE, s.hospitalZone),
        administeredAt: isoIn(at, s.hospitalZone),
        ...(off > x.tolerancePct || off > 20 ? { direction: DIRECTION } : {}),
        ...(container === undefined ? {} : { wasteContainerId: container }),
      },
      batch: s.key,
    });
  }
}

async function closeWaste(ctx: DistributionContext, s: ShipmentSummary) {
  const staff = ctx.staff.get(s.hospitalId);
  if (staff === undefined) return;
  const list = await ctx.api.call<{
    containers: { id: string; hospitalId: string | null; status: string; items: unknown[] }[];
  }>('waste', staff, 'GET', '/api/waste?status=open');
  for (const c of list.body.containers ?? []) {
    if (c.hospitalId !== s.hospitalId || c.items.length === 0) continue;
    await ctx.api.call('waste', staff, 'POST', `/api/waste/${c.id}/close`, { batch: s.key });
  }
}
