import type { Candidates, DoseOption } from './candidates.js';
import type { Network } from './network.js';

/**
 * The candidates with the doses of departed shipments added: one option per order on a departed
 * shipment, its only option, on the fixed batch and at the times it left with. The solvers never
 * see these orders (they have no options while planning); the plan takes every departed option.
 */
export function withDeparted(
  net: Network,
  cands: Candidates,
): { readonly cands: Candidates; readonly departed: readonly number[] } {
  if (net.departed.length === 0) return { cands, departed: [] };
  const fixedSlot = new Map(cands.slots.flatMap((s) => (s.fixed ? [[s.fixed, s.index]] : [])));
  const options: DoseOption[] = [...cands.options];
  const optionsByOrder = cands.optionsByOrder.map((list) => [...list]);
  const departed: number[] = [];
  for (const shipment of net.departed) {
    for (const d of shipment.doses) {
      const fixed = net.fixed[d.fixed]!;
      const slot = cands.slots[fixedSlot.get(fixed)!]!;
      const decay = net.products[slot.product]!.decay;
      const index = options.length;
      options.push({
        index,
        order: d.order,
        slot: slot.index,
        lane: shipment.lane,
        depart: shipment.depart,
        arrive: shipment.arrive,
        needBq: d.eosBq,
        transportIndex: d.eosBq * decay.transportIndexPerBq(shipment.depart - slot.eos),
        arrivalBq: d.eosBq * decay.factor(shipment.arrive - slot.eos),
        shipmentKey: `departed:${shipment.spec.id}`,
        departed: shipment.spec.id,
      });
      optionsByOrder[d.order] = [index];
      departed.push(index);
    }
  }
  return { cands: { slots: cands.slots, options, optionsByOrder }, departed };
}

/** The lane cost of the departed shipments: paid in every plan of the instance. */
export function departedCost(net: Network): number {
  return net.departed.reduce((sum, s) => sum + net.lanes[s.lane]!.spec.cost, 0);
}
