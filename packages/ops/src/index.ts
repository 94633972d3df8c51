/**
 * The pure rules of a radiopharmacy's day: QC specifications and their evaluation, master recipes,
 * the batch record, release by a qualified person, and dispensing. No IO.
 */
export * from './qc/qc-specification.js';
export * from './qc/qc-evaluation.js';
export * from './qc/qc-csv.js';
export * from './qc/qc-trend.js';
export * from './recipe/master-recipe.js';
export * from './batch/batch-record.js';
export * from './batch/release.js';
export * from './batch/dispensing.js';
export * from './transport/transport-classification.js';
