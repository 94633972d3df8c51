/**
 * The design solver in a worker thread: solveDesign is synchronous (HiGHS in WebAssembly) and
 * runs for up to minutes, which would stall every request on the server's event loop. The scenario
 * comes in as workerData; progress, then the result or an error, go back as messages.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSolver } from '@halflife/planner';
import {
  solveDesign,
  type DesignProgress,
  type DesignResult,
  type DesignScenario,
} from '@halflife/strategy';
import type { WorkerMessage } from './worker-runner.js';

const port = parentPort;
if (port === null) throw new Error('design-worker.js runs only as a worker thread');
const post = (message: WorkerMessage<DesignProgress, DesignResult>): void =>
  port.postMessage(message);

async function run(scenario: DesignScenario): Promise<void> {
  try {
    const highs = await loadSolver();
    const result = solveDesign(highs, scenario, {
      now: () => performance.now(),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', value: result });
  } catch (e) {
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}

await run(workerData as DesignScenario);
