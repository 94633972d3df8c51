import { describe, expect, it } from 'vitest';
import type { WorkingDay } from './api/client.js';
import { isoWeekday } from '@halflife/domain';
import { emptyOrdersReason } from './working-day.js';

const day: WorkingDay = {
  zone: 'Asia/Shanghai',
  today: '2026-12-05',
  date: '2026-12-07',
  why: 'Monday 2026-12-07: the next day with orders',
  receivingWeekdays: [1, 2, 3, 4, 5],
};

describe('why a list of orders is empty', () => {
  it('names a day on which no hospital receives, and the day with orders', () => {
    expect(emptyOrdersReason('2026-12-06', day)).toBe(
      'No orders for Sunday 2026-12-06: no hospital receives deliveries on Sundays. Open on Monday 2026-12-07: the next day with orders.',
    );
  });

  it('says "yet" for a future receiving day, and nothing more on the working day itself', () => {
    expect(emptyOrdersReason('2026-12-07', day)).toBe('No orders for Monday 2026-12-07 yet.');
    expect(emptyOrdersReason('2026-12-04', day)).toMatch(/^No orders for Friday 2026-12-04\. Open/);
  });

  it('knows the ISO weekday across a year end', () => {
    expect(isoWeekday('2026-12-31')).toBe(4);
    expect(isoWeekday('2027-01-03')).toBe(7);
  });
});
