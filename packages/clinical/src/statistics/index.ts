export type { SurvivalObservation } from './observations.js';
export { exactBinomialCi, type BinomialInterval } from './proportion.js';
export {
  kaplanMeier,
  numbersAtRisk,
  survivalAt,
  type ConfidenceTransform,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type KaplanMeierStep,
  type MedianSurvival,
} from './kaplan-meier.js';
export { logRank, stratifiedLogRank, type LogRankResult } from './log-rank.js';
export { coxPh, type CoxOptions, type CoxResult, type CoxRow } from './cox.js';
