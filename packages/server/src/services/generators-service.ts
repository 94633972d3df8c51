import {
  getGenerator,
  insertElution,
  insertGenerator,
  listElutions,
  listGenerators,
  retireGenerator,
  type ElutionRow,
  type GeneratorRow,
} from '@halflife/db';
import { epochMillis, type GeneratorModel } from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import type {
  ElutionCreateSchema,
  ElutionSchema,
  GeneratorCreateSchema,
  GeneratorDetailSchema,
  GeneratorSchema,
} from '../generator-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { judgedBreakthrough, physicallyPossible } from './elution-check.js';
import {
  actorFor,
  checkSiteAndEquipment,
  invalid,
  parseTime,
  type SupplyDeps,
} from './supply-access.js';
import { defaultElutionIntervalMinutes, generatorModelOf, generatorType } from './supply-models.js';

export type GeneratorView = z.infer<typeof GeneratorSchema>;
export type GeneratorDetailView = z.infer<typeof GeneratorDetailSchema>;
type ElutionView = z.infer<typeof ElutionSchema>;

export async function createGenerator(
  deps: SupplyDeps,
  caller: Caller,
  input: z.infer<typeof GeneratorCreateSchema>,
): Promise<ServiceResult<GeneratorDetailView>> {
  const place = await checkSiteAndEquipment(deps, input.siteId, input.equipmentId, 'generator');
  if (!place.ok) return place;
  const calibrated = parseTime(input.calibratedAt, 'calibratedAt');
  if (!calibrated.ok) return calibrated;
  const row = await insertGenerator(
    deps.db,
    {
      site_id: input.siteId,
      equipment_id: place.value.equipmentId,
      type: input.type,
      parent_activity_bq: input.parentActivityBq,
      calibrated_at: calibrated.value,
      initial_state: input.initial,
      label: input.label,
      serial: input.serial,
      elution_interval_minutes: input.elutionIntervalMinutes ?? null,
    },
    actorFor(deps, caller),
  );
  return detailOf(deps, row, []);
}

export async function listGeneratorsFor(
  deps: SupplyDeps,
  caller: Caller,
  query: { siteId?: string | undefined; includeRetired: 'true' | 'false' },
): Promise<ServiceResult<{ generators: GeneratorView[] }>> {
  const rows = await listGenerators(deps.db, {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    includeRetired: query.includeRetired === 'true',
  });
  return success({ generators: rows.map(generatorView) });
}

/** A generator with its recorded elutions replayed by the model. */
export async function loadGenerator(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
): Promise<ServiceResult<{ row: GeneratorRow; elutions: ElutionRow[]; model: GeneratorModel }>> {
  const row = await getGenerator(deps.db, id);
  if (!row) return failure('not-found', `generator ${id} not found`);
  const elutions = await listElutions(deps.db, [id]);
  const model = generatorModelOf(row, elutions);
  if (!model.ok) return failure('invalid', `generator ${id}: ${model.error.message}`);
  return success({ row, elutions, model: model.value });
}

export async function getGeneratorFor(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
): Promise<ServiceResult<GeneratorDetailView>> {
  const loaded = await loadGenerator(deps, caller, id);
  if (!loaded.ok) return loaded;
  return detailOf(deps, loaded.value.row, loaded.value.elutions);
}

/**
 * Records an elution: refused before calibration or before the previous elution (400 naming
 * `at`), or in the future. The breakthrough verdict, when not given, is judged from the measured
 * figures against the type's limit. The answer carries the re-estimated efficiency.
 */
