import { describe, expect, it } from 'vitest';
import { Coalescer, type CoalesceOptions } from './coalesce.js';

/** A coalescer whose round trips the test finishes by hand, recording every batch it ran. */
function harness(options: Partial<CoalesceOptions<string, string>> = {}) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  const coalescer = new Coalescer<string, string>({
    maxBatch: 10,
    inFlight: 1,
    retryAlone: () => true,
    run: (items) => {
      batches.push([...items]);
      return new Promise((resolve, reject) => {
        pending.push(() =>
          items.some((i) => i.startsWith('bad'))
            ? reject(new Error(`refused: ${items.join(',')}`))
            : resolve(items.map((i) => i.toUpperCase())),
        );
      });
    },
    ...options,
  });
  /** Finishes the round trips running now; lets their callers and the next batch go. */
  const finish = async (): Promise<void> => {
    for (const done of pending.splice(0)) done();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { coalescer, batches, finish };
}

describe('Coalescer', () => {
  it('sends a lone request at once and the requests that came meanwhile together', async () => {
    const { coalescer, batches, finish } = harness();
    const first = coalescer.submit('a');
    expect(batches).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((i) => coalescer.submit(i));
    expect(batches).toHaveLength(1);
    await finish();
    expect(await first).toBe('A');
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    await finish();
    expect(await Promise.all(later)).toEqual(['B', 'C', 'D']);
  });

  it('runs at most inFlight batches at once and at most maxBatch requests in each', async () => {
    const { coalescer, batches, finish } = harness({ inFlight: 2, maxBatch: 2 });
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((i) => coalescer.submit(i));
    expect(batches).toEqual([['a'], ['b']]);
    await finish();
    expect(batches.slice(2)).toEqual([
      ['c', 'd'],
      ['e', 'f'],
    ]);
    await finish();
    expect(await Promise.all(all)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('never puts two requests with one key in a batch: the second waits for the next', async () => {
    const { coalescer, batches, finish } = harness({ keyOf: (i) => i.slice(0, 1) });
    const all = ['x0', 'a1', 'b1', 'a2', 'c1'].map((i) => coalescer.submit(i));
    await finish();
    expect(batches[1]).toEqual(['a1', 'b1', 'c1']);
    await finish();
    expect(batches[2]).toEqual(['a2']);
    await finish();
    expect(await Promise.all(all)).toEqual(['X0', 'A1', 'B1', 'A2', 'C1']);
  });

  it("tries each request of a refused batch alone: one request's error is its own", async () => {
    const { coalescer, batches, finish } = harness();
    const first = coalescer.submit('a');
    const rest = ['b', 'bad', 'c'].map((i) => coalescer.submit(i).catch((e: Error) => e.message));
    await finish();
    await first;
    await finish(); // the batch of three is refused
    await finish(); // each alone
    expect(batches.slice(1)).toEqual([['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    expect(await Promise.all(rest)).toEqual(['B', 'refused: bad', 'C']);
  });

  it('gives every caller the error when a failed batch may not be tried again', async () => {
    const { coalescer, batches, finish } = harness({ retryAlone: () => false });
    const first = coalescer.submit('a');
    const rest = ['b', 'bad'].map((i) => coalescer.submit(i).catch((e: Error) => e.message));
    await finish();
    await first;
    await finish();
    expect(batches).toHaveLength(2);
    expect(await Promise.all(rest)).toEqual(['refused: b,bad', 'refused: b,bad']);
  });
});
