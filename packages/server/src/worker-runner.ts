import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a job's worker posts back: progress any number of times, then `done` or `failed` once. */
export type WorkerMessage<Progress, Result> =
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly value: Result }
  | { readonly type: 'failed'; readonly error: string };

/**
 * The compiled worker `name` next to this module: dist/worker-runner.js → dist/<name>.js. Under
 * the test runner this module is the TypeScript source and a worker thread cannot load
 * TypeScript, so it takes the compiled worker from dist (tests run after `tsc -b`).
 */
export function workerUrl(name: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? `../dist/${name}.js` : `./${name}.js`, import.meta.url);
}

/**
 * Runs one long job (the planner, the design solver) in its own worker thread, off the event loop;
 * resolves with its result, rejects with its error. Aborting `signal` stops the worker at once (a
 * job whose lease this process lost).
 */
export function runInWorker<Job, Progress, Result>(
  name: string,
  job: Job,
  onProgress: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<Result> {
  const url = workerUrl(name);
  if (!existsSync(fileURLToPath(url))) {
    return Promise.reject(
      new Error(`the worker ${fileURLToPath(url)} is missing: build with \`npx tsc -b\``),
    );
  }
  return new Promise<Result>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, { workerData: job });
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      reject(signal.reason instanceof Error ? signal.reason : new Error('stopped'));
      void worker.terminate();
    });
    worker.on('message', (message: WorkerMessage<Progress, Result>) => {
      switch (message.type) {
        case 'progress':
          onProgress(message.progress);
          break;
        case 'done':
          settled = true;
          resolve(message.value);
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
      reject(new Error(`the worker ${name} stopped (exit code ${code}) without a result`));
    });
  });
}
