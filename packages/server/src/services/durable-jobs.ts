import { randomUUID } from 'node:crypto';

/**
 * The claiming loop shared by every durable job (plans, design scenarios). A job is recorded in
 * the database by whichever process takes the request; any process of the deployment computes it:
 * it claims the job with a lease, computes it, and claims again while it has room. A process that
 * died leaves its lease to run out, and another one's poll claims the job.
 */
export interface DurableJobs {
  /** This process's id in the leases. */
  readonly owner: string;
  /** Look for jobs to compute now (after recording one, and on every poll). */
  readonly nudge: () => void;
  /** Poll every `seconds` for jobs no process holds (a dead process's); returns a stop function. */
  readonly poll: (seconds: number) => () => void;
}

export interface DurableJobLoop<Claim> {
  /** Claims one job for `owner`, or resolves undefined when there is none. */
  readonly claim: (owner: string) => Promise<Claim | undefined>;
  /** Computes a claimed job and stores its outcome; never rejects. */
  readonly compute: (owner: string, claimed: Claim) => Promise<void>;
  /** Jobs this process computes at once. */
  readonly concurrency: number;
  /** What the jobs are, for the log. */
  readonly label: string;
}

/** Claims and computations of this process, so a caller (a test, a shutdown) can wait for them. */
const inFlight = new Set<Promise<void>>();

/** Resolves when every job this process has claimed has been stored (or given up). */
export async function jobsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function durableJobs<Claim>(loop: DurableJobLoop<Claim>): DurableJobs {
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
    if (running >= loop.concurrency) return;
    claiming = true;
    track(
      loop
        .claim(owner)
        .then((claimed) => {
          if (claimed === undefined) return;
          running++;
          again = true;
          track(
            loop.compute(owner, claimed).finally(() => {
              running--;
              pump();
            }),
          );
        })
        .catch((e: unknown) => {
          console.error(`${loop.label}: could not claim a job: ${describeError(e)}`);
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
    poll: (seconds) => {
      const timer = setInterval(pump, seconds * 1000);
      timer.unref();
      pump();
      return () => clearInterval(timer);
    },
  };
}

/**
 * Renews a job's lease every third of its length while it computes; aborts the returned signal
 * when the lease is lost (another process holds the job now). Call `stop` when the job ends.
 */
export function leaseHeartbeat(
  renew: () => Promise<boolean>,
  leaseSeconds: number,
): { readonly lost: AbortSignal; readonly stop: () => void } {
  const lost = new AbortController();
  const timer = setInterval(
    () => {
      renew()
        .then((held) => {
          if (!held) lost.abort(new Error('another process holds this job now'));
        })
        .catch(() => undefined); // a missed renewal is retried; the lease has slack
    },
    (leaseSeconds * 1000) / 3,
  );
  timer.unref();
  return { lost: lost.signal, stop: () => clearInterval(timer) };
}

/**
 * Writes a job's latest progress one write at a time: a report that arrives while one is being
 * written replaces any waiting one. `settled` resolves when the last write has finished.
 */
export function latestProgressWriter<Progress>(write: (progress: Progress) => Promise<void>): {
  readonly report: (progress: Progress) => void;
  readonly drop: () => void;
  readonly settled: () => Promise<void>;
} {
  let latest: Progress | undefined;
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  const flush = (): void => {
    if (busy || latest === undefined) return;
    const progress = latest;
    latest = undefined;
    busy = true;
    writing = write(progress)
      .catch(() => undefined) // progress is a report; losing one is harmless
      .finally(() => {
        busy = false;
        flush();
      });
  };
  return {
    report: (progress) => {
      latest = progress;
      flush();
    },
    drop: () => {
      latest = undefined;
    },
    settled: () => writing,
  };
}

export const describeError = (e: unknown): string => (e instanceof Error ? e.message : String(e));
