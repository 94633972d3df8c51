import { localTimeOf } from '@halflife/domain';
import type { OrderAssessment, OrderSpec, PlanningInstance } from '@halflife/planner';

/**
 * The pure part of the network map: which products can reach each hospital in time on a date,
 * judged by the planner's own single-dose rules (`assessOrders`) on hypothetical orders, one per
 * full local hour of each hospital's receiving hours, for every product at its standard dose.
 */

/** Body weight for products dosed per kilogram (assumption: a 70 kg adult). */
export const STANDARD_WEIGHT_KG = 70;

/** What `hypotheticalOrders` needs of a product besides its spec: its standard dose. */
export interface ProductDose {
  readonly code: string;
  readonly doseBq: number | null;
  readonly doseBqPerKg: number | null;
}

/** A product's standard dose in Bq: fixed, or per kilogram for a 70 kg patient; null if neither. */
export function standardDoseBq(p: ProductDose): number | null {
  if (p.doseBq !== null && p.doseBq > 0) return p.doseBq;
  if (p.doseBqPerKg !== null && p.doseBqPerKg > 0) return p.doseBqPerKg * STANDARD_WEIGHT_KG;
  return null;
}

/** One hypothetical order and what it stands for. */
export interface HypotheticalOrder {
  readonly spec: OrderSpec;
  readonly hospital: string;
  readonly product: string;
}

export interface HypotheticalOrderOptions {
  /** Standard dose of each product code (Bq); a product without one gets no orders. */
  readonly doses: ReadonlyMap<string, number>;
  /** Each hospital's IANA time zone, for its full hours; absent: the instance's zone, else UTC. */
  readonly zones: ReadonlyMap<string, string>;
  readonly prepMarginMinutes: number;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The full local hours from `startMs` to `endMs`, both ends included, as epoch milliseconds. */
export function fullHoursWithin(startMs: number, endMs: number, zone: string): number[] {
  const aligned = Math.ceil(startMs / MINUTE_MS) * MINUTE_MS;
  const minute = Number(localTimeOf(aligned, zone).slice(3));
  const first = aligned + ((60 - minute) % 60) * MINUTE_MS;
  const hours: number[] = [];
  for (let t = first; t <= endMs; t += HOUR_MS) hours.push(t);
  return hours;
}

function zoneOf(instance: PlanningInstance, hospital: string, zones: ReadonlyMap<string, string>) {
  return zones.get(hospital) ?? instance.timeZone ?? 'UTC';
}

/**
 * The instance's hospitals × products as orders: one per full local hour inside each receiving
 * interval, calibrated on the hour, at the product's standard dose, priority 1.
 */
export function hypotheticalOrders(
  instance: PlanningInstance,
  options: HypotheticalOrderOptions,
): HypotheticalOrder[] {
  const orders: HypotheticalOrder[] = [];
  for (const h of instance.hospitals) {
    const zone = zoneOf(instance, h.id, options.zones);
    const hours = [
      ...new Set(
        h.receiving.flatMap((r) => fullHoursWithin(Date.parse(r.start), Date.parse(r.end), zone)),
      ),
    ].sort((a, b) => a - b);
    for (const p of instance.products) {
      const dose = options.doses.get(p.id);
      if (dose === undefined) continue;
      for (const t of hours) {
        orders.push({
          hospital: h.id,
          product: p.id,
          spec: {
            id: `${h.id}|${p.id}|${new Date(t).toISOString()}`,
            hospital: h.id,
            product: p.id,
            activityBq: dose,
            calibrationAt: new Date(t).toISOString(),
            prepMarginMinutes: options.prepMarginMinutes,
            priority: 1,
          },
        });
      }
    }
  }
  return orders;
}

/** Whether one product can reach one hospital in time on the date. */
export interface ProductReach {
  readonly productCode: string;
  readonly productName: string;
  readonly servable: boolean;
  /** Earliest and latest servable injection hour, local to the hospital ("HH:MM"); null if none. */
  readonly earliest: string | null;
  readonly latest: string | null;
  /** Hours tried and hours servable. */
  readonly hoursChecked: number;
  readonly hoursServable: number;
  /** Sites that could make it for at least one hour, by name. */
  readonly sites: string[];
  /** The planner's reason when no hour is servable (the commonest among the hours). */
  readonly reason: string | null;
}

/** The assessments folded per hospital and product, in the instance's product order. */
export function reachByHospital(
  instance: PlanningInstance,
  orders: readonly HypotheticalOrder[],
  assessments: readonly OrderAssessment[],
  zones: ReadonlyMap<string, string>,
): Map<string, ProductReach[]> {
  const byId = new Map(assessments.map((a) => [a.orderId, a]));
  const grouped = new Map<string, { order: HypotheticalOrder; assessment: OrderAssessment }[]>();
  for (const order of orders) {
    const assessment = byId.get(order.spec.id);
    if (!assessment) continue;
    const key = `${order.hospital}|${order.product}`;
    const list = grouped.get(key) ?? [];
    list.push({ order, assessment });
    grouped.set(key, list);
  }
  const reach = new Map<string, ProductReach[]>();
  for (const h of instance.hospitals) {
    const zone = zoneOf(instance, h.id, zones);
    reach.set(
      h.id,
      instance.products.map((p) => fold(p.id, p.name, grouped.get(`${h.id}|${p.id}`) ?? [], zone)),
    );
  }
  return reach;
}

function fold(
  productCode: string,
  productName: string,
  hours: readonly { order: HypotheticalOrder; assessment: OrderAssessment }[],
  zone: string,
): ProductReach {
  const servable = hours
    .filter((x) => x.assessment.servable)
    .map((x) => Date.parse(x.order.spec.calibrationAt))
    .sort((a, b) => a - b);
  const sites = new Set<string>();
  const reasons = new Map<string, number>();
  for (const { assessment: a } of hours) {
    if (a.servable) for (const s of a.sites) sites.add(s);
    else reasons.set(a.reason, (reasons.get(a.reason) ?? 0) + 1);
  }
  const first = servable[0];
  const last = servable[servable.length - 1];
  return {
    productCode,
    productName,
    servable: first !== undefined,
    earliest: first === undefined ? null : localTimeOf(first, zone),
    latest: last === undefined ? null : localTimeOf(last, zone),
    hoursChecked: hours.length,
    hoursServable: servable.length,
    sites: [...sites].sort(),
    reason: first !== undefined ? null : commonest(reasons, hours.length),
  };
}

function commonest(reasons: ReadonlyMap<string, number>, checked: number): string {
  if (checked === 0) return 'the hospital does not receive deliveries on this date';
  let best = '';
  let count = 0;
  // Map keeps insertion order (hour order), so a tie goes to the earliest hour's reason.
  for (const [reason, n] of reasons) {
    if (n > count) [best, count] = [reason, n];
  }
  return best;
}