export async function recordElution(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof ElutionCreateSchema>,
): Promise<ServiceResult<{ elution: ElutionView; generator: GeneratorDetailView }>> {
  const at = parseTime(input.at, 'at');
  if (!at.ok) return at;
  if (at.value.getTime() > deps.now().getTime() + 5 * 60_000) {
    return invalid('at', 'is in the future; record an elution once it has been made');
  }
  const row = await getGenerator(deps.db, id);
  if (!row) return failure('not-found', `generator ${id} not found`);
  const possible = physicallyPossible(
    row,
    await listElutions(deps.db, [id]),
    at.value,
    input.measuredActivityBq,
    'measuredActivityBq',
  );
  if (!possible.ok) return possible;
  const judged =
    input.breakthroughPassed ??
    judgedBreakthrough(row.type, input.breakthroughBq, input.measuredActivityBq);
  const outcome = await insertElution(
    deps.db,
    id,
    {
      at: at.value,
      measured_activity_bq: input.measuredActivityBq ?? null,
      breakthrough_bq: input.breakthroughBq ?? null,
      breakthrough_passed: judged,
    },
    actorFor(deps, caller),
  );
  switch (outcome.kind) {
    case 'not-found':
      return failure('not-found', `generator ${id} not found`);
    case 'retired':
      return failure('conflict', `generator ${id} is retired`);
    case 'before-calibration':
      return invalid(
        'at',
        `is before the generator's calibration (${outcome.calibratedAt.toISOString()})`,
      );
    case 'before-previous':
      return invalid(
        'at',
        `is before the previous elution (${outcome.previousAt.toISOString()}); elutions are recorded in time order`,
      );
    case 'recorded': {
      const detail = await getGeneratorFor(deps, caller, id);
      if (!detail.ok) return detail;
      const elution = detail.value.elutions.find((e) => e.id === outcome.elution.id);
      if (!elution) return failure('not-found', `elution ${outcome.elution.id} not found`);
      return success({ elution, generator: detail.value });
    }
  }
}

export async function retireGeneratorFor(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
  reason: string,
): Promise<ServiceResult<GeneratorView>> {
  const row = await retireGenerator(deps.db, id, reason, actorFor(deps, caller));
  return row ? success(generatorView(row)) : failure('not-found', `generator ${id} not found`);
}

const iso = (ms: number) => new Date(ms).toISOString();

export function generatorView(row: GeneratorRow): GeneratorView {
  const type = generatorType(row.type);
  return {
    id: row.id,
    siteId: row.site_id,
    equipmentId: row.equipment_id,
    type: row.type,
    parent: type?.parent ?? '',
    daughter: type?.daughter ?? '',
    parentActivityBq: row.parent_activity_bq,
    calibratedAt: row.calibrated_at.toISOString(),
    initial: row.initial_state,
    label: row.label,
    serial: row.serial,
    elutionIntervalMinutes:
      row.elution_interval_minutes ?? (type ? defaultElutionIntervalMinutes(type) : 0),
    elutionIntervalSet: row.elution_interval_minutes !== null,
    shelfLifeEndsAt: iso(row.calibrated_at.getTime() + (type?.shelfLife.value ?? 0) * 1000),
    retired: row.retired,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

function detailOf(
  deps: SupplyDeps,
  row: GeneratorRow,
  elutions: readonly ElutionRow[],
): ServiceResult<GeneratorDetailView> {
  const model = generatorModelOf(row, elutions);
  const type = generatorType(row.type);
  if (!model.ok || !type) {
    return failure(
      'invalid',
      `generator ${row.id}: ${model.ok ? 'unknown type' : model.error.message}`,
    );
  }
  const now = epochMillis(deps.now().getTime());
  const estimate = model.value.efficiencyAt(now);
  const prediction = model.value.predictElution(now);
  return success({
    ...generatorView(row),
    elutions: elutions.map((e, k) => {
      const r = model.value.replay[k];
      return {
        id: e.id,
        at: e.at.toISOString(),
        measuredActivityBq: e.measured_activity_bq,
        breakthroughBq: e.breakthrough_bq,
        breakthroughPassed: e.breakthrough_passed,
        predictedColumnBq: r?.predictedBq ?? 0,
        efficiency: r?.ratio ?? null,
        breakthroughFraction: r?.breakthroughFraction ?? null,
        recordedBy: e.recorded_by,
        createdAt: e.created_at.toISOString(),
      };
    }),
    efficiency: { ...estimate, nominal: { ...type.efficiency } },
    now: prediction.ok
      ? {
          ...prediction.value,
          at: iso(prediction.value.at),
          efficiency: prediction.value.efficiency.value,
          breakthroughRatio: Number.isFinite(prediction.value.breakthroughRatio)
            ? prediction.value.breakthroughRatio
            : null,
        }
      : null,
  });
}
