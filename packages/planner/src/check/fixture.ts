import { builtinDataset, decaySolver, type Seconds } from '@halflife/nuclear';
import type { OrderSpec, PlanningInstance, ProductSpec } from '../instance.js';
import type { Plan, PlannedBatch, PlannedDose, PlannedShipment } from '../plan.js';

/**
 * A small network built by hand for the checker's tests: two sites, a Ga-68 and a Pb-212 product,
 * three hospitals, four lanes (one with scheduled departures), a Pb-212 lot and licences; and a
 * valid plan whose activities come straight from the decay engine.
 */

export const DAY = '2026-11-24';
/** `07:30` → the instant on the fixture's day in UTC. */
export const at = (clock: string): string => `${DAY}T${clock}:00Z`;

const GA: ProductSpec = {
  id: 'ga68-dotatate',
  name: '[68Ga]Ga-DOTATATE',
  nuclide: 'Ga-68',
  synthesisMinutes: 30,
  qcMinutes: 15,
  radiochemicalYield: 0.6,
  maxBatchBq: 5e9,
  shelfLifeMinutes: 240,
  tolerancePct: 10,
  costPerBatch: 1000,
  costPerGbq: 50,
  transportIndexPerGbq: { 'Ga-68': 1.5 },
};

const PB: ProductSpec = {
  id: 'pb212-vmt',
  name: '[212Pb]Pb-VMT-α-NET',
  nuclide: 'Pb-212',
  synthesisMinutes: 60,
  qcMinutes: 30,
  radiochemicalYield: 0.8,
  maxBatchBq: 2e9,
  shelfLifeMinutes: 1440,
  tolerancePct: 10,
  costPerBatch: 3000,
  costPerGbq: 400,
  // Tl-208 (2.6 MeV gamma) dominates once the daughters have grown in.
  transportIndexPerGbq: { 'Pb-212': 80, 'Bi-212': 80, 'Tl-208': 800 },
};

const receiving = [{ start: at('07:00'), end: at('18:00') }];
const lane = { mode: 'road' as const, departures: null, vehicleCapacity: 4, maxTransportIndex: 50 };

export const instance: PlanningInstance = {
  format: 'halflife-planning-instance/1',
  name: 'checker fixture',
  horizon: { start: at('00:00'), end: '2026-11-25T00:00:00Z' },
  products: [GA, PB],
  sites: [
    {
      id: 's1',
      name: 'Alpha',
      open: [{ start: at('05:00'), end: at('22:00') }],
      lines: [
        { id: 'l1', name: 'Ga module', products: [GA.id] },
        { id: 'l2', name: 'Pb module', products: [PB.id] },
      ],
      supply: [
        {
          nuclide: 'Pb-212',
          kind: 'lot',
          label: 'lot 7',
          releases: [{ at: at('04:00'), activityBq: 5e9 }],
        },
      ],
      licences: [
        { nuclide: 'Ga-68', maxActivityBq: 10e9 },
        { nuclide: 'Pb-212', maxActivityBq: 4e9 },
      ],
    },
    {
      id: 's2',
      name: 'Beta',
      // 06:00Z–20:00Z written in local time.
      open: [{ start: '2026-11-24T14:00:00+08:00', end: '2026-11-25T04:00:00+08:00' }],
      lines: [{ id: 'l3', name: 'Ga module', products: [GA.id] }],
      supply: [],
      licences: [{ nuclide: 'Ga-68', maxActivityBq: 6e9 }],
    },
  ],
  hospitals: [
    {
      id: 'h1',
      name: 'North',
      receiving,
      licences: [
        { nuclide: 'Ga-68', maxActivityBq: 1.5e9 },
        { nuclide: 'Pb-212', maxActivityBq: 0.5e9 },
      ],
    },
    { id: 'h2', name: 'East', receiving, licences: [{ nuclide: 'Ga-68', maxActivityBq: 3e9 }] },
    { id: 'h3', name: 'South', receiving, licences: [{ nuclide: 'Ga-68', maxActivityBq: 2e9 }] },
  ],
  lanes: [
    { id: 's1-h1', site: 's1', hospital: 'h1', durationMinutes: 60, cost: 100, ...lane },
    {
      id: 's1-h2',
      site: 's1',
      hospital: 'h2',
      durationMinutes: 90,
      cost: 150,
      ...lane,
      departures: [at('08:00'), at('10:00'), at('13:00')],
    },
    {
      id: 's2-h3',
      site: 's2',
      hospital: 'h3',
      durationMinutes: 45,
      cost: 400,
      ...lane,
      mode: 'air',
    },
    { id: 's2-h1', site: 's2', hospital: 'h1', durationMinutes: 120, cost: 120, ...lane },
  ],
  orders: [
    order('o1', 'h1', GA, 200e6, '10:00', 30),
    { ...order('o2', 'h1', GA, 150e6, '10:30', 30), earliestArrivalAt: at('08:30') },
    { ...order('o3', 'h2', GA, 300e6, '10:30', 30), tolerancePct: 5 },
    order('o4', 'h3', GA, 250e6, '11:00', 20),
    { ...order('o5', 'h1', PB, 100e6, '14:00', 60), priority: 10 },
    { ...order('o6', 'h3', GA, 200e6, '23:00', 30), priority: 2 },
  ],
};

