import type { Dataset, Nuclide } from '../dataset.js';
import { ok } from '../result.js';
import { SECONDS_PER_YEAR, type EpochMillis } from '../units.js';
import { chainPropagator, type ChainPropagator } from './chain-propagator.js';
import { efficiencyEstimate, type EfficiencyEstimate, type ReplayedElution } from './efficiency.js';
import { supplyError, type SupplyResult } from './supply-error.js';
import type { GeneratorType } from './supply-data.js';

/** One elution as it happened. */
export interface ElutionRecord {
  readonly at: EpochMillis;
  /** Daughter activity measured in the eluate at the elution time, Bq (absent: not measured). */
  readonly measuredBq?: number;
  /** Parent activity measured in the eluate (breakthrough), Bq. */
  readonly breakthroughBq?: number;
}

export interface GeneratorState {
  readonly type: GeneratorType;
  /** Parent activity at calibration, Bq. */
  readonly parentBq: number;
  readonly calibratedAt: EpochMillis;
  /** The column at calibration: grown in long ago (default) or just eluted completely. */
  readonly initial?: 'equilibrium' | 'eluted';
  /** Past elutions, in time order, none before calibration. */
  readonly elutions?: readonly ElutionRecord[];
  /** A fixed efficiency that overrides the nominal one and the records. */
  readonly efficiency?: number;
}

export interface ElutionPrediction {
  readonly at: EpochMillis;
  /** Seconds since the last recorded elution, or null when there was none. */
  readonly sinceLastElutionS: number | null;
  readonly parentBq: number;
  /** Daughter activity on the column: what a 100% efficient elution would give, Bq. */
  readonly columnBq: number;
  readonly efficiency: EfficiencyEstimate;
  readonly eluateBq: number;
  /** Predicted parent activity in the eluate and its ratio to the eluate's daughter activity. */
  readonly breakthroughBq: number;
  readonly breakthroughRatio: number;
  readonly breakthroughLimit: number | null;
  readonly breakthroughOk: boolean;
  readonly pastShelfLife: boolean;
}

export interface GeneratorModel {
  readonly state: GeneratorState;
  readonly propagator: ChainPropagator;
  readonly parentIndex: number;
  readonly daughterIndex: number;
  /** Chain indices that leave with an elution: the daughter and everything below it. */
  readonly eluted: readonly number[];
  /** The recorded elutions with their prediction at 100% and measured ÷ predicted. */
  readonly replay: readonly ReplayedElution[];
  /** Atoms on the column at t, after the recorded elutions before t. */
  columnAt(t: EpochMillis): Float64Array;
  /** Removes `efficiency` of the eluted members: what stays and what leaves (atoms). */
  elute(column: Float64Array, efficiency: number): { column: Float64Array; eluate: Float64Array };
  efficiencyAt(t: EpochMillis): EfficiencyEstimate;
  predictElution(t: EpochMillis): SupplyResult<ElutionPrediction>;
}

