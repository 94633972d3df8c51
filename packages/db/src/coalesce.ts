/**
 * Requests made at the same time on one database handle, answered by one round trip (issue 18).
 * A request waits only while `inFlight` batches of its kind are running; the next batch then takes
 * every request that arrived meanwhile. Under no load a request goes out alone at once; under load
 * each round trip serves many. Nothing is kept between batches: every answer comes from the
 * database at the time of its batch, so several server processes see the same data.
 * See docs/platform.md, "Order intake".
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface CoalesceOptions<I, O> {
  /** At most this many requests in one batch. */
  readonly maxBatch: number;
  /** Batches running at once on the handle. */
  readonly inFlight: number;
  /**
   * Requests with the same key may not share a batch: the second waits for the next one (so that
   * it sees what the first wrote). Undefined: no key.
   */
  readonly keyOf?: (item: I) => string | undefined;
  /** The batch in one round trip; the answers in the requests' order. */
  readonly run: (items: readonly I[]) => Promise<readonly O[]>;
  /**
   * After a batch failed with this error, whether each request is tried again alone, so that one
   * request's error is its caller's only; otherwise every caller of the batch gets the error.
   */
  readonly retryAlone: (error: unknown) => boolean;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (answer: O) => void;
  readonly reject: (error: unknown) => void;
}

/** The queue of one kind of request on one database handle. */
export class Coalescer<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = 0;

  constructor(private readonly options: CoalesceOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.inFlight && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.send(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The next batch in arrival order, at most one request per key. */
  private take(): Waiting<I, O>[] {
    const { keyOf, maxBatch } = this.options;
    const batch: Waiting<I, O>[] = [];
    const rest: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    for (const w of this.queue) {
      const key = keyOf?.(w.item);
      if (batch.length >= maxBatch || (key !== undefined && keys.has(key))) {
        rest.push(w);
      } else {
        if (key !== undefined) keys.add(key);
        batch.push(w);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async send(batch: readonly Waiting<I, O>[]): Promise<void> {
    const { run, retryAlone } = this.options;
    try {
      const answers = await run(batch.map((w) => w.item));
      batch.forEach((w, k) => w.resolve(answers[k] as O));
    } catch (error) {
      if (batch.length === 1 || !retryAlone(error)) {
        for (const w of batch) w.reject(error);
        return;
      }
      await Promise.all(
        batch.map((w) => run([w.item]).then(([answer]) => w.resolve(answer as O), w.reject)),
      );
    }
  }
}

const registry = new WeakMap<Kysely<Database>, Map<string, Coalescer<never, unknown>>>();

/** The handle's coalescer of one kind (`name`), made by `make` on first use. */
export function coalescerOf<I, O>(
  db: Kysely<Database>,
  name: string,
  make: () => Coalescer<I, O>,
): Coalescer<I, O> {
  let kinds = registry.get(db);
  if (kinds === undefined) {
    kinds = new Map();
    registry.set(db, kinds);
  }
  let found = kinds.get(name) as Coalescer<I, O> | undefined;
  if (found === undefined) {
    found = make();
    kinds.set(name, found as unknown as Coalescer<never, unknown>);
  }
  return found;
}
