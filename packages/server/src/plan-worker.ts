/**
 * The planner in a worker thread: planNetwork is synchronous (HiGHS in WebAssembly) and runs for
 * seconds to minutes, which would stall every request on the server's event loop. The job comes
 * in as workerData; progress, then the plan or an error, go back as messages (plan-runner.ts).
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSolver, planNetwork } from '@halflife/planner';
import type { PlanJob, PlanWorkerMessage } from './plan-job.js';

const port = parentPort;
if (port === null) throw new Error('plan-worker.js runs only as a worker thread');
const post = (message: PlanWorkerMessage): void => port.postMessage(message);

async function run(job: PlanJob): Promise<void> {
  try {
    const highs = await loadSolver();
    const plan = planNetwork(highs, job.instance, {
      ...(job.method ? { method: job.method } : {}),
      ...(job.timeLimitSeconds ? { timeLimitSeconds: job.timeLimitSeconds } : {}),
      ...(job.previous ? { previous: job.previous } : {}),
      now: () => performance.now(),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', value: plan });
  } catch (e) {
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}

await run(workerData as PlanJob);
