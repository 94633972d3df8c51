export { activityCurve, timeGrid, type ActivityCurve } from './activity-curve.js';
export { builtinDataset, KEV_PER_U } from './builtin-dataset.js';
export { decayChain, findCycle, type ChainEdge, type DecayChain } from './decay-chain.js';
export { decayCase, parseDecayCase, type DecayCase, type DecayCaseResult } from './decay-case.js';
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
