import {
  horizonDay,
  hospitalLicenceLeft,
  type NetFixedBatch,
  type NetLane,
  type NetOrder,
  type Network,
} from './network.js';

/** A batch the planner may run: a line, a product and a start time (or a fixed batch). */
export interface Slot {
  readonly index: number;
  readonly site: number;
  readonly line: number;
  readonly product: number;
  readonly start: number;
  readonly eos: number;
  readonly release: number;
  /** Most EOS activity the slot can hold: the product's batch limit, or a fixed batch's activity. */
  readonly capacityBq: number;
  /** What new doses may draw: the capacity less the doses of the batch that have already left. */
  readonly roomBq: number;
  readonly fixed: NetFixedBatch | undefined;
}

/** One way to serve an order: a slot, a lane and a departure. */
export interface DoseOption {
  readonly index: number;
  readonly order: number;
  readonly slot: number;
  readonly lane: number;
  readonly depart: number;
  readonly arrive: number;
  /** Activity drawn at EOS so that the dose holds the ordered activity at calibration. */
  readonly needBq: number;
  /** The dose's transport index at departure. */
  readonly transportIndex: number;
  /** The dose's activity when it arrives (hospital licence). */
  readonly arrivalBq: number;
  /** Options with the same key travel in the same vehicle. */
  readonly shipmentKey: string;
  /** Re-planning: the id of the departed shipment the dose is on (the option is the order's only one). */
  readonly departed?: string;
}

export interface Candidates {
  readonly slots: readonly Slot[];
  readonly options: readonly DoseOption[];
  readonly optionsByOrder: readonly (readonly number[])[];
}

export interface CandidateSettings {
  /** Spacing of candidate batch starts, minutes. */
  readonly stepMinutes: number;
  /** Per order, lane and line: how many of the latest feasible starts to keep. */
  readonly startsPerLine: number;
}

/**
 * Every feasible way to serve every order, on a grid of batch starts. Options that break a rule
 * on their own (shelf life, timing, receiving hours, a licence, the TI of one package, a batch's
 * size) are never generated; rules that couple options (lines, vehicles, supply, licence sums)
 * are the model's.
 */
export function candidates(net: Network, settings: CandidateSettings): Candidates {
  const slots: Slot[] = [];
  const slotKey = new Map<string, number>();
  const grids = new Map<string, number[]>();
  const options: DoseOption[] = [];
  const optionsByOrder: number[][] = net.orders.map(() => []);
  const departedBq = new Map<NetFixedBatch, number>();
  for (const shipment of net.departed)
    for (const d of shipment.doses) {
      const f = net.fixed[d.fixed]!;
      departedBq.set(f, (departedBq.get(f) ?? 0) + d.eosBq);
    }

  const roomOf = (product: number, fixed?: NetFixedBatch): number =>
    fixed
      ? Math.max(0, fixed.spec.eosActivityBq - (departedBq.get(fixed) ?? 0))
      : net.products[product]!.spec.maxBatchBq;
  const slotAt = (line: number, product: number, start: number, fixed?: NetFixedBatch): number => {
    const key = `${line}:${product}:${start}`;
    const known = slotKey.get(key);
    if (known !== undefined) return known;
    const spec = net.products[product]!.spec;
    const eos = start + spec.synthesisMinutes;
    const index = slots.length;
    slots.push({
      index,
      site: net.lines[line]!.site,
      line,
      product,
      start,
      eos,
      release: eos + spec.qcMinutes,
      capacityBq: fixed ? fixed.spec.eosActivityBq : spec.maxBatchBq,
      roomBq: roomOf(product, fixed),
      fixed,
    });
    slotKey.set(key, index);
    return index;
  };
  for (const f of net.fixed) slotAt(f.line, f.product, f.start, f);

  const gridOf = (line: number, product: number): number[] => {
    const key = `${line}:${product}`;
    let grid = grids.get(key);
    if (!grid) {
      grid = startGrid(net, line, product, settings.stepMinutes);
      grids.set(key, grid);
    }
    return grid;
  };

  for (const order of net.orders) {
    if (net.departedOrders.has(order.index)) continue;
    const product = net.products[order.product]!;
    const hospital = net.hospitals[order.hospital]!;
    const nuclide = product.spec.nuclide;
    for (const laneIndex of hospital.lanes) {
      const lane = net.lanes[laneIndex]!;
      const site = net.sites[lane.site]!;
      const siteLicence = site.licence.get(nuclide) ?? 0;
      for (const line of site.lines) {
        if (!net.lines[line]!.products.has(order.product)) continue;
        const starts = [...net.fixed.filter((f) => f.line === line && f.product === order.product)];
        let kept = 0;
        const tryStart = (start: number, fixed?: NetFixedBatch): boolean => {
          const eos = start + product.spec.synthesisMinutes;
          const age = order.calibration - eos;
          if (age > product.spec.shelfLifeMinutes) return false;
          if (age < 0) return true;
          const release = eos + product.spec.qcMinutes;
          const timing = laneTiming(net, lane, Math.max(release, net.replanFrom), order);
          if (!timing) return true;
          const needBq = order.spec.activityBq / product.decay.factor(age);
          if (needBq > roomOf(order.product, fixed)) return false;
          if (needBq / product.spec.radiochemicalYield > siteLicence) return false;
          const arrivalBq = needBq * product.decay.factor(timing.arrive - eos);
          if (arrivalBq > hospitalLicenceLeft(hospital, nuclide, timing.arrive)) return true;
          const transportIndex = needBq * product.decay.transportIndexPerBq(timing.depart - eos);
          if (transportIndex > lane.spec.maxTransportIndex) return true;
          const index = options.length;
          options.push({
            index,
            order: order.index,
            slot: slotAt(line, order.product, start, fixed),
            lane: laneIndex,
            depart: timing.depart,
            arrive: timing.arrive,
            needBq,
            transportIndex,
            arrivalBq,
            shipmentKey: `${laneIndex}@${timing.depart}`,
          });
          optionsByOrder[order.index]!.push(index);
          // Fixed batches come on top of the grid starts kept per line.
          if (!fixed) kept++;
          return true;
        };
        for (const f of starts) tryStart(f.start, f);
        const grid = gridOf(line, order.product);
        const latestStart =
          order.latestArrival -
          lane.spec.durationMinutes -
          product.spec.qcMinutes -
          product.spec.synthesisMinutes;
        let k = upperIndex(grid, latestStart);
        let within = true;
        for (; k >= 0 && kept < settings.startsPerLine; k--) {
          if (!tryStart(grid[k]!)) {
            within = false;
            break;
          }
        }
        // Over several days: also the latest feasible start of each earlier day, so that a batch
        // of one day can serve orders of later days within shelf life (a central therapy batch).
        let day = k + 1 < grid.length ? horizonDay(grid[k + 1]!) : Infinity;
        for (; within && k >= 0; k--) {
          const start = grid[k]!;
          if (horizonDay(start) >= day) continue;
          const before = kept;
          if (!tryStart(start)) break;
          if (kept > before) day = horizonDay(start);
        }
      }
    }
  }
  return { slots, options, optionsByOrder };
}

