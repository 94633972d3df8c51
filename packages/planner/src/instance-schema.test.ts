import { describe, expect, it } from 'vitest';
import type { PlanningInstance } from './instance.js';
import { parseInstance } from './instance-schema.js';

const GOOD: PlanningInstance = {
  format: 'halflife-planning-instance/1',
  name: 'two hospitals',
  horizon: { start: '2026-11-24T00:00:00+08:00', end: '2026-11-25T00:00:00+08:00' },
  products: [
    {
      id: 'ga68-psma',
      name: 'Ga-68 PSMA-11',
      nuclide: 'Ga-68',
      synthesisMinutes: 25,
      qcMinutes: 15,
      radiochemicalYield: 0.65,
      maxBatchBq: 1.5e9,
      shelfLifeMinutes: 240,
      tolerancePct: 20,
      costPerBatch: 3000,
      costPerGbq: 2000,
      transportIndexPerGbq: { 'Ga-68': 0.72 },
    },
  ],
  sites: [
    {
      id: 's1',
      name: 'Site 1',
      latitude: 31.2,
      longitude: 121.5,
      open: [{ start: '2026-11-24T05:00:00+08:00', end: '2026-11-24T21:00:00+08:00' }],
      lines: [{ id: 'ga68-1', name: 'Ga-68 module', products: ['ga68-psma'] }],
      supply: [],
      licences: [{ nuclide: 'Ga-68', maxActivityBq: 10e9 }],
    },
  ],
  hospitals: [
    {
      id: 'h1',
      name: 'Hospital 1',
      receiving: [{ start: '2026-11-24T07:00:00+08:00', end: '2026-11-24T19:00:00+08:00' }],
      licences: [{ nuclide: 'Ga-68', maxActivityBq: 5e9 }],
    },
  ],
  lanes: [
    {
      id: 'l1',
      site: 's1',
      hospital: 'h1',
      mode: 'road',
      durationMinutes: 40,
      cost: 200,
      departures: null,
      vehicleCapacity: 24,
      maxTransportIndex: 50,
    },
  ],
  orders: [
    {
      id: 'o1',
      hospital: 'h1',
      product: 'ga68-psma',
      activityBq: 150e6,
      calibrationAt: '2026-11-24T09:00:00+08:00',
      prepMarginMinutes: 30,
      priority: 1,
    },
  ],
  fixedBatches: [
    {
      id: 'b1',
      site: 's1',
      line: 'ga68-1',
      product: 'ga68-psma',
      startAt: '2026-11-24T05:00:00+08:00',
      eosActivityBq: 1e9,
    },
  ],
  outages: [{ site: 's1', line: 'ga68-1', from: '2026-11-24T12:00:00+08:00', reason: 'service' }],
  sources: ['test'],
};

const REMOVE = Symbol('remove');
type Edit = readonly [path: readonly (string | number)[], value: unknown];

/** A deep copy of GOOD with each edit applied: the value set at the path, or the field removed. */
function edited(...edits: Edit[]): unknown {
  const json = structuredClone(GOOD) as unknown;
  for (const [path, value] of edits) {
    let node = json as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === REMOVE) delete node[last];
    else node[last] = value;
  }
  return json;
}

