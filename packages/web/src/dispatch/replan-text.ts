import type { PlanSummary } from './shipment-types.js';

/** How a re-plan stands, in a line: running (with its progress), ready, failed… */
export function replanText(
  plan: Pick<PlanSummary, 'status' | 'progress' | 'served' | 'orders' | 'error' | 'date'>,
): string {
  switch (plan.status) {
    case 'running': {
      const pct =
        plan.progress.fraction === undefined ? '' : ` ${Math.round(plan.progress.fraction * 100)}%`;
      const what = plan.progress.message ?? plan.progress.phase;
      return `Re-planning ${plan.date}…${pct}${what ? ` (${what})` : ''}`;
    }
    case 'ready':
      return plan.served === null
        ? `The re-plan of ${plan.date} is ready.`
        : `The re-plan of ${plan.date} is ready: ${plan.served} of ${plan.orders} orders served.`;
    case 'failed':
      return `The re-plan failed${plan.error ? `: ${plan.error}` : '.'}`;
    case 'committed':
      return `The re-plan of ${plan.date} is committed.`;
    case 'superseded':
      return `The re-plan of ${plan.date} was superseded by a later plan.`;
  }
}
