import { epochMillis, optimiseElutionInterval, type IntervalYield } from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import type {
  IntervalQuerySchema,
  OptimalIntervalSchema,
  YieldQuerySchema,
  YieldSchema,
} from '../generator-schemas.js';
import { success, type ServiceResult } from '../service-error.js';
import { loadGenerator } from './generators-service.js';
import { invalid, parseTime, timeGrid, type SupplyDeps } from './supply-access.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The eluate an elution would give at each time of a window, given the recorded history (the
 * yield curve, for the supply page), with the recorded elutions marked. Times before calibration
 * are left out.
 */
export async function generatorYield(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
  query: z.infer<typeof YieldQuerySchema>,
): Promise<ServiceResult<z.infer<typeof YieldSchema>>> {
  const loaded = await loadGenerator(deps, caller, id);
  if (!loaded.ok) return loaded;
  const { row, model } = loaded.value;
  const from = query.from === undefined ? success(deps.now()) : parseTime(query.from, 'from');
  if (!from.ok) return from;
  const to =
    query.to === undefined
      ? success(new Date(from.value.getTime() + 24 * HOUR))
      : parseTime(query.to, 'to');
  if (!to.ok) return to;
  const grid = timeGrid(from.value, to.value, query.step);
  if (!grid.ok) return grid;
  const points = grid.value.flatMap((t) => {
    const p = model.predictElution(epochMillis(t));
    if (!p.ok) return [];
    return [
      {
        at: iso(t),
        eluateBq: p.value.eluateBq,
        columnBq: p.value.columnBq,
        parentBq: p.value.parentBq,
        efficiency: p.value.efficiency.value,
      },
    ];
  });
  return success({
    generatorId: row.id,
    daughter: model.state.type.daughter,
    points,
    elutions: model.replay.map((r) => ({
      at: iso(r.at),
      measuredActivityBq: r.measuredBq,
      predictedColumnBq: r.predictedBq,
    })),
  });
}

const hours = (y: IntervalYield) => ({
  intervalHours: y.intervalS / 3600,
  elutions: y.elutions,
  perElutionBq: y.perElutionBq,
  dailyBq: y.dailyBq,
});

/** The regular elution interval that maximises the daily yield, from now (optimiseElutionInterval). */
export async function optimalInterval(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
  query: z.infer<typeof IntervalQuerySchema>,
): Promise<ServiceResult<z.infer<typeof OptimalIntervalSchema>>> {
  if (query.maxHours <= query.minHours) return invalid('maxHours', 'must be above minHours');
  const loaded = await loadGenerator(deps, caller, id);
  if (!loaded.ok) return loaded;
  const { row, model } = loaded.value;
  const start = Math.max(deps.now().getTime(), row.calibrated_at.getTime());
  const efficiency = model.efficiencyAt(epochMillis(start)).value;
  const search = optimiseElutionInterval(model, epochMillis(start), {
    efficiency,
    handlingSeconds: query.handlingHours * 3600,
    horizonSeconds: query.horizonDays * 86_400,
    minSeconds: query.minHours * 3600,
    maxSeconds: query.maxHours * 3600,
  });
  const atShortest = search.optimum.intervalS <= query.minHours * 3600 + 1e-6;
  return success({
    generatorId: row.id,
    from: iso(start),
    efficiency,
    handlingHours: query.handlingHours,
    horizonDays: query.horizonDays,
    optimum: hours(search.optimum),
    atShortestTried: atShortest,
    note: atShortest
      ? 'The best interval is the shortest tried: with no time cost per elution, eluting more often always extracts more, as the daughter left on the column decays. Give handlingHours for an interior optimum (docs/supply.md).'
      : `Daily yield is highest eluting every ${(search.optimum.intervalS / 3600).toFixed(2)} h, with ${query.handlingHours} h of handling per elution, over ${query.horizonDays} d.`,
    table: search.table.map(hours),
  });
}