function order(
  id: string,
  hospital: string,
  product: ProductSpec,
  activityBq: number,
  clock: string,
  prepMarginMinutes: number,
): OrderSpec {
  return {
    id,
    hospital,
    product: product.id,
    activityBq,
    calibrationAt: at(clock),
    prepMarginMinutes,
    priority: 1,
  };
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/** Product activity `elapsed` seconds after a pure dose ÷ at zero, from the decay engine. */
export function decayRatio(nuclide: string, elapsed: number): number {
  const solver = decaySolver(builtinDataset(), new Map([[nuclide, 1]]));
  const i = solver.members.findIndex((m) => m.name === nuclide);
  return (
    (solver.at(elapsed as Seconds).activities[i] as number) /
    (solver.at(0 as Seconds).activities[i] as number)
  );
}

export function batch(
  id: string,
  site: string,
  line: string,
  product: ProductSpec,
  start: string,
  eosActivityBq: number,
): PlannedBatch {
  const startS = seconds(at(start));
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const eos = startS + product.synthesisMinutes * 60;
  return {
    id,
    site,
    line,
    product: product.id,
    startAt: at(start),
    eosAt: iso(eos),
    releaseAt: iso(eos + product.qcMinutes * 60),
    startActivityBq: eosActivityBq / product.radiochemicalYield,
    eosActivityBq,
    fixed: false,
  };
}

/** The dose that meets an order exactly at calibration. */
export function dose(orderId: string, b: PlannedBatch, shipment: string): PlannedDose {
  const o = instance.orders.find((x) => x.id === orderId) as OrderSpec;
  const p = instance.products.find((x) => x.id === b.product) as ProductSpec;
  const ratio = decayRatio(p.nuclide, seconds(o.calibrationAt) - seconds(b.eosAt));
  const eosActivityBq = o.activityBq / ratio;
  return {
    order: orderId,
    batch: b.id,
    shipment,
    eosActivityBq,
    calibrationActivityBq: eosActivityBq * ratio,
  };
}

export function shipment(id: string, laneId: string, depart: string): PlannedShipment {
  const l = instance.lanes.find((x) => x.id === laneId);
  const arrive = seconds(at(depart)) + (l?.durationMinutes ?? 0) * 60;
  return {
    id,
    lane: laneId,
    departAt: at(depart),
    arriveAt: new Date(arrive * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

/** The summary as rule 11 defines it, computed here by the test's own hand. */
export function summarise(
  inst: PlanningInstance,
  plan: Omit<Plan, 'summary'>,
  unservable: readonly string[] = ['o6'],
): Plan {
  const product = (id: string): ProductSpec =>
    inst.products.find((p) => p.id === id) as ProductSpec;
  const served = new Set(plan.doses.map((d) => d.order));
  const isotope = plan.batches.reduce(
    (s, b) => s + (b.startActivityBq / 1e9) * product(b.product).costPerGbq,
    0,
  );
  const batches = plan.batches.reduce((s, b) => s + product(b.product).costPerBatch, 0);
  const transport = plan.shipments.reduce(
    (s, x) => s + (inst.lanes.find((l) => l.id === x.lane)?.cost ?? 0),
    0,
  );
  const total = isotope + batches + transport;
  const w =
    10 *
    (Math.max(
      ...inst.products.map(
        (p) => p.costPerBatch + (p.costPerGbq * p.maxBatchBq) / p.radiochemicalYield / 1e9,
      ),
    ) +
      Math.max(...inst.lanes.map((l) => l.cost)));
  const unservedPriority = inst.orders
    .filter((o) => !served.has(o.id))
    .reduce((s, o) => s + o.priority, 0);
  const objective = total + unservedPriority * w;
  // Orders unservable in any plan (the fixture's o6 calibrates after every receiving window).
  const penalty = inst.orders
    .filter((o) => unservable.includes(o.id) && !served.has(o.id))
    .reduce((s, o) => s + o.priority * w, 0);
  const eos = plan.batches.reduce((s, b) => s + b.eosActivityBq, 0);
  return {
    ...plan,
    summary: {
      orders: inst.orders.length,
      served: served.size,
      unservable: inst.orders.filter((o) => unservable.includes(o.id) && !served.has(o.id)).length,
      servedPct: (served.size / inst.orders.length) * 100,
      efficiency: plan.doses.reduce((s, d) => s + d.calibrationActivityBq, 0) / eos,
      batches: plan.batches.length,
      startActivityBq: plan.batches.reduce((s, b) => s + b.startActivityBq, 0),
      cost: { isotope, batches, transport, total },
      objective,
      lowerBound: objective * 0.9,
      unservablePenalty: penalty,
      gap: (objective * 0.1) / (objective - penalty),
      seconds: 0.5,
    },
  };
}

export const b1 = batch('b1', 's1', 'l1', GA, '07:00', 4.8e9);
export const b2 = batch('b2', 's2', 'l3', GA, '08:00', 1.5e9);
export const b3 = batch('b3', 's1', 'l2', PB, '06:00', 0.5e9);

/** A plan that keeps every rule. */
export const validPlan: Plan = summarise(instance, {
  format: 'halflife-plan/1',
  instance: instance.name,
  method: 'greedy',
  batches: [b1, b2, b3],
  shipments: [
    shipment('sh1', 's1-h1', '08:00'),
    shipment('sh2', 's2-h3', '09:00'),
    shipment('sh3', 's1-h2', '08:00'),
  ],
  doses: [
    dose('o1', b1, 'sh1'),
    dose('o2', b1, 'sh1'),
    dose('o5', b3, 'sh1'),
    dose('o3', b1, 'sh3'),
    dose('o4', b2, 'sh2'),
  ],
  unserved: [{ order: 'o6', reason: 'Calibration 23:00Z is after the receiving hours of South.' }],
});
