import { instantOfLocalDateTime, offsetDateTimeOf } from '@halflife/domain';
import { localInputIn } from '../zoned-time.js';

/**
 * A datetime-local value read in the hospital's zone, as an instant with its offset
 * ('2026-12-07T10:45:00+08:00'); undefined when it is not a date and time.
 */
export function offsetInstantIn(localInput: string, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(localInput)) return undefined;
  try {
    return offsetDateTimeOf(instantOfLocalDateTime(localInput.slice(0, 16), zone), zone);
  } catch {
    return undefined;
  }
}

/** What the delay form proposes: the current expected arrival plus half an hour, in the zone. */
export function proposedArrival(expectedArrivalAt: string, zone: string): string {
  return localInputIn(Date.parse(expectedArrivalAt) + 30 * 60_000, zone);
}
