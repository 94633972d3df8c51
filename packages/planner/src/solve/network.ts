import type {
  DepartedShipment,
  FixedBatch,
  HospitalSpec,
  Interval,
  LaneSpec,
  LineSpec,
  OrderSpec,
  PlanningInstance,
  ProductSpec,
  SiteSpec,
  SupplySpec,
} from '../instance.js';
import { productDecay, type ProductDecay } from '../product-decay.js';

/**
 * The instance compiled for planning: indexes instead of ids and minutes since the horizon's
 * start instead of instants. Built once per plan; everything below reads it.
 */
export interface Network {
  readonly instance: PlanningInstance;
  /** Epoch milliseconds of minute 0 (the horizon's start). */
  readonly originMs: number;
  readonly horizonEnd: number;
  readonly products: readonly NetProduct[];
  readonly sites: readonly NetSite[];
  readonly lines: readonly NetLine[];
  readonly hospitals: readonly NetHospital[];
  readonly lanes: readonly NetLane[];
  readonly orders: readonly NetOrder[];
  readonly fixed: readonly NetFixedBatch[];
  /** Re-planning: no new batch starts before this minute and no new shipment leaves by it (−∞: none). */
  readonly replanFrom: number;
  /** Re-planning: shipments that have left, with their doses, kept as they are. */
  readonly departed: readonly NetDeparted[];
  /** Orders travelling on a departed shipment: no option is generated for them. */
  readonly departedOrders: ReadonlySet<number>;
  /** Weight of leaving an order of priority 1 unserved (rule 11 of docs/planning-instance.md). */
  readonly unservedWeight: number;
}

export type Span = readonly [start: number, end: number];

export interface NetProduct {
  readonly index: number;
  readonly spec: ProductSpec;
  readonly decay: ProductDecay;
  /** Cost of one Bq of EOS activity through the isotope it takes: costPerGbq ÷ yield ÷ 1e9. */
  readonly costPerEosBq: number;
}

export interface NetSite {
  readonly index: number;
  readonly spec: SiteSpec;
  readonly open: readonly Span[];
  readonly lines: readonly number[];
  readonly supply: ReadonlyMap<string, readonly SupplyPoint[]>;
  readonly licence: ReadonlyMap<string, number>;
}

export interface SupplyPoint {
  readonly at: number;
  readonly activityBq: number;
  readonly label: string;
}

export interface NetLine {
  readonly index: number;
  readonly site: number;
  readonly spec: LineSpec;
  readonly products: ReadonlySet<number>;
  readonly outages: readonly Span[];
}

export interface NetHospital {
  readonly index: number;
  readonly spec: HospitalSpec;
  readonly receiving: readonly Span[];
  /** The hospital's licence per nuclide: the most it may receive in one day of the horizon. */
  readonly licence: ReadonlyMap<string, number>;
  /** What departed doses bring it, per `licenceKey(nuclide, day)`, at arrival. */
  readonly received: ReadonlyMap<string, number>;
  /** Lanes into the hospital. */
  readonly lanes: readonly number[];
}

export interface NetLane {
  readonly index: number;
  readonly spec: LaneSpec;
  readonly site: number;
  readonly hospital: number;
  /** Minutes, ascending; null for a vehicle on demand. */
  readonly departures: readonly number[] | null;
}

export interface NetOrder {
  readonly index: number;
  readonly spec: OrderSpec;
  readonly hospital: number;
  readonly product: number;
  readonly calibration: number;
  /** Latest acceptable arrival: calibration − preparation margin. */
  readonly latestArrival: number;
  /** Earliest acceptable arrival (the order's own bound; receiving hours apply separately). */
  readonly earliestArrival: number;
  readonly tolerance: number;
}

export interface NetFixedBatch {
  readonly spec: FixedBatch;
  readonly line: number;
  readonly product: number;
  readonly start: number;
}

export interface NetDeparted {
  readonly spec: DepartedShipment;
  readonly lane: number;
  readonly depart: number;
  readonly arrive: number;
  readonly doses: readonly {
    readonly order: number;
    readonly fixed: number;
    readonly eosBq: number;
  }[];
}

