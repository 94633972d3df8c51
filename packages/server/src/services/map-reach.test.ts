import { assessOrders, generateInstance, type OrderAssessment } from '@halflife/planner';
import { describe, expect, it } from 'vitest';
import {
  fullHoursWithin,
  hypotheticalOrders,
  reachByHospital,
  standardDoseBq,
  STANDARD_WEIGHT_KG,
} from './map-reach.js';

const SHANGHAI = 'Asia/Shanghai';
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('standardDoseBq', () => {
  it('takes a fixed dose, else the per-kilogram dose for 70 kg, else none', () => {
    expect(standardDoseBq({ code: 'F', doseBq: 370e6, doseBqPerKg: null })).toBe(370e6);
    expect(standardDoseBq({ code: 'G', doseBq: null, doseBqPerKg: 2e6 })).toBe(
      2e6 * STANDARD_WEIGHT_KG,
    );
    expect(STANDARD_WEIGHT_KG).toBe(70);
    expect(standardDoseBq({ code: 'X', doseBq: null, doseBqPerKg: null })).toBeNull();
  });
});

describe('fullHoursWithin', () => {
  it('lists the full local hours, both ends included', () => {
    const hours = fullHoursWithin(
      ms('2026-11-24T07:00+08:00'),
      ms('2026-11-24T18:00+08:00'),
      SHANGHAI,
    );
    expect(hours).toHaveLength(12);
    expect(iso(hours[0]!)).toBe('2026-11-23T23:00:00.000Z');
    expect(iso(hours[11]!)).toBe('2026-11-24T10:00:00.000Z');
  });

  it('starts at the next full hour of the zone, not of UTC', () => {
    const s = fullHoursWithin(ms('2026-11-24T07:30+08:00'), ms('2026-11-24T09:59+08:00'), SHANGHAI);
    expect(s.map(iso)).toEqual(['2026-11-24T00:00:00.000Z', '2026-11-24T01:00:00.000Z']);
    // Kolkata is UTC+05:30: its full hours are half past in UTC.
    const k = fullHoursWithin(
      ms('2026-11-24T07:10+05:30'),
      ms('2026-11-24T09:00+05:30'),
      'Asia/Kolkata',
    );
    expect(k.map(iso)).toEqual(['2026-11-24T02:30:00.000Z', '2026-11-24T03:30:00.000Z']);
  });
});

describe('hypotheticalOrders and reachByHospital', () => {
  const base = generateInstance({ tier: 'S', seed: 7, date: '2026-11-24' });
  const hospital = base.hospitals[0]!;
  const instance = {
    ...base,
    products: [...base.products, { ...base.products[0]!, id: 'OTHER', name: 'Other' }],
    hospitals: [
      {
        ...hospital,
        receiving: [{ start: '2026-11-24T07:00:00+08:00', end: '2026-11-24T10:00:00+08:00' }],
      },
      { ...base.hospitals[1]!, receiving: [] },
    ],
  };
  const [first, second] = instance.products;
  const doses = new Map([[first!.id, 5e8]]);
  const zones = new Map([[hospital.id, SHANGHAI]]);
  const orders = hypotheticalOrders(instance, { doses, zones, prepMarginMinutes: 30 });

  it('makes one order per full hour for each product with a dose', () => {
    expect(orders).toHaveLength(4);
    expect(orders.every((o) => o.hospital === hospital.id && o.product === first!.id)).toBe(true);
    expect(orders[0]!.spec).toMatchObject({
      hospital: hospital.id,
      product: first!.id,
      activityBq: 5e8,
      calibrationAt: '2026-11-23T23:00:00.000Z',
      prepMarginMinutes: 30,
      priority: 1,
    });
    expect(new Set(orders.map((o) => o.spec.id)).size).toBe(4);
  });

  it('folds the hours into earliest and latest servable, or the commonest reason', () => {
    const assessments: OrderAssessment[] = orders.map((o, k) =>
      k === 0 || k === 3
        ? { orderId: o.spec.id, servable: false, reason: k === 0 ? 'too early' : 'too late' }
        : { orderId: o.spec.id, servable: true, sites: ['B', 'A'], latestBatchStart: '05:00' },
    );
    const reach = reachByHospital(instance, orders, assessments, zones);
    const [r1, r2] = reach.get(hospital.id)!;
    expect(r1).toEqual({
      productCode: first!.id,
      productName: first!.name,
      servable: true,
      earliest: '08:00',
      latest: '09:00',
      hoursChecked: 4,
      hoursServable: 2,
      sites: ['A', 'B'],
      reason: null,
    });
    expect(r2).toMatchObject({ productCode: second!.id, servable: false, hoursChecked: 0 });
    expect(reach.get(base.hospitals[1]!.id)!.every((r) => /does not receive/.test(r.reason!))).toBe(
      true,
    );

    const none = orders.map((o, k) => ({
      orderId: o.spec.id,
      servable: false as const,
      reason: k === 0 ? 'closed' : 'shelf life',
    }));
    expect(reachByHospital(instance, orders, none, zones).get(hospital.id)![0]).toMatchObject({
      servable: false,
      earliest: null,
      latest: null,
      reason: 'shelf life',
    });
  });

  it("agrees with the planner's own assessment of the generated network", () => {
    const all = hypotheticalOrders(base, {
      doses: new Map(base.products.map((p) => [p.id, 2e8])),
      zones: new Map(),
      prepMarginMinutes: 30,
    });
    const assessed = assessOrders({ ...base, orders: all.map((o) => o.spec) });
    const reach = reachByHospital(base, all, assessed, new Map());
    expect(reach.size).toBe(base.hospitals.length);
    const entries = [...reach.values()].flat();
    expect(entries).toHaveLength(base.hospitals.length * base.products.length);
    const servable = assessed.filter((a) => a.servable).length;
    expect(entries.reduce((n, r) => n + r.hoursServable, 0)).toBe(servable);
    expect(entries.some((r) => r.servable)).toBe(true);
  });
});
