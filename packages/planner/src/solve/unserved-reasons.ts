import type { Candidates } from './candidates.js';
import { laneTiming } from './candidates.js';
import type { NetOrder, Network } from './network.js';

/**
 * Why an order cannot be served, in the planner's words. Orders without a single feasible option
 * get the first rule that rules them out; orders that had options but lost them to others get the
 * capacity that was taken.
 */
export function unservedReasons(
  net: Network,
  cands: Candidates,
  unserved: readonly number[],
): Map<number, string> {
  const clock = localClock(net);
  const reasons = new Map<number, string>();
  for (const o of unserved) {
    const order = net.orders[o]!;
    const options = cands.optionsByOrder[o] ?? [];
    reasons.set(
      o,
      options.length === 0
        ? noOptionReason(net, order, clock)
        : takenReason(net, cands, options, clock),
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
  if (!(hospital.licence.get(product.nuclide) ?? 0))
    return `${hospital.spec.name} holds no licence for ${product.nuclide}`;
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

/** Clock time "HH:MM" in the instance's zone, else in the offset of its horizon start. */
function localClock(net: Network): (m: number) => string {
  const zone = net.instance.timeZone;
  if (zone !== undefined) {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return (m) => format.format(new Date(net.originMs + m * 60_000));
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
