import { calendarRows, networkZone, type Database } from '@halflife/db';
import { addDays, dayStart, isoWeekday, localDateOf } from '@halflife/domain';
import { nextDateOn, weekdayName } from '@halflife/domain/demo';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';

/** The day a caller's screens open on, with the reason, so that no screen opens on an empty day. */
export interface WorkingDay {
  /** The caller's zone: their hospital's, else the network's. */
  readonly zone: string;
  /** Today in that zone, 'YYYY-MM-DD'. */
  readonly today: string;
  /** The day to open on: the next day with orders, else the next day hospitals receive. */
  readonly date: string;
  readonly why: string;
  /** ISO weekdays (1 = Monday) on which at least one hospital in the caller's scope receives. */
  readonly receivingWeekdays: number[];
}

/** Orders further ahead than this do not pull the screens away from the next receiving day. */
const LOOK_AHEAD_DAYS = 14;

const dayName = (date: string): string => `${weekdayName(isoWeekday(date))} ${date}`;

/**
 * The zone a caller's local dates are read in: their hospital's, else the network's (its first
 * site's), else any hospital's. Undefined for a network with neither sites nor hospitals.
 */
export async function callerZone(
  deps: { db: Kysely<Database>; now: () => Date },
  caller: Caller,
): Promise<string | undefined> {
  const hospitalOrganisationId =
    caller.organisationKind === 'hospital' ? caller.organisationId : undefined;
  const first = await calendarRows(deps.db, { hospitalOrganisationId, from: deps.now() });
  return (
    (hospitalOrganisationId ? first.hospitalZone : undefined) ??
    (await networkZone(deps.db)) ??
    first.hospitalZone
  );
}

/**
 * The caller's working day as of `now`: hospital users see their hospitals, others the network.
 * Undefined when no zone can be known (a network with neither sites nor hospitals): "today" is
 * then not guessed.
 */
export async function workingDay(
  deps: { db: Kysely<Database>; now: () => Date },
  caller: Caller,
): Promise<WorkingDay | undefined> {
  const hospitalOrganisationId =
    caller.organisationKind === 'hospital' ? caller.organisationId : undefined;
  const now = deps.now();
  const zone = await callerZone(deps, caller);
  if (zone === undefined) return undefined;
  const today = localDateOf(now, zone);
  const tomorrow = addDays(today, 1);
  const rows = await calendarRows(deps.db, {
    hospitalOrganisationId,
    from: new Date(dayStart(tomorrow, zone)),
  });
  const receivingWeekdays = [...new Set(rows.receivingDays.flat())].sort((a, b) => a - b);
  const receiving = receivingWeekdays.length > 0 ? nextDateOn(today, receivingWeekdays) : undefined;
  const ordered = rows.nextOrderAt ? localDateOf(rows.nextOrderAt, zone) : undefined;
  const base = { zone, today, receivingWeekdays };
  if (ordered !== undefined && ordered <= addDays(receiving ?? tomorrow, LOOK_AHEAD_DAYS)) {
    const when = ordered === tomorrow ? 'tomorrow, ' : '';
    return { ...base, date: ordered, why: `${dayName(ordered)}: ${when}the next day with orders` };
  }
  if (receiving !== undefined) {
    return {
      ...base,
      date: receiving,
      why: `${dayName(receiving)}: the next day on which hospitals receive; no orders for it yet`,
    };
  }
  return { ...base, date: tomorrow, why: `${dayName(tomorrow)}: tomorrow; no hospital receives` };
}
