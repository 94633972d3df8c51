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
export * from './distribution/package-chain.js';
export * from './distribution/dose-rate.js';
export * from './distribution/receipt.js';
export * from './distribution/administration.js';
export * from './distribution/delay.js';
export * from './waste/waste-container.js';
