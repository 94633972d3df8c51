import { describe, expect, it } from 'vitest';
import type { Order } from '../api/client.js';
import { filterChoices, filterOrders, injectionTime } from './order-filter.js';

function order(over: Partial<Order>): Order {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    hospitalId: 'h1',
    hospitalName: 'North Hospital',
    deliveryPointId: null,
    productCode: 'LU177-PSMA617',
    calibrationTime: '2026-11-24T02:00:00.000Z',
    calibrationZone: 'Asia/Shanghai',
    amountKind: 'fixed',
    activityBq: 7.4e9,
    perKgBq: null,
    patientWeightKg: null,
    doses: null,
    tolerancePct: 10,
    patientRef: 'P-001',
    notes: '',
    status: 'submitted',
    statusReason: null,
    version: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    planned: null,
    updatedAt: '2026-11-23T00:00:00.000Z',
    ...over,
  };
}

const orders = [
  order({}),
  order({ id: '2', status: 'accepted', productCode: 'GA68-PSMA11' }),
  order({ id: '3', hospitalId: 'h2', hospitalName: 'East Clinic', patientRef: 'Q-9' }),
];

describe('the orders filter', () => {
  it('keeps orders matching every field given', () => {
    expect(filterOrders(orders, {}).length).toBe(3);
    expect(filterOrders(orders, { status: 'accepted' }).map((o) => o.id)).toEqual(['2']);
    expect(filterOrders(orders, { product: 'LU177-PSMA617', hospitalId: 'h2' }).length).toBe(1);
    expect(filterOrders(orders, { text: 'q-9' }).map((o) => o.id)).toEqual(['3']);
  });

  it('offers the values present, sorted', () => {
    const choices = filterChoices(orders);
    expect(choices.statuses).toEqual(['accepted', 'submitted']);
    expect(choices.products).toEqual(['GA68-PSMA11', 'LU177-PSMA617']);
    expect(choices.hospitals.map((h) => h.name)).toEqual(['East Clinic', 'North Hospital']);
  });

  it('shows the injection time in the order’s own zone', () => {
    expect(injectionTime(orders[0] as Order)).toBe('10:00');
  });

  it('filters 10,000 orders', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      order({ id: String(i), status: i % 3 ? 'accepted' : 'submitted' }),
    );
    expect(filterOrders(many, { status: 'submitted', text: 'north' }).length).toBe(3334);
  });
});
