import { finishPlan, updatePlanProgress, type Actor, type Database } from '@halflife/db';
import type { Plan, PlanProgress } from '@halflife/planner';
import type { Kysely } from 'kysely';
import type { PlanJob } from '../plan-job.js';
import { runPlanInWorker } from '../plan-runner.js';

/** Plans being computed by this process, so a caller (a test, a shutdown) can wait for them. */
const inFlight = new Set<Promise<void>>();

/** Resolves when every plan this process started has been stored. */
export async function plansSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Runs a recorded plan's job in a worker thread and stores what comes back: progress as it comes
 * (the latest only, one write at a time), then the plan and its figures, or the failure. Never
 * rejects: every outcome ends up on the record.
 */
export function startPlanning(
  db: Kysely<Database>,
  planId: string,
  job: PlanJob,
  actor: () => Actor,
): Promise<void> {
  let latest: PlanProgress | undefined;
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  const flush = (): void => {
    if (busy || latest === undefined) return;
    const progress = latest;
    latest = undefined;
    busy = true;
    writing = updatePlanProgress(db, planId, {
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
  const done = runPlanInWorker(job, (p) => {
    latest = p;
    flush();
  })
    .then(
      async (plan) => {
        latest = undefined;
        await writing;
        await finishPlan(db, planId, readyOutcome(plan), actor());
      },
      async (e: unknown) => {
        latest = undefined;
        await writing;
        const error = e instanceof Error ? e.message : String(e);
        await finishPlan(db, planId, { status: 'failed', error }, actor());
      },
    )
    .catch((e: unknown) => {
      // The database failed while storing the outcome; the record stays running until a
      // restart marks it failed (failInterruptedPlans).
      console.error(`plan ${planId}: could not store the outcome:`, e);
    })
    .finally(() => inFlight.delete(done));
  inFlight.add(done);
  return done;
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
