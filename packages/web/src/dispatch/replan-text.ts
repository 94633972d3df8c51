import { i18n } from '../i18n/i18n.js';
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
      return (
        i18n.t('dispatch:replan.running', { date: plan.date }) +
        pct +
        (what ? i18n.t('dispatch:replan.runningWhat', { what }) : '')
      );
    }
    case 'ready':
      return plan.served === null
        ? i18n.t('dispatch:replan.ready', { date: plan.date })
        : i18n.t('dispatch:replan.readyServed', {
            date: plan.date,
            served: plan.served,
            total: plan.orders,
          });
    case 'failed':
      return plan.error
        ? i18n.t('dispatch:replan.failedWith', { error: plan.error })
        : i18n.t('dispatch:replan.failed');
    case 'committed':
      return i18n.t('dispatch:replan.committed', { date: plan.date });
    case 'superseded':
      return i18n.t('dispatch:replan.superseded', { date: plan.date });
  }
}
