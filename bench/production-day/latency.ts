import { ACTION_KINDS, type ActionKind } from './sim-api.js';

/** Latency figures per kind of action: count, mean, p50, p95 and max, in ms. */

export interface LatencyRow {
  readonly action: ActionKind;
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** The nearest-rank percentile of `xs` (unsorted), p in 0–100. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? NaN;
}

export function latencyRows(latencies: ReadonlyMap<ActionKind, readonly number[]>): LatencyRow[] {
  return ACTION_KINDS.filter((a) => (latencies.get(a)?.length ?? 0) > 0).map((action) => {
    const xs = latencies.get(action) ?? [];
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      action,
      count: xs.length,
      meanMs: round(xs.reduce((s, x) => s + x, 0) / xs.length),
      p50Ms: round(percentile(xs, 50)),
      p95Ms: round(percentile(xs, 95)),
      maxMs: round(Math.max(...xs)),
    };
  });
}
