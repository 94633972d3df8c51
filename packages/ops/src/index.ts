/**
 * The pure rules of a radiopharmacy's day, starting with QC: specifications with their sources,
 * the evaluation of a batch's results against them, and half-life identity. No IO.
 */
export * from './qc/qc-specification.js';
export * from './qc/qc-evaluation.js';
