/**
 * Re-derives audited tables from the trail: each record's latest audit snapshot must equal the
 * row as it is now. A row changed (or made) without an audit entry is named. Only the columns the
 * snapshot holds are compared (columns added by later migrations are not in older snapshots).
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from './audit-trail.js';
import { auditValues } from './audit-values.js';
import { auditedOrderViews } from './orders-repository.js';
import { PLAN_ROWS_ENTITY, planRowsAuditViews, plansWithRows } from './plan-rows-repository.js';
import type { Database } from './schema.js';

/**
 * The tables re-derived, with the audit entity that records them. `plan_rows` stands for a
 * committed plan's batches, shipments and doses (plan_batches, plan_shipments, plan_doses): one
 * entry per plan with the counts and a digest of its rows (plan-commit.ts says why), recomputed
 * here. Plans themselves are not re-derived: their audit view holds figures, not the plan's JSON.
 */
export const REDERIVED = [
  'order',
  'generator',
  'elution',
  'cyclotron_run',
  'isotope_lot',
  PLAN_ROWS_ENTITY,
] as const;

const TABLES = {
  generator: 'generators',
  elution: 'elutions',
  cyclotron_run: 'cyclotron_runs',
  isotope_lot: 'isotope_lots',
} as const;

export interface Unaudited {
  readonly entity: string;
  readonly id: string;
  readonly problem: string;
}

async function currentViews(
  db: Kysely<Database>,
  entity: (typeof REDERIVED)[number],
  audited: Iterable<string>,
): Promise<Map<string, Record<string, unknown>>> {
  if (entity === 'order') return auditedOrderViews(db);
  if (entity === PLAN_ROWS_ENTITY) {
    // Every plan with rows, and every plan the trail says has rows (a plan whose rows were all
    // deleted has none left to find it by).
    const ids = new Set([...(await plansWithRows(db)), ...audited]);
    const views = await planRowsAuditViews(db, [...ids]);
    return new Map([...views].map(([id, v]) => [id, { ...v }]));
  }
  const rows = await db.selectFrom(TABLES[entity]).selectAll().execute();
  return new Map(rows.map((r) => [r.id, auditValues(r)]));
}

/** Every audited row whose current values differ from its latest audit snapshot. */
export async function unauditedChanges(db: Kysely<Database>, limit = 50): Promise<Unaudited[]> {
  const found: Unaudited[] = [];
  for (const entity of REDERIVED) {
    const snapshots = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'after', 'seq'])
      .where('entity', '=', entity)
      .orderBy('entity_id')
      .orderBy('seq')
      .execute();
    const latest = new Map(snapshots.map((s) => [s.entity_id, s.after]));
    const current = await currentViews(db, entity, latest.keys());
    for (const [id, after] of latest) {
      if (after !== null && !current.has(id)) {
        found.push({ entity, id, problem: 'was removed without an audit entry' });
      }
    }
    for (const [id, now] of current) {
      const after = latest.get(id);
      if (after === undefined) {
        found.push({ entity, id, problem: 'exists without an audit entry' });
      } else if (after === null) {
        found.push({ entity, id, problem: 'exists though the trail records it as removed' });
      } else {
        const changed = Object.keys(after).filter(
          (k) => k in now && canonicalJson(after[k]) !== canonicalJson(now[k]),
        );
        if (changed.length > 0) {
          found.push({
            entity,
            id,
            problem: `changed without an audit entry: ${changed
              .map((k) => `${k} ${canonicalJson(after[k])} → ${canonicalJson(now[k])}`)
              .join(', ')}`,
          });
        }
      }
      if (found.length >= limit) return found;
    }
  }
  return found;
}
