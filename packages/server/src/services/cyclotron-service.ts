import { insertCyclotronRun, listCyclotronRuns, type CyclotronRunRow } from '@halflife/db';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import { success, type ServiceResult } from '../service-error.js';
import type { CyclotronRunCreateSchema, CyclotronRunSchema } from '../supply-schemas.js';
import {
  actorFor,
  checkSiteAndEquipment,
  invalid,
  parseTime,
  type SupplyDeps,
} from './supply-access.js';
import { cyclotronTarget, runResultOf } from './supply-models.js';

type RunView = z.infer<typeof CyclotronRunSchema>;

/** Which input field a model error is about. */
const FIELD_OF: Readonly<Record<string, string>> = {
  'beam-current-limit': 'beamCurrentUA',
  'bombardment-time-limit': 'endAt',
  'unknown-target': 'target',
};

/**
 * Records a cyclotron run. The model checks the target's limits first: a beam current or a
 * bombardment beyond them is a 400 naming the field, and nothing is recorded.
 */
export async function createCyclotronRun(
  deps: SupplyDeps,
  caller: Caller,
  input: z.infer<typeof CyclotronRunCreateSchema>,
): Promise<ServiceResult<RunView>> {
  const place = await checkSiteAndEquipment(deps, input.siteId, input.equipmentId, 'cyclotron');
  if (!place.ok) return place;
  const start = parseTime(input.startAt, 'startAt');
  if (!start.ok) return start;
  const end = parseTime(input.endAt, 'endAt');
  if (!end.ok) return end;
  if (end.value <= start.value) return invalid('endAt', 'must be after startAt');
  const values = {
    site_id: input.siteId,
    equipment_id: place.value.equipmentId,
    target: input.target,
    beam_current_ua: input.beamCurrentUA,
    start_at: start.value,
    end_at: end.value,
    measured_activity_bq: input.measuredActivityBq ?? null,
    label: input.label,
  };
  const result = runResultOf({ ...values, measured_activity_bq: null });
  if (!result.ok) return invalid(FIELD_OF[result.error.code] ?? 'run', result.error.message);
  const row = await insertCyclotronRun(deps.db, values, actorFor(deps, caller));
  return success(runView(row));
}

export async function listCyclotronRunsFor(
  deps: SupplyDeps,
  caller: Caller,
  query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<ServiceResult<{ runs: RunView[] }>> {
  const from = query.from === undefined ? undefined : parseTime(query.from, 'from');
  if (from && !from.ok) return from;
  const to = query.to === undefined ? undefined : parseTime(query.to, 'to');
  if (to && !to.ok) return to;
  const rows = await listCyclotronRuns(deps.db, {
    ...(query.siteId ? { siteId: query.siteId } : {}),
    ...(from ? { from: from.value } : {}),
    ...(to ? { to: to.value } : {}),
  });
  return success({ runs: rows.map(runView) });
}

function runView(row: CyclotronRunRow): RunView {
  const target = cyclotronTarget(row.target);
  const predicted = runResultOf({ ...row, measured_activity_bq: null });
  return {
    id: row.id,
    siteId: row.site_id,
    equipmentId: row.equipment_id,
    target: row.target,
    produced: target?.produced ?? '',
    product: target?.product ?? '',
    beamCurrentUA: row.beam_current_ua,
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    bombardmentMinutes: (row.end_at.getTime() - row.start_at.getTime()) / 60_000,
    saturationFactor: predicted.ok ? predicted.value.saturationFactor : 0,
    predictedEobBq: predicted.ok ? predicted.value.eobBq : 0,
    measuredActivityBq: row.measured_activity_bq,
    limits: {
      maxBeamCurrentUA: target?.maxBeamCurrentUA.value ?? 0,
      maxBombardmentMinutes: (target?.maxBombardment.value ?? 0) / 60,
    },
    source: target?.saturationYieldBqPerUA.source ?? '',
    label: row.label,
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}
