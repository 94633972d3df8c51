import { describe, expect, it } from 'vitest';
import { smallInstance } from '../../test/small-instance.js';
import { assessOrders } from './assess-orders.js';

describe('assessOrders', () => {
  const instance = smallInstance();
  const early = {
    ...instance.orders[0]!,
    id: 'early',
    calibrationAt: '2026-11-24T07:15:00+08:00',
  };
  const assessed = new Map(
    assessOrders({ ...instance, orders: [...instance.orders, early] }).map((a) => [a.orderId, a]),
  );

  it('judges each order alone: the far hospital is out of reach by shelf life', () => {
    for (const id of ['o6', 'o12']) {
      const a = assessed.get(id)!;
      expect(a.servable).toBe(false);
      if (!a.servable) expect(a.reason).toMatch(/within Ga-68 PSMA-11's shelf life of 4 h/);
    }
  });

  it('flags a time before the first batch of the day can arrive', () => {
    const a = assessed.get('early')!;
    expect(a.servable).toBe(false);
    if (!a.servable) expect(a.reason).toMatch(/^no delivery can arrive by 06:45/);
  });

  it('names the sites that could serve and the latest batch start that still does', () => {
    // o5: Hospital E at 10:30, lanes of 50 min (north) and 70 min (south); 25 min synthesis + 15 QC,
    // 30 min preparation: north must start by 08:35 → 08:30 on the grid, south by 08:15 → 08:00.
    const a = assessed.get('o5')!;
    expect(a).toEqual({
      orderId: 'o5',
      servable: true,
      sites: ['North site', 'South site'],
      latestBatchStart: '08:30',
    });
    expect([...assessed.values()].filter((x) => x.servable)).toHaveLength(10);
  });
});
