import type { Candidates, DoseOption, Slot } from './candidates.js';
import { groupBy } from './group-by.js';
import { LpBuilder } from './lp-builder.js';
import { horizonDay, hospitalLicenceLeft, licenceKey, type Network } from './network.js';

const GBQ = 1e9;

/** Columns of the planning model, by what they decide. */
export interface PlanningModel {
  readonly lp: LpBuilder;
  /** Column of each option (x: the order takes this option). */
  readonly optionColumn: Int32Array;
  /** Column of each slot (y: the batch runs). */
  readonly slotColumn: Int32Array;
  /** Shipment key → column (z: the vehicle goes). */
  readonly shipmentColumn: ReadonlyMap<string, number>;
}

export interface ModelSettings {
  /** Add x ≤ y and x ≤ z for every option: a much tighter LP relaxation for more rows. */
  readonly strong: boolean;
  /** Option index → bonus for keeping the previous plan's choice (re-planning). */
  readonly keepBonus?: ReadonlyMap<number, number>;
}

/**
 * The exact model (docs/planning.md): binary x per option, y per batch slot, z per vehicle;
 * each order at most once; batch activity and line occupancy; vehicle capacity and TI; supply
 * pools; site and hospital licences. Objective: costs + W × priority for each unserved order.
 */
export function planningModel(
  net: Network,
  cands: Candidates,
  settings: ModelSettings,
): PlanningModel {
  const lp = new LpBuilder();
  const { slots, options } = cands;
  const W = net.unservedWeight;
  // Orders with no option are unserved in every plan: their penalty is left out of the model.
  lp.offset = net.orders.reduce(
    (sum, o) => sum + ((cands.optionsByOrder[o.index]?.length ?? 0) > 0 ? W * o.spec.priority : 0),
    0,
  );

  const slotColumn = Int32Array.from(slots, (slot) => {
    const product = net.products[slot.product]!;
    if (slot.fixed) {
      lp.offset += product.spec.costPerBatch + slot.capacityBq * product.costPerEosBq;
      return lp.column(0, 1, 1, true);
    }
    return lp.column(product.spec.costPerBatch, 0, 1, true);
  });
  const optionColumn = Int32Array.from(options, (o) => {
    const slot = slots[o.slot]!;
    const order = net.orders[o.order]!;
    const isotope = slot.fixed ? 0 : o.needBq * net.products[slot.product]!.costPerEosBq;
    const bonus = settings.keepBonus?.get(o.index) ?? 0;
    return lp.column(isotope - W * order.spec.priority - bonus, 0, 1, true);
  });
  const byShipment = groupBy(options, (o) => o.shipmentKey);
  const shipmentColumn = new Map<string, number>();
  for (const [key, list] of byShipment)
    shipmentColumn.set(key, lp.column(net.lanes[list[0]!.lane]!.spec.cost, 0, 1, true));

  // Each order at most once.
  for (const list of cands.optionsByOrder)
    lp.row(
      list.map((o) => optionColumn[o]!),
      list.map(() => 1),
      -Infinity,
      1,
    );

  // Batch activity: Σ doses ≤ capacity × y; and x ≤ y.
  const bySlot: DoseOption[][] = slots.map(() => []);
  for (const o of options) bySlot[o.slot]!.push(o);
  bySlot.forEach((list, s) => {
    const slot = slots[s]!;
    lp.row(
      [...list.map((o) => optionColumn[o.index]!), slotColumn[s]!],
      [...list.map((o) => o.needBq / GBQ), -slot.roomBq / GBQ],
      -Infinity,
      0,
    );
    if (settings.strong)
      for (const o of list) lp.row([optionColumn[o.index]!, slotColumn[s]!], [1, -1], -Infinity, 0);
  });

  // Vehicles: Σ doses ≤ capacity × z, Σ TI ≤ limit × z; and x ≤ z.
  for (const [key, list] of byShipment) {
    const z = shipmentColumn.get(key)!;
    const lane = net.lanes[list[0]!.lane]!.spec;
    const columns = [...list.map((o) => optionColumn[o.index]!), z];
    lp.row(columns, [...list.map(() => 1), -lane.vehicleCapacity], -Infinity, 0);
    lp.row(columns, [...list.map((o) => o.transportIndex), -lane.maxTransportIndex], -Infinity, 0);
    if (settings.strong)
      for (const o of list) lp.row([optionColumn[o.index]!, z], [1, -1], -Infinity, 0);
  }

  lineRows(slots, slotColumn, lp);
  siteRows(net, slots, bySlot, optionColumn, lp);
  hospitalLicenceRows(net, options, optionColumn, lp);
  return { lp, optionColumn, slotColumn, shipmentColumn };
}