export function compileNetwork(instance: PlanningInstance): Network {
  const originMs = Date.parse(instance.horizon.start);
  const minutes = (iso: string): number => (Date.parse(iso) - originMs) / 60_000;
  const span = (i: Interval): Span => [minutes(i.start), minutes(i.end)];
  const indexOf = <T extends { id: string }>(items: readonly T[]): Map<string, number> =>
    new Map(items.map((item, i) => [item.id, i]));
  const productIndex = indexOf(instance.products);
  const siteIndex = indexOf(instance.sites);
  const hospitalIndex = indexOf(instance.hospitals);
  const at = (map: Map<string, number>, id: string, what: string): number => {
    const i = map.get(id);
    if (i === undefined) throw new Error(`unknown ${what} '${id}'`);
    return i;
  };

  const products = instance.products.map((spec, index): NetProduct => ({
    index,
    spec,
    decay: productDecay(spec.nuclide, spec.transportIndexPerGbq),
    costPerEosBq: spec.costPerGbq / spec.radiochemicalYield / 1e9,
  }));

  const lines: NetLine[] = [];
  const lineIndex = new Map<string, number>();
  const sites = instance.sites.map((spec, index): NetSite => {
    const own = spec.lines.map((line) => {
      const i = lines.length;
      lineIndex.set(`${spec.id}\u0000${line.id}`, i);
      const outages = (instance.outages ?? [])
        .filter((o) => o.site === spec.id && o.line === line.id)
        .map((o): Span => [minutes(o.from), o.to === undefined ? Infinity : minutes(o.to)]);
      lines.push({
        index: i,
        site: index,
        spec: line,
        products: new Set(line.products.map((p) => at(productIndex, p, 'product'))),
        outages,
      });
      return i;
    });
    return {
      index,
      spec,
      open: spec.open.map(span).sort((a, b) => a[0] - b[0]),
      lines: own,
      supply: supplyByNuclide(spec.supply, minutes),
      licence: new Map(spec.licences.map((l) => [l.nuclide, l.maxActivityBq])),
    };
  });

  const lanesInto: number[][] = instance.hospitals.map(() => []);
  const lanes = instance.lanes.map((spec, index): NetLane => {
    const hospital = at(hospitalIndex, spec.hospital, 'hospital');
    lanesInto[hospital]?.push(index);
    return {
      index,
      spec,
      site: at(siteIndex, spec.site, 'site'),
      hospital,
      departures:
        spec.departures === null ? null : spec.departures.map(minutes).sort((a, b) => a - b),
    };
  });
  const horizonEnd = minutes(instance.horizon.end);
  const orders = instance.orders.map((spec, index): NetOrder => {
    const product = at(productIndex, spec.product, 'product');
    const calibration = minutes(spec.calibrationAt);
    return {
      index,
      spec,
      hospital: at(hospitalIndex, spec.hospital, 'hospital'),
      product,
      calibration,
      latestArrival: Math.min(calibration - spec.prepMarginMinutes, horizonEnd),
      earliestArrival: Math.max(
        spec.earliestArrivalAt === undefined ? 0 : minutes(spec.earliestArrivalAt),
        0,
      ),
      tolerance: (spec.tolerancePct ?? instance.products[product]?.tolerancePct ?? 0) / 100,
    };
  });

  const fixed = (instance.fixedBatches ?? []).map((spec): NetFixedBatch => ({
    spec,
    line: at(lineIndex, `${spec.site}\u0000${spec.line}`, 'line'),
    product: at(productIndex, spec.product, 'product'),
    start: minutes(spec.startAt),
  }));

  const fixedIndex = new Map(fixed.map((f, i) => [f.spec.id, i]));
  const orderIndex = indexOf(instance.orders);
  const departed = (instance.departedShipments ?? []).map((spec): NetDeparted => ({
    spec,
    lane: at(indexOf(instance.lanes), spec.lane, 'lane'),
    depart: minutes(spec.departAt),
    arrive: minutes(spec.arriveAt),
    doses: spec.doses.map((d) => ({
      order: at(orderIndex, d.order, 'order'),
      fixed: at(fixedIndex, d.batch, 'fixed batch'),
      eosBq: d.eosActivityBq,
    })),
  }));
  // What departed doses bring a hospital counts against its licence of that day (rule 9).
  const received = new Map<number, Map<string, number>>();
  for (const shipment of departed) {
    for (const d of shipment.doses) {
      const batch = fixed[d.fixed]!;
      const product = products[batch.product]!;
      const eos = batch.start + product.spec.synthesisMinutes;
      const hospital = orders[d.order]!.hospital;
      const byKey = received.get(hospital) ?? new Map<string, number>();
      const key = licenceKey(product.spec.nuclide, horizonDay(shipment.arrive));
      const bq = d.eosBq * product.decay.factor(shipment.arrive - eos);
      byKey.set(key, (byKey.get(key) ?? 0) + bq);
      received.set(hospital, byKey);
    }
  }
  const hospitals = instance.hospitals.map((spec, index): NetHospital => ({
    index,
    spec,
    receiving: spec.receiving.map(span).sort((a, b) => a[0] - b[0]),
    licence: new Map(spec.licences.map((l) => [l.nuclide, l.maxActivityBq])),
    received: received.get(index) ?? new Map(),
    lanes: lanesInto[index] ?? [],
  }));

  return {
    instance,
    originMs,
    horizonEnd,
    products,
    sites,
    lines,
    hospitals,
    lanes,
    orders,
    fixed,
    replanFrom: instance.replanFrom === undefined ? -Infinity : minutes(instance.replanFrom),
    departed,
    departedOrders: new Set(departed.flatMap((s) => s.doses.map((d) => d.order))),
    unservedWeight: unservedWeight(instance),
  };
}

