import { describe, expect, it } from 'vitest';
import { horizonText } from './plan-horizon.js';
import { planLookup } from './plan-lookup.js';

describe('horizonText', () => {
  it('names the first and last day of a horizon, across a month', () => {
    expect(horizonText('2026-12-07', 1)).toBe('2026-12-07');
    expect(horizonText('2026-12-30', 3)).toBe('2026-12-30 to 2027-01-01');
  });
});

describe('planLookup over several days', () => {
  const empty = { sites: [], hospitals: [], products: [], lanes: [], orders: [] };
  const plan = { batches: [], doses: [] };

  it('gives clock times with their day when the horizon spans days, and bare ones otherwise', () => {
    const zone = 'Asia/Shanghai';
    const days = planLookup(
      {
        ...empty,
        timeZone: zone,
        horizon: { start: '2026-12-06T16:00:00Z', end: '2026-12-09T16:00:00Z' },
      },
      plan,
    );
    expect(days.clock('2026-12-08T06:30:00Z')).toBe('12-08 14:30');
    const one = planLookup(
      {
        ...empty,
        timeZone: zone,
        horizon: { start: '2026-12-06T16:00:00Z', end: '2026-12-07T16:00:00Z' },
      },
      plan,
    );
    expect(one.clock('2026-12-07T06:30:00Z')).toBe('14:30');
  });
});
