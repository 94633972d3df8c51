import type { Candidates } from './candidates.js';
import { groupBy } from './group-by.js';
import type { Network } from './network.js';
import { fixedBatchCost, loadShare, vehicleShares } from './option-bound.js';

export interface LagrangianSettings {
  /** The objective of a plan (orders no option serves left out): steers the step length. */
  readonly upper: number;
  /** Clock reading (ms) by which to stop. */
  readonly deadline: number;
  readonly now: () => number;
  /** Stop after this many steps even with time left (tests, reproducible runs). */
  readonly maxSteps?: number;
}

export interface LagrangianBound {
  /** The bound: the best value any prices gave. */
  readonly value: number;
  /** The orders' prices that gave it (a start for `vehiclePricedBound`). */
  readonly prices: Float64Array;
  /** What setting the relaxation up took (ms): its ascent stops at the deadline, this does not. */
  readonly setupMs: number;
}

/**
 * A lower bound on the objective (orders no option serves left out) that counts part-full
 * batches: the Lagrangian relaxation of "each order at most once". With a price λ per order, the
 * network falls apart into its batches: each batch runs only if the orders it would carry, each
 * paying its isotope and vehicle share (`vehicleShares`) plus its price, bring in more than the
 * batch costs — a knapsack of the batch's room, solved as a fractional one (what the cheapest
 * option of each order there costs, with its least activity there). Whatever the prices, the
 * result never exceeds a plan's cost (it leaves out the lines, the supply, the licences and the
 * vehicles' limits, and lets an order be taken by several batches at its price); the prices are
 * raised for orders taken more than once and lowered for orders not taken (subgradient steps,
 * Polyak's step length towards `upper`), and the best value seen is the bound.
 */
export function lagrangianBound(
  net: Network,
  cands: Candidates,
  settings: LagrangianSettings,
): LagrangianBound {
  const started = settings.now();
  const relaxation = relax(net, cands, false);
  const setupMs = settings.now() - started;
  // Start each price at what serving the order saves at its cheapest option in a full batch.
  const start = new Float64Array(net.orders.length);
  for (const s of relaxation.batches)
    for (const e of s.entries) {
      const full = e.cost + (s.batchCost * e.needBq) / Math.max(s.roomBq, e.needBq);
      start[e.order] = Math.max(start[e.order]!, -full);
    }
  return { ...maximise(relaxation, start, settings), setupMs };
}

/**
 * The same relaxation with the vehicles priced too: each order's ride on each vehicle gets a
 * second price, paid by the batch side and earned by the vehicle side, and a vehicle runs only if
 * the rides it is paid for cover its cost — a knapsack of its seats and transport index (the two
 * as one: half a seat's share and half an index's share of a load never exceed one), solved as a
 * fractional one. The vehicle shares are where the ride prices start, and the order prices start
 * from `orderPrices`, so it picks up where `lagrangianBound` stopped: it sees the part-full
 * vehicles that the shares take as full. It has many more prices; on tier M it converges in
 * 0.3–0.6 s (docs/planning.md).
 */
export function vehiclePricedBound(
  net: Network,
  cands: Candidates,
  settings: LagrangianSettings & { readonly orderPrices: Float64Array },
): number {
  const relaxation = relax(net, cands, true);
  const start = new Float64Array(net.orders.length + relaxation.rides);
  start.set(settings.orderPrices);
  for (const v of relaxation.vehicles)
    v.rides.forEach((ride, k) => (start[net.orders.length + ride] = v.cost * v.weights[k]!));
  return maximise(relaxation, start, settings).value;
}

/** One way for an order to use a batch: by one ride (-1: vehicles not priced). */
interface Alternative {
  readonly ride: number;
  /** Its isotope (and its vehicle share when vehicles are not priced) less W × priority. */
  readonly cost: number;
}

/** One order's place in one batch: its ways there and its least activity there. */
interface Entry {
  readonly order: number;
  readonly needBq: number;
  /** Its cheapest way there before ride prices (its cost and ride)... */
  readonly cost: number;
  readonly ride: number;
  /** ...and its other ways there, cheapest first (only when the rides are priced). */
  readonly others: readonly Alternative[];
}

interface Batch {
  readonly fixed: boolean;
  readonly batchCost: number;
  readonly roomBq: number;
  readonly entries: readonly Entry[];
}

/** A vehicle, its rides (an order on it) and each ride's share of a full load. */
interface Vehicle {
  readonly cost: number;
  readonly rides: readonly number[];
  readonly weights: readonly number[];
}

interface Relaxation {
  readonly orders: number;
  readonly rides: number;
  readonly batches: readonly Batch[];
  readonly vehicles: readonly Vehicle[];
  readonly servable: readonly number[];
  readonly offset: number;
  /** Per entry of the batch being filled: its cost at the prices and its ride. */
  readonly scratch: { readonly cost: Float64Array; readonly ride: Int32Array };
}

