export * from './instance.js';
export * from './plan.js';
export { productDecay, type ProductDecay } from './product-decay.js';
export { planNetwork, type PlanProgress, type PlanSettings } from './solve/plan-network.js';
export { replanInstance, type Disruption } from './replan.js';
export { carryCommitted, type CommittedPlan } from './carry-committed.js';
export { loadSolver, type Highs } from './load-solver.js';
export { LpBuilder } from './solve/lp-builder.js';
export { runReporting, type MilpProgress } from './solve/solve-milp.js';
export { formatIssue, MAX_ERRORS, withCap } from './instance-issues.js';
export {
  checkPlan,
  type CheckPlanOptions,
  type PlanCheck,
  type PlanCheckStats,
} from './check/check-plan.js';
export type { ReplanBase } from './check/check-replan.js';
export type { RuleCode, Violation } from './check/violation.js';
export {
  parseInstance,
  planningInstanceSchema,
  type ParseInstanceResult,
} from './instance-schema.js';
export { parsePlan, planSchema, type ParsePlanResult } from './plan-schema.js';
export {
  generateInstance,
  MAX_HORIZON_DAYS,
  type GenerateInstanceInput,
} from './generate/generate-instance.js';
export type { Tier } from './generate/tiers.js';
export { transportIndexFor, type ProductTransportIndex } from './generate/transport-index.js';
export { assessOrders, type OrderAssessment } from './solve/assess-orders.js';
