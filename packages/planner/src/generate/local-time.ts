/**
 * Wall-clock times of the planned day in China Standard Time (UTC+08:00, no daylight saving since
 * 1991), written as instants with their offset: `2026-11-24T07:30:00+08:00`.
 */

import { addDays } from '@halflife/domain/demo';

export { addDays, isLocalDate } from '@halflife/domain/demo';
export const CHINA_OFFSET = '+08:00';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The instant `minutes` after local midnight of `date` (may run into the next or previous day). */
export function localInstant(date: string, minutes: number): string {
  const whole = Math.round(minutes);
  const dayShift = Math.floor(whole / 1440);
  const inDay = whole - dayShift * 1440;
  const day = dayShift === 0 ? date : addDays(date, dayShift);
  return `${day}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:00${CHINA_OFFSET}`;
}
