import type { Candidates } from './candidates.js';
import type { Network } from './network.js';
import { fixedBatchCost, vehicleShares } from './option-bound.js';

export interface LagrangianSettings {
  /** The objective of a plan (orders no option serves left out): steers the step length. */
  readonly upper: number;
  /** Clock reading (ms) by which to stop. */
  readonly deadline: number;
  readonly now: () => number;
  /** Stop after this many steps even with time left (tests, reproducible runs). */
  readonly maxSteps?: number;
}

/** One order's place in one batch: its cheapest option there and its least activity there. */
interface Entry {
  readonly order: number;
  readonly cost: number;
  readonly needBq: number;
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
): number {
  const W = net.unservedWeight;
  const vehicle = vehicleShares(net, cands);
  // Per batch, each order once: its cheapest option there and its least activity there (an
  // order takes one option of a batch at most, and any of them costs and needs at least these).
  const bySlot = cands.slots.map(() => new Map<number, Entry>());
  for (const o of cands.options) {
    const slot = cands.slots[o.slot]!;
    const order = net.orders[o.order]!;
    const isotope = slot.fixed ? 0 : o.needBq * net.products[slot.product]!.costPerEosBq;
    const cost = isotope + vehicle[o.index]! - W * order.spec.priority;
    const entries = bySlot[o.slot]!;
    const seen = entries.get(o.order);
    entries.set(o.order, {
      order: o.order,
      cost: Math.min(seen?.cost ?? Infinity, cost),
      needBq: Math.min(seen?.needBq ?? Infinity, o.needBq),
    });
  }
  const slots: Batch[] = cands.slots.map((slot, s) => ({
    fixed: slot.fixed !== undefined,
    batchCost: slot.fixed ? 0 : net.products[slot.product]!.spec.costPerBatch,
    roomBq: slot.roomBq,
    entries: [...bySlot[s]!.values()],
  }));
  const servable = net.orders.filter((o) => (cands.optionsByOrder[o.index]?.length ?? 0) > 0);
  const offset =
    fixedBatchCost(net, cands) + servable.reduce((sum, o) => sum + W * o.spec.priority, 0);

  // Start each price at what serving the order saves at its cheapest option in a full batch.
  const price = new Float64Array(net.orders.length);
  for (const s of slots)
    for (const e of s.entries) {
      const full = e.cost + (s.batchCost * e.needBq) / Math.max(s.roomBq, e.needBq);
      price[e.order] = Math.max(price[e.order]!, -full);
    }
  const taken = new Float64Array(net.orders.length);
  let best = -Infinity;
  let step = 1;
  let sinceBetter = 0;
  const maxSteps = settings.maxSteps ?? Infinity;
  for (let k = 0; k < maxSteps && (k === 0 || settings.now() < settings.deadline); k++) {
    taken.fill(0);
    let value = offset;
    for (const o of servable) value -= price[o.index]!;
    for (const s of slots) {
      const fill = fillBatch(s, price);
      value += fill.value;
      fill.orders.forEach((order, i) => (taken[order]! += fill.parts[i]!));
    }
    if (value > best + 1e-9 * Math.abs(value)) {
      best = value;
      sinceBetter = 0;
    } else if (++sinceBetter >= STALL_STEPS) {
      step /= 2;
      sinceBetter = 0;
      if (step < LAST_STEP) break;
    }
    // The subgradient: taken − 1 per order; a price at zero is not lowered.
    let norm = 0;
    for (const o of servable) {
      const g = taken[o.index]! - 1;
      if (g < 0 && price[o.index]! <= 0) continue;
      norm += g * g;
    }
    if (norm < 1e-12) break;
    const length = (step * Math.max(settings.upper - value, 1e-6 * Math.abs(value))) / norm;
    for (const o of servable)
      price[o.index] = Math.max(0, price[o.index]! + length * (taken[o.index]! - 1));
  }
  return best;
}

/** Halve the step after this many steps without a better bound; stop below the last. */
const STALL_STEPS = 30;
const LAST_STEP = 1e-4;

interface Batch {
  readonly fixed: boolean;
  readonly batchCost: number;
  readonly roomBq: number;
  readonly entries: readonly Entry[];
}

interface BatchFill {
  /** The batch's cost less what its orders bring in (negative: worth running). */
  readonly value: number;
  readonly orders: number[];
  readonly parts: number[];
}

/**
 * A batch's part of the relaxation at these prices: its cost less what the orders with the most
 * to gain per becquerel bring in, up to its room (the last one in part); nothing when that is no
 * gain, unless the batch is fixed.
 */
function fillBatch(batch: Batch, price: Float64Array): BatchFill {
  const gains = batch.entries
    .filter((e) => e.cost + price[e.order]! < 0)
    .sort((a, b) => (a.cost + price[a.order]!) / a.needBq - (b.cost + price[b.order]!) / b.needBq);
  let room = batch.roomBq;
  let value = batch.batchCost;
  const orders: number[] = [];
  const parts: number[] = [];
  for (const e of gains) {
    if (room <= 0) break;
    const part = Math.min(1, room / e.needBq);
    value += part * (e.cost + price[e.order]!);
    room -= part * e.needBq;
    orders.push(e.order);
    parts.push(part);
  }
  if (!batch.fixed && value >= 0) return { value: 0, orders: [], parts: [] };
  return { value, orders, parts };
}