function bad(...edits: Edit[]): string[] {
  const result = parseInstance(edited(...edits));
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parseInstance', () => {
  it('accepts a good instance and returns it unchanged', () => {
    const result = parseInstance(structuredClone(GOOD));
    expect(result).toEqual({ ok: true, value: GOOD });
  });

  it('names the path, the expectation and the value found', () => {
    expect(bad([['orders', 0, 'activityBq'], -5])).toEqual([
      'orders[0].activityBq: expected a positive number, got -5',
    ]);
  });

  it('reports wrong types, missing fields, unknown fields and bad options', () => {
    expect(bad([['lanes', 0, 'durationMinutes'], '40'])).toEqual([
      'lanes[0].durationMinutes: expected a number, got "40"',
    ]);
    expect(bad([['orders', 0, 'priority'], REMOVE])).toEqual([
      'orders[0].priority: required, expected a number',
    ]);
    expect(bad([['orders', 0, 'activityBQ'], 1])).toEqual([
      "orders[0]: unknown field 'activityBQ'",
    ]);
    expect(bad([['lanes', 0, 'mode'], 'ship'])).toEqual([
      'lanes[0].mode: expected "road" or "air", got "ship"',
    ]);
    expect(bad([['format'], 'v2'])).toEqual([
      'format: expected "halflife-planning-instance/1", got "v2"',
    ]);
  });

  it('checks ranges: yield, capacity, TI limit, priority', () => {
    expect(
      bad(
        [['products', 0, 'radiochemicalYield'], 1.2],
        [['lanes', 0, 'vehicleCapacity'], 2.5],
        [['lanes', 0, 'maxTransportIndex'], 0],
        [['orders', 0, 'priority'], 0],
      ),
    ).toEqual([
      'products[0].radiochemicalYield: expected a number ≤ 1, got 1.2',
      'lanes[0].vehicleCapacity: expected an integer, got 2.5',
      'lanes[0].maxTransportIndex: expected a positive number, got 0',
      'orders[0].priority: expected a positive number, got 0',
    ]);
  });

  it('wants instants with an offset that name a real time', () => {
    expect(bad([['orders', 0, 'calibrationAt'], '2026-11-24T09:00'])).toEqual([
      'orders[0].calibrationAt: expected an ISO 8601 instant with an offset, e.g. ' +
        '2026-11-24T06:00:00+08:00, got "2026-11-24T09:00"',
    ]);
    expect(bad([['horizon', 'end'], '2026-02-30T00:00:00+08:00'])).toEqual([
      'horizon.end: expected a real date and time, got "2026-02-30T00:00:00+08:00"',
    ]);
  });

  it('checks references once the shape is valid', () => {
    expect(
      bad(
        [['lanes', 0, 'site'], 's9'],
        [['lanes', 0, 'hospital'], 'h9'],
        [['orders', 0, 'product'], 'fdg'],
        [['sites', 0, 'lines', 0, 'products'], ['fdg']],
        [['fixedBatches', 0, 'line'], 'f18-1'],
        [['outages', 0, 'site'], 's9'],
      ),
    ).toEqual([
      "sites[0].lines[0].products[0]: no product with id 'fdg'",
      "lanes[0].site: no site with id 's9'",
      "lanes[0].hospital: no hospital with id 'h9'",
      "orders[0].product: no product with id 'fdg'",
      "fixedBatches[0].line: site 's1' has no line 'f18-1'",
      "outages[0].site: no site with id 's9'",
    ]);
  });

  it('checks unique ids, intervals and the line of a fixed batch', () => {
    expect(
      bad(
        [['orders', 1], GOOD.orders[0]],
        [['sites', 0, 'open', 0, 'end'], '2026-11-24T04:00:00+08:00'],
        [['outages', 0, 'to'], '2026-11-24T11:00:00+08:00'],
        [['products', 1], { ...GOOD.products[0], id: 'other' }],
        [['fixedBatches', 0, 'product'], 'other'],
      ),
    ).toEqual([
      "orders[1].id: duplicate id 'o1'",
      'sites[0].open[0]: expected start before end, got 2026-11-24T05:00:00+08:00 … 2026-11-24T04:00:00+08:00',
      "fixedBatches[0].product: line 'ga68-1' of site 's1' does not make 'other'",
      'outages[0]: expected from before to, got 2026-11-24T12:00:00+08:00 … 2026-11-24T11:00:00+08:00',
    ]);
  });

  it('checks departed shipments: the moment of re-planning, fixed batches, lanes and orders', () => {
    const shipment = {
      id: 's1',
      lane: 'l1',
      departAt: '2026-11-24T06:00:00+08:00',
      arriveAt: '2026-11-24T06:40:00+08:00',
      doses: [{ order: 'o1', batch: 'b1', eosActivityBq: 400e6 }],
    };
    const from = '2026-11-24T07:00:00+08:00';
    expect(
      parseInstance(edited([['replanFrom'], from], [['departedShipments'], [shipment]])).ok,
    ).toBe(true);
    expect(bad([['departedShipments'], [shipment]])).toEqual([
      'departedShipments: needs replanFrom, the moment of re-planning',
    ]);
    expect(
      bad(
        [['replanFrom'], '2026-11-24T05:30:00+08:00'],
        [
          ['departedShipments'],
          [
            {
              ...shipment,
              doses: [
                { order: 'o1', batch: 'b9', eosActivityBq: 1 },
                { order: 'o1', batch: 'b1', eosActivityBq: 1 },
                { order: 'o9', batch: 'b1', eosActivityBq: 1 },
              ],
            },
          ],
        ],
      ),
    ).toEqual([
      'departedShipments[0].departAt: 2026-11-24T06:00:00+08:00 is after replanFrom 2026-11-24T05:30:00+08:00',
      "departedShipments[0].doses[0].batch: no fixed batch with id 'b9'",
      "departedShipments[0].doses[1].order: 'o1' travels twice",
      "departedShipments[0].doses[2].order: no order with id 'o9'",
    ]);
  });

  it('wants nuclides the dataset knows, spelt canonically, and TI only for chain members', () => {
    const errors = bad(
      [['products', 0, 'nuclide'], 'ga68'],
      [['sites', 0, 'licences', 0, 'nuclide'], 'Xx-999'],
      [['hospitals', 0, 'licences', 1], { nuclide: 'Ga-68', maxActivityBq: 1e9 }],
    );
    expect(errors[0]).toBe("products[0].nuclide: expected the canonical name 'Ga-68', got 'ga68'");
    expect(errors[1]).toMatch(/^sites\[0\]\.licences\[0\]\.nuclide: unknown nuclide "Xx-999"/);
    expect(errors[2]).toBe('hospitals[0].licences[1].nuclide: duplicate licence for Ga-68');
    expect(bad([['products', 0, 'transportIndexPerGbq'], { 'F-18': 1 }])).toEqual([
      'products[0].transportIndexPerGbq.F-18: F-18 is not in the decay chain of Ga-68',
    ]);
  });

  it('collects all errors up to 50 and counts the rest', () => {
    const orders = Array.from({ length: 80 }, (_, i) => ({
      ...GOOD.orders[0],
      id: `o${i}`,
      priority: -1,
    }));
    const errors = bad([['orders'], orders]);
    expect(errors).toHaveLength(51);
    expect(errors[50]).toBe('… and 30 more errors');
  });

  it('refuses what is not an object', () => {
    expect(parseInstance(null)).toEqual({
      ok: false,
      errors: ['instance: expected an object, got null'],
    });
  });
});
