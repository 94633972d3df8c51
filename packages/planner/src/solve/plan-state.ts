import type { Candidates, DoseOption } from './candidates.js';
import { horizonDay, hospitalLicenceLeft, licenceKey, type Network } from './network.js';

/**
 * A partial plan that grows and shrinks one dose at a time and refuses a dose that would break a
 * coupling rule (one dose per order, line occupancy, batch size, vehicle capacity and TI, supply
 * pool, site and hospital licence). Used by the greedy baseline, the insertion plan, the local
 * search and to repair decomposed plans. It keeps the plan's cost as it changes.
 */
export class PlanState {
  private readonly picked = new Set<number>();
  private readonly served = new Set<number>();
  private readonly slotLoad = new Map<number, { bq: number; doses: number }>();
  private readonly shipmentLoad = new Map<string, { doses: number; ti: number }>();
  private readonly lineBusy = new Map<number, Set<number>>();
  private readonly hospitalLoad = new Map<string, number>();
  /** Open slots by site and nuclide: the supply and site-licence rules look only there. */
  private readonly siteOpen = new Map<string, Set<number>>();
  /** Batches, isotope and vehicles of the plan so far (fixed batches cost nothing here). */
  private costSoFar = 0;
  private servedPriority = 0;

  constructor(
    private readonly net: Network,
    private readonly cands: Candidates,
  ) {
    for (const slot of cands.slots) if (slot.fixed) this.open(slot.index);
  }

  /** The chosen options, in the order they were added. */
  get chosen(): number[] {
    return [...this.picked];
  }

  /** Batches, isotope and vehicles of the plan so far. */
  get cost(): number {
    return this.costSoFar;
  }

  /** Costs + W × priority of each unserved order that has an option, as the model counts it. */
  objective(servablePriority: number): number {
    return this.costSoFar + this.net.unservedWeight * (servablePriority - this.servedPriority);
  }

  isOpen(slot: number): boolean {
    return this.slotLoad.has(slot);
  }

  serves(order: number): boolean {
    return this.served.has(order);
  }

  /** Whether a vehicle already goes with this key. */
  hasShipment(key: string): boolean {
    return this.shipmentLoad.has(key);
  }

  /** Adds the option if every rule still holds; says whether it did. */
  tryAdd(option: DoseOption): boolean {
    if (!this.fits(option)) return false;
    const slot = this.cands.slots[option.slot]!;
    const product = this.net.products[slot.product]!;
    if (!this.isOpen(slot.index)) this.open(slot.index);
    const load = this.slotLoad.get(slot.index)!;
    load.bq += option.needBq;
    load.doses++;
    if (!slot.fixed) this.costSoFar += option.needBq * product.costPerEosBq;
    const ship = this.shipmentLoad.get(option.shipmentKey);
    if (ship) {
      ship.doses++;
      ship.ti += option.transportIndex;
    } else {
      this.shipmentLoad.set(option.shipmentKey, { doses: 1, ti: option.transportIndex });
      this.costSoFar += this.net.lanes[option.lane]!.spec.cost;
    }
    const key = this.hospitalKey(option);
    this.hospitalLoad.set(key, (this.hospitalLoad.get(key) ?? 0) + option.arrivalBq);
    this.picked.add(option.index);
    this.served.add(option.order);
    this.servedPriority += this.net.orders[option.order]!.spec.priority;
    return true;
  }

  /** Takes a chosen option out again; a batch or vehicle left empty closes. */
  remove(option: DoseOption): void {
    if (!this.picked.delete(option.index)) return;
    const slot = this.cands.slots[option.slot]!;
    const product = this.net.products[slot.product]!;
    const load = this.slotLoad.get(slot.index)!;
    load.bq -= option.needBq;
    load.doses--;
    if (!slot.fixed) this.costSoFar -= option.needBq * product.costPerEosBq;
    if (load.doses === 0 && !slot.fixed) this.close(slot.index);
    const ship = this.shipmentLoad.get(option.shipmentKey)!;
    ship.doses--;
    ship.ti -= option.transportIndex;
    if (ship.doses === 0) {
      this.shipmentLoad.delete(option.shipmentKey);
      this.costSoFar -= this.net.lanes[option.lane]!.spec.cost;
    }
    const key = this.hospitalKey(option);
    this.hospitalLoad.set(key, this.hospitalLoad.get(key)! - option.arrivalBq);
    this.served.delete(option.order);
    this.servedPriority -= this.net.orders[option.order]!.spec.priority;
  }

  private fits(option: DoseOption): boolean {
    if (this.served.has(option.order)) return false;
    const net = this.net;
    const slot = this.cands.slots[option.slot]!;
    const load = this.slotLoad.get(slot.index);
    if (load === undefined)
      for (const other of this.lineBusy.get(slot.line) ?? []) {
        const s = this.cands.slots[other]!;
        if (s.start < slot.eos && slot.start < s.eos) return false;
      }
    if ((load?.bq ?? 0) + option.needBq > slot.roomBq * (1 + 1e-9)) return false;
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
    const group = [...(this.siteOpen.get(this.siteKey(slotIndex)) ?? [])].map(
      (i) => this.cands.slots[i]!,
    );
    if (!group.includes(slot)) group.push(slot);
    const start = (s: (typeof group)[number]): number => {
      const eos = s.fixed ? s.capacityBq : (this.slotLoad.get(s.index)?.bq ?? 0);
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
    this.slotLoad.set(slot, { bq: 0, doses: 0 });
    const s = this.cands.slots[slot]!;
    if (!s.fixed) this.costSoFar += this.net.products[s.product]!.spec.costPerBatch;
    setOf(this.lineBusy, s.line).add(slot);
    setOf(this.siteOpen, this.siteKey(slot)).add(slot);
  }

  private close(slot: number): void {
    this.slotLoad.delete(slot);
    const s = this.cands.slots[slot]!;
    this.costSoFar -= this.net.products[s.product]!.spec.costPerBatch;
    this.lineBusy.get(s.line)!.delete(slot);
    this.siteOpen.get(this.siteKey(slot))!.delete(slot);
  }

  private siteKey(slot: number): string {
    const s = this.cands.slots[slot]!;
    return `${s.site}:${this.net.products[s.product]!.spec.nuclide}`;
  }

  private hospitalKey(option: DoseOption): string {
    const order = this.net.orders[option.order]!;
    const nuclide = this.net.products[order.product]!.spec.nuclide;
    return `${order.hospital}:${licenceKey(nuclide, horizonDay(option.arrive))}`;
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
