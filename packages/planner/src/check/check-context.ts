import type {
  HospitalSpec,
  LaneSpec,
  OrderSpec,
  PlanningInstance,
  ProductSpec,
  SiteSpec,
} from '../instance.js';
import type { Plan, PlannedBatch, PlannedDose, PlannedShipment } from '../plan.js';
import type { DecayTable } from './decay-table.js';
import { instantSeconds } from './instant.js';
import type { Report } from './violation.js';

/** A plan batch with its times read (undefined: unreadable, already reported). */
export interface BatchView {
  readonly batch: PlannedBatch;
  readonly subject: string;
  readonly product: ProductSpec | undefined;
  readonly start: number | undefined;
  readonly eos: number | undefined;
  readonly release: number | undefined;
}

export interface ShipmentView {
  readonly shipment: PlannedShipment;
  readonly subject: string;
  readonly lane: LaneSpec | undefined;
  readonly depart: number | undefined;
  readonly arrive: number | undefined;
  /** The resolved doses it carries. */
  readonly doses: DoseView[];
  /** Doses naming it, resolved or not. */
  carried: number;
}

/** A dose whose order, batch (with its product) and shipment are all known. */
export interface DoseView {
  readonly dose: PlannedDose;
  readonly subject: string;
  readonly order: OrderSpec;
  readonly batch: BatchView;
  readonly product: ProductSpec;
  readonly shipment: ShipmentView;
  readonly calibration: number | undefined;
}

/** Lookups and readings shared by the checks. */
export interface CheckContext {
  readonly instance: PlanningInstance;
  readonly plan: Plan;
  readonly report: Report;
  /** Horizon start (for short times in messages). */
  readonly day: number | undefined;
  readonly horizon: { readonly start: number; readonly end: number } | undefined;
  readonly products: ReadonlyMap<string, ProductSpec>;
  readonly sites: ReadonlyMap<string, SiteSpec>;
  readonly hospitals: ReadonlyMap<string, HospitalSpec>;
  readonly lanes: ReadonlyMap<string, LaneSpec>;
  readonly orders: ReadonlyMap<string, OrderSpec>;
  readonly batches: ReadonlyMap<string, BatchView>;
  readonly shipments: ReadonlyMap<string, ShipmentView>;
  readonly doses: readonly DoseView[];
  /** Reads an instant, reporting one that cannot be read. */
  readonly time: (text: string | undefined, subject: string, field: string) => number | undefined;
  /** Decay ratio of a nuclide; undefined (reported once) when the engine does not know it. */
  readonly ratio: (nuclide: string, seconds: number) => number | undefined;
  readonly decay: DecayTable;
  readonly nuclideKnown: (nuclide: string) => boolean;
}

const byId = <T extends { readonly id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.id, item]));

export function checkContext(
  instance: PlanningInstance,
  plan: Plan,
  report: Report,
  decay: DecayTable,
): CheckContext {
  const time = (text: string | undefined, subject: string, field: string): number | undefined => {
    const seconds = instantSeconds(text);
    if (seconds === undefined) {
      report('format', subject, `${field} "${String(text)}" is not an ISO 8601 instant.`);
    }
    return seconds;
  };
  const failed = new Set<string>();
  const nuclideKnown = (nuclide: string): boolean => {
    if (failed.has(nuclide)) return false;
    try {
      decay.ratio(nuclide, 0);
      return true;
    } catch {
      failed.add(nuclide);
      report('reference', `nuclide ${nuclide}`, `Nuclide ${nuclide} is not in the decay dataset.`);
      return false;
    }
  };
  const ratio = (nuclide: string, seconds: number): number | undefined =>
    nuclideKnown(nuclide) ? decay.ratio(nuclide, Math.max(0, seconds)) : undefined;

  const hStart = time(instance.horizon.start, 'instance', 'horizon.start');
  const hEnd = time(instance.horizon.end, 'instance', 'horizon.end');
  const products = byId(instance.products);
  const sites = byId(instance.sites);
  const lanes = byId(instance.lanes);
  const orders = byId(instance.orders);

  const batches = new Map<string, BatchView>();
  for (const batch of plan.batches) {
    const subject = `batch ${batch.id}`;
    if (batches.has(batch.id)) {
      report('reference', subject, `Batch id ${batch.id} is used by more than one batch.`);
      continue;
    }
    const product = products.get(batch.product);
    if (!product) report('reference', subject, `Product ${batch.product} is not in the instance.`);
    batches.set(batch.id, {
      batch,
      subject,
      product,
      start: time(batch.startAt, subject, 'startAt'),
      eos: time(batch.eosAt, subject, 'eosAt'),
      release: time(batch.releaseAt, subject, 'releaseAt'),
    });
  }

  const shipments = new Map<string, ShipmentView>();
  for (const shipment of plan.shipments) {
    const subject = `shipment ${shipment.id}`;
    if (shipments.has(shipment.id)) {
      report('reference', subject, `Shipment id ${shipment.id} is used by more than one shipment.`);
      continue;
    }
    const lane = lanes.get(shipment.lane);
    if (!lane) report('reference', subject, `Lane ${shipment.lane} is not in the instance.`);
    shipments.set(shipment.id, {
      shipment,
      subject,
      lane,
      depart: time(shipment.departAt, subject, 'departAt'),
      arrive: time(shipment.arriveAt, subject, 'arriveAt'),
      doses: [],
      carried: 0,
    });
  }

  const doses: DoseView[] = [];
  for (const dose of plan.doses) {
    const subject = `order ${dose.order}`;
    const order = orders.get(dose.order);
    const batch = batches.get(dose.batch);
    const shipment = shipments.get(dose.shipment);
    if (shipment) shipment.carried++;
    if (!order)
      report('reference', subject, `The dose names order ${dose.order}, not in the instance.`);
    if (!batch)
      report('reference', subject, `The dose names batch ${dose.batch}, not in the plan.`);
    if (!shipment) {
      report('reference', subject, `The dose names shipment ${dose.shipment}, not in the plan.`);
    }
    if (!order || !batch?.product || !shipment) continue;
    const view: DoseView = {
      dose,
      subject,
      order,
      batch,
      product: batch.product,
      shipment,
      calibration: time(order.calibrationAt, subject, 'calibrationAt'),
    };
    doses.push(view);
    shipment.doses.push(view);
  }

  return {
    instance,
    plan,
    report,
    day: hStart,
    horizon: hStart !== undefined && hEnd !== undefined ? { start: hStart, end: hEnd } : undefined,
    products,
    sites,
    hospitals: byId(instance.hospitals),
    lanes,
    orders,
    batches,
    shipments,
    doses,
    time,
    ratio,
    decay,
    nuclideKnown,
  };
}
