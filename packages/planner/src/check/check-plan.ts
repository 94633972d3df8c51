import type { PlanningInstance } from '../instance.js';
import { PLAN_FORMAT, type Plan } from '../plan.js';
import { checkBatches, checkFixed, checkLines, checkOverdrawn } from './check-batches.js';
import { checkContext } from './check-context.js';
import { checkDoses, checkOrders } from './check-doses.js';
import { checkHospitalLicences, checkSiteLicences } from './check-licences.js';
import { checkShipments } from './check-shipments.js';
import { checkSummary, summaryFigures, type SummaryFigures } from './check-summary.js';
import { checkReplan, type ReplanBase } from './check-replan.js';
import { checkSupply } from './check-supply.js';
import { decayTable, type DecayTable } from './decay-table.js';
import type { RuleCode, Violation } from './violation.js';

export interface PlanCheck {
  /** True when the plan keeps every rule. */
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  readonly stats: PlanCheckStats;
}

export interface PlanCheckStats {
  readonly orders: number;
  readonly doses: number;
  readonly batches: number;
  readonly shipments: number;
  /** The summary recomputed by the checker (rule 11). */
  readonly figures: SummaryFigures;
  /** Violations per rule code (codes with none are absent). */
  readonly byRule: Partial<Record<RuleCode, number>>;
  /** Evaluations of the decay engine (memo misses). */
  readonly decayEvaluations: number;
}

export interface CheckPlanOptions {
  /** A decay table to share between checks of plans for the same network. */
  readonly decay?: DecayTable;
  /** Re-planning: the plan re-planned and the moment of re-planning (rule 12). */
  readonly base?: ReplanBase;
}

/**
 * Re-verifies every rule of docs/planning-instance.md ("The rules a plan must keep") from the
 * instance and the plan alone, with its own reading of times and its own decay evaluations from
 * the decay engine. Independent of the planners: it imports none of their code.
 */
export function checkPlan(
  instance: PlanningInstance,
  plan: Plan,
  options: CheckPlanOptions = {},
): PlanCheck {
  const violations: Violation[] = [];
  const report = (rule: RuleCode, subject: string, message: string): void => {
    violations.push({ rule, subject, message });
  };
  const format: string = plan.format;
  if (format !== PLAN_FORMAT) {
    report('format', 'plan', `The plan's format is "${format}", not "${PLAN_FORMAT}".`);
  }
  if (plan.instance !== instance.name) {
    report(
      'format',
      'plan',
      `The plan is for instance "${plan.instance}", not "${instance.name}".`,
    );
  }
  const decay = options.decay ?? decayTable();
  const before = decay.evaluations();
  const ctx = checkContext(instance, plan, report, decay);
  checkBatches(ctx);
  checkLines(ctx);
  checkFixed(ctx);
  checkOverdrawn(ctx);
  checkDoses(ctx);
  checkOrders(ctx);
  checkShipments(ctx);
  checkSupply(ctx);
  checkSiteLicences(ctx);
  checkHospitalLicences(ctx);
  checkReplan(ctx, options.base);
  const figures = summaryFigures(ctx);
  checkSummary(ctx, figures);

  const byRule: Partial<Record<RuleCode, number>> = {};
  for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  return {
    ok: violations.length === 0,
    violations,
    stats: {
      orders: instance.orders.length,
      doses: plan.doses.length,
      batches: plan.batches.length,
      shipments: plan.shipments.length,
      figures,
      byRule,
      decayEvaluations: decay.evaluations() - before,
    },
  };
}
