import type { Candidates, DoseOption } from './candidates.js';
import { horizonDay, hospitalLicenceLeft, licenceKey, type Network } from './network.js';

/**
 * A partial plan that grows one dose at a time and refuses a dose that would break a coupling
 * rule (one dose per order, line occupancy, batch size, vehicle capacity and TI, supply pool, site and hospital
 * licence). Used by the greedy baseline and to repair decomposed plans.
 */
export class PlanState {
  readonly chosen: number[] = [];
  private readonly served = new Set<number>();
  private readonly slotLoad = new Map<number, number>();
  private readonly shipmentLoad = new Map<string, { doses: number; ti: number }>();
  private readonly lineBusy = new Map<number, number[]>();
  private readonly hospitalLoad = new Map<string, number>();

  constructor(
    private readonly net: Network,
    private readonly cands: Candidates,
  ) {
    for (const slot of cands.slots) if (slot.fixed) this.open(slot.index);
  }

  isOpen(slot: number): boolean {
    return this.slotLoad.has(slot);
  }

  /** Whether a vehicle already goes with this key. */
  hasShipment(key: string): boolean {
    return this.shipmentLoad.has(key);
  }

  /** Adds the option if every rule still holds; says whether it did. */
  tryAdd(option: DoseOption): boolean {
    if (!this.fits(option)) return false;
    const slot = this.cands.slots[option.slot]!;
    if (!this.isOpen(slot.index)) this.open(slot.index);
    this.slotLoad.set(slot.index, this.slotLoad.get(slot.index)! + option.needBq);
    const ship = this.shipmentLoad.get(option.shipmentKey) ?? { doses: 0, ti: 0 };
    this.shipmentLoad.set(option.shipmentKey, {
      doses: ship.doses + 1,
      ti: ship.ti + option.transportIndex,
    });
    const key = this.hospitalKey(option);
    this.hospitalLoad.set(key, (this.hospitalLoad.get(key) ?? 0) + option.arrivalBq);
    this.chosen.push(option.index);
    this.served.add(option.order);
    return true;
  }

  private fits(option: DoseOption): boolean {
    if (this.served.has(option.order)) return false;
    const net = this.net;
    const slot = this.cands.slots[option.slot]!;
    const load = this.slotLoad.get(slot.index);
    if (load === undefined) {
      const busy = this.lineBusy.get(slot.line) ?? [];
      for (const other of busy) {
        const s = this.cands.slots[other]!;
        if (s.start < slot.eos && slot.start < s.eos) return false;
      }
    }
    if ((load ?? 0) + option.needBq > slot.roomBq * (1 + 1e-9)) return false;
    const lane = net.lanes[option.lane]!.spec;
    const ship = this.shipmentLoad.get(option.shipmentKey) ?? { doses: 0, ti: 0 };
    if (ship.doses + 1 > lane.vehicleCapacity) return false;
    if (ship.ti + option.transportIndex > lane.maxTransportIndex) return false;
    const order = net.orders[option.order]!;
    const nuclide = net.products[order.product]!.spec.nuclide;
    const licence = hospitalLicenceLeft(net.hospitals[order.hospital]!, nuclide, option.arrive);
    if ((this.hospitalLoad.get(this.hospitalKey(option)) ?? 0) + option.arrivalBq > licence)
      return false;
    return slot.fixed !== undefined || this.siteRulesHold(slot.index, option.needBq);
  }

  /** Supply pool and site licence at every start of the site's batches of the nuclide. */
  private siteRulesHold(slotIndex: number, extraBq: number): boolean {
    const net = this.net;
    const slot = this.cands.slots[slotIndex]!;
    const product = net.products[slot.product]!;
    const nuclide = product.spec.nuclide;
    const site = net.sites[slot.site]!;
    const group = [...this.slotLoad.keys()]
      .map((i) => this.cands.slots[i]!)
      .filter((s) => s.site === slot.site && net.products[s.product]!.spec.nuclide === nuclide);
    if (!group.includes(slot)) group.push(slot);
    const start = (s: (typeof group)[number]): number => {
      const eos = s.fixed ? s.capacityBq : (this.slotLoad.get(s.index) ?? 0);
      const y = net.products[s.product]!.spec.radiochemicalYield;
      return (eos + (s.index === slotIndex ? extraBq : 0)) / y;
    };
    const licence = site.licence.get(nuclide) ?? 0;
    const supply = site.supply.get(nuclide);
    for (const t of group.map((s) => s.start)) {
      let held = 0;
      for (const s of group) if (s.start <= t && t < s.release) held += start(s);
      if (held > licence * (1 + 1e-9)) return false;
      if (supply) {
        let pool = 0;
        for (const r of supply)
          if (r.at <= t) pool += r.activityBq * product.decay.factor(t - r.at);
        for (const s of group)
          if (s.start <= t) pool -= start(s) * product.decay.factor(t - s.start);
        if (pool < -1e-6 * Math.max(1, Math.abs(pool))) return false;
      }
    }
    return true;
  }

  private open(slot: number): void {
    this.slotLoad.set(slot, 0);
    const line = this.cands.slots[slot]!.line;
    this.lineBusy.set(line, [...(this.lineBusy.get(line) ?? []), slot]);
  }

  private hospitalKey(option: DoseOption): string {
    const order = this.net.orders[option.order]!;
    const nuclide = this.net.products[order.product]!.spec.nuclide;
    return `${order.hospital}:${licenceKey(nuclide, horizonDay(option.arrive))}`;
  }
}