/** Candidate starts of a product on a line: inside the site's open hours, clear of outages and fixed batches. */
function startGrid(net: Network, line: number, product: number, step: number): number[] {
  const l = net.lines[line]!;
  const spec = net.products[product]!.spec;
  const site = net.sites[l.site]!;
  const busy = [
    ...l.outages,
    ...net.fixed
      .filter((f) => f.line === line)
      .map((f): [number, number] => [
        f.start,
        f.start + net.products[f.product]!.spec.synthesisMinutes,
      ]),
  ];
  const grid: number[] = [];
  for (const [open, close] of site.open) {
    const first = Math.max(open, 0);
    for (
      let start = first;
      start + spec.synthesisMinutes + spec.qcMinutes <= close;
      start += step
    ) {
      const eos = start + spec.synthesisMinutes;
      if (eos + spec.qcMinutes > net.horizonEnd) break;
      if (busy.some(([a, b]) => start < b && a < eos)) continue;
      grid.push(start);
    }
  }
  return grid;
}

/** Index of the last element ≤ value, or −1. */
function upperIndex(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface LaneTiming {
  readonly depart: number;
  readonly arrive: number;
}

/**
 * The first departure after `release` that arrives inside the order's window and the hospital's
 * receiving hours. A vehicle on demand waits at the site when arriving at once would be too early.
 */
export function laneTiming(
  net: Network,
  lane: NetLane,
  release: number,
  order: NetOrder,
): LaneTiming | undefined {
  const duration = lane.spec.durationMinutes;
  const receiving = net.hospitals[lane.hospital]!.receiving;
  const latest = order.latestArrival;
  if (lane.departures === null) {
    const earliest = Math.max(release + duration, order.earliestArrival);
    for (const [from, to] of receiving) {
      const arrive = Math.max(earliest, from);
      if (arrive > latest) return undefined;
      if (arrive <= to) return { depart: arrive - duration, arrive };
    }
    return undefined;
  }
  for (const depart of lane.departures) {
    if (depart < release) continue;
    const arrive = depart + duration;
    if (arrive > latest) return undefined;
    if (arrive < order.earliestArrival) continue;
    if (receiving.some(([from, to]) => arrive >= from && arrive <= to)) return { depart, arrive };
  }
  return undefined;
}