function cheapestFirst(alts: readonly Alternative[]): Pick<Entry, 'cost' | 'ride' | 'others'> {
  return { cost: alts[0]!.cost, ride: alts[0]!.ride, others: alts.slice(1) };
}

function relax(net: Network, cands: Candidates, priceVehicles: boolean): Relaxation {
  const W = net.unservedWeight;
  const share = vehicleShares(net, cands);
  /** Each option's ride: its order on its vehicle. */
  const rideOf = new Int32Array(cands.options.length);
  let rideCount = 0;
  const vehicles: Vehicle[] = [];
  if (priceVehicles)
    for (const list of groupBy(cands.options, (o) => o.shipmentKey).values()) {
      // Per order on this vehicle its least transport index (a load's indices sum to at least
      // these), and each ride's share of a full load, as in `vehicleShares`.
      const ti = new Map<number, number>();
      for (const o of list)
        ti.set(o.order, Math.min(ti.get(o.order) ?? Infinity, o.transportIndex));
      const share = loadShare(net, list);
      const rides: number[] = [];
      const weights: number[] = [];
      const rideOfOrder = new Map<number, number>();
      for (const [order, t] of ti) {
        rideOfOrder.set(order, rideCount);
        rides.push(rideCount++);
        weights.push(share(t));
      }
      for (const o of list) rideOf[o.index] = rideOfOrder.get(o.order)!;
      vehicles.push({ cost: net.lanes[list[0]!.lane]!.spec.cost, rides, weights });
    }
  // Per batch and order: each way there, and the least activity there (an order takes one option
  // of a batch at most, and any of them needs at least that).
  const bySlot = cands.slots.map(() => new Map<number, { needBq: number; alts: Alternative[] }>());
  for (const o of cands.options) {
    const slot = cands.slots[o.slot]!;
    const isotope = slot.fixed ? 0 : o.needBq * net.products[slot.product]!.costPerEosBq;
    const base = isotope - W * net.orders[o.order]!.spec.priority;
    const alt: Alternative = priceVehicles
      ? { ride: rideOf[o.index]!, cost: base }
      : { ride: -1, cost: base + share[o.index]! };
    const entries = bySlot[o.slot]!;
    const seen = entries.get(o.order);
    if (!seen) entries.set(o.order, { needBq: o.needBq, alts: [alt] });
    else {
      seen.needBq = Math.min(seen.needBq, o.needBq);
      if (priceVehicles) seen.alts.push(alt);
      else if (alt.cost < seen.alts[0]!.cost) seen.alts[0] = alt;
    }
  }
  const batches: Batch[] = cands.slots.map((slot, s) => ({
    fixed: slot.fixed !== undefined,
    batchCost: slot.fixed ? 0 : net.products[slot.product]!.spec.costPerBatch,
    roomBq: slot.roomBq,
    entries: [...bySlot[s]!].map(([order, e]) => ({
      order,
      needBq: e.needBq,
      ...cheapestFirst(e.alts.sort((a, b) => a.cost - b.cost)),
    })),
  }));
  const servable = net.orders
    .filter((o) => (cands.optionsByOrder[o.index]?.length ?? 0) > 0)
    .map((o) => o.index);
  const offset =
    fixedBatchCost(net, cands) +
    servable.reduce((sum, o) => sum + W * net.orders[o]!.spec.priority, 0);
  const most = batches.reduce((m, b) => Math.max(m, b.entries.length), 0);
  const scratch = { cost: new Float64Array(most), ride: new Int32Array(most) };
  return {
    orders: net.orders.length,
    rides: rideCount,
    batches,
    vehicles,
    servable,
    offset,
    scratch,
  };
}

/**
 * Subgradient ascent on the prices (orders first, then rides): the best value seen, and the
 * prices that gave it. A price is never below zero, and one at zero is not pushed lower.
 */
function maximise(
  relaxation: Relaxation,
  start: Float64Array,
  settings: LagrangianSettings,
): { value: number; prices: Float64Array } {
  const price = Float64Array.from(start);
  const grad = new Float64Array(price.length);
  let best = { value: -Infinity, prices: price.slice(0, relaxation.orders) };
  let step = 1;
  let sinceBetter = 0;
  const maxSteps = settings.maxSteps ?? Infinity;
  for (let k = 0; k < maxSteps && (k === 0 || settings.now() < settings.deadline); k++) {
    const value = evaluate(relaxation, price, grad);
    if (value > best.value + 1e-9 * Math.abs(value)) {
      best = { value, prices: price.slice(0, relaxation.orders) };
      sinceBetter = 0;
    } else if (++sinceBetter >= STALL_STEPS) {
      step /= 2;
      sinceBetter = 0;
      if (step < LAST_STEP) break;
    }
    let norm = 0;
    for (let i = 0; i < grad.length; i++) {
      if (grad[i]! < 0 && price[i]! <= 0) grad[i] = 0;
      norm += grad[i]! * grad[i]!;
    }
    if (norm < 1e-12) break;
    const length = (step * Math.max(settings.upper - value, 1e-6 * Math.abs(value))) / norm;
    for (let i = 0; i < grad.length; i++) price[i] = Math.max(0, price[i]! + length * grad[i]!);
  }
  return best;
}

