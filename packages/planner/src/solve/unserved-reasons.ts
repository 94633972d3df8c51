import { localTimeOf } from '@halflife/domain';
import type { Candidates } from './candidates.js';
import { laneTiming } from './candidates.js';
import { hospitalLicenceLeft, type NetOrder, type Network } from './network.js';

/**
 * Why an order cannot be served, in the planner's words. Orders without a single feasible option
 * get the first rule that rules them out; orders that had options but lost them to others get the
 * capacity that was taken.
 */
export function unservedReasons(
  net: Network,
  cands: Candidates,
  unserved: readonly number[],
  chosen: readonly number[],
): Map<number, string> {
  const clock = localClock(net);
  const pool = supplyLeft(net, cands, chosen);
  const reasons = new Map<number, string>();
  for (const o of unserved) {
    const order = net.orders[o]!;
    const options = cands.optionsByOrder[o] ?? [];
    reasons.set(
      o,
      options.length === 0
        ? noOptionReason(net, order, clock)
        : (supplyReason(net, cands, options, pool, clock) ??
            takenReason(net, cands, options, clock)),
    );
  }
  return reasons;
}

function noOptionReason(net: Network, order: NetOrder, clock: (m: number) => string): string {
  const product = net.products[order.product]!.spec;
  const hospital = net.hospitals[order.hospital]!;
  const makers = net.sites.filter((s) =>
    s.lines.some((l) => net.lines[l]!.products.has(order.product)),
  );
  if (makers.length === 0) return `no site makes ${product.name}`;
  if (!hospital.spec.licences.some((l) => l.nuclide === product.nuclide && l.maxActivityBq > 0))
    return `${hospital.spec.name} holds no licence for ${product.nuclide}`;
  if (!hospitalLicenceLeft(hospital, product.nuclide, order.latestArrival))
    return `doses already on the road use all of ${hospital.spec.name}'s licence for ${product.nuclide}`;
  const lanes = hospital.lanes
    .map((l) => net.lanes[l]!)
    .filter((l) => makers.some((s) => s.index === l.site));
  if (lanes.length === 0)
    return `no lane links ${hospital.spec.name} to a site that makes ${product.name}`;
  const licensed = lanes.filter((l) => (net.sites[l.site]!.licence.get(product.nuclide) ?? 0) > 0);
  if (licensed.length === 0)
    return `no site with a lane to ${hospital.spec.name} is licensed for ${product.nuclide}`;
  // Shelf life: the quickest possible path from EOS to calibration.
  const quickest = licensed.reduce((best, l) =>
    l.spec.durationMinutes < best.spec.durationMinutes ? l : best,
  );
  const fromEos = product.qcMinutes + quickest.spec.durationMinutes + order.spec.prepMarginMinutes;
  if (fromEos > product.shelfLifeMinutes)
    return (
      `no site can reach ${hospital.spec.name} within ${product.name}'s shelf life of ` +
      `${duration(product.shelfLifeMinutes)}: the quickest, ${net.sites[quickest.site]!.spec.name} ` +
      `by ${quickest.spec.mode}, needs ${duration(fromEos)} from EOS to calibration ` +
      `(QC, transport, preparation)`
    );
  // Timing: can any lane deliver inside the window at all?
  const reachable = licensed.filter((l) => {
    const site = net.sites[l.site]!;
    return site.open.some(([open, close]) => {
      const release = Math.max(open, 0) + product.synthesisMinutes + product.qcMinutes;
      return release <= close && laneTiming(net, l, release, order) !== undefined;
    });
  });
  if (reachable.length === 0)
    return (
      `no delivery can arrive ${order.earliestArrival > 0 ? `between ${clock(order.earliestArrival)} and` : 'by'} ${clock(order.latestArrival)} ` +
      `(calibration ${clock(order.calibration)} − ${order.spec.prepMarginMinutes} min preparation) ` +
      `inside ${hospital.spec.name}'s receiving hours from a site's first batch of the day`
    );
  const needAtEos = order.spec.activityBq;
  if (needAtEos > product.maxBatchBq)
    return `the dose (${gbq(order.spec.activityBq)}) is larger than a whole batch of ${product.name}`;
  return (
    `no batch of ${product.name} fits: the lines that could make it are closed, down or taken by ` +
    `fixed batches at the hours it would need, or a licence or the transport index limit rules ` +
    `out every route`
  );
}

