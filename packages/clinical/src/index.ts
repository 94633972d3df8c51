/**
 * The pure rules of theranostics and outcomes: regimens and programmes, therapy cycles, derived
 * endpoints (PCWG3, RECIST 1.1), survival statistics and the synthetic demo cohort. No IO.
 */
export * from './regimens/regimen.js';
export * from './pathway/local-date.js';
export * from './pathway/cycles.js';
export * from './outcomes/patient-course.js';
export * from './outcomes/endpoints.js';
export * from './statistics/index.js';
export * from './cohort/synthetic-cohort.js';
export * from './cohort/xtr022-like.js';
export * from './cohort/demo-cohorts.js';
export * from './cohort/cohort-summary.js';
