import type { Plan, PlanProgress } from '@halflife/planner';
import type { PlanJob } from './plan-job.js';
import { runInWorker } from './worker-runner.js';

/**
 * Runs a planning job in a worker thread (plan-worker.ts); resolves with the plan, rejects with the
 * planner's error. Aborting `signal` stops the worker at once (a plan whose lease this process lost).
 */
export function runPlanInWorker(
  job: PlanJob,
  onProgress: (progress: PlanProgress) => void,
  signal?: AbortSignal,
): Promise<Plan> {
  return runInWorker<PlanJob, PlanProgress, Plan>('plan-worker', job, onProgress, signal);
}
