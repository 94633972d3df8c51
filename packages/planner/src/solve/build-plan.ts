import {
  PLAN_FORMAT,
  type Plan,
  type PlanMethod,
  type PlannedBatch,
  type PlannedDose,
  type PlannedShipment,
  type UnservedOrder,
} from '../plan.js';
import type { Candidates } from './candidates.js';
import { groupBy } from './group-by.js';
import { instantOf, type Network } from './network.js';
import { unservablePenalty } from './selection-objective.js';

export interface PlanOutcome {
  readonly method: PlanMethod;
  /** Lower bound on the objective, leaving out the orders no option can serve. */
  readonly lowerBound: number;
  readonly seconds: number;
  /** Why each unserved order is unserved. */
  readonly reasons: ReadonlyMap<number, string>;
  /** Batch ids new batches must not take (a re-plan's lost batches). */
  readonly retiredBatchIds?: readonly string[];
}

/** The plan for a set of chosen options (at most one per order). */
export function buildPlan(
  net: Network,
  cands: Candidates,
  chosen: readonly number[],
  outcome: PlanOutcome,
): Plan {
  const options = chosen.map((i) => cands.options[i]!);
  const batches: PlannedBatch[] = [];
  const batchId = new Map<number, string>();
  const bySlot = groupBy(options, (o) => o.slot);
  const usedSlots = [
    ...new Set([...cands.slots.filter((s) => s.fixed).map((s) => s.index), ...bySlot.keys()]),
  ]
    .map((i) => cands.slots[i]!)
    .sort((a, b) => a.site - b.site || a.line - b.line || a.start - b.start);
  const taken = new Set([
    ...usedSlots.flatMap((s) => (s.fixed ? [s.fixed.spec.id] : [])),
    ...(outcome.retiredBatchIds ?? []),
  ]);
  let next = 0;
  const freshId = (): string => {
    while (taken.has(`B${++next}`));
    return `B${next}`;
  };
  for (const slot of usedSlots) {
    const product = net.products[slot.product]!.spec;
    const drawn = (bySlot.get(slot.index) ?? []).reduce((sum, o) => sum + o.needBq, 0);
    const eosActivityBq = slot.fixed ? slot.capacityBq : drawn;
    const id = slot.fixed ? slot.fixed.spec.id : freshId();
    batchId.set(slot.index, id);
    batches.push({
      id,
      site: net.sites[slot.site]!.spec.id,
      line: net.lines[slot.line]!.spec.id,
      product: product.id,
      startAt: instantOf(net, slot.start),
      eosAt: instantOf(net, slot.eos),
      releaseAt: instantOf(net, slot.release),
      startActivityBq: eosActivityBq / product.radiochemicalYield,
      eosActivityBq,
      fixed: slot.fixed !== undefined,
    });
  }

  const shipments: PlannedShipment[] = [];
  const shipmentId = new Map<string, string>();
  const byShipment = groupBy(options, (o) => o.shipmentKey);
  const shipmentKeys = [...byShipment.keys()].sort((a, b) => {
    const x = byShipment.get(a)![0]!;
    const y = byShipment.get(b)![0]!;
    return x.depart - y.depart || x.lane - y.lane;
  });
  // Departed shipments keep their ids; new ones take the next free `S<n>`.
  const takenShipments = new Set(options.flatMap((o) => (o.departed ? [o.departed] : [])));
  let nextShipment = 0;
  for (const key of shipmentKeys) {
    const first = byShipment.get(key)![0]!;
    let id = first.departed;
    if (id === undefined) {
      while (takenShipments.has(`S${++nextShipment}`));
      id = `S${nextShipment}`;
    }
    shipmentId.set(key, id);
    shipments.push({
      id,
      lane: net.lanes[first.lane]!.spec.id,
      departAt: instantOf(net, first.depart),
      arriveAt: instantOf(net, first.arrive),
    });
  }

  const doses: PlannedDose[] = options
    .map((o) => {
      const order = net.orders[o.order]!;
      const slot = cands.slots[o.slot]!;
      const factor = net.products[slot.product]!.decay.factor(order.calibration - slot.eos);
      return {
        order: order.spec.id,
        batch: batchId.get(o.slot)!,
        shipment: shipmentId.get(o.shipmentKey)!,
        eosActivityBq: o.needBq,
        calibrationActivityBq: o.needBq * factor,
      };
    })
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

  const served = new Set(options.map((o) => o.order));
  const unserved: UnservedOrder[] = net.orders
    .filter((o) => !served.has(o.index))
    .map((o) => ({ order: o.spec.id, reason: outcome.reasons.get(o.index) ?? 'not served' }));

  const productById = new Map(net.products.map((p) => [p.spec.id, p.spec]));
  const laneById = new Map(net.lanes.map((l) => [l.spec.id, l.spec]));
  const isotope = batches.reduce(
    (sum, b) => sum + (b.startActivityBq / 1e9) * productById.get(b.product)!.costPerGbq,
    0,
  );
  const batchCost = batches.reduce((sum, b) => sum + productById.get(b.product)!.costPerBatch, 0);
  const transport = shipments.reduce((sum, s) => sum + laneById.get(s.lane)!.cost, 0);
  const total = isotope + batchCost + transport;
  const penalty = net.orders
    .filter((o) => !served.has(o.index))
    .reduce((sum, o) => sum + net.unservedWeight * o.spec.priority, 0);
  const objective = total + penalty;
  const eos = batches.reduce((sum, b) => sum + b.eosActivityBq, 0);
  const delivered = doses.reduce((sum, d) => sum + d.calibrationActivityBq, 0);
  // Orders no option can serve are unserved in every plan; the gap leaves their penalty out.
  const noOption = net.orders.filter((o) => (cands.optionsByOrder[o.index]?.length ?? 0) === 0);
  const unservable = unservablePenalty(net, cands);
  const lowerBound = Math.min(outcome.lowerBound + unservable, objective);
  const gapBase = objective - unservable;
  return {
    format: PLAN_FORMAT,
    instance: net.instance.name,
    method: outcome.method,
    batches,
    shipments,
    doses,
    unserved,
    summary: {
      orders: net.orders.length,
      served: served.size,
      unservable: noOption.length,
      servedPct: net.orders.length === 0 ? 100 : (100 * served.size) / net.orders.length,
      efficiency: eos === 0 ? 0 : delivered / eos,
      batches: batches.length,
      startActivityBq: batches.reduce((sum, b) => sum + b.startActivityBq, 0),
      cost: { isotope, batches: batchCost, transport, total },
      objective,
      lowerBound,
      unservablePenalty: unservable,
      gap: gapBase <= 0 ? 0 : (objective - lowerBound) / gapBase,
      seconds: outcome.seconds,
    },
  };
}
