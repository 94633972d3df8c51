import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { auditChange, auditCreation } from './audit-trail.js';
import type { Actor } from './orders-repository.js';
import type { Database, ElutionTable, GeneratorTable } from './schema.js';

export type GeneratorRow = Selectable<GeneratorTable>;
export type ElutionRow = Selectable<ElutionTable>;
export type NewGenerator = Omit<Insertable<GeneratorTable>, 'created_by' | 'created_at'>;
export type NewElution = Omit<
  Insertable<ElutionTable>,
  'generator_id' | 'recorded_by' | 'created_at' | 'at'
> & { readonly at: Date };

/** Records a generator and its audit row in one transaction. */
export async function insertGenerator(
  db: Kysely<Database>,
  generator: NewGenerator,
  actor: Actor,
): Promise<GeneratorRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('generators')
      .values({ ...generator, created_by: actor.userId, created_at: actor.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCreation(trx, actor, 'generator', row);
    return row;
  });
}

export async function getGenerator(
  db: Kysely<Database>,
  id: string,
): Promise<GeneratorRow | undefined> {
  return db.selectFrom('generators').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Generators, by site and label; retired ones only when asked. */
export async function listGenerators(
  db: Kysely<Database>,
  filter: { readonly siteId?: string; readonly includeRetired?: boolean } = {},
): Promise<GeneratorRow[]> {
  let q = db.selectFrom('generators').selectAll();
  if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
  if (!filter.includeRetired) q = q.where('retired', '=', false);
  return q.orderBy('site_id').orderBy('label').orderBy('id').execute();
}

/** The elutions of these generators (not voided ones), in time order. */
export async function listElutions(
  db: Kysely<Database>,
  generatorIds: readonly string[],
): Promise<ElutionRow[]> {
  if (generatorIds.length === 0) return [];
  return db
    .selectFrom('elutions')
    .selectAll()
    .where('generator_id', 'in', [...generatorIds])
    .where('voided', '=', false)
    .orderBy('generator_id')
    .orderBy('at')
    .orderBy('created_at')
    .execute();
}

export type ElutionOutcome =
  | { readonly kind: 'recorded'; readonly elution: ElutionRow }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'retired' }
  | { readonly kind: 'before-calibration'; readonly calibratedAt: Date }
  | { readonly kind: 'before-previous'; readonly previousAt: Date };

/**
 * Records an elution with its audit row. The generator row is locked first, so two elutions
 * recorded at once are ordered, and an elution before the previous one (or before calibration)
 * is refused: the history is replayed in time order.
 */
export async function insertElution(
  db: Kysely<Database>,
  generatorId: string,
  elution: NewElution,
  actor: Actor,
): Promise<ElutionOutcome> {
  return db.transaction().execute(async (trx) => {
    const generator = await trx
      .selectFrom('generators')
      .select(['id', 'calibrated_at', 'retired'])
      .where('id', '=', generatorId)
      .forUpdate()
      .executeTakeFirst();
    if (!generator) return { kind: 'not-found' as const };
    if (generator.retired) return { kind: 'retired' as const };
    if (elution.at < generator.calibrated_at) {
      return { kind: 'before-calibration' as const, calibratedAt: generator.calibrated_at };
    }
    const previous = await trx
      .selectFrom('elutions')
      .select(sql<Date | null>`max(at)`.as('at'))
      .where('generator_id', '=', generatorId)
      .where('voided', '=', false)
      .executeTakeFirst();
    const previousAt = previous?.at ? new Date(previous.at) : null;
    if (previousAt !== null && elution.at < previousAt) {
      return { kind: 'before-previous' as const, previousAt };
    }
    const row = await trx
      .insertInto('elutions')
      .values({
        ...elution,
        generator_id: generatorId,
        recorded_by: actor.userId,
        created_at: actor.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditCreation(trx, actor, 'elution', row);
    return { kind: 'recorded' as const, elution: row };
  });
}

/** A correction of an elution's measured figures, or its voiding; always with a reason. */
export type ElutionAmendment =
  | {
      readonly kind: 'correct';
      readonly measured_activity_bq?: number | null;
      readonly breakthrough_bq?: number | null;
      readonly breakthrough_passed?: boolean | null;
    }
  | { readonly kind: 'void' };

/**
 * Corrects or voids one elution of a generator, with the old and new rows and the reason in the
 * audit trail; undefined when the generator has no such (unvoided) elution.
 */
export async function amendElution(
  db: Kysely<Database>,
  ids: { generatorId: string; elutionId: string },
  amendment: ElutionAmendment,
  reason: string,
  actor: Actor,
): Promise<ElutionRow | undefined> {
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('generators')
      .select('id')
      .where('id', '=', ids.generatorId)
      .forUpdate()
      .executeTakeFirst();
    const before = await trx
      .selectFrom('elutions')
      .selectAll()
      .where('id', '=', ids.elutionId)
      .where('generator_id', '=', ids.generatorId)
      .where('voided', '=', false)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    const { kind, ...figures } = amendment;
    const row = await trx
      .updateTable('elutions')
      .set(kind === 'void' ? { voided: true } : figures)
      .where('id', '=', ids.elutionId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(trx, actor, {
      entity: 'elution',
      entityId: row.id,
      action: kind,
      before,
      after: row,
      reason,
    });
    return row;
  });
}

/** Retires a generator (it no longer gives supply), audited with the reason; undefined if none. */
export async function retireGenerator(
  db: Kysely<Database>,
  id: string,
  reason: string,
  actor: Actor,
): Promise<GeneratorRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('generators')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    if (before.retired) return before;
    const row = await trx
      .updateTable('generators')
      .set({ retired: true })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChange(trx, actor, {
      entity: 'generator',
      entityId: id,
      action: 'retire',
      before,
      after: row,
      reason,
    });
    return row;
  });
}
