import type { Plan, PlanningInstance, PlanProgress } from '@halflife/planner';
import type { WorkerMessage } from './worker-runner.js';

/** What the server hands the planning worker. */
export interface PlanJob {
  readonly instance: PlanningInstance;
  readonly method?: 'auto' | 'milp' | 'decomposition' | 'greedy';
  readonly timeLimitSeconds?: number;
  /** Re-planning: the plan to stay close to. */
  readonly previous?: Plan;
}

/** What the planning worker posts back. */
export type PlanWorkerMessage = WorkerMessage<PlanProgress, Plan>;
