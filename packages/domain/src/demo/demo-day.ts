/**
 * Which day the demo network's orders fall on. Demo hospitals all receive Monday to Friday (a few
 * also on Saturday mornings), so "tomorrow" is an empty day from Friday evening to Saturday
 * evening: the demo instead takes the next day on which every demo hospital receives.
 */
import { addDays, isLocalDate, isoWeekday } from '../calendar.js';

/** The demo network's zone: every demo city is in China (demo data). */
export const DEMO_ZONE = 'Asia/Shanghai';

/** ISO weekdays (1 = Monday) on which every demo hospital receives (assumption, demo). */
export const DEMO_RECEIVING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** "Monday" … "Sunday" of an ISO weekday. */
export function weekdayName(isoDay: number): string {
  const name = WEEKDAY_NAMES[isoDay - 1];
  if (name === undefined) throw new Error(`weekdayName: expected 1–7, got ${isoDay}`);
  return name;
}

/**
 * The first date after `today` (both 'YYYY-MM-DD', local) whose weekday is one of `weekdays`.
 * Throws when `weekdays` names no day 1–7, since no such date exists.
 */
export function nextDateOn(today: string, weekdays: readonly number[]): string {
  if (!isLocalDate(today)) throw new Error(`nextDateOn: expected YYYY-MM-DD, got '${today}'`);
  if (!weekdays.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new Error('nextDateOn: no weekday to look for');
  }
  for (let ahead = 1; ahead <= 7; ahead += 1) {
    const date = addDays(today, ahead);
    if (weekdays.includes(isoWeekday(date))) return date;
  }
  throw new Error('unreachable: every weekday occurs within seven days');
}

/** The demo's order day after `today`, and a sentence saying why it was chosen. */
export function demoOrderDay(today: string): { date: string; why: string } {
  const date = nextDateOn(today, DEMO_RECEIVING_WEEKDAYS);
  const tomorrow = addDays(today, 1);
  const why =
    date === tomorrow
      ? `${weekdayName(isoWeekday(date))} ${date}: tomorrow, a day on which the demo hospitals receive`
      : `${weekdayName(isoWeekday(date))} ${date}: the next day on which the demo hospitals receive (Monday to Friday; tomorrow, ${weekdayName(isoWeekday(tomorrow))} ${tomorrow}, they do not)`;
  return { date, why };
}
