import {
  claimDesignJob,
  finishDesignJob,
  renewDesignLease,
  updateDesignProgress,
  type Database,
  type DesignClaim,
} from '@halflife/db';
import type { DesignProgress, DesignResult, DesignScenario } from '@halflife/strategy';
import type { Kysely } from 'kysely';
import { runInWorker } from '../worker-runner.js';
import {
  describeError,
  durableJobs,
  latestProgressWriter,
  leaseHeartbeat,
  type DurableJobs,
} from './durable-jobs.js';

/**
 * Network-design scenarios solved as durable jobs (migration 0017), like plans: any server process
 * claims a queued scenario with a lease, solves it in a worker thread while renewing the lease,
 * and stores the result only while it still holds it. A process that dies leaves its lease to run
 * out, and another process solves the scenario again.
 */
export type DesignJobs = DurableJobs;

export interface DesignJobSettings {
  readonly leaseSeconds: number;
  /** Scenarios this process solves at once (each takes one core). */
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly now: () => Date;
}

export const DESIGN_JOB_DEFAULTS = { leaseSeconds: 30, concurrency: 1, maxAttempts: 3 } as const;

export function designJobs(db: Kysely<Database>, settings: DesignJobSettings): DesignJobs {
  return durableJobs<DesignClaim>({
    label: 'design jobs',
    concurrency: settings.concurrency,
    claim: (owner) =>
      claimDesignJob(db, {
        owner,
        leaseSeconds: settings.leaseSeconds,
        maxAttempts: settings.maxAttempts,
        at: settings.now(),
      }),
    compute: (owner, claimed) => solve(db, owner, claimed, settings),
  });
}

/** Solves one claimed scenario; never rejects: the outcome is stored, or the lease runs out. */
async function solve(
  db: Kysely<Database>,
  owner: string,
  claimed: DesignClaim,
  settings: DesignJobSettings,
): Promise<void> {
  const { id } = claimed;
  const heartbeat = leaseHeartbeat(
    () => renewDesignLease(db, id, owner, settings.leaseSeconds),
    settings.leaseSeconds,
  );
  const progress = latestProgressWriter((p: DesignProgress) =>
    updateDesignProgress(db, id, owner, {
      phase: 'solving',
      message: 'branch and bound',
      ...(Number.isFinite(p.incumbent) ? { incumbent: p.incumbent } : {}),
      ...(Number.isFinite(p.bound) ? { bound: p.bound } : {}),
      ...(Number.isFinite(p.gap) ? { gap: p.gap } : {}),
    }),
  );
  try {
    const outcome = await runInWorker<DesignScenario, DesignProgress, DesignResult>(
      'design-worker',
      claimed.scenario,
      progress.report,
      heartbeat.lost,
    ).then(
      (result) =>
        result.status === 'infeasible' || result.status === 'failed'
          ? {
              status: 'failed' as const,
              error:
                result.status === 'infeasible'
                  ? 'no design meets every rule of the scenario (infeasible)'
                  : 'the solver found no design within its time limit',
            }
          : { status: 'done' as const, result },
      (e: unknown) => ({ status: 'failed' as const, error: describeError(e) }),
    );
    progress.drop();
    await progress.settled();
    if (!heartbeat.lost.aborted) await finishDesignJob(db, id, owner, outcome, settings.now());
  } catch (e) {
    console.error(`design ${id}: could not store the outcome: ${describeError(e)}`);
  } finally {
    heartbeat.stop();
  }
}
