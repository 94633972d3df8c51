import { localTimeOf } from '@halflife/domain';
import type { Order, OrderStatus } from '../api/client.js';

export interface OrderFilter {
  readonly status?: OrderStatus | undefined;
  readonly product?: string | undefined;
  readonly hospitalId?: string | undefined;
  /** Free text matched against hospital, product and patient reference. */
  readonly text?: string | undefined;
}

/** The orders a filter keeps, in their order. */
export function filterOrders(orders: readonly Order[], filter: OrderFilter): Order[] {
  const text = filter.text?.trim().toLowerCase();
  return orders.filter(
    (o) =>
      (!filter.status || o.status === filter.status) &&
      (!filter.product || o.productCode === filter.product) &&
      (!filter.hospitalId || o.hospitalId === filter.hospitalId) &&
      (!text ||
        o.hospitalName.toLowerCase().includes(text) ||
        o.productCode.toLowerCase().includes(text) ||
        (o.patientRef ?? '').toLowerCase().includes(text)),
  );
}

/** The choices for the filter menus, sorted, from the orders at hand. */
export function filterChoices(orders: readonly Order[]): {
  statuses: OrderStatus[];
  products: string[];
  hospitals: { id: string; name: string }[];
} {
  const hospitals = new Map<string, string>();
  for (const o of orders) hospitals.set(o.hospitalId, o.hospitalName);
  return {
    statuses: [...new Set(orders.map((o) => o.status))].sort(),
    products: [...new Set(orders.map((o) => o.productCode))].sort(),
    hospitals: [...hospitals]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Wall-clock time of an order's injection in its own zone: "09:30". */
export function injectionTime(order: Pick<Order, 'calibrationTime' | 'calibrationZone'>): string {
  return localTimeOf(Date.parse(order.calibrationTime), order.calibrationZone);
}
