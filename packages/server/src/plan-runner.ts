import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plan, PlanProgress } from '@halflife/planner';
import type { PlanJob, PlanWorkerMessage } from './plan-job.js';

/**
 * The compiled worker next to this module: dist/plan-runner.js → dist/plan-worker.js. Under the
 * test runner this module is the TypeScript source (src/plan-runner.ts) and a worker thread cannot
 * load TypeScript, so it takes the compiled worker from dist (tests run after `tsc -b`).
 */
export function planWorkerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? '../dist/plan-worker.js' : './plan-worker.js', import.meta.url);
}

/**
 * Runs a planning job in a worker thread; resolves with the plan, rejects with the planner's error.
 * Aborting `signal` stops the worker at once (a plan whose lease this process lost).
 */
export function runPlanInWorker(
  job: PlanJob,
  onProgress: (progress: PlanProgress) => void,
  signal?: AbortSignal,
): Promise<Plan> {
  const url = planWorkerUrl();
  if (!existsSync(fileURLToPath(url))) {
    return Promise.reject(
      new Error(`the planning worker ${fileURLToPath(url)} is missing: build with \`npx tsc -b\``),
    );
  }
  return new Promise<Plan>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, { workerData: job });
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      reject(signal.reason instanceof Error ? signal.reason : new Error('stopped'));
      void worker.terminate();
    });
    worker.on('message', (message: PlanWorkerMessage) => {
      switch (message.type) {
        case 'progress':
          onProgress(message.progress);
          break;
        case 'done':
          settled = true;
          resolve(message.plan);
          break;
        case 'failed':
          settled = true;
          reject(new Error(message.error));
          break;
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`the planning worker stopped (exit code ${code}) without a plan`));
    });
  });
}
