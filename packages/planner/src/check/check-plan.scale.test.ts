import { describe, expect, it } from 'vitest';
import type { LaneSpec, OrderSpec, PlanningInstance } from '../instance.js';
import type { PlannedBatch, PlannedDose, PlannedShipment } from '../plan.js';
import { checkPlan } from './check-plan.js';
import { decayRatio, instance as small, summarise } from './fixture.js';

const T0 = Date.parse('2026-11-24T05:00:00Z') / 1000;
const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const HOSPITALS = 50;
const LINES = 20;
const PER_BATCH = 20;

/** 5,000 orders from 250 Ga-68 batches on 20 lines, one shipment per dose: a valid plan. */
function largeCase(orders: number): {
  instance: PlanningInstance;
  plan: ReturnType<typeof summarise>;
} {
  const ga = { ...small.products[0]!, maxBatchBq: 1e12 };
  const day = { start: '2026-11-24T00:00:00Z', end: '2026-11-25T00:00:00Z' };
  const big = [{ nuclide: 'Ga-68', maxActivityBq: 1e15 }];
  const lanes: LaneSpec[] = Array.from({ length: HOSPITALS }, (_, h) => ({
    id: `lane-${h}`,
    site: 's1',
    hospital: `h${h}`,
    mode: 'road',
    durationMinutes: 60,
    cost: 100 + h,
    departures: null,
    vehicleCapacity: 10,
    maxTransportIndex: 50,
  }));
  const orderSpecs: OrderSpec[] = [];
  const batches: PlannedBatch[] = [];
  const shipments: PlannedShipment[] = [];
  const doses: PlannedDose[] = [];
  const ratios = new Map<number, number>();
  const ratio = (s: number): number => {
    if (!ratios.has(s)) ratios.set(s, decayRatio('Ga-68', s));
    return ratios.get(s) as number;
  };
  for (let j = 0; j * PER_BATCH < orders; j++) {
    const start = T0 + Math.floor(j / LINES) * 45 * 60;
    const eos = start + 30 * 60;
    const members: PlannedDose[] = [];
    for (let k = j * PER_BATCH; k < Math.min(orders, (j + 1) * PER_BATCH); k++) {
      const h = k % HOSPITALS;
      const calibration = start + (45 + 60 + 30 + (k % PER_BATCH)) * 60;
      orderSpecs.push({
        id: `o${k}`,
        hospital: `h${h}`,
        product: ga.id,
        activityBq: 200e6,
        calibrationAt: iso(calibration),
        prepMarginMinutes: 30,
        priority: 1,
      });
      shipments.push({
        id: `sh${k}`,
        lane: `lane-${h}`,
        departAt: iso(start + 45 * 60),
        arriveAt: iso(start + 105 * 60),
      });
      const f = ratio(calibration - eos);
      members.push({
        order: `o${k}`,
        batch: `b${j}`,
        shipment: `sh${k}`,
        eosActivityBq: 200e6 / f,
        calibrationActivityBq: 200e6,
      });
    }
    const eosBq = members.reduce((s, d) => s + d.eosActivityBq, 0);
    batches.push({
      id: `b${j}`,
      site: 's1',
      line: `l${j % LINES}`,
      product: ga.id,
      startAt: iso(start),
      eosAt: iso(eos),
      releaseAt: iso(eos + 15 * 60),
      startActivityBq: eosBq / ga.radiochemicalYield,
      eosActivityBq: eosBq,
      fixed: false,
    });
    doses.push(...members);
  }
  const instance: PlanningInstance = {
    format: 'halflife-planning-instance/1',
    name: 'large',
    horizon: day,
    products: [ga],
    sites: [
      {
        id: 's1',
        name: 'Big',
        open: [day],
        lines: Array.from({ length: LINES }, (_, i) => ({
          id: `l${i}`,
          name: `line ${i}`,
          products: [ga.id],
        })),
        supply: [
          {
            nuclide: 'Ga-68',
            kind: 'generator',
            label: 'G',
            releases: Array.from({ length: 24 }, (_, i) => ({
              at: iso(T0 - 5 * 3600 + i * 3600),
              activityBq: 2e12,
            })),
          },
        ],
        licences: big,
      },
    ],
    hospitals: Array.from({ length: HOSPITALS }, (_, h) => ({
      id: `h${h}`,
      name: `H${h}`,
      receiving: [day],
      licences: big,
    })),
    lanes,
    orders: orderSpecs,
  };
  const plan = summarise(instance, {
    format: 'halflife-plan/1',
    instance: 'large',
    method: 'greedy',
    batches,
    shipments,
    doses,
    unserved: [],
  });
  return { instance, plan };
}

describe('checkPlan at scale', () => {
  it('checks 5,000 orders with a few decay evaluations per distinct offset', () => {
    const { instance, plan } = largeCase(5000);
    const check = checkPlan(instance, plan);
    expect(check.violations.slice(0, 3)).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.stats.doses).toBe(5000);
    // Offsets: 20 calibration, 1 departure, 1 arrival, and the supply balance's few steps.
    expect(check.stats.decayEvaluations).toBeLessThan(100);
  });
});