function takenReason(
  net: Network,
  cands: Candidates,
  options: readonly number[],
  clock: (m: number) => string,
): string {
  const slots = options.map((i) => cands.slots[cands.options[i]!.slot]!);
  const byLine = new Map<number, number[]>();
  for (const s of slots) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s.start]);
  const parts = [...byLine].map(([line, starts]) => {
    const l = net.lines[line]!;
    const from = Math.min(...starts);
    const to = Math.max(...starts) + net.products[slots[0]!.product]!.spec.synthesisMinutes;
    return `${net.sites[l.site]!.spec.name} ${l.spec.name} ${clock(from)}–${clock(to)}`;
  });
  return (
    `every batch that could serve it is full or its line is taken: ${parts.join('; ')} ` +
    `(the batches, vehicles, isotope or licences there go to other orders)`
  );
}

/**
 * Isotope left at a site for a nuclide at time t in the plan: releases decayed to t less the
 * starting activity of the plan's batches started by then, decayed to t. Undefined where the
 * nuclide is bought as needed.
 */
function supplyLeft(
  net: Network,
  cands: Candidates,
  chosen: readonly number[],
): (site: number, product: number, t: number) => number | undefined {
  const startBq = new Map<number, number>();
  for (const i of chosen) {
    const o = cands.options[i]!;
    const slot = cands.slots[o.slot]!;
    if (slot.fixed) continue;
    const y = net.products[slot.product]!.spec.radiochemicalYield;
    startBq.set(o.slot, (startBq.get(o.slot) ?? 0) + o.needBq / y);
  }
  for (const slot of cands.slots)
    if (slot.fixed)
      startBq.set(
        slot.index,
        slot.capacityBq / net.products[slot.product]!.spec.radiochemicalYield,
      );
  return (site, product, t) => {
    const { nuclide } = net.products[product]!.spec;
    const releases = net.sites[site]!.supply.get(nuclide);
    if (!releases) return undefined;
    const decay = net.products[product]!.decay;
    let left = 0;
    for (const r of releases) if (r.at <= t) left += r.activityBq * decay.factor(t - r.at);
    for (const [slot, bq] of startBq) {
      const s = cands.slots[slot]!;
      if (s.site !== site || s.start > t) continue;
      if (net.products[s.product]!.spec.nuclide !== nuclide) continue;
      left -= bq * decay.factor(t - s.start);
    }
    return Math.max(0, left);
  };
}

/** When every option of the order lacks isotope at its start: say so, with the figures. */
function supplyReason(
  net: Network,
  cands: Candidates,
  options: readonly number[],
  left: (site: number, product: number, t: number) => number | undefined,
  clock: (m: number) => string,
): string | undefined {
  let most = 0;
  let least = Infinity;
  const sites = new Set<number>();
  const starts: number[] = [];
  for (const i of options) {
    const o = cands.options[i]!;
    const slot = cands.slots[o.slot]!;
    const available = left(slot.site, slot.product, slot.start);
    const need = o.needBq / net.products[slot.product]!.spec.radiochemicalYield;
    if (available === undefined || available >= need) return undefined;
    most = Math.max(most, available);
    least = Math.min(least, need);
    sites.add(slot.site);
    starts.push(slot.start);
  }
  const product = net.products[cands.slots[cands.options[options[0]!]!.slot]!.product]!.spec;
  const names = [...sites].map((s) => net.sites[s]!.spec.name).join(', ');
  return (
    `not enough ${product.nuclide}: when a batch could start for it (${clock(Math.min(...starts))}–` +
    `${clock(Math.max(...starts))}) ${names} ${sites.size > 1 ? 'have' : 'has'} ` +
    `${most === 0 ? 'none' : `at most ${mbq(most)}`} left and the dose needs at least ` +
    `${mbq(least)} at the start; the supply goes to other orders (more urgent first)`
  );
}

function mbq(bq: number): string {
  return `${Math.round(bq / 1e6)} MBq`;
}

/** Clock time "HH:MM" in the instance's zone, else in the offset of its horizon start. */
export function localClock(net: Network): (m: number) => string {
  const zone = net.instance.timeZone;
  if (zone !== undefined) {
    return (m) => localTimeOf(net.originMs + m * 60_000, zone);
  }
  const match = /([+-])(\d\d):?(\d\d)$/.exec(net.instance.horizon.start);
  const offset = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
    : 0;
  return (m) => new Date(net.originMs + (m + offset) * 60_000).toISOString().slice(11, 16);
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function gbq(bq: number): string {
  return `${(bq / 1e9).toPrecision(3)} GBq`;
}
