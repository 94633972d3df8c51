import { getSite, siteEquipment, type Actor, type Database } from '@halflife/db';
import { parseInstant } from '@halflife/nuclear';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/** The checks every supply record shares (who may read and record it is the policy's). */

export interface SupplyDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

export const actorFor = (deps: SupplyDeps, caller: Caller): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

/** An instant with an offset or zone, or a 400 naming the field. */
export function parseTime(text: string, field: string): ServiceResult<Date> {
  const parsed = parseInstant(text);
  return parsed.ok
    ? success(new Date(parsed.value.epochMs))
    : failure('invalid', `${field}: ${parsed.error.message}`, [
        { path: field, message: parsed.error.message },
      ]);
}

export const invalid = (field: string, message: string): ServiceResult<never> =>
  failure('invalid', `${field}: ${message}`, [{ path: field, message }]);

/** The site exists; the equipment, if named, is that site's (and of the kind, if given). */
export async function checkSiteAndEquipment(
  deps: SupplyDeps,
  siteId: string,
  equipmentId: string | undefined,
  kind?: 'generator' | 'cyclotron',
): Promise<ServiceResult<{ siteId: string; zone: string; equipmentId: string | null }>> {
  const site = await getSite(deps.db, siteId);
  if (!site) return invalid('siteId', `no production site ${siteId}`);
  if (equipmentId === undefined)
    return success({ siteId, zone: site.time_zone, equipmentId: null });
  const equipment = await siteEquipment(deps.db, siteId, equipmentId);
  if (!equipment) return invalid('equipmentId', `no equipment ${equipmentId} at this site`);
  if (kind && equipment.kind !== kind) {
    return invalid('equipmentId', `is a ${equipment.kind}, not a ${kind}`);
  }
  return success({ siteId, zone: site.time_zone, equipmentId });
}

/** A window [from, to) stepped by `step` seconds, at most `max` points, or a 400. */
export function timeGrid(
  from: Date,
  to: Date,
  stepSeconds: number,
  max = 2000,
): ServiceResult<number[]> {
  if (to.getTime() < from.getTime()) return invalid('to', 'must not be before from');
  const n = Math.floor((to.getTime() - from.getTime()) / (stepSeconds * 1000)) + 1;
  if (n > max) return invalid('step', `gives ${n} points; at most ${max}: take a larger step`);
  return success(Array.from({ length: n }, (_, k) => from.getTime() + k * stepSeconds * 1000));
}
