import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What a caller's working day is chosen from: hospitals' receiving days and the next order. */
export interface CalendarRows {
  /** The receiving hours' ISO weekdays of each hospital in scope. */
  readonly receivingDays: readonly (readonly number[])[];
  /** The zone of the first hospital in scope (a hospital user's own), if any. */
  readonly hospitalZone: string | undefined;
  /** The earliest calibration time at or after `from` of an order still to be served. */
  readonly nextOrderAt: Date | undefined;
}

/**
 * Receiving days and the next open order, for one hospital organisation or (without one) the
 * whole network.
 */
export async function calendarRows(
  db: Kysely<Database>,
  scope: { hospitalOrganisationId?: string | undefined; from: Date },
): Promise<CalendarRows> {
  let hospitals = db.selectFrom('hospitals').select(['id', 'receiving_hours', 'time_zone']);
  if (scope.hospitalOrganisationId !== undefined) {
    hospitals = hospitals.where('organisation_id', '=', scope.hospitalOrganisationId);
  }
  const rows = await hospitals.orderBy('name').execute();
  let orders = db
    .selectFrom('orders')
    .select((eb) => eb.fn.min('calibration_at').as('next'))
    .where('calibration_at', '>=', scope.from)
    .where('status', 'in', ['submitted', 'accepted', 'planned', 'not_planned']);
  if (scope.hospitalOrganisationId !== undefined) {
    orders = orders.where(
      'hospital_id',
      'in',
      rows.map((r) => r.id),
    );
  }
  const next = rows.length === 0 ? undefined : (await orders.executeTakeFirst())?.next;
  return {
    receivingDays: rows.map((r) => r.receiving_hours.flatMap((h) => h.days)),
    hospitalZone: rows[0]?.time_zone,
    nextOrderAt: next === null || next === undefined ? undefined : new Date(next),
  };
}