/** Sets up a generator from its state: the column at calibration, then every recorded elution. */
export function generatorModel(data: Dataset, state: GeneratorState): SupplyResult<GeneratorModel> {
  const { type } = state;
  if (!(state.parentBq > 0 && Number.isFinite(state.parentBq))) {
    return supplyError(
      'bad-input',
      `parent activity: expected a positive number, got ${state.parentBq}`,
    );
  }
  if (state.efficiency !== undefined && !(state.efficiency > 0 && state.efficiency <= 1)) {
    return supplyError(
      'bad-input',
      `efficiency: expected a fraction in (0, 1], got ${state.efficiency}`,
    );
  }
  const records = state.elutions ?? [];
  for (const [k, r] of records.entries()) {
    const before = k === 0 ? state.calibratedAt : (records[k - 1] as ElutionRecord).at;
    if (r.at < before) {
      return supplyError(
        'bad-history',
        `elutions[${k}]: before ${k === 0 ? 'calibration' : 'the previous elution'}`,
      );
    }
    for (const key of ['measuredBq', 'breakthroughBq'] as const) {
      const v = r[key];
      if (v !== undefined && !(v >= 0 && Number.isFinite(v))) {
        return supplyError(
          'bad-input',
          `elutions[${k}].${key}: expected a non-negative number, got ${v}`,
        );
      }
    }
  }
  const propagator = chainPropagator(data, [type.parent]);
  const { members, index } = propagator;
  const parentIndex = index.get(type.parent) as number;
  const daughterIndex = index.get(type.daughter);
  if (daughterIndex === undefined) {
    return supplyError('bad-input', `${type.daughter} is not in the decay chain of ${type.parent}`);
  }
  const eluted = descendants(members, index, daughterIndex);
  const parent = members[parentIndex] as Nuclide;
  const daughter = members[daughterIndex] as Nuclide;

  const elute = (column: Float64Array, efficiency: number) => {
    const stays = Float64Array.from(column);
    const eluate = new Float64Array(column.length);
    for (const i of eluted) {
      eluate[i] = (column[i] as number) * efficiency;
      stays[i] = (column[i] as number) - eluate[i];
    }
    return { column: stays, eluate };
  };

  let column = equilibriumColumn(propagator, parentIndex, state.parentBq / parent.lambda);
  if (state.initial === 'eluted') column = elute(column, 1).column;
  const initial = { at: state.calibratedAt, column };
  const nominal = (t: EpochMillis): number => {
    const years = (t - state.calibratedAt) / 1000 / SECONDS_PER_YEAR;
    return Math.max(0, type.efficiency.value - type.efficiencyLossPerYear.value * years);
  };
  const snapshots: { at: EpochMillis; column: Float64Array }[] = [];
  const replay: ReplayedElution[] = [];
  let now = state.calibratedAt;
  for (const r of records) {
    column = propagator.advance(column, (r.at - now) / 1000);
    now = r.at;
    const predictedBq = (column[daughterIndex] as number) * daughter.lambda;
    const parentNowBq = (column[parentIndex] as number) * parent.lambda;
    let fraction: number;
    if (r.measuredBq !== undefined && predictedBq > 0) {
      fraction = Math.min(1, r.measuredBq / predictedBq);
    } else {
      fraction = efficiencyEstimate(replay, state.efficiency, nominal(r.at)).value;
    }
    replay.push({
      at: r.at,
      predictedBq,
      measuredBq: r.measuredBq ?? null,
      ratio: r.measuredBq !== undefined && predictedBq > 0 ? r.measuredBq / predictedBq : null,
      breakthroughFraction:
        r.breakthroughBq !== undefined && parentNowBq > 0 ? r.breakthroughBq / parentNowBq : null,
    });
    column = elute(column, fraction).column;
    snapshots.push({ at: r.at, column });
  }

  const columnAt = (t: EpochMillis): Float64Array => {
    let start = initial;
    for (const snapshot of snapshots) if (snapshot.at < t) start = snapshot;
    return propagator.advance(start.column, (t - start.at) / 1000);
  };

  const efficiencyAt = (t: EpochMillis): EfficiencyEstimate =>
    efficiencyEstimate(
      replay.filter((r) => r.at < t),
      state.efficiency,
      nominal(t),
    );

  const predictElution = (t: EpochMillis): SupplyResult<ElutionPrediction> => {
    if (t < state.calibratedAt) {
      return supplyError('bad-time', 'the elution time is before the generator’s calibration');
    }
    const c = columnAt(t);
    const before = replay.filter((r) => r.at < t);
    const last = before[before.length - 1];
    const efficiency = efficiencyAt(t);
    const columnBq = (c[daughterIndex] as number) * daughter.lambda;
    const parentBq = (c[parentIndex] as number) * parent.lambda;
    const eluateBq = columnBq * efficiency.value;
    const measured = before.filter((r) => r.breakthroughFraction !== null);
    const fraction =
      measured[measured.length - 1]?.breakthroughFraction ?? type.breakthroughFraction.value;
    const breakthroughBq = parentBq * fraction;
    const breakthroughRatio = eluateBq > 0 ? breakthroughBq / eluateBq : Infinity;
    const limit = type.breakthroughLimit?.value ?? null;
    return ok({
      at: t,
      sinceLastElutionS: last ? (t - last.at) / 1000 : null,
      parentBq,
      columnBq,
      efficiency,
      eluateBq,
      breakthroughBq,
      breakthroughRatio,
      breakthroughLimit: limit,
      breakthroughOk: limit === null || breakthroughRatio <= limit,
      pastShelfLife: (t - state.calibratedAt) / 1000 > type.shelfLife.value,
    });
  };

  return ok({
    state,
    propagator,
    parentIndex,
    daughterIndex,
    eluted,
    replay,
    columnAt,
    elute,
    efficiencyAt,
    predictElution,
  });
}

/**
 * The column of a generator whose daughters grew in long ago: a parent that has decayed for 40
 * half-times of the slowest approach to equilibrium (ln 2 / (λ_member − λ_parent)), scaled so that
 * `parentAtoms` remain. The decay engine makes the equilibrium, transient or secular, chain and all.
 */
export function equilibriumColumn(
  propagator: ChainPropagator,
  parentIndex: number,
  parentAtoms: number,
): Float64Array {
  const members = propagator.members;
  const lp = (members[parentIndex] as Nuclide).lambda;
  let slowest = 0;
  for (const m of members) {
    if (m.lambda > lp) slowest = Math.max(slowest, Math.LN2 / (m.lambda - lp));
  }
  const t = 40 * slowest;
  const start = new Float64Array(members.length);
  start[parentIndex] = parentAtoms / (1 - propagator.decayedFraction(parentIndex, t));
  return propagator.advance(start, t);
}

function descendants(
  members: readonly Nuclide[],
  index: ReadonlyMap<string, number>,
  from: number,
): number[] {
  const seen = new Set([from]);
  const queue = [from];
  for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
    for (const b of (members[i] as Nuclide).branches) {
      const j = b.daughter === null ? undefined : index.get(b.daughter);
      if (j !== undefined && b.fraction > 0 && !seen.has(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}