/** Rule 11: W = 10 × (most expensive full batch with its isotope + most expensive vehicle). */
export function unservedWeight(instance: PlanningInstance): number {
  const batch = Math.max(
    0,
    ...instance.products.map(
      (p) => p.costPerBatch + (p.costPerGbq * p.maxBatchBq) / p.radiochemicalYield / 1e9,
    ),
  );
  const lane = Math.max(0, ...instance.lanes.map((l) => l.cost));
  return 10 * (batch + lane);
}

function supplyByNuclide(
  supply: readonly SupplySpec[],
  minutes: (iso: string) => number,
): Map<string, SupplyPoint[]> {
  const byNuclide = new Map<string, SupplyPoint[]>();
  for (const s of supply) {
    const points = byNuclide.get(s.nuclide) ?? [];
    for (const r of s.releases)
      points.push({ at: minutes(r.at), activityBq: r.activityBq, label: s.label });
    byNuclide.set(s.nuclide, points);
  }
  for (const points of byNuclide.values()) points.sort((a, b) => a.at - b.at);
  return byNuclide;
}

/** An instant `m` minutes after the network's origin, ISO 8601 UTC to the second. */
export function instantOf(net: Network, m: number): string {
  return new Date(net.originMs + Math.round(m * 60) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Minutes in a day of the horizon: days are counted in 24-hour periods from its start. */
const DAY_MINUTES = 1440;

/** The day of the horizon (0, 1, …) a minute falls in; minute 0 is the horizon's start. */
export function horizonDay(minute: number): number {
  return Math.floor(minute / DAY_MINUTES);
}

/** Key of a hospital's receipts of one nuclide on one day of the horizon. */
export function licenceKey(nuclide: string, day: number): string {
  return `${nuclide}\u0000${day}`;
}

/**
 * What a hospital may still receive of a nuclide on the day of the horizon that `arrive` falls in
 * (rule 9): its licence less what departed doses bring it that day.
 */
export function hospitalLicenceLeft(
  hospital: NetHospital,
  nuclide: string,
  arrive: number,
): number {
  const licence = hospital.licence.get(nuclide) ?? 0;
  const received = hospital.received.get(licenceKey(nuclide, horizonDay(arrive))) ?? 0;
  return Math.max(0, licence - received);
}
