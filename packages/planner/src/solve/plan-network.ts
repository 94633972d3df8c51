import type { Highs } from 'highs';
import type { PlanningInstance } from '../instance.js';
import type { Plan, PlanMethod } from '../plan.js';
import { buildPlan } from './build-plan.js';
import { candidates, type Candidates } from './candidates.js';
import { decomposedPlan } from './decompose.js';
import { departedCost, withDeparted } from './departed.js';
import { greedyPlan } from './greedy.js';
import { insertionPlan } from './insertion.js';
import { improveSelection, searchSeconds } from './local-search.js';
import { bestSelection } from './selection-objective.js';
import { keepBonus } from './keep-previous.js';
import { compileNetwork, type Network } from './network.js';
import { supplyBound } from './supply-bound.js';
import { solveMilp } from './solve-milp.js';
import { unservedReasons } from './unserved-reasons.js';

/** The span of the latest feasible starts kept per order, lane and line (six on the 30-minute grid). */
const LATEST_STARTS_MINUTES = 180;
/** Before the exact model the local search takes at most this: the model needs the rest to prove. */
const EXACT_SEARCH_MOST_SECONDS = 2;

export interface PlanSettings {
  /** 'auto': the exact model up to `exactUpTo` orders, the decomposition beyond. */
  readonly method?: PlanMethod | 'auto';
  readonly timeLimitSeconds?: number;
  /** Stop the exact model at this relative gap (default 0.1%). */
  readonly relativeGap?: number;
  readonly exactUpTo?: number;
  /**
   * Per order, lane and line: how many of the latest feasible batch starts to consider (default:
   * those of the last three hours on the grid, at least six).
   */
  readonly startsPerLine?: number;
  /** Re-planning: prefer the previous plan's choices where they still hold. */
  readonly previous?: Plan;
  /** Milliseconds of a monotonic clock (the caller's; the planner does no IO). */
  readonly now: () => number;
  readonly onProgress?: (event: PlanProgress) => void;
}

export interface PlanProgress {
  readonly phase: 'candidates' | 'solve' | 'plan';
  /** 0–1 where it can be known. */
  readonly fraction?: number;
  readonly message: string;
}

/** Plans the instance: batches, doses, shipments and a reason for every unserved order. */
export function planNetwork(
  highs: Highs,
  instance: PlanningInstance,
  settings: PlanSettings,
): Plan {
  const started = settings.now();
  const net = compileNetwork(instance);
  const step = instance.settings?.batchStepMinutes ?? 30;
  const method =
    settings.method === undefined || settings.method === 'auto'
      ? net.orders.length <= (settings.exactUpTo ?? 100)
        ? 'milp'
        : 'decomposition'
      : settings.method;
  const progress = settings.onProgress ?? (() => undefined);
  progress({ phase: 'candidates', fraction: 0, message: 'finding every feasible batch and route' });
  // The latest starts kept span the same three hours whatever the grid: a finer grid adds starts
  // between, it does not narrow the window in which orders can share a batch.
  const startsPerLine =
    settings.startsPerLine ?? Math.max(6, Math.round(LATEST_STARTS_MINUTES / step));
  const cands = candidates(net, { stepMinutes: step, startsPerLine });
  progress({
    phase: 'candidates',
    fraction: 1,
    message: `${cands.options.length} dose options over ${cands.slots.length} candidate batches`,
  });
  const limit = settings.timeLimitSeconds ?? 60;
  const bonus = settings.previous ? keepBonus(net, cands, settings.previous) : undefined;
  let chosen: number[];
  let lowerBound: number;
  switch (method) {
    case 'greedy':
      chosen = greedyPlan(net, cands);
      lowerBound = supplyBound(highs, net, cands);
      break;
    case 'milp': {
      const first = bestSelection(net, cands, [
        insertionPlan(net, cands, bonus),
        greedyPlan(net, cands),
      ]);
      progress({ phase: 'solve', message: 'improving the first plan (local search)' });
      // Searches from the best plan so far, each with a new seed, while they still find better
      // ones and the search's share of the time lasts.
      const searchUntil = settings.now() + searchSeconds(limit, EXACT_SEARCH_MOST_SECONDS) * 1000;
      let start = first;
      for (let seed = 1; settings.now() < searchUntil; seed++) {
        const search = improveSelection(net, cands, start, {
          deadline: searchUntil,
          now: settings.now,
          seed,
          ...(bonus ? { keepBonus: bonus } : {}),
        });
        start = search.chosen;
        if (search.improvements === 0) break;
      }
      const result = solveMilp(highs, net, cands, {
        timeLimitSeconds: Math.max(0.2, limit - (settings.now() - started) / 1000),
        relativeGap: settings.relativeGap ?? 1e-3,
        strong: true,
        start,
        ...(bonus ? { keepBonus: bonus } : {}),
        onProgress: (p) =>
          progress({
            phase: 'solve',
            message: `best plan ${p.incumbent.toFixed(0)}, bound ${p.bound.toFixed(0)}, gap ${(100 * p.gap).toFixed(2)}%`,
          }),
      });
      chosen = result.chosen;
      // Keep-bonuses are ≥ 0, so the model's bound also bounds the plan's true objective.
      lowerBound = Math.max(result.lowerBound, supplyBound(highs, net, cands));
      break;
    }
    case 'decomposition': {
      const result = decomposedPlan(highs, net, cands, {
        deadline: started + limit * 1000,
        now: settings.now,
        ...(bonus ? { keepBonus: bonus } : {}),
        onProgress: (fraction, message) => progress({ phase: 'solve', fraction, message }),
      });
      chosen = result.chosen;
      lowerBound = result.lowerBound;
      break;
    }
  }
  progress({ phase: 'plan', message: 'writing the plan' });
  // Doses already on the road are in every plan, as they left; so is the cost of their vehicles.
  const all = withDeparted(net, cands);
  // A re-plan's lost batches (started, not kept) lend their ids to no new batch.
  const kept = new Set(net.fixed.map((f) => f.spec.id));
  const retired = (settings.previous?.batches ?? [])
    .filter((b) => Date.parse(b.startAt) <= net.originMs + net.replanFrom * 60_000)
    .filter((b) => !kept.has(b.id))
    .map((b) => b.id);
  return finish(
    net,
    all.cands,
    [...chosen, ...all.departed],
    method,
    lowerBound + departedCost(net),
    (settings.now() - started) / 1000,
    retired,
  );
}

function finish(
  net: Network,
  cands: Candidates,
  chosen: number[],
  method: PlanMethod,
  lowerBound: number,
  seconds: number,
  retiredBatchIds: readonly string[],
): Plan {
  const served = new Set(chosen.map((i) => cands.options[i]!.order));
  const unserved = net.orders.filter((o) => !served.has(o.index)).map((o) => o.index);
  return buildPlan(net, cands, chosen, {
    method,
    lowerBound,
    seconds,
    reasons: unservedReasons(net, cands, unserved, chosen),
    retiredBatchIds,
  });
}
