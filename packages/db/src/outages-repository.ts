import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { Database, EquipmentOutageTable } from './schema.js';

export type EquipmentOutageRow = Selectable<EquipmentOutageTable> & { site_id: string };

export interface NewOutage {
  readonly equipmentId: string;
  readonly from: Date;
  /** Open-ended when null. */
  readonly to: Date | null;
  readonly reason: string;
  /** The re-plan it was reported with, if any. */
  readonly planId: string | null;
}

/** Records equipment outages, each audited, in one transaction. */
export async function insertOutages(
  db: Kysely<Database>,
  outages: readonly NewOutage[],
  actor: Actor,
): Promise<string[]> {
  if (outages.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const o of outages) {
      const values = {
        equipment_id: o.equipmentId,
        from_at: o.from,
        to_at: o.to,
        reason: o.reason,
        plan_id: o.planId,
        created_by: actor.userId,
        created_at: actor.at,
      };
      const { id } = await trx
        .insertInto('equipment_outages')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        at: actor.at,
        actorId: actor.userId,
        actorOrg: actor.organisationId,
        entity: 'equipment_outage',
        entityId: id,
        action: 'create',
        before: null,
        after: {
          ...values,
          id,
          from_at: o.from.toISOString(),
          to_at: o.to?.toISOString() ?? null,
          created_at: actor.at.toISOString(),
        },
        reason: o.reason,
      });
      ids.push(id);
    }
    return ids;
  });
}

/** Outages that overlap [from, to). */
export async function listOutages(
  db: Kysely<Database>,
  window: { readonly from: Date; readonly to: Date },
): Promise<EquipmentOutageRow[]> {
  return db
    .selectFrom('equipment_outages')
    .innerJoin('equipment', 'equipment.id', 'equipment_outages.equipment_id')
    .selectAll('equipment_outages')
    .select('equipment.site_id')
    .where('equipment_outages.from_at', '<', window.to)
    .where((eb) =>
      eb.or([
        eb('equipment_outages.to_at', 'is', null),
        eb('equipment_outages.to_at', '>', window.from),
      ]),
    )
    .orderBy('equipment_outages.from_at')
    .execute();
}
