import { describe, expect, it } from 'vitest';
import { demoOrderDay, nextDateOn, weekdayName } from './demo-day.js';
import { isoWeekday } from '../calendar.js';

describe('the demo order day', () => {
  it.each([
    ['2026-12-03', '2026-12-04', 'Thursday → Friday'],
    ['2026-12-04', '2026-12-07', 'Friday → Monday'],
    ['2026-12-05', '2026-12-07', 'Saturday → Monday'],
    ['2026-12-06', '2026-12-07', 'Sunday → Monday'],
    ['2026-12-31', '2027-01-01', 'New Year’s Eve (Thursday) → Friday 1 January'],
    ['2027-12-31', '2028-01-03', 'Friday 31 December → Monday 3 January'],
    ['2028-02-28', '2028-02-29', 'a leap day'],
  ])('after %s is %s (%s)', (today, expected) => {
    const { date, why } = demoOrderDay(today);
    expect(date).toBe(expected);
    expect(isoWeekday(date)).toBeLessThanOrEqual(5);
    expect(why).toContain(date);
  });

  it('says why when it skips tomorrow', () => {
    expect(demoOrderDay('2026-12-05').why).toBe(
      'Monday 2026-12-07: the next day on which the demo hospitals receive (Monday to Friday; tomorrow, Sunday 2026-12-06, they do not)',
    );
    expect(demoOrderDay('2026-12-06').why).toMatch(/^Monday 2026-12-07: tomorrow/);
  });

  it('finds the next date on any set of weekdays, and refuses an empty set', () => {
    expect(nextDateOn('2026-12-07', [1])).toBe('2026-12-14');
    expect(nextDateOn('2026-12-07', [7, 6])).toBe('2026-12-12');
    expect(() => nextDateOn('2026-12-07', [])).toThrow(/no weekday/);
    expect(() => nextDateOn('2026-02-30', [1])).toThrow(/YYYY-MM-DD/);
    expect(weekdayName(7)).toBe('Sunday');
  });
});