/** A line runs one batch at a time: at each slot's start, the slots whose synthesis covers it ≤ 1. */
function lineRows(slots: readonly Slot[], slotColumn: Int32Array, lp: LpBuilder) {
  for (const list of groupBy(slots, (s) => s.line).values()) {
    list.sort((a, b) => a.start - b.start);
    const seen = new Set<number>();
    for (const s of list) {
      if (seen.has(s.start)) continue;
      seen.add(s.start);
      const covering = list.filter((o) => o.start <= s.start && s.start < o.eos);
      if (covering.length > 1)
        lp.row(
          covering.map((o) => slotColumn[o.index]!),
          covering.map(() => 1),
          -Infinity,
          1,
        );
    }
  }
}

/** Supply pools (rule 7) and site licences (rule 8), per site and nuclide, at each slot start. */
function siteRows(
  net: Network,
  slots: readonly Slot[],
  bySlot: readonly (readonly DoseOption[])[],
  optionColumn: Int32Array,
  lp: LpBuilder,
) {
  const groups = groupBy(slots, (s) => `${s.site}:${net.products[s.product]!.spec.nuclide}`);
  for (const list of groups.values()) {
    const first = list[0]!;
    const site = net.sites[first.site]!;
    const product = net.products[first.product]!;
    const nuclide = product.spec.nuclide;
    const decay = product.decay;
    const times = [...new Set(list.map((s) => s.start))].sort((a, b) => a - b);
    const yieldOf = (s: Slot) => net.products[s.product]!.spec.radiochemicalYield;
    const supply = site.supply.get(nuclide);
    const licence = site.licence.get(nuclide) ?? 0;
    for (const t of times) {
      if (supply) {
        let pool = 0;
        for (const r of supply) if (r.at <= t) pool += r.activityBq * decay.factor(t - r.at);
        const columns: number[] = [];
        const values: number[] = [];
        for (const s of list) {
          if (s.start > t) continue;
          const carry = decay.factor(t - s.start) / yieldOf(s);
          if (s.fixed) pool -= s.capacityBq * carry;
          else
            for (const o of bySlot[s.index]!) {
              columns.push(optionColumn[o.index]!);
              values.push((o.needBq * carry) / GBQ);
            }
        }
        lp.row(columns, values, -Infinity, pool / GBQ);
      }
      const active = list.filter((s) => s.start <= t && t < s.release);
      const most = active.reduce((sum, s) => sum + s.capacityBq / yieldOf(s), 0);
      if (most <= licence) continue;
      let room = licence;
      const columns: number[] = [];
      const values: number[] = [];
      for (const s of active) {
        if (s.fixed) room -= s.capacityBq / yieldOf(s);
        else
          for (const o of bySlot[s.index]!) {
            columns.push(optionColumn[o.index]!);
            values.push(o.needBq / yieldOf(s) / GBQ);
          }
      }
      lp.row(columns, values, -Infinity, room / GBQ);
    }
  }
}

/** Rule 9: what a hospital receives of a nuclide in a day, at arrival, within its licence. */
function hospitalLicenceRows(
  net: Network,
  options: readonly DoseOption[],
  optionColumn: Int32Array,
  lp: LpBuilder,
) {
  const groups = groupBy(options, (o) => {
    const order = net.orders[o.order]!;
    const nuclide = net.products[order.product]!.spec.nuclide;
    return `${order.hospital}:${licenceKey(nuclide, horizonDay(o.arrive))}`;
  });
  for (const list of groups.values()) {
    const first = list[0]!;
    const order = net.orders[first.order]!;
    const nuclide = net.products[order.product]!.spec.nuclide;
    const licence = hospitalLicenceLeft(net.hospitals[order.hospital]!, nuclide, first.arrive);
    const mostPerOrder = new Map<number, number>();
    for (const o of list)
      mostPerOrder.set(o.order, Math.max(mostPerOrder.get(o.order) ?? 0, o.arrivalBq));
    const most = [...mostPerOrder.values()].reduce((a, b) => a + b, 0);
    if (most <= licence) continue;
    lp.row(
      list.map((o) => optionColumn[o.index]!),
      list.map((o) => o.arrivalBq / GBQ),
      -Infinity,
      licence / GBQ,
    );
  }
}
