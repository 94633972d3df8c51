/**
 * Wall-clock times of the generated (demo) day in the demo network's zone, written as instants
 * with their offset: `2026-11-24T07:30:00+08:00`. The arithmetic is the domain's calendar.
 */
import { addDays, formatMinutes, instantAt, offsetDateTimeOf } from '@halflife/domain';
import { DEMO_ZONE } from '@halflife/domain/demo';

/** The instant `minutes` after local midnight of `date` (may run into the next or previous day). */
export function localInstant(date: string, minutes: number): string {
  const whole = Math.round(minutes);
  const dayShift = Math.floor(whole / 1440);
  const day = dayShift === 0 ? date : addDays(date, dayShift);
  const at = instantAt(day, formatMinutes(whole - dayShift * 1440), DEMO_ZONE);
  return offsetDateTimeOf(at, DEMO_ZONE);
}
