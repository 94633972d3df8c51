/**
 * The pure rules of theranostics and outcomes: regimens and programmes, therapy cycles, derived
 * endpoints (PCWG3, RECIST 1.1), survival statistics and the synthetic demo cohort. No IO.
 */
export * from './regimens/regimen.js';
export * from './pathway/local-date.js';
export * from './pathway/cycles.js';
