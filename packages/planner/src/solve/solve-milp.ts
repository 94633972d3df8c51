import type { Highs } from 'highs';
import type { Candidates } from './candidates.js';
import { planningModel, type PlanningModel } from './model.js';
import type { Network } from './network.js';

export interface MilpSettings {
  readonly timeLimitSeconds: number;
  /** Stop once the relative gap is at most this. */
  readonly relativeGap: number;
  readonly strong: boolean;
  readonly keepBonus?: ReadonlyMap<number, number>;
  /** A feasible selection of options to start from (e.g. the greedy plan). */
  readonly start?: readonly number[];
  readonly onProgress?: (event: MilpProgress) => void;
}

export interface MilpProgress {
  readonly incumbent: number;
  readonly bound: number;
  readonly gap: number;
}

export interface MilpResult {
  /** Chosen option indexes. */
  readonly chosen: number[];
  readonly objective: number;
  /** Proven lower bound on the model's objective. */
  readonly lowerBound: number;
  readonly status: 'optimal' | 'time-limit' | 'other';
  readonly columns: number;
  readonly rows: number;
}

type HighsModel = ReturnType<Highs['createModel']>;

/**
 * Runs a model, reporting each better solution found: the incumbent, the proven bound and the gap
 * (infinite while unknown).
 */
export function runReporting(
  highs: Highs,
  model: HighsModel,
  report: ((progress: MilpProgress) => void) | undefined,
): void {
  const { callbackType } = highs.constants;
  model.run(
    report
      ? {
          [callbackType.mipImprovingSolution](event) {
            report({
              incumbent: event.data.mip_primal_bound ?? Infinity,
              bound: event.data.mip_dual_bound ?? -Infinity,
              gap: event.data.mip_gap ?? Infinity,
            });
          },
        }
      : undefined,
  );
}

/** Solves the exact model with HiGHS branch-and-cut. */
export function solveMilp(
  highs: Highs,
  net: Network,
  cands: Candidates,
  settings: MilpSettings,
): MilpResult {
  const model = planningModel(net, cands, {
    strong: settings.strong,
    ...(settings.keepBonus ? { keepBonus: settings.keepBonus } : {}),
  });
  const { lp } = model;
  if (lp.columns === 0)
    return {
      chosen: [],
      objective: lp.offset,
      lowerBound: lp.offset,
      status: 'optimal',
      columns: 0,
      rows: 0,
    };
  const m = highs.createModel(lp.model(highs));
  try {
    m.options.set({
      output_flag: false,
      time_limit: settings.timeLimitSeconds,
      mip_rel_gap: settings.relativeGap,
    });
    const start = settings.start ? startValues(model, cands, settings.start) : undefined;
    if (start) m.setSolution({ colValue: start });
    runReporting(highs, m, settings.onProgress);
    const status = m.getModelStatus();
    const { modelStatus } = highs.constants;
    let values = m.getSolution().colValue;
    let objective = m.getObjectiveValue();
    // Stopped early with nothing better (or nothing at all): the start stands.
    if (start && settings.start) {
      const startObjective = lp.cost.reduce((sum, c, j) => sum + c * start[j]!, lp.offset);
      if (!(objective <= startObjective) || values.length !== start.length) {
        values = start;
        objective = startObjective;
      }
    }
    const chosen: number[] = [];
    model.optionColumn.forEach((column, option) => {
      if ((values[column] ?? 0) > 0.5) chosen.push(option);
    });
    const bound = Number(m.info.get('mip_dual_bound'));
    return {
      chosen,
      objective,
      lowerBound: Number.isFinite(bound) ? bound : -Infinity,
      status:
        status === modelStatus.optimal
          ? 'optimal'
          : status === modelStatus.timeLimit
            ? 'time-limit'
            : 'other',
      columns: lp.columns,
      rows: lp.rows,
    };
  } finally {
    m.dispose();
  }
}

/** Column values of a selection: its options, their batches and vehicles (plus fixed batches). */
function startValues(
  model: PlanningModel,
  cands: Candidates,
  chosen: readonly number[],
): Float64Array {
  const values = new Float64Array(model.lp.columns);
  cands.slots.forEach((slot, i) => {
    if (slot.fixed) values[model.slotColumn[i]!] = 1;
  });
  for (const i of chosen) {
    const o = cands.options[i]!;
    values[model.optionColumn[i]!] = 1;
    values[model.slotColumn[o.slot]!] = 1;
    values[model.shipmentColumn.get(o.shipmentKey)!] = 1;
  }
  return values;
}
