import { localDateOf, localTimeOf } from '@halflife/domain';
import type {
  OrderSpec,
  Plan,
  PlannedBatch,
  PlannedDose,
  PlanningInstance,
} from '@halflife/planner';

/** Names and indexes a plan view needs: every id of a plan read through its instance. */
export interface PlanLookup {
  /** The IANA zone the network reads its day in (falls back to UTC). */
  readonly zone: string;
  readonly site: (id: string) => string;
  readonly line: (id: string) => string;
  readonly hospital: (id: string) => string;
  readonly product: (id: string) => string;
  readonly order: (id: string) => OrderSpec | undefined;
  readonly lane: (id: string) => { site: string; hospital: string; mode: string } | undefined;
  readonly batch: (id: string) => PlannedBatch | undefined;
  /** The doses drawn from a batch, and those carried by a shipment. */
  readonly dosesOfBatch: (id: string) => readonly PlannedDose[];
  readonly dosesOfShipment: (id: string) => readonly PlannedDose[];
  /** Local clock time "HH:MM" in the network's zone ("12-08 14:30" over a horizon of days). */
  readonly clock: (iso: string | number) => string;
}

type Instance = Pick<PlanningInstance, 'sites' | 'hospitals' | 'products' | 'lanes' | 'orders'> & {
  readonly timeZone?: string;
  readonly horizon?: PlanningInstance['horizon'];
};

const DAY_MS = 86_400_000;

/** "MM-DD HH:MM" of an instant in a zone: for plans over several days. */
export function dayClockIn(zone: string, at: string | number): string {
  const t = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(t) ? `${localDateOf(t, zone).slice(5)} ${localTimeOf(t, zone)}` : '—';
}

/** "HH:MM" of an instant in a zone; "—" for an instant that cannot be read. */
export function clockIn(zone: string, at: string | number): string {
  const t = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(t) ? localTimeOf(t, zone) : '—';
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Indexes an instance and a plan; unknown ids read as themselves, shortened. */
export function planLookup(instance: Instance, plan: Pick<Plan, 'batches' | 'doses'>): PlanLookup {
  const named = (items: readonly { id: string; name: string }[]) => {
    const m = new Map(items.map((i) => [i.id, i.name]));
    return (id: string) => m.get(id) ?? id.slice(0, 8);
  };
  const lines = instance.sites.flatMap((s) => s.lines);
  const orders = new Map(instance.orders.map((o) => [o.id, o]));
  const lanes = new Map(
    instance.lanes.map((l) => [l.id, { site: l.site, hospital: l.hospital, mode: l.mode }]),
  );
  const batches = new Map(plan.batches.map((b) => [b.id, b]));
  const byBatch = groupBy(plan.doses, (d) => d.batch);
  const byShipment = groupBy(plan.doses, (d) => d.shipment);
  const zone = instance.timeZone ?? 'UTC';
  const h = instance.horizon;
  const days = h ? Date.parse(h.end) - Date.parse(h.start) > DAY_MS + 3_600_000 : false;
  return {
    zone,
    site: named(instance.sites),
    line: named(lines),
    hospital: named(instance.hospitals),
    product: named(instance.products),
    order: (id) => orders.get(id),
    lane: (id) => lanes.get(id),
    batch: (id) => batches.get(id),
    dosesOfBatch: (id) => byBatch.get(id) ?? [],
    dosesOfShipment: (id) => byShipment.get(id) ?? [],
    clock: (at) => (days ? dayClockIn(zone, at) : clockIn(zone, at)),
  };
}
