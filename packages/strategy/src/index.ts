/**
 * The pure rules of supply strategy (issue 16): demand forecasts with prediction intervals and
 * their back-tests. No IO.
 */
export * from './forecast/holt-winters.js';
export * from './forecast/back-test.js';
export * from './forecast/demo-history.js';
export * from './supply/shortfall.js';
export * from './supply/allocation.js';
