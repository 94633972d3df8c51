import type { Plan } from '@halflife/planner';

export interface TimelineBar {
  /** Index into `rows`. */
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly product: string;
  readonly batch: string;
}

export interface PlanTimeline {
  /** One row per site and line: "site · line". */
  readonly rows: readonly string[];
  readonly bars: readonly TimelineBar[];
  readonly products: readonly string[];
}

/** Batches per site and line from start to release, ready for a Gantt chart. */
export function planTimeline(plan: Pick<Plan, 'batches'>): PlanTimeline {
  const keys = [...new Set(plan.batches.map((b) => `${b.site} · ${b.line}`))].sort();
  const rowOf = new Map(keys.map((k, i) => [k, i]));
  return {
    rows: keys,
    bars: plan.batches.map((b) => ({
      row: rowOf.get(`${b.site} · ${b.line}`) ?? 0,
      start: Date.parse(b.startAt),
      end: Date.parse(b.releaseAt),
      product: b.product,
      batch: b.id,
    })),
    products: [...new Set(plan.batches.map((b) => b.product))].sort(),
  };
}
