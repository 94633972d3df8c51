import type { CheckContext, ShipmentView } from './check-context.js';
import { formatMinutes, formatTime, significant } from './format.js';
import { atMost, sameSecond } from './instant.js';
import { describeSpans, spansOf, withinOne, type Span } from './intervals.js';

/** Rules 5 and 6: lanes, departures, arrivals, vehicle capacity and transport index. */
export function checkShipments(ctx: CheckContext): void {
  const receiving = new Map<string, Span[]>();
  for (const h of ctx.instance.hospitals) {
    receiving.set(h.id, spansOf(ctx, h.receiving, `hospital ${h.id}`, 'receiving'));
  }
  const schedules = new Map<string, Set<number>>();
  for (const lane of ctx.instance.lanes) {
    if (lane.departures === null) continue;
    const minutes = new Set<number>();
    for (const [i, text] of lane.departures.entries()) {
      const t = ctx.time(text, `lane ${lane.id}`, `departures[${i}]`);
      if (t !== undefined) minutes.add(Math.round(t / 60));
    }
    schedules.set(lane.id, minutes);
  }
  // A shipment that had left when the instance was made (rule 12) is a fact, checked against the
  // instance's record of it: it may have left on an earlier day than the horizon covers.
  const departed = new Set((ctx.instance.departedShipments ?? []).map((s) => s.id));
  for (const view of ctx.shipments.values()) {
    checkShipment(ctx, view, receiving, schedules, departed.has(view.shipment.id));
    checkDeliveries(ctx, view);
    checkVehicle(ctx, view);
  }
}

function checkShipment(
  ctx: CheckContext,
  view: ShipmentView,
  receiving: ReadonlyMap<string, Span[]>,
  schedules: ReadonlyMap<string, Set<number>>,
  departed: boolean,
): void {
  const { report, horizon } = ctx;
  const { subject, lane, depart, arrive } = view;
  const at = (t: number): string => formatTime(t, ctx.day);
  if (view.carried === 0) report('shipment-empty', subject, `The shipment carries no dose.`);
  if (!lane || depart === undefined || arrive === undefined) return;
  const want = depart + lane.durationMinutes * 60;
  if (!sameSecond(arrive, want)) {
    report(
      'shipment-duration',
      subject,
      `Arrives ${at(arrive)}, but departure ${at(depart)} + ${lane.durationMinutes} min on lane ${lane.id} is ${at(want)}.`,
    );
  }
  if (departed) return;
  const schedule = schedules.get(lane.id);
  if (schedule && !schedule.has(Math.round(depart / 60))) {
    const listed = [...schedule].sort((a, b) => a - b).map((m) => at(m * 60));
    report(
      'shipment-schedule',
      subject,
      `Departs ${at(depart)}, not one of the scheduled departures of lane ${lane.id} (${listed.join(', ') || 'none'}).`,
    );
  }
  const open = receiving.get(lane.hospital);
  if (open && !withinOne(open, arrive, arrive)) {
    report(
      'arrival-receiving',
      subject,
      `Arrives ${at(arrive)} at hospital ${lane.hospital}, outside its receiving hours (${describeSpans(open, at)}).`,
    );
  }
  if (horizon && (arrive < horizon.start || arrive > horizon.end)) {
    report(
      'arrival-receiving',
      subject,
      `Arrives ${at(arrive)}, outside the horizon ${at(horizon.start)}–${at(horizon.end)}.`,
    );
  }
}

/** Per dose: lane ends, release before departure, earliest and latest arrival. */
function checkDeliveries(ctx: CheckContext, view: ShipmentView): void {
  const { report } = ctx;
  const { lane, depart, arrive } = view;
  const at = (t: number): string => formatTime(t, ctx.day);
  const late = new Set<string>();
  for (const dose of view.doses) {
    const { batch, order, subject } = dose;
    if (lane && (lane.site !== batch.batch.site || lane.hospital !== order.hospital)) {
      report(
        'shipment-lane',
        subject,
        `Shipment ${view.shipment.id} uses lane ${lane.id} (${lane.site} → ${lane.hospital}), but the dose goes from site ${batch.batch.site} to hospital ${order.hospital}.`,
      );
    }
    if (
      depart !== undefined &&
      batch.release !== undefined &&
      depart < batch.release &&
      !late.has(batch.batch.id)
    ) {
      late.add(batch.batch.id);
      report(
        'shipment-release',
        view.subject,
        `Departs ${at(depart)}, before batch ${batch.batch.id} it carries is released at ${at(batch.release)}.`,
      );
    }
    if (arrive === undefined) continue;
    const earliest =
      order.earliestArrivalAt === undefined
        ? undefined
        : ctx.time(order.earliestArrivalAt, subject, 'earliestArrivalAt');
    if (earliest !== undefined && arrive < earliest) {
      report(
        'arrival-early',
        subject,
        `Dose for order ${order.id} arrives ${at(arrive)}, before its earliest arrival ${at(earliest)}.`,
      );
    }
    if (dose.calibration === undefined) continue;
    const latest = dose.calibration - order.prepMarginMinutes * 60;
    if (arrive > latest) {
      report(
        'arrival-late',
        subject,
        `Dose for order ${order.id} arrives ${at(arrive)}, after its latest arrival ${at(latest)} (calibration ${at(dose.calibration)} − ${formatMinutes(order.prepMarginMinutes * 60)} preparation).`,
      );
    }
  }
}

/** Rule 6: at most vehicleCapacity doses and maxTransportIndex summed TI at departure. */
function checkVehicle(ctx: CheckContext, view: ShipmentView): void {
  const { lane, depart, subject } = view;
  if (!lane) return;
  if (view.carried > lane.vehicleCapacity) {
    ctx.report(
      'vehicle-capacity',
      subject,
      `Carries ${view.carried} doses; a vehicle on lane ${lane.id} takes ${lane.vehicleCapacity}.`,
    );
  }
  if (depart === undefined) return;
  let ti = 0;
  for (const { batch, product, dose } of view.doses) {
    if (batch.eos === undefined || !ctx.nuclideKnown(product.nuclide)) continue;
    const elapsed = Math.max(0, depart - batch.eos);
    ti +=
      dose.eosActivityBq *
      ctx.decay.transportIndexPerBq(product.nuclide, product.transportIndexPerGbq, elapsed);
  }
  if (!atMost(ti, lane.maxTransportIndex)) {
    ctx.report(
      'vehicle-ti',
      subject,
      `Summed transport index at departure ${formatTime(depart, ctx.day)} is ${significant(ti)}, above the ${lane.maxTransportIndex} allowed on lane ${lane.id}.`,
    );
  }
}
