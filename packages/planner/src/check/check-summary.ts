import type { PlanningInstance } from '../instance.js';
import type { Plan } from '../plan.js';
import type { CheckContext } from './check-context.js';
import { significant } from './format.js';
import { atMost, close } from './instant.js';

/** The summary figures as rule 11 defines them, recomputed from the instance and the plan. */
export interface SummaryFigures {
  readonly orders: number;
  readonly served: number;
  readonly servedPct: number;
  readonly batches: number;
  readonly startActivityBq: number;
  readonly efficiency: number;
  readonly cost: { isotope: number; batches: number; transport: number; total: number };
  readonly unservedWeight: number;
  readonly objective: number;
}

/** W = 10 × (max over products of one full batch's cost + the dearest lane): rule 11. */
export function unservedWeight(instance: PlanningInstance): number {
  let batch = 0;
  for (const p of instance.products) {
    batch = Math.max(
      batch,
      p.costPerBatch + (p.costPerGbq * p.maxBatchBq) / p.radiochemicalYield / 1e9,
    );
  }
  let lane = 0;
  for (const l of instance.lanes) lane = Math.max(lane, l.cost);
  return 10 * (batch + lane);
}

export function summaryFigures(ctx: CheckContext): SummaryFigures {
  const { instance, plan } = ctx;
  const servedIds = new Set(plan.doses.map((d) => d.order).filter((id) => ctx.orders.has(id)));
  const orders = instance.orders.length;
  let isotope = 0;
  let batchCost = 0;
  let startActivityBq = 0;
  let eosBq = 0;
  for (const b of plan.batches) {
    const product = ctx.products.get(b.product);
    startActivityBq += b.startActivityBq;
    eosBq += b.eosActivityBq;
    if (!product) continue;
    isotope += (b.startActivityBq / 1e9) * product.costPerGbq;
    batchCost += product.costPerBatch;
  }
  let transport = 0;
  for (const s of plan.shipments) transport += ctx.lanes.get(s.lane)?.cost ?? 0;
  const calibrationBq = plan.doses.reduce((sum, d) => sum + d.calibrationActivityBq, 0);
  const weight = unservedWeight(instance);
  let unservedPriority = 0;
  for (const o of instance.orders) if (!servedIds.has(o.id)) unservedPriority += o.priority;
  const total = isotope + batchCost + transport;
  return {
    orders,
    served: servedIds.size,
    servedPct: orders === 0 ? 0 : (servedIds.size / orders) * 100,
    batches: plan.batches.length,
    startActivityBq,
    efficiency: eosBq > 0 ? calibrationBq / eosBq : 0,
    cost: { isotope, batches: batchCost, transport, total },
    unservedWeight: weight,
    objective: total + unservedPriority * weight,
  };
}

/** Rule 11: every summary figure matches its recomputation within the relative slack. */
export function checkSummary(ctx: CheckContext, figures: SummaryFigures): void {
  const s: Plan['summary'] = ctx.plan.summary;
  const compare = (name: string, given: number, want: number): void => {
    if (!close(given, want)) {
      ctx.report(
        'summary',
        `summary.${name}`,
        `The summary gives ${name} ${significant(given, 10)}, but the plan's figures give ${significant(want, 10)}.`,
      );
    }
  };
  compare('orders', s.orders, figures.orders);
  compare('served', s.served, figures.served);
  if (!(figures.orders === 0 && (s.servedPct === 0 || s.servedPct === 100))) {
    compare('servedPct', s.servedPct, figures.servedPct);
  }
  compare('batches', s.batches, figures.batches);
  compare('startActivityBq', s.startActivityBq, figures.startActivityBq);
  compare('efficiency', s.efficiency, figures.efficiency);
  compare('cost.isotope', s.cost.isotope, figures.cost.isotope);
  compare('cost.batches', s.cost.batches, figures.cost.batches);
  compare('cost.transport', s.cost.transport, figures.cost.transport);
  compare('cost.total', s.cost.total, figures.cost.total);
  compare('objective', s.objective, figures.objective);
  if (!atMost(s.lowerBound, s.objective)) {
    ctx.report(
      'summary',
      'summary.lowerBound',
      `The lower bound ${significant(s.lowerBound, 10)} is above the objective ${significant(s.objective, 10)}.`,
    );
  }
  // The gap leaves out the penalty of orders no candidate can serve (docs/planning-instance.md).
  const base = s.objective - s.unservablePenalty;
  if (!(s.unservablePenalty >= 0) || s.unservablePenalty > s.objective * (1 + 1e-9)) {
    ctx.report(
      'summary',
      'summary.unservablePenalty',
      `The unservable penalty ${significant(s.unservablePenalty, 10)} must lie between 0 and the objective.`,
    );
  }
  if (
    !Number.isInteger(s.unservable) ||
    s.unservable < 0 ||
    s.unservable > figures.orders - figures.served
  ) {
    ctx.report(
      'summary',
      'summary.unservable',
      `The summary counts ${s.unservable} unservable orders, but only ${figures.orders - figures.served} are unserved.`,
    );
  }
  const gap = base > 0 ? (s.objective - s.lowerBound) / base : 0;
  if (Math.abs(s.gap - gap) > 1e-6) {
    compare('gap', s.gap, gap);
  }
  if (!(s.seconds >= 0 && Number.isFinite(s.seconds))) {
    ctx.report(
      'summary',
      'summary.seconds',
      `The solve time ${s.seconds} s is not a non-negative number.`,
    );
  }
}
