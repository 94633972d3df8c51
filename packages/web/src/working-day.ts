/** Why a day's list is empty, in the words a planner or a hospital would use. */
import { isoWeekday } from '@halflife/domain';
import type { WorkingDay } from './api/client.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The sentence shown in place of an empty list of orders for `date`. */
export function emptyOrdersReason(date: string, day: WorkingDay): string {
  const weekday = WEEKDAYS[isoWeekday(date) - 1] ?? '';
  const why = !day.receivingWeekdays.includes(isoWeekday(date))
    ? `No orders for ${weekday} ${date}: no hospital receives deliveries on ${weekday}s.`
    : date <= day.today
      ? `No orders for ${weekday} ${date}.`
      : `No orders for ${weekday} ${date} yet.`;
  return date === day.date ? why : `${why} Open on ${day.why}.`;
}
