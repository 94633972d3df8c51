export { activityCurve, timeGrid, type ActivityCurve } from './activity-curve.js';
export { builtinDataset, KEV_PER_U } from './builtin-dataset.js';
export { decayChain, findCycle, type ChainEdge, type DecayChain } from './decay-chain.js';
export { decayCase, parseDecayCase, type DecayCase, type DecayCaseResult } from './decay-case.js';
export { clearDecayCache, decayAt, MAX_CACHED_PARENTS, parentSolver } from './decay-cache.js';
export {
  decaySolver,
  type AtomInventory,
  type DecaySolver,
  type DecayState,
} from './decay-solver.js';
export { dataset, nuclide, type Branch, type Dataset, type Nuclide } from './dataset.js';
export { DATASET_CSV_HEADER, exportDatasetCsv, parseDatasetCsv } from './dataset-csv.js';
export { formatInstant, isTimeZone, parseInstant, type ZonedInstant } from './instant.js';
export { atomsOf, gramsOf, GRAMS_PER_U, inventoryOf, MAX_ATOMS } from './inventory.js';
export { NotConvergedError } from './decimal-tier.js';
export { nearestNames, resolveNuclide } from './resolve-nuclide.js';
export { assert, domainError, err, ok, type DomainError, type Result } from './result.js';
export * from './units.js';
export {
  CLEARANCE_BQ_PER_G,
  CYCLOTRON_TARGETS,
  GENERATOR_TYPES,
  LOT_PROFILES,
  STORAGE_HALF_LIVES,
  type CyclotronTarget,
  type Figure,
  type FigureStatus,
  type GeneratorId,
  type GeneratorType,
  type LotKind,
  type LotProfile,
} from './supply/supply-data.js';
export {
  supplyError,
  type SupplyError,
  type SupplyErrorCode,
  type SupplyResult,
} from './supply/supply-error.js';
export { chainPropagator, type ChainPropagator } from './supply/chain-propagator.js';
export {
  efficiencyEstimate,
  type EfficiencyEstimate,
  type ReplayedElution,
} from './supply/efficiency.js';
export {
  equilibriumColumn,
  generatorModel,
  type ElutionPrediction,
  type ElutionRecord,
  type GeneratorModel,
  type GeneratorState,
} from './supply/generator-model.js';
export {
  dailyYield,
  optimiseElutionInterval,
  type IntervalOptions,
  type IntervalSearch,
  type IntervalYield,
} from './supply/elution-interval.js';
export {
  planElutions,
  type ElutionNeed,
  type ElutionPlanOptions,
  type PlannedElution,
} from './supply/elution-plan.js';
export {
  cyclotronRun,
  type CyclotronRun,
  type CyclotronRunResult,
} from './supply/cyclotron-run.js';
export {
  bulkLot,
  lotExpiry,
  type BulkLot,
  type LotModel,
  type NuclideActivity,
} from './supply/bulk-lot.js';
export {
  licenceImpact,
  wasteImpact,
  type LicenceImpact,
  type LicenceLimit,
  type WasteImpact,
} from './supply/lot-impact.js';
export {
  cyclotronReleases,
  generatorReleases,
  lotReleases,
  type Supply,
  type SupplyRelease,
} from './supply/supply-releases.js';
