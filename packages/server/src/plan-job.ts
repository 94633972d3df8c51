import type { Plan, PlanningInstance, PlanProgress } from '@halflife/planner';

/** What the server hands the planning worker. */
export interface PlanJob {
  readonly instance: PlanningInstance;
  readonly method?: 'auto' | 'milp' | 'decomposition' | 'greedy';
  readonly timeLimitSeconds?: number;
  /** Re-planning: the plan to stay close to. */
  readonly previous?: Plan;
}

/** What the worker posts back: progress any number of times, then `done` or `failed` once. */
export type PlanWorkerMessage =
  | { readonly type: 'progress'; readonly progress: PlanProgress }
  | { readonly type: 'done'; readonly plan: Plan }
  | { readonly type: 'failed'; readonly error: string };
