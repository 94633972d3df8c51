import type { Kysely } from 'kysely';
import {
  listElutions,
  listGenerators,
  type ElutionRow,
  type GeneratorRow,
} from './generators-repository.js';
import type { Database } from './schema.js';
import {
  listCyclotronRuns,
  type CyclotronRunRow,
  type IsotopeLotRow,
} from './supply-repository.js';

/** The supply records a planning window is built from, for every site (or one). */
export interface SupplyRows {
  /** Generators in service, each with its elutions in time order. */
  readonly generators: readonly { generator: GeneratorRow; elutions: ElutionRow[] }[];
  /** Lots received before the window ends and not expired before it starts. */
  readonly lots: readonly IsotopeLotRow[];
  /** Runs whose end of bombardment falls in the window. */
  readonly runs: readonly CyclotronRunRow[];
}

export async function supplyRows(
  db: Kysely<Database>,
  window: { readonly from: Date; readonly to: Date; readonly siteId?: string },
): Promise<SupplyRows> {
  const site = window.siteId ? { siteId: window.siteId } : {};
  let lots = db
    .selectFrom('isotope_lots')
    .selectAll()
    .where('received_at', '<', window.to)
    .where('reference_at', '<', window.to)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', window.from)]));
  if (window.siteId) lots = lots.where('site_id', '=', window.siteId);
  const [generators, lotRows, runs] = await Promise.all([
    listGenerators(db, site),
    lots.orderBy('reference_at').orderBy('id').execute(),
    listCyclotronRuns(db, { ...site, from: window.from, to: window.to }),
  ]);
  const elutions = await listElutions(
    db,
    generators.map((g) => g.id),
  );
  return {
    generators: generators.map((generator) => ({
      generator,
      elutions: elutions.filter((e) => e.generator_id === generator.id),
    })),
    lots: lotRows,
    runs,
  };
}
