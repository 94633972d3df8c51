import { randomUUID } from 'node:crypto';
import {
  claimPlanJob,
  finishPlan,
  renewPlanLease,
  updatePlanProgress,
  type Actor,
  type ClaimedPlan,
  type Database,
} from '@halflife/db';
import type { Plan, PlanProgress } from '@halflife/planner';
import type { Kysely } from 'kysely';
import type { PlanJob } from '../plan-job.js';
import { runPlanInWorker } from '../plan-runner.js';

/**
 * Planning as durable jobs. A plan is recorded as running (the job) by whichever process takes the
 * request; any process of the deployment computes it: it claims the plan with a lease in the
 * database, renews the lease while its worker thread computes, and stores the outcome only while it
 * still holds the lease. When a process dies, another one claims the plan once the lease has run
 * out (the servers poll for such plans) and computes it again; the first never stores anything.
 */
export interface PlanJobs {
  /** This process's id in the leases. */
  readonly owner: string;
  /** Look for plans to compute now (after recording one, and on every poll). */
  nudge(): void;
  /** Poll every `seconds` for plans no process holds (a dead process's); returns a stop function. */
  poll(seconds: number): () => void;
}

export interface PlanJobSettings {
  readonly leaseSeconds: number;
  /** Plans this process computes at once. */
  readonly concurrency: number;
  /** A plan claimed this many times without an outcome is failed. */
  readonly maxAttempts: number;
  /** Business time, for the audit trail of outcomes. */
  readonly now: () => Date;
}

export const PLAN_JOB_DEFAULTS = { leaseSeconds: 30, concurrency: 2, maxAttempts: 3 } as const;

/** Claims and computations of this process, so a caller (a test, a shutdown) can wait for them. */
const inFlight = new Set<Promise<void>>();

/** Resolves when every plan this process has claimed has been stored (or given up). */
export async function plansSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function planJobs(db: Kysely<Database>, settings: PlanJobSettings): PlanJobs {
  const owner = randomUUID();
  let running = 0;
  let claiming = false;
  let again = false;

  const track = (work: Promise<void>): void => {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const pump = (): void => {
    if (claiming) {
      again = true;
      return;
    }
    if (running >= settings.concurrency) return;
    claiming = true;
    track(
      claimPlanJob(db, {
        owner,
        leaseSeconds: settings.leaseSeconds,
        maxAttempts: settings.maxAttempts,
        at: settings.now(),
      })
        .then((claimed) => {
          if (!claimed) return;
          running++;
          again = true;
          track(
            compute(db, owner, claimed, settings).finally(() => {
              running--;
              pump();
            }),
          );
        })
        .catch((e: unknown) => {
          console.error(`plan jobs: could not claim a plan: ${describe(e)}`);
        })
        .finally(() => {
          claiming = false;
          if (again) {
            again = false;
            pump();
          }
        }),
    );
  };

  return {
    owner,
    nudge: pump,
    poll(seconds) {
      const timer = setInterval(pump, seconds * 1000);
      timer.unref();
      pump();
      return () => clearInterval(timer);
    },
  };
}

/**
 * Computes one claimed plan in a worker thread: renews the lease while it runs (and stops the
 * worker if the lease is lost), writes the latest progress one write at a time, then stores the
 * plan or the failure. Never rejects: every outcome ends on the record, or with the lease.
 */
async function compute(
  db: Kysely<Database>,
  owner: string,
  claimed: ClaimedPlan,
  settings: PlanJobSettings,
): Promise<void> {
  const id = claimed.id;
  const actor = (): Actor => ({
    userId: claimed.createdBy,
    organisationId: claimed.organisationId,
    at: settings.now(),
  });
  const job: PlanJob = {
    instance: claimed.instance,
    method: claimed.method,
    ...(claimed.timeLimitSeconds ? { timeLimitSeconds: claimed.timeLimitSeconds } : {}),
    ...(claimed.previous ? { previous: claimed.previous } : {}),
  };
  const lost = new AbortController();
  const heartbeat = setInterval(
    () => {
      renewPlanLease(db, id, owner, settings.leaseSeconds)
        .then((held) => {
          if (!held) lost.abort(new Error('another process holds this plan now'));
        })
        .catch(() => undefined); // a missed renewal is retried; the lease has slack
    },
    (settings.leaseSeconds * 1000) / 3,
  );
  heartbeat.unref();

  let latest: PlanProgress | undefined;
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  const flush = (): void => {
    if (busy || latest === undefined) return;
    const progress = latest;
    latest = undefined;
    busy = true;
    writing = updatePlanProgress(db, id, owner, {
      phase: progress.phase,
      ...(progress.fraction === undefined ? {} : { fraction: progress.fraction }),
      message: progress.message,
    })
      .catch(() => undefined) // progress is a report; losing one is harmless
      .finally(() => {
        busy = false;
        flush();
      });
  };
  try {
    const outcome = await runPlanInWorker(
      job,
      (p) => {
        latest = p;
        flush();
      },
      lost.signal,
    ).then(
      (plan) => readyOutcome(plan),
      (e: unknown) => ({ status: 'failed' as const, error: describe(e) }),
    );
    latest = undefined;
    await writing;
    if (!lost.signal.aborted) await finishPlan(db, id, owner, outcome, actor());
  } catch (e) {
    // The database failed while storing the outcome: the lease runs out and another process
    // (or this one, on its next poll) computes the plan again.
    console.error(`plan ${id}: could not store the outcome: ${describe(e)}`);
  } finally {
    clearInterval(heartbeat);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function readyOutcome(plan: Plan) {
  return {
    status: 'ready' as const,
    plan,
    served: plan.summary.served,
    batches: plan.batches.length,
    shipments: plan.shipments.length,
    costTotal: plan.summary.cost.total,
    gap: finite(plan.summary.gap),
    seconds: plan.summary.seconds,
  };
}
