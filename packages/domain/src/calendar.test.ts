import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayStart,
  instantAt,
  isLocalDate,
  isLocalTime,
  isTimeZone,
  isoWeekday,
  localDateOf,
  localDateTimeOf,
  localTimeOf,
  nextDayStart,
  offsetDateTimeOf,
  tomorrowIn,
} from './calendar.js';

const HOUR = 3_600_000;
const hoursOf = (date: string, zone: string): number =>
  (nextDayStart(date, zone) - dayStart(date, zone)) / HOUR;

describe('a local day in a zone', () => {
  it('starts at local midnight in Asia/Shanghai (UTC+08:00, no daylight saving)', () => {
    expect(new Date(dayStart('2026-11-24', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-11-23T16:00:00.000Z',
    );
    expect(hoursOf('2026-11-24', 'Asia/Shanghai')).toBe(24);
  });

  it('lasts 25 hours in Europe/Berlin when the clocks go back (2026-10-25)', () => {
    expect(hoursOf('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(new Date(nextDayStart('2026-10-25', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
    expect(hoursOf('2026-10-26', 'Europe/Berlin')).toBe(24);
  });

  it('lasts 23 hours in America/New_York when the clocks go forward (2026-03-08)', () => {
    expect(hoursOf('2026-03-08', 'America/New_York')).toBe(23);
    expect(new Date(dayStart('2026-03-08', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
  });

  it('gives tomorrow as the next calendar day, where "24 hours later" is wrong', () => {
    // 00:30 on 25 October in Berlin (summer time): 24 hours later is 23:30 the same day.
    const earlyOnTheLongDay = Date.parse('2026-10-24T22:30:00Z');
    expect(localDateOf(earlyOnTheLongDay, 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDateOf(earlyOnTheLongDay + 24 * HOUR, 'Europe/Berlin')).toBe('2026-10-25');
    expect(tomorrowIn(earlyOnTheLongDay, 'Europe/Berlin')).toBe('2026-10-26');
    // 23:30 on 7 March in New York (standard time): 24 hours later is already 9 March.
    const lateBeforeTheShortDay = Date.parse('2026-03-08T04:30:00Z');
    expect(localDateOf(lateBeforeTheShortDay, 'America/New_York')).toBe('2026-03-07');
    expect(localDateOf(lateBeforeTheShortDay + 24 * HOUR, 'America/New_York')).toBe('2026-03-09');
    expect(tomorrowIn(lateBeforeTheShortDay, 'America/New_York')).toBe('2026-03-08');
  });

  it('reads the local date and clock of an instant in each zone', () => {
    const at = new Date('2026-12-31T16:30:00Z');
    expect(localDateOf(at, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDateOf(at, 'Europe/Berlin')).toBe('2026-12-31');
    expect(localTimeOf(at, 'Asia/Shanghai')).toBe('00:30');
    expect(localTimeOf(at.getTime() + 59_999, 'Asia/Shanghai')).toBe('00:30');
    expect(localDateTimeOf(at, 'America/New_York')).toBe('2026-12-31T11:30');
    expect(offsetDateTimeOf(at, 'Asia/Shanghai')).toBe('2027-01-01T00:30:00+08:00');
    expect(offsetDateTimeOf(at, 'Europe/Berlin')).toBe('2026-12-31T17:30:00+01:00');
  });
});

describe('wall times', () => {
  it('is the instant the zone shows a clock time on a date', () => {
    expect(new Date(instantAt('2026-11-24', '07:30', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-11-23T23:30:00.000Z',
    );
  });

  it('takes the earlier of a repeated hour and moves a skipped time forward', () => {
    expect(new Date(instantAt('2026-10-25', '02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(instantAt('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('refuses a malformed time', () => {
    expect(() => instantAt('2026-11-24', '24:00', 'Asia/Shanghai')).toThrow(/HH:MM/);
    expect(isLocalTime('09:05')).toBe(true);
    expect(isLocalTime('9:05')).toBe(false);
  });
});

describe('calendar dates', () => {
  it('adds calendar days across the end of a month and of a year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(addDays('2026-11-24', -7)).toBe('2026-11-17');
  });

  it('knows leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isoWeekday('2028-02-29')).toBe(2);
  });

  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-12-31')).toBe(4);
  });

  it('refuses what is not a date written YYYY-MM-DD', () => {
    for (const text of ['2026-13-01', '2026-04-31', '2026-1-01', '20261124', '', 'tomorrow']) {
      expect(isLocalDate(text)).toBe(false);
    }
    expect(() => addDays('2026-02-30', 1)).toThrow(/addDays: expected a date YYYY-MM-DD/);
    expect(() => isoWeekday('24/11/2026')).toThrow(/isoWeekday/);
  });
});

describe('zones', () => {
  it('accepts IANA zones and refuses offsets and unknown names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('+08:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