/** Halve the step after this many steps without a better bound; stop below the last. */
const STALL_STEPS = 30;
const LAST_STEP = 1e-4;

/**
 * The relaxation's value at these prices, and its subgradient in `grad`: per order, how often
 * the batches take it less one; per ride, how much the batches take it less what its vehicle
 * carries.
 */
function evaluate(relaxation: Relaxation, price: Float64Array, grad: Float64Array): number {
  const n = relaxation.orders;
  grad.fill(0);
  let value = relaxation.offset;
  for (const o of relaxation.servable) {
    value -= price[o]!;
    grad[o] = -1;
  }
  for (const batch of relaxation.batches)
    value += fillBatch(batch, price, n, grad, relaxation.scratch);
  for (const vehicle of relaxation.vehicles) value += fillVehicle(vehicle, price, n, grad);
  return value;
}

/**
 * A batch's part at these prices: its cost less what the orders with the most to gain per
 * becquerel bring in, up to its room (the last one in part); nothing when that is no gain,
 * unless the batch is fixed. What it takes is added to `grad`.
 */
function fillBatch(
  batch: Batch,
  price: Float64Array,
  n: number,
  grad: Float64Array,
  scratch: Relaxation['scratch'],
): number {
  // Each order's cheapest way into the batch at these prices; those with a gain, and their need.
  const gains: number[] = [];
  let need = 0;
  const entries = batch.entries;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    let ride = entry.ride;
    let cost = entry.cost;
    if (ride >= 0) {
      cost += price[n + ride]!;
      const others = entry.others;
      for (let a = 0; a < others.length && others[a]!.cost < cost; a++) {
        const c = others[a]!.cost + price[n + others[a]!.ride]!;
        if (c < cost) {
          cost = c;
          ride = others[a]!.ride;
        }
      }
    }
    cost += price[entry.order]!;
    scratch.cost[k] = cost;
    scratch.ride[k] = ride;
    if (cost < 0) {
      gains.push(k);
      need += entry.needBq;
    }
  }
  // Room for them all (the usual case): no order is cut, so none needs sorting.
  if (need > batch.roomBq)
    gains.sort(
      (a, b) =>
        scratch.cost[a]! / batch.entries[a]!.needBq - scratch.cost[b]! / batch.entries[b]!.needBq,
    );
  let room = batch.roomBq;
  let value = batch.batchCost;
  let taken = 0;
  for (const k of gains) {
    if (room <= 0) break;
    const part = Math.min(1, room / batch.entries[k]!.needBq);
    value += part * scratch.cost[k]!;
    room -= part * batch.entries[k]!.needBq;
    taken++;
  }
  if (!batch.fixed && value >= 0) return 0;
  room = batch.roomBq;
  for (let g = 0; g < taken; g++) {
    const k = gains[g]!;
    const part = Math.min(1, room / batch.entries[k]!.needBq);
    room -= part * batch.entries[k]!.needBq;
    grad[batch.entries[k]!.order]! += part;
    if (scratch.ride[k]! >= 0) grad[n + scratch.ride[k]!]! += part;
  }
  return value;
}

/**
 * A vehicle's part at these prices: its cost less the ride prices of the best load (fractional,
 * by price per share of a load); nothing when that is no gain. What it carries is taken from
 * `grad`.
 */
function fillVehicle(vehicle: Vehicle, price: Float64Array, n: number, grad: Float64Array): number {
  const ranked = vehicle.rides
    .map((_, k) => k)
    .filter((k) => price[n + vehicle.rides[k]!]! > 0)
    .sort(
      (a, b) =>
        price[n + vehicle.rides[b]!]! / vehicle.weights[b]! -
        price[n + vehicle.rides[a]!]! / vehicle.weights[a]!,
    );
  let room = 1;
  let value = vehicle.cost;
  const parts: number[] = [];
  for (const k of ranked) {
    if (room <= 0) break;
    const part = Math.min(1, room / vehicle.weights[k]!);
    value -= part * price[n + vehicle.rides[k]!]!;
    room -= part * vehicle.weights[k]!;
    parts.push(part);
  }
  if (value >= 0) return 0;
  parts.forEach((part, i) => (grad[n + vehicle.rides[ranked[i]!]!]! -= part));
  return value;
}
