import type { Plan, PlannedBatch, PlanningInstance } from '@halflife/planner';

/** A small instance and plan for the plan view's tests: two sites, three lines, two hospitals. */
export function planFixture(): { instance: PlanningInstance; plan: Plan } {
  const open = [{ start: '2026-11-23T16:00:00Z', end: '2026-11-24T12:00:00Z' }];
  const instance = {
    format: 'halflife-planning-instance/1',
    name: 'fixture',
    timeZone: 'Asia/Shanghai',
    horizon: { start: '2026-11-23T16:00:00Z', end: '2026-11-24T16:00:00Z' },
    products: [
      { id: 'p-fdg', name: 'F-18 FDG' },
      { id: 'p-ga', name: 'Ga-68 PSMA' },
    ],
    sites: [
      {
        id: 's-b',
        name: 'Beijing',
        open,
        lines: [
          { id: 'l-b1', name: 'Line 1', products: ['p-fdg'] },
          { id: 'l-b2', name: 'Line 2', products: ['p-ga'] },
        ],
        supply: [],
        licences: [],
      },
      {
        id: 's-a',
        name: 'Anshan',
        open,
        lines: [{ id: 'l-a1', name: 'Line 1', products: ['p-fdg'] }],
        supply: [],
        licences: [],
      },
    ],
    hospitals: [
      { id: 'h-1', name: 'First Hospital', receiving: open, licences: [] },
      { id: 'h-2', name: 'Second <Hospital>', receiving: open, licences: [] },
    ],
    lanes: [
      { id: 'ln-b1', site: 's-b', hospital: 'h-1', mode: 'road' },
      { id: 'ln-a2', site: 's-a', hospital: 'h-2', mode: 'air' },
    ],
    orders: [
      { id: 'o-1', hospital: 'h-1', product: 'p-fdg', calibrationAt: '2026-11-24T01:00:00Z' },
      { id: 'o-2', hospital: 'h-1', product: 'p-ga', calibrationAt: '2026-11-24T02:00:00Z' },
      { id: 'o-3', hospital: 'h-2', product: 'p-fdg', calibrationAt: '2026-11-24T00:30:00Z' },
      { id: 'o-4', hospital: 'h-2', product: 'p-ga', calibrationAt: '2026-11-24T03:00:00Z' },
    ],
  } as unknown as PlanningInstance;
  const batch = (
    id: string,
    site: string,
    line: string,
    product: string,
    h: number,
  ): PlannedBatch => ({
    id,
    site,
    line,
    product,
    startAt: `2026-11-23T2${h}:00:00Z`,
    eosAt: `2026-11-23T2${h}:30:00Z`,
    releaseAt: `2026-11-23T2${h + 1}:00:00Z`,
    startActivityBq: 1e11,
    eosActivityBq: 6e10,
    fixed: false,
  });
  const plan = {
    format: 'halflife-plan/1',
    instance: 'fixture',
    method: 'greedy',
    batches: [
      batch('b1', 's-b', 'l-b1', 'p-fdg', 0),
      batch('b2', 's-b', 'l-b2', 'p-ga', 1),
      batch('b3', 's-a', 'l-a1', 'p-fdg', 2),
    ],
    shipments: [
      {
        id: 'sh1',
        lane: 'ln-b1',
        departAt: '2026-11-23T23:00:00Z',
        arriveAt: '2026-11-24T00:00:00Z',
      },
      {
        id: 'sh2',
        lane: 'ln-b1',
        departAt: '2026-11-23T23:30:00Z',
        arriveAt: '2026-11-24T00:30:00Z',
      },
      {
        id: 'sh3',
        lane: 'ln-a2',
        departAt: '2026-11-23T23:10:00Z',
        arriveAt: '2026-11-24T00:10:00Z',
      },
    ],
    doses: [
      {
        order: 'o-1',
        batch: 'b1',
        shipment: 'sh1',
        eosActivityBq: 2e9,
        calibrationActivityBq: 1e9,
      },
      {
        order: 'o-2',
        batch: 'b2',
        shipment: 'sh2',
        eosActivityBq: 2e9,
        calibrationActivityBq: 1e9,
      },
      {
        order: 'o-3',
        batch: 'b3',
        shipment: 'sh3',
        eosActivityBq: 2e9,
        calibrationActivityBq: 1e9,
      },
    ],
    unserved: [
      {
        order: 'o-4',
        reason:
          "no delivery can arrive by 10:30 (calibration 11:00 − 30 min preparation) inside Second <Hospital>'s receiving hours from a site's first batch of the day",
      },
    ],
    summary: {
      orders: 4,
      served: 3,
      unservable: 1,
      servedPct: 75,
      efficiency: 0.05,
      batches: 3,
      startActivityBq: 3e11,
      cost: { isotope: 1000, batches: 3000, transport: 200.4, total: 4200.4 },
      objective: 10000,
      lowerBound: 9000,
      unservablePenalty: 5000,
      gap: 0.2,
      seconds: 1.5,
    },
  } as Plan;
  return { instance, plan };
}
