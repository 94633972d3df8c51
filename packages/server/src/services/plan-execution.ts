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
import {
  describeError,
  durableJobs,
  jobsSettled,
  latestProgressWriter,
  leaseHeartbeat,
  type DurableJobs,
} from './durable-jobs.js';

/**
 * Planning as durable jobs. A plan is recorded as running (the job) by whichever process takes the
 * request; any process of the deployment computes it: it claims the plan with a lease in the
 * database, renews the lease while its worker thread computes, and stores the outcome only while it
 * still holds the lease. When a process dies, another one claims the plan once the lease has run
 * out (the servers poll for such plans) and computes it again; the first never stores anything.
 */
export type PlanJobs = DurableJobs;

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

/** Resolves when every job this process has claimed has been stored (or given up). */
export const plansSettled = jobsSettled;

export function planJobs(db: Kysely<Database>, settings: PlanJobSettings): PlanJobs {
  return durableJobs<ClaimedPlan>({
    label: 'plan jobs',
    concurrency: settings.concurrency,
    claim: (owner) =>
      claimPlanJob(db, {
        owner,
        leaseSeconds: settings.leaseSeconds,
        maxAttempts: settings.maxAttempts,
        at: settings.now(),
      }),
    compute: (owner, claimed) => compute(db, owner, claimed, settings),
  });
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
  const heartbeat = leaseHeartbeat(
    () => renewPlanLease(db, id, owner, settings.leaseSeconds),
    settings.leaseSeconds,
  );
  const progress = latestProgressWriter((p: PlanProgress) =>
    updatePlanProgress(db, id, owner, {
      phase: p.phase,
      ...(p.fraction === undefined ? {} : { fraction: p.fraction }),
      message: p.message,
    }),
  );
  try {
    const outcome = await runPlanInWorker(job, progress.report, heartbeat.lost).then(
      (plan) => readyOutcome(plan),
      (e: unknown) => ({ status: 'failed' as const, error: describeError(e) }),
    );
    progress.drop();
    await progress.settled();
    if (!heartbeat.lost.aborted) await finishPlan(db, id, owner, outcome, actor());
  } catch (e) {
    // The database failed while storing the outcome: the lease runs out and another process
    // (or this one, on its next poll) computes the plan again.
    console.error(`plan ${id}: could not store the outcome: ${describeError(e)}`);
  } finally {
    heartbeat.stop();
  }
}

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
