import type { Nuclide } from '../dataset.js';
import { epochMillis, type EpochMillis } from '../units.js';
import type { GeneratorModel } from './generator-model.js';
import { supplyError, type SupplyResult } from './supply-error.js';

/** Daughter activity needed at a time (at the start of labelling, say), Bq. */
export interface ElutionNeed {
  readonly by: EpochMillis;
  readonly activityBq: number;
}

export interface PlannedElution {
  readonly at: EpochMillis;
  readonly need: ElutionNeed;
  /** Daughter activity in the eluate at elution, and decayed (with its chain) to the need's time. */
  readonly eluateBq: number;
  readonly atNeedBq: number;
  readonly met: boolean;
}

export interface ElutionPlanOptions {
  /** No elution before this (default: the calibration or the last recorded elution, whichever is later). */
  readonly from?: EpochMillis;
  /** Grid of candidate elution times, seconds (default 5 min). */
  readonly stepSeconds?: number;
  /** Elution at least this long before each need, seconds (default 0). */
  readonly leadSeconds?: number;
  readonly efficiency?: number;
}

/**
 * One elution per need, in the needs' time order, each at the earliest time on the grid whose
 * eluate, decayed to the need's time, covers it: this meets the need and leaves the longest ingrowth
 * for the next one. A need that no time can meet gets the latest allowed elution and `met: false`.
 * Greedy, not exact: with needs close together it can miss a plan that meets all of them.
 */
export function planElutions(
  model: GeneratorModel,
  needs: readonly ElutionNeed[],
  options: ElutionPlanOptions = {},
): SupplyResult<PlannedElution[]> {
  const step = (options.stepSeconds ?? 300) * 1000;
  const lead = (options.leadSeconds ?? 0) * 1000;
  const d = model.daughterIndex;
  const lambda = (model.propagator.members[d] as Nuclide).lambda;
  const lastRecord = model.replay[model.replay.length - 1]?.at ?? model.state.calibratedAt;
  let now: number = options.from ?? Math.max(model.state.calibratedAt, lastRecord);
  let columnTime = now;
  let column = model.columnAt(epochMillis(now));
  const sorted = [...needs].sort((a, b) => a.by - b.by);
  const plan: PlannedElution[] = [];
  for (const [k, need] of sorted.entries()) {
    if (!(need.activityBq > 0 && Number.isFinite(need.activityBq))) {
      return supplyError('bad-input', `needs[${k}].activityBq: expected a positive number`);
    }
    const latest = need.by - lead;
    if (latest < now) {
      return supplyError(
        'bad-time',
        `needs[${k}]: due before another elution can be made (the previous one or the start is too late)`,
      );
    }
    const efficiency = options.efficiency ?? model.efficiencyAt(need.by).value;
    let chosen: { at: number; column: Float64Array; eluateBq: number; atNeedBq: number } | null =
      null;
    for (let t = now; t <= latest; t = Math.min(t + step, t === latest ? Infinity : latest)) {
      const c = model.propagator.advance(column, (t - columnTime) / 1000);
      const elution = model.elute(c, efficiency);
      const atNeed = model.propagator.advance(elution.eluate, (need.by - t) / 1000);
      chosen = {
        at: t,
        column: elution.column,
        eluateBq: (elution.eluate[d] as number) * lambda,
        atNeedBq: (atNeed[d] as number) * lambda,
      };
      if (chosen.atNeedBq >= need.activityBq) break;
    }
    if (chosen === null) return supplyError('bad-time', `needs[${k}]: no elution time`);
    plan.push({
      at: epochMillis(chosen.at),
      need,
      eluateBq: chosen.eluateBq,
      atNeedBq: chosen.atNeedBq,
      met: chosen.atNeedBq >= need.activityBq,
    });
    column = chosen.column;
    columnTime = chosen.at;
    now = chosen.at + step;
  }
  return { ok: true, value: plan };
}
