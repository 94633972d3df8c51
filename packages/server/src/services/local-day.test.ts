import { describe, expect, it } from 'vitest';
import { isLocalDate, isoWeekday } from '@halflife/domain';
import { hoursOn, instantAt } from './local-day.js';

describe('local days', () => {
  it('reads wall times in a zone as instants', () => {
    expect(instantAt('2026-11-24', '07:30', 'Asia/Shanghai')).toBe('2026-11-23T23:30:00.000Z');
    // Daylight saving: 08:00 in Berlin is 07:00Z in winter, 06:00Z in summer.
    expect(instantAt('2026-01-15', '08:00', 'Europe/Berlin')).toBe('2026-01-15T07:00:00.000Z');
    expect(instantAt('2026-07-15', '08:00', 'Europe/Berlin')).toBe('2026-07-15T06:00:00.000Z');
  });

  it('takes the weekday’s hours, running past midnight when close ≤ open', () => {
    expect(isoWeekday('2026-11-24')).toBe(2);
    const hours = [
      { days: [1, 2], open: '05:00', close: '22:00' },
      { days: [2], open: '22:00', close: '00:00' },
      { days: [7], open: '06:00', close: '14:00' },
    ];
    expect(hoursOn(hours, '2026-11-24', 'Asia/Shanghai')).toEqual([
      { start: '2026-11-23T21:00:00.000Z', end: '2026-11-24T14:00:00.000Z' },
      { start: '2026-11-24T14:00:00.000Z', end: '2026-11-24T16:00:00.000Z' },
    ]);
    expect(hoursOn(hours, '2026-11-28', 'Asia/Shanghai')).toEqual([]);
    expect(isLocalDate('2026-02-30')).toBe(false);
  });
});
